import Foundation
import Scheduling

/// Drains the outbox: claims one message at a time, builds it, hands it to the transport, and
/// marks it sent, or records the failure and when to retry (`RetrySchedule`). Claiming, sending
/// and marking are separate steps with their own transaction, so delivery is at least once: a
/// mailer killed after the transport accepted a message but before it was marked leaves it
/// claimed; when the lease runs out another mailer sends it again, with the same Message-ID.
public struct Mailer: Sendable {
    public var store: any OutboxStore
    public var transport: any Transport
    public var from: Mailbox
    /// Who holds the claims: `HOST:PID:RANDOM`.
    public var worker: String
    /// How long a claim holds; longer than the transport's timeout.
    public var lease: TimeInterval
    public var retry: RetrySchedule
    /// The language of the report's lines (the outbox keeps its reasons in English, as records).
    public var language: Language = .en

    public init(
        store: any OutboxStore, transport: any Transport, from: Mailbox, worker: String, lease: TimeInterval,
        retry: RetrySchedule = .standard
    ) {
        self.store = store
        self.transport = transport
        self.from = from
        self.worker = worker
        self.lease = lease
        self.retry = retry
    }

    /// `<outbox-42@biosched.STORE>`: one per outbox message, the same on every try.
    public static func messageID(outbox id: Int64, storeID: String) -> String { "<outbox-\(id)@biosched.\(storeID)>" }

    /// Handles every message due at the time `clock` gives, one at a time, until none is left (or
    /// `shouldStop` says so between two messages).
    public func drain(clock: () -> Date, shouldStop: () -> Bool = { false }) throws(StoreError) -> MailerReport {
        var report = MailerReport()
        while !shouldStop(), let item = try store.claimNextMessage(worker: worker, now: clock(), lease: lease) {
            try handle(item, now: clock(), clock: clock, into: &report)
        }
        return report
    }

    func handle(_ item: OutboxItem, now: Date, clock: () -> Date, into report: inout MailerReport) throws(StoreError) {
        do {
            try deliver(item, now: now)
            try store.markSent(item.id, worker: worker, now: clock())
            report.sent += 1
            report.lines.append(t.mailerSent(item.id, item.kind.rawValue, item.channel.rawValue, item.recipient))
        } catch let skip as Skip {
            try store.markSkipped(item.id, worker: worker, reason: skip.text.english, now: clock())
            report.skipped += 1
            report.lines.append(t.mailerSkipped(item.id, skip.text(language) ?? skip.text.english))
        } catch let failure as DeliveryFailure {
            let at = clock()
            let next = failure.permanent ? nil : retry.nextAttempt(after: item.attempts, now: at)
            let reason = Catalog.en.mailerTry(item.attempts, retry.maxAttempts, failure.reason) // the record, in English
            let said = t.mailerTry(item.attempts, retry.maxAttempts, failure.text(language) ?? failure.reason)
            try store.markFailed(item.id, worker: worker, reason: reason, retryAt: next, now: at)
            if let next {
                report.retrying += 1
                report.lines.append(t.mailerRetry(item.id, Mailer.iso(next), said))
            } else {
                report.failed += 1
                report.lines.append(t.mailerFailed(item.id, permanent: failure.permanent, said))
            }
        } catch {
            throw (error as? StoreError) ?? .failed("\(error)")
        }
    }

    struct Skip: Error { var text: Localized }

    var t: Catalog { Catalog(language) }

    /// Builds the message and hands it over; the recipient is checked before any program sees it.
    func deliver(_ item: OutboxItem, now: Date) throws {
        if item.kind == .reminder, let a = item.appointment, a.status != .scheduled || a.start <= now {
            let over = a.start <= now, status = a.status.rawValue
            throw Skip(text: Localized { $0.reminderNotSent(over: over, status) })
        }
        let content = try NotificationComposer.compose(item, organizer: from, now: now)
        switch item.channel {
        case .email:
            guard let to = EmailAddress(item.recipient) else {
                throw DeliveryFailure(permanent: true) { $0.badEmailRecipient(item.recipient) }
            }
            let message = MailMessage(
                from: from, to: Mailbox(name: item.recipientName, address: to), subject: content.subject, date: now,
                messageID: Mailer.messageID(outbox: item.id, storeID: item.storeID), text: content.text,
                attachments: content.calendars,
                extraHeaders: [
                    ("X-Biosched-Outbox", String(item.id)), ("X-Biosched-Kind", item.kind.rawValue),
                    ("X-Biosched-Receipt", item.receipt.value)
                ])
            let text: String
            do { text = try message.render() } catch {
                let header = error.header
                throw DeliveryFailure(permanent: true) { $0.headerInjection(header) }
            }
            try transport.sendMail(text, to: to, from: from.address)
        case .sms:
            guard let to = PhoneNumber(item.recipient) else {
                throw DeliveryFailure(permanent: true) { $0.badPhoneRecipient(item.recipient) }
            }
            try transport.sendSMS(content.sms, to: to)
        }
    }

    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
