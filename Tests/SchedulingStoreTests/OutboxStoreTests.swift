import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// The outbox as a delivery queue on a real SQLite file (migration v2-outbox-delivery).
@Suite("The outbox: claims, leases, retries, reminders; SQLite guards its invariants")
struct OutboxStoreTests {
    let clock: @Sendable () -> Date = { StoreFixture.now }

    func book(
        _ f: StoreFixture, notify: NotifyChannel? = .email, receipt: String = "EAC2414052317", actor: Actor = StoreFixture.maria,
        to: String = "2026-06-24T09:00"
    ) throws {
        let r = RescheduleRequest(
            requestID: UUID().uuidString, receipt: StoreFixture.receipt(receipt), actor: actor,
            goodCause: GoodCause(reason: .medical), to: LocalDateTime(iso: to)!, notify: notify)
        #expect(try f.store.reschedule(r, clock: clock).result == .booked)
    }

    func constraint(_ f: StoreFixture, _ sql: String) -> String? {
        do {
            try f.store.pool.write { db in try db.execute(sql: sql) }
            return nil
        } catch let e as DatabaseError {
            return e.resultCode == .SQLITE_CONSTRAINT ? (e.message ?? "") : "other: \(e)"
        } catch { return "other: \(error)" }
    }

    @Test("R4 a booking's message names what it is about; its text is built when sent; a representative with an email gets a copy")
    func bookingMessage() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.pool.write { db in try db.execute(sql: "UPDATE accounts SET email = 'lee@law.example.com' WHERE id = 'attorney.lee'") }
        try book(f)
        let rows = try f.store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id") }
        #expect(rows.count == 2)
        #expect(rows.map { $0["recipient_role"] as String } == ["applicant", "representative"])
        #expect(rows.map { $0["recipient"] as String } == ["maria@example.org", "lee@law.example.com"])
        #expect(rows.allSatisfy { ($0["kind"] as String) == "booked" && ($0["status"] as String) == "pending" && ($0["appointment_id"] as Int64?) != nil })
        let item = try #require(try f.store.claimNextMessage(worker: "w1", now: StoreFixture.now, lease: 300))
        #expect(item.kind == .booked && item.attempts == 1)
        #expect(item.appointment?.center.code == "BOS" && item.previous?.status == .rescheduled)
        #expect(item.appointment?.position == 1 && item.previous?.position == 0 && item.appointment?.chainRoot == item.previous?.chainRoot)
        #expect(item.request?.decision == .booked)
    }

    @Test("A claim holds until its lease runs out: nobody else gets the row before, anybody after")
    func leases() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try book(f)
        let t0 = StoreFixture.now
        let first = try #require(try f.store.claimNextMessage(worker: "w1", now: t0, lease: 300))
        #expect(try f.store.claimNextMessage(worker: "w2", now: t0.addingTimeInterval(299), lease: 300) == nil)
        let again = try #require(try f.store.claimNextMessage(worker: "w2", now: t0.addingTimeInterval(300), lease: 300))
        #expect(again.id == first.id && again.attempts == 2)
        // w1 lost the claim: its failure changes nothing; w2's success marks it sent.
        try f.store.markFailed(first.id, worker: "w1", reason: "late", retryAt: t0.addingTimeInterval(60), now: t0)
        #expect(try f.store.markSent(first.id, worker: "w2", now: t0.addingTimeInterval(301)))
        #expect(try f.store.outboxEntries(status: .sent).map(\.id) == [first.id])
        #expect(try f.store.claimNextMessage(worker: "w3", now: t0.addingTimeInterval(9999), lease: 300) == nil)
    }

    @Test("A failed try waits for its retry time; the last one makes it failed; retry re-queues it from 0")
    func failures() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try book(f)
        let t0 = StoreFixture.now
        let item = try #require(try f.store.claimNextMessage(worker: "w1", now: t0, lease: 300))
        try f.store.markFailed(item.id, worker: "w1", reason: "try 1 of 4: exit 75", retryAt: t0.addingTimeInterval(60), now: t0)
        #expect(try f.store.claimNextMessage(worker: "w1", now: t0.addingTimeInterval(59), lease: 300) == nil)
        let second = try #require(try f.store.claimNextMessage(worker: "w1", now: t0.addingTimeInterval(60), lease: 300))
        try f.store.markFailed(second.id, worker: "w1", reason: "gave up", retryAt: nil, now: t0)
        let failed = try f.store.outboxEntries(status: .failed)
        #expect(failed.map(\.id) == [item.id] && failed[0].lastError == "gave up" && failed[0].attempts == 2)
        #expect(try f.store.claimNextMessage(worker: "w1", now: t0.addingTimeInterval(99_999), lease: 300) == nil)
        #expect(try f.store.retryOutbox(ids: nil, actor: StoreFixture.officer, now: t0) == [item.id])
        #expect(throws: StoreError.self) { try f.store.retryOutbox(ids: [item.id], actor: StoreFixture.officer, now: t0) }
        #expect(try f.store.claimNextMessage(worker: "w1", now: t0, lease: 300)?.attempts == 1)
    }

    @Test("SQLite refuses a claim without a lease, un-sending, deleting, changing content, a failure without a reason")
    func invariants() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try book(f)
        #expect(constraint(f, "UPDATE outbox SET claimed_by = 'x'")?.contains("lease_until") == true)
        #expect(constraint(f, "UPDATE outbox SET status = 'bogus'") != nil)
        #expect(constraint(f, "UPDATE outbox SET status = 'failed'")?.contains("says why") == true)
        #expect(constraint(f, "UPDATE outbox SET status = 'sent'")?.contains("sent_at") == true)
        #expect(constraint(f, "UPDATE outbox SET recipient = 'eve@example.org'")?.contains("never changes") == true)
        #expect(constraint(f, "DELETE FROM outbox")?.contains("never deleted") == true)
        #expect(
            constraint(
                f,
                "INSERT INTO outbox(receipt, channel, recipient, subject, body, created_at, kind) VALUES ('EAC2414052317', 'email', 'a@b.org', '', '', 0, 'booked')"
            )?.contains("names its appointment") == true)
        try f.store.pool.write { db in try db.execute(sql: "UPDATE outbox SET status = 'sent', sent_at = 1") }
        #expect(constraint(f, "UPDATE outbox SET status = 'pending', sent_at = NULL")?.contains("stays sent") == true)
        #expect(try f.count("SELECT count(*) FROM outbox") == 1)
    }

    @Test("Reminders: each at most once per appointment (a unique key); none for rescheduled appointments")
    func reminders() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try book(f)
        // The booking at `now` made the 2026-06-24 appointment: its 7-day mark (06-17) is after the booking.
        let sevenBefore = StoreFixture.iso("2026-06-17T13:00:00Z")
        let added = try f.store.enqueueReminders(now: sevenBefore)
        #expect(added == 1)
        #expect(try f.store.enqueueReminders(now: sevenBefore) == 0)
        #expect(try f.store.enqueueReminders(now: sevenBefore.addingTimeInterval(3600)) == 0)
        let oneBefore = StoreFixture.iso("2026-06-23T13:00:00Z")
        #expect(try f.store.enqueueReminders(now: oneBefore) == 1)
        #expect(try f.store.enqueueReminders(now: oneBefore) == 0)
        let rows = try f.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT reminder_days, appointment_id FROM outbox WHERE kind = 'reminder' ORDER BY id")
        }
        #expect(rows.map { $0["reminder_days"] as Int } == [7, 1])
        // The rescheduled appointment (06-18, maria's first) got none.
        let old = try f.count(
            "SELECT count(*) FROM outbox o JOIN appointments a ON a.id = o.appointment_id WHERE o.kind = 'reminder' AND a.status <> 'scheduled'")
        #expect(old == 0)
        // WAC2390112345 (li, no email or phone) and the cases without an online account got none.
        #expect(try f.count("SELECT count(*) FROM outbox WHERE kind = 'reminder' AND receipt <> 'EAC2414052317'") == 0)
    }
}

extension OutboxStoreTests {
    @Test("A message whose facts cannot be read fails visibly instead of stopping every mailer at it")
    func poisonRow() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try book(f)
        try book(f, notify: .email, receipt: "WAC2390112345", actor: Actor(role: .applicant, id: "li"), to: "2026-06-24T09:30")
        // The first message's center now names a zone this system does not know.
        try f.store.pool.write { db in
            try db.execute(sql: "UPDATE centers SET time_zone = 'Mars/Olympus_Mons' WHERE code = 'PHX'")
            try db.execute(sql: "UPDATE appointments SET center = 'PHX' WHERE id = (SELECT appointment_id FROM outbox ORDER BY id LIMIT 1)")
        }
        let next = try #require(try f.store.claimNextMessage(worker: "w", now: StoreFixture.now, lease: 300))
        let failed = try f.store.outboxEntries(status: .failed)
        #expect(failed.count == 1 && next.id != failed[0].id)
        #expect(failed[0].lastError?.contains("cannot read what the message is about") == true)
    }
}
