import Foundation
import PostgresTestSupport
import Scheduling
import SchedulingStore
import Testing

#if PostgreSQL
@testable import PostgresStore
#endif

/// `biosched demo`'s reset on both stores that can hold a sandbox: the first state kept, a
/// session's bookings, messages and audit rows undone in one transaction, and a production store
/// never emptied.
@Suite("Training sandbox: first state and reset, on SQLite and PostgreSQL")
struct TrainingSandboxTests {
    static func sandbox(_ kind: StoreKind, training: Bool = true) throws -> (any TrainingSandbox & ConformingStore, () -> Void) {
        let t = try StoreUnderTest(kind, training: training)
        guard let s = t.store as? any TrainingSandbox & ConformingStore else { throw StoreError.failed("\(kind) is not a sandbox store") }
        return (s, t.cleanup)
    }

    @Test(
        "Reset puts back the first state: the appointment, the counters, the audit log and the outbox as they were; the next booking works",
        arguments: StoreKind.persistent)
    func resetPutsBackTheFirstState(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.sandbox(kind)
        defer { cleanup() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = receipt("EAC2414052317")
        let before = try store.caseSnapshot(r, for: officer)
        let auditBefore = try store.auditLog(receipt: nil).count
        let outboxBefore = try store.outboxEntries(status: nil, limit: 1000).count
        let first = try store.keepFirstState(in: folder)

        #expect(try store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: "s1"), clock: clock).result == .booked)
        #expect(try store.caseSnapshot(r, for: officer).appointment.start != before.appointment.start)
        #expect(try store.auditLog(receipt: nil).count > auditBefore)

        try store.reset(to: first)
        let after = try store.caseSnapshot(r, for: officer)
        #expect(after.appointment.start == before.appointment.start)
        #expect(after.appointment.id == before.appointment.id)
        #expect(after.appointment.priorReschedules == before.appointment.priorReschedules)
        #expect(try store.auditLog(receipt: nil).count == auditBefore)
        #expect(try store.outboxEntries(status: nil, limit: 1000).count == outboxBefore)
        #expect(try store.verifyAudit().firstBroken == nil)
        // The request id of the undone session is free again, and the slot it took has its station back.
        #expect(try store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: "s1"), clock: clock).result == .booked)
        #expect(try store.verifyAudit().firstBroken == nil)
        // A second reset from the same first state.
        try store.reset(to: first)
        #expect(try store.caseSnapshot(r, for: officer).appointment.start == before.appointment.start)
        store.discard(first)
        #expect(throws: StoreError.self) { try store.reset(to: first) }
    }

    @Test("A production store keeps no first state and is never reset", arguments: StoreKind.persistent)
    func productionIsNeverReset(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.sandbox(kind, training: false)
        defer { cleanup() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = try store.auditLog(receipt: nil).count
        switch kind {
        case .postgresql:
            #expect(throws: StoreError.self) { try store.keepFirstState(in: folder) }
        default:
            // A SQLite snapshot is a file copy; the reset is what is refused.
            let first = try store.keepFirstState(in: folder)
            #expect(throws: StoreError.self) { try store.reset(to: first) }
        }
        #expect(try store.auditLog(receipt: nil).count == audit)
    }

    #if PostgreSQL
    @Test("PostgreSQL: the audit log and the outbox cannot be emptied outside a training reset, even on a training store")
    func postgresTruncateRefused() throws {
        let cluster = try PostgresUnderTest.cluster()
        for training in [true, false] {
            let db = try cluster.createDatabase()
            defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
            let store = try PostgresBookingStore.create(
                try PostgresLocation.parse(cluster.url(db)), training: training,
                createdBy: officer.id, now: conformanceNow)
            store.close()
            for table in ["audit", "outbox"] {
                let plain = try? cluster.psql("TRUNCATE \(table) CASCADE", database: db)
                #expect(plain == nil, "TRUNCATE \(table) on a \(training ? "training" : "production") store")
            }
            // The reset's own setting opens it on a training store only.
            let flagged = try? cluster.psql("BEGIN; SET LOCAL biosched.training_reset = 'on'; TRUNCATE audit CASCADE; ROLLBACK;", database: db)
            #expect((flagged != nil) == training, "flagged TRUNCATE on a \(training ? "training" : "production") store")
            #expect(try cluster.psql("SELECT count(*) FROM audit", database: db).trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        }
    }

    @Test("PostgreSQL: a first state left by a session that died is dropped by the next session; a live session's is kept")
    func postgresAbandonedFirstStateDropped() throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let location = try PostgresLocation.parse(cluster.url(db))
        try PostgresBookingStore.create(location, training: true, createdBy: officer.id, now: conformanceNow).close()
        let folder = FileManager.default.temporaryDirectory
        func schemas() throws -> [String] {
            try cluster.psql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'biosched_first_state_%' ORDER BY 1", database: db)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        /// First-state locks held in this database (two-key advisory locks), once the count is
        /// `expected` or 30 s have passed.
        func firstStateLocks(settlingAt expected: Int) throws -> Int {
            let sql =
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            let deadline = Date().addingTimeInterval(30)
            while true {
                let n = Int(try cluster.psql(sql, database: db).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                if n == expected || Date() > deadline { return n }
                usleep(50_000)
            }
        }
        // Two trainers' sessions; the first dies: its connections end without a word (as when
        // the process is killed), its schema stays.
        let dying = try PostgresBookingStore.open(location)
        let dead = try dying.keepFirstState(in: folder)
        let living = try PostgresBookingStore.open(location)
        defer { living.close() }
        let alive = try living.keepFirstState(in: folder)
        dying.close()
        #expect(try schemas() == [dead.name, alive.name].sorted())
        // The server lets go of a lock when the backend has ended, a moment after the client closed.
        #expect(try firstStateLocks(settlingAt: 1) == 1)
        // A third session starts: the dead one's first state goes, the living one's stays and still resets.
        let next = try PostgresBookingStore.open(location)
        defer { next.close() }
        let third = try next.keepFirstState(in: folder)
        #expect(try schemas() == [alive.name, third.name].sorted())
        try living.reset(to: alive)
        // The living session's lock connection is cut (a terminated backend): its next reset
        // takes the lock again on a new connection, and a session starting after that keeps its state.
        let holder =
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid = \(UInt32(bitPattern: PostgresBookingStore.lockKey(alive.name)))"
        let cut = try cluster.psql(holder, database: db)
        #expect(try cluster.psql("SELECT pg_terminate_backend(\(cut))", database: db) == "t")
        #expect(try firstStateLocks(settlingAt: 1) == 1, "only the third session's lock while the living one's is cut")
        try living.reset(to: alive)
        let again = try cluster.psql(holder, database: db)
        #expect(!again.isEmpty && again != cut, "held again by a new backend: \(cut) then \(again)")
        let fourth = try PostgresBookingStore.open(location)
        let fourthState = try fourth.keepFirstState(in: folder)
        #expect(try schemas().contains(alive.name))
        fourth.discard(fourthState)
        fourth.close()
        // Ended properly, a session leaves nothing, and nobody's lock is left held.
        living.discard(alive)
        next.discard(third)
        #expect(try schemas().isEmpty)
        #expect(try firstStateLocks(settlingAt: 0) == 0)
    }
    #endif
}
