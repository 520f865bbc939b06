#if PostgreSQL
import Foundation
import GRDB
@testable import PostgresStore
import PostgresTestSupport
import Scheduling
import SchedulingStore
import Testing

/// A store whose waiting list has answered offers (declined, accepted) and an open one copies both
/// ways (`biosched store copy`) and a PostgreSQL training sandbox whose first state holds them
/// resets: the offers arrive in the state they were left in, the holds still count, and an offer
/// made after the copy starts open as always (the exemption lives only inside the copy's transaction).
@Suite("Waiting list on the stores: store copy, sandbox reset, PostgreSQL's own invariants")
struct WaitlistCopyTests {
    typealias W = WaitlistConformanceTests

    /// jose declines, maria accepts, then jose holds maria's old slot (open): offers in three states.
    static func answeredOffers(_ s: some ConformingStore, _ c: W.Clock) throws -> [Offer] {
        _ = try WaitlistService.ask(W.ask("LIN2501234567", W.jose, at: c.now), in: s, clock: { c.now })
        c.advance(60)
        _ = try WaitlistService.ask(W.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now })
        try W.freeOne(s, c)
        let first = try #require(try WaitlistService.pass(in: s, clock: { c.now }).offered.first)
        let declined = try WaitlistService.decline(first.id, by: W.jose, in: s, clock: { c.now })
        let second = try #require(declined.passedOn.first)
        #expect(try WaitlistService.accept(second.id, by: maria, requestID: "copy-accept", in: s, clock: { c.now }).outcome?.result == .booked)
        #expect(try WaitlistService.pass(in: s, clock: { c.now }).offered.map(\.receipt) == [receipt("LIN2501234567")])
        let offers = try WaitlistService.overview(for: officer, in: s, clock: { c.now }).offers
        #expect(Set(offers.map(\.state)) == [.declined, .accepted, .open])
        return offers
    }

    static func counts(_ s: some BookingStore) throws -> [Date: Int] {
        try s.bookedCounts(center: "BOS", from: conformanceNow, to: conformanceNow.addingTimeInterval(30 * 86_400)).filter { $0.value > 0 }
    }

    @Test(
        "W4 store copy SQLite to PostgreSQL and back: declined, accepted and open offers keep their states, holds still count, the audit chain verifies; a new offer starts open"
    )
    func copyBothWays() throws {
        let cluster = try PostgresUnderTest.cluster()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-offer-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("a.sqlite").path
        let sqlite = try SQLiteBookingStore.create(path: source, training: true, createdBy: officer.id, now: conformanceNow)
        _ = try sqlite.importDocument(StoreUnderTest.document(stations: 2), actor: officer, now: conformanceNow)
        _ = try sqlite.importDocument(W.holders, actor: officer, now: conformanceNow)
        let c = W.Clock()
        let offers = try Self.answeredOffers(sqlite, c)
        let counts = try Self.counts(sqlite)
        let audit = try sqlite.auditLog(receipt: nil)
        sqlite.close()

        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let loc = try PostgresLocation.parse(cluster.url(db))
        let there = try StoreCopy.sqliteToPostgres(from: source, to: loc)
        #expect(there.counts.first { $0.table == "offers" }?.rows == 3)
        let pg = try PostgresBookingStore.open(loc)
        defer { pg.close() }
        #expect(try WaitlistService.overview(for: officer, in: pg, clock: { c.now }).offers == offers)
        #expect(try Self.counts(pg) == counts, "the open offer's hold still counts")
        #expect(try pg.auditLog(receipt: nil) == audit)
        // Outside the copy an answered offer is still refused at insert.
        #expect(throws: (any Error).self) {
            try pg.write { db in
                try db.run(
                    sql:
                        "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state, resolved_at) SELECT waitlist_id, receipt, center, start + 3600, created_at, deadline, 'declined', resolved_at FROM offers WHERE state = 'declined'"
                )
            }
        }
        // The open offer is answered on the copy: jose accepts it, and the station he leaves is offered on as usual.
        let open = try #require(offers.first { $0.state == .open })
        #expect(try WaitlistService.accept(open.id, by: W.jose, requestID: "after-copy", in: pg, clock: { c.now }).outcome?.result == .booked)

        let back = dir.appendingPathComponent("b.sqlite").path
        let report = try StoreCopy.postgresToSQLite(from: loc, to: back)
        #expect(report.counts.first { $0.table == "offers" }?.rows == 3)
        let again = try SQLiteBookingStore(path: back)
        defer { again.close() }
        #expect(
            try WaitlistService.overview(for: officer, in: again, clock: { c.now }).offers
                == WaitlistService.overview(for: officer, in: pg, clock: { c.now }).offers)
        #expect(try Self.counts(again) == Self.counts(pg))
        #expect(try again.verifyAudit().firstBroken == nil)
        // The set-aside triggers are back: an answered offer is refused outside the copy, on SQLite too.
        #expect(throws: (any Error).self) {
            try DatabaseQueue(path: back).write { db in
                try db.execute(
                    sql:
                        "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state, resolved_at) SELECT waitlist_id, receipt, center, start + 3600, created_at, deadline, 'declined', resolved_at FROM offers WHERE state = 'declined'"
                )
            }
        }
    }

    @Test("W4 a PostgreSQL training sandbox whose first state holds answered offers resets to it: the states, the holds and the audit chain as they were")
    func sandboxResetWithAnsweredOffers() throws {
        let t = try W.setUp(.postgresql)
        defer { t.cleanup() }
        guard let s = t.store as? PostgresBookingStore else {
            Issue.record("not a PostgreSQL store")
            return
        }
        let c = W.Clock()
        let offers = try Self.answeredOffers(s, c)
        let counts = try Self.counts(s)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try s.keepFirstState(in: folder)
        defer { s.discard(first) }
        let open = try #require(offers.first { $0.state == .open })
        #expect(try WaitlistService.decline(open.id, by: W.jose, in: s, clock: { c.now }).offer?.state == .declined)
        try s.reset(to: first)
        #expect(try WaitlistService.overview(for: officer, in: s, clock: { c.now }).offers == offers)
        #expect(try Self.counts(s) == counts)
        #expect(try s.verifyAudit().firstBroken == nil)
        // Reset twice from the same first state.
        try s.reset(to: first)
        #expect(try WaitlistService.overview(for: officer, in: s, clock: { c.now }).offers == offers)
    }

    @Test(
        "W4 a training sandbox reset undoes the waiting list of the session (requests, holds, answered offers) on SQLite and PostgreSQL: the counters and the audit chain as they were",
        arguments: StoreKind.persistent)
    func resetUndoesSessionOffers(_ kind: StoreKind) throws {
        let t = try W.setUp(kind)
        defer { t.cleanup() }
        guard let s = t.store as? any TrainingSandbox & ConformingStore else {
            Issue.record("\(kind) is not a sandbox")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counts = try Self.counts(s)
        let audit = try s.auditLog(receipt: nil).count
        let first = try s.keepFirstState(in: folder)
        defer { s.discard(first) }
        let c = W.Clock()
        _ = try Self.answeredOffers(s, c)
        #expect(try Self.counts(s) != counts)
        try s.reset(to: first)
        let after = try WaitlistService.overview(for: officer, in: s, clock: { c.now })
        #expect(after.entries.isEmpty && after.offers.isEmpty)
        #expect(try Self.counts(s) == counts)
        #expect(try s.auditLog(receipt: nil).count == audit)
        #expect(try s.verifyAudit().firstBroken == nil)
        // The waiting list works again after the reset.
        _ = try Self.answeredOffers(s, c)
    }

    @Test(
        "W4 W5 PostgreSQL's own invariants attacked with raw SQL: a second open offer per request, a hold the counter does not know, an expired offer accepted, a counter moved by hand, an offer deleted, an answered offer changed: each refused by the database"
    )
    func postgresRawSQL() throws {
        let t = try W.setUp(.postgresql)
        defer { t.cleanup() }
        guard let s = t.store as? PostgresBookingStore else {
            Issue.record("not a PostgreSQL store")
            return
        }
        let c = W.Clock()
        _ = try WaitlistService.ask(W.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now })
        _ = try WaitlistService.ask(W.ask("LIN2501234567", W.jose, at: c.now), in: s, clock: { c.now })
        try W.freeOne(s, c)
        let o = try #require(try WaitlistService.pass(in: s, clock: { c.now }).offered.first)
        func refused(_ sql: String) -> Bool {
            do {
                try s.write { db in try db.script(sql) }
                return false
            } catch { return true }
        }
        #expect(try W.booked(s, "2026-06-17T10:00") == 2, "one booking and the hold fill the 2-station slot")
        let id = o.id
        #expect(
            refused(
                "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state) SELECT waitlist_id, receipt, center, start + 1800, created_at, deadline, 'open' FROM offers WHERE id = \(id)"
            ),
            "one open offer per request")
        #expect(
            refused(
                "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state) SELECT w.id, w.receipt, o.center, o.start, o.created_at, o.deadline, 'open' FROM waitlist w, offers o WHERE o.id = \(id) AND w.id <> o.waitlist_id"
            ),
            "a hold the slot's counter does not count (checked at commit)")
        #expect(refused("UPDATE offers SET state = 'accepted', resolved_at = deadline WHERE id = \(id)"), "accepted at or after the deadline")
        #expect(refused("UPDATE offers SET state = 'expired', resolved_at = deadline - 1 WHERE id = \(id)"), "expired before the deadline")
        #expect(
            refused("UPDATE slots SET booked = booked - 1 WHERE (center, start) = (SELECT center, start FROM offers WHERE id = \(id))"),
            "a counter moved by hand")
        #expect(refused("DELETE FROM offers WHERE id = \(id)"), "offers are never deleted")
        #expect(refused("UPDATE offers SET state = 'declined', resolved_at = created_at WHERE id = \(id)"), "a hold ended without giving the station back")
        #expect(try W.booked(s, "2026-06-17T10:00") == 2)
        // Declined with its station given back, in one transaction: allowed, and final from then on.
        #expect(
            !refused(
                """
                UPDATE offers SET state = 'declined', resolved_at = created_at WHERE id = \(id);
                UPDATE slots SET booked = booked - 1 WHERE (center, start) = (SELECT center, start FROM offers WHERE id = \(id))
                """))
        #expect(try W.booked(s, "2026-06-17T10:00") == 1)
        #expect(refused("UPDATE offers SET state = 'open', resolved_at = NULL WHERE id = \(id)"), "an answer is final")
        #expect(refused("UPDATE offers SET state = 'accepted' WHERE id = \(id)"))
    }
}
#endif
