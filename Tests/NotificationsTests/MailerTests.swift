import Foundation
import Scheduling
import Testing

@testable import Notifications

/// The mailer loop against an in-memory outbox and a recording transport.
@Suite("The mailer: claim, send, mark; retries and refusals")
struct MailerTests {
    final class MemoryOutbox: OutboxStore, @unchecked Sendable {
        let lock = NSLock()
        var items: [OutboxItem]
        var sent: [Int64] = []
        var failures: [(id: Int64, reason: String, retryAt: Date?)] = []
        var skipped: [Int64] = []
        init(_ items: [OutboxItem]) { self.items = items }
        func claimNextMessage(worker: String, now: Date, lease: TimeInterval) throws(StoreError) -> OutboxItem? {
            lock.lock()
            defer { lock.unlock() }
            return items.isEmpty ? nil : items.removeFirst()
        }
        func markSent(_ id: Int64, worker: String, now: Date) throws(StoreError) -> Bool {
            lock.lock()
            sent.append(id)
            lock.unlock()
            return true
        }
        func markFailed(_ id: Int64, worker: String, reason: String, retryAt: Date?, now: Date) throws(StoreError) {
            lock.lock()
            failures.append((id, reason, retryAt))
            lock.unlock()
        }
        func markSkipped(_ id: Int64, worker: String, reason: String, now: Date) throws(StoreError) {
            lock.lock()
            skipped.append(id)
            lock.unlock()
        }
    }

    final class Recorder: Transport, @unchecked Sendable {
        let lock = NSLock()
        var mails: [String] = []
        var sms: [(String, String)] = []
        var fail: DeliveryFailure?
        func sendMail(_ message: String, to: EmailAddress, from: EmailAddress) throws(DeliveryFailure) {
            if let fail { throw fail }
            lock.lock()
            mails.append(message)
            lock.unlock()
        }
        func sendSMS(_ text: String, to: PhoneNumber) throws(DeliveryFailure) {
            if let fail { throw fail }
            lock.lock()
            sms.append((to.e164, text))
            lock.unlock()
        }
    }

    func mailer(_ store: MemoryOutbox, _ t: Recorder) -> Mailer {
        Mailer(store: store, transport: t, from: NFx.from, worker: "test:1", lease: 300)
    }

    @Test("Each message is sent once with a Message-ID made from its outbox id, and marked sent")
    func sends() throws {
        let store = MemoryOutbox([NFx.item(.booked, id: 5), NFx.item(.booked, id: 6, channel: .sms, recipient: "(617) 555-0142")])
        let t = Recorder()
        let report = try mailer(store, t).drain(clock: { NFx.now })
        #expect(report.sent == 2 && store.sent == [5, 6])
        #expect(t.mails.count == 1 && t.mails[0].contains("Message-ID: <outbox-5@biosched.0123abcd>"))
        #expect(t.sms.count == 1 && t.sms[0].0 == "+16175550142")
    }

    @Test("A failed try is retried 1, 5 and 30 minutes later, then given up")
    func retries() throws {
        let t = Recorder()
        t.fail = DeliveryFailure("sendmail exited with status 75")
        for (attempt, delay) in [(1, 60.0), (2, 300), (3, 1800), (4, nil)] as [(Int, TimeInterval?)] {
            let store = MemoryOutbox([NFx.item(.booked, attempts: attempt)])
            let report = try mailer(store, t).drain(clock: { NFx.now })
            #expect(store.failures.count == 1)
            #expect(store.failures[0].retryAt == delay.map { NFx.now.addingTimeInterval($0) })
            #expect(store.failures[0].reason.contains("try \(attempt) of 4") && store.failures[0].reason.contains("status 75"))
            #expect(delay == nil ? report.failed == 1 : report.retrying == 1)
        }
    }

    @Test("An invalid recipient never reaches a program and fails for good at once")
    func invalidRecipient() throws {
        let store = MemoryOutbox([
            NFx.item(.booked, recipient: "(no email address on file for x)"),
            NFx.item(.booked, id: 43, channel: .sms, recipient: "617-555-0142; reboot")
        ])
        let t = Recorder()
        let report = try mailer(store, t).drain(clock: { NFx.now })
        #expect(t.mails.isEmpty && t.sms.isEmpty)
        #expect(report.failed == 2 && store.failures.allSatisfy { $0.retryAt == nil })
    }

    @Test("A name with a line break is refused as header injection, for good")
    func injectedName() throws {
        var item = NFx.item(.booked)
        item.recipientName = "Eve\r\nBcc: victim@example.org"
        let store = MemoryOutbox([item])
        let t = Recorder()
        _ = try mailer(store, t).drain(clock: { NFx.now })
        #expect(t.mails.isEmpty)
        #expect(store.failures.first?.retryAt == nil && store.failures.first?.reason.contains("header injection") == true)
    }

    @Test("A reminder for an appointment no longer scheduled is skipped")
    func staleReminder() throws {
        var item = NFx.item(.reminder, reminderDays: 1)
        item.appointment?.status = .rescheduled
        let store = MemoryOutbox([item])
        let t = Recorder()
        let report = try mailer(store, t).drain(clock: { NFx.now })
        #expect(report.skipped == 1 && store.skipped == [42] && t.mails.isEmpty)
    }
}
