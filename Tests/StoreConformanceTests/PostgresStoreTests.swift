#if PostgreSQL
import Foundation
@testable import PostgresStore
import PostgresTestSupport
import Scheduling
import SchedulingStore
import Testing

@Suite("PostgreSQL store: connection strings, TLS, store copy")
struct PostgresStoreTests {
    @Test("--db is read by libpq: URIs, key=value strings, multi-host lists; a password written in it is refused and never echoed")
    func connectionStrings() throws {
        let l = try PostgresLocation.parse("postgresql://app@db1.example:6432/biosched")
        #expect(l.hosts == ["db1.example"] && l.port == "6432" && l.user == "app" && l.database == "biosched")
        #expect(l.display == "postgresql://app@db1.example:6432/biosched")
        let kv = try PostgresLocation.parse("host=/run/pg port=5433 dbname=store user=ana")
        #expect(kv.hosts == ["/run/pg"] && kv.port == "5433" && kv.database == "store" && kv.isLocal)
        let two = try PostgresLocation.parse("postgresql://app@db1:5432,db2:5433/biosched?target_session_attrs=read-write")
        #expect(two.hosts == ["db1", "db2"] && two.resolved["target_session_attrs"] == "read-write")
        for bad in [
            "postgresql://app@h/db?nosuchoption=1", "host=h bogus=1", "postgresql://app@h/db?sslmode=sometimes", "host='unterminated",
            "postgresql://app@h/db\u{1b}[2J"
        ] {
            #expect(throws: StoreError.self, "\(bad)") { try PostgresLocation.parse(bad) }
        }
        for secret in ["postgresql://app:secret@h/db", "postgresql://app@h/db?password=secret", "host=h password=secret dbname=d"] {
            do {
                _ = try PostgresLocation.parse(secret)
                Issue.record("accepted \(secret)")
            } catch {
                #expect(error.message.contains("password never goes on a command line") && !error.message.contains("secret"))
            }
        }
        // The whole connection as one string another process can use: the same place, the override kept.
        let again = try PostgresLocation.parse(two.withDatabase("o'ther").connectionString)
        #expect(again.hosts == ["db1", "db2"] && again.port == "5432,5433" && again.database == "o'ther" && again.user == "app")
        // A file path is never taken for a connection string.
        #expect(!PostgresLocation.isPostgres("/tmp/a=b.sqlite") && !PostgresLocation.isPostgres("store.sqlite"))
        #expect(PostgresLocation.isPostgres("service=biosched") && PostgresLocation.isPostgres("postgres") && PostgresLocation.isPostgres("host=h dbname=d"))
    }

    @Test("TLS: to a host that is not this machine, sslmode below require is raised to require unless the string itself says sslmode=disable")
    func tlsRule() throws {
        let remote = try PostgresLocation.parse("postgresql://app@db1.example/biosched")
        #expect(!remote.isLocal && remote.requiresTLSUpgrade)
        #expect(remote.connectionParameters.last! == ("sslmode", "require"))
        let preferred = try PostgresLocation.parse("host=db1.example dbname=b sslmode=prefer")
        #expect(preferred.requiresTLSUpgrade)
        let verified = try PostgresLocation.parse("host=db1.example dbname=b sslmode=verify-full sslrootcert=/etc/ca.crt")
        #expect(!verified.requiresTLSUpgrade && !verified.connectionParameters.contains { $0.0 == "sslmode" && $0.1 == "require" })
        let clear = try PostgresLocation.parse("host=db1.example dbname=b sslmode=disable")
        #expect(clear.clearTextAllowed && !clear.requiresTLSUpgrade)
        let mixed = try PostgresLocation.parse("postgresql://app@127.0.0.1,db2.example/b")
        #expect(!mixed.isLocal && mixed.requiresTLSUpgrade)
        for local in [
            "postgresql://app@127.0.0.1:5433/b", "postgresql://app@localhost/b", "host=/var/run/postgresql dbname=b",
            "postgresql://app@[::1]/b", "host=db1.example hostaddr=127.0.0.1 dbname=b"
        ] {
            let l = try PostgresLocation.parse(local)
            #expect(l.isLocal && !l.requiresTLSUpgrade, "\(local)")
        }
        // Another database on the same server comes after the string, so it wins.
        #expect(remote.withDatabase("other").connectionParameters.contains { $0 == ("dbname", "other") })
    }

    @Test("Placeholders are numbered outside quotes; array literals are quoted and read back")
    func sqlText() throws {
        #expect(PGSQL.numbered("SELECT ? , '?' , ?2, ?") == "SELECT $1 , '?' , $2, $2")
        #expect(SQLArrayLiteral.make(["a", "b \"c\"", "d\\e", "NULL"]) == #"{"a","b \"c\"","d\\e","NULL"}"#)
        #expect(try SQLArrayLiteral.parse(#"{a,"b \"c\"","d\\e","NULL",NULL}"#) == ["a", "b \"c\"", "d\\e", "NULL"])
        #expect(try [String].read(.text("{}")) == [])
    }

    @Test(
        "A reschedule on PostgreSQL is at most 5 round trips from BEGIN to COMMIT (pipeline mode); what it wrote is whole, and a race lost at the write still books nothing"
    )
    func reschedulesInFewRoundTrips() throws {
        try withImportedStore(stations: 1) { cluster, db, store in try roundTrips(cluster, db, store) }
    }

    /// A training store in a database of its own, the conformance document imported; dropped after `body`.
    private func withImportedStore(stations: Int, _ body: (PostgresCluster, String, PostgresBookingStore) throws -> Void) throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = try cluster.createDatabase()
        let store = try PostgresBookingStore.create(try PostgresLocation.parse(cluster.url(db)), training: true, createdBy: officer.id, now: conformanceNow)
        defer {
            store.close()
            _ = try? cluster.psql("DROP DATABASE \(db)")
        }
        _ = try store.importDocument(StoreUnderTest.document(stations: stations), actor: officer, now: conformanceNow)
        try body(cluster, db, store)
    }

    private func roundTrips(_ cluster: PostgresCluster, _ db: String, _ store: PostgresBookingStore) throws {
        // A case with an online account (an enrollment code, the applicant's message) and one without.
        let first = try store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: "rt-1"), clock: clock)
        #expect(first.result == .booked)
        let booked = store.roundTripsOfLastTransaction
        #expect(booked >= 3 && booked <= 5, "a booked reschedule took \(booked) round trips")
        #expect(try store.reschedule(request("MSC2600000000", agent, to: "2026-06-24T10:00", id: "rt-2", center: "bos"), clock: clock).result == .booked)
        #expect(store.roundTripsOfLastTransaction == 4, "\(store.roundTripsOfLastTransaction)")
        // The case's own center, its zone seen by now: every read fetched ahead, 4 round trips too.
        #expect(try store.reschedule(request("EAC2414052317", maria, to: "2026-06-25T09:00", id: "rt-5"), clock: clock).result == .booked)
        #expect(store.roundTripsOfLastTransaction == 4, "\(store.roundTripsOfLastTransaction)")
        // A refusal (the slot is full) writes its request and audit row in the same few.
        let full = try store.reschedule(request("MSC2600000001", agent, to: "2026-06-24T10:00", id: "rt-3"), clock: clock)
        #expect(full.result == .slotFull)
        #expect(store.roundTripsOfLastTransaction <= 5, "\(store.roundTripsOfLastTransaction)")
        // A stale version: CONFLICT, nothing written by the booking.
        let stale = try store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T11:00", id: "rt-4", version: 1), clock: clock)
        #expect(stale.result == .conflict)
        // What the pipelined writes left: one scheduled appointment per case, every counter exact, the chain whole.
        #expect(
            try cluster.psql(
                "SELECT count(*) FROM slots s WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))",
                database: db) == "0")
        #expect(try cluster.psql("SELECT count(*) FROM appointments WHERE receipt = 'EAC2414052317' AND status = 'scheduled'", database: db) == "1")
        #expect(try cluster.psql("SELECT count(*) FROM notices WHERE receipt = 'EAC2414052317'", database: db) == "2")
        #expect(try cluster.psql("SELECT count(*) FROM outbox WHERE receipt = 'EAC2414052317' AND kind = 'booked'", database: db) == "2")
        #expect(try cluster.psql("SELECT count(*) FROM requests WHERE id IN ('rt-1','rt-2','rt-3','rt-4','rt-5')", database: db) == "5")
        #expect(try store.verifyAudit().firstBroken == nil)
        // A replay answers from the stored request, in as few.
        let again = try store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: "rt-1"), clock: clock)
        #expect(again.replayed && again.result == .booked && store.roundTripsOfLastTransaction <= 3)
    }

    @Test(
        "Statements are prepared once per connection under a name that is a digest of their text; a server that forgot them (a transaction-pooling pgbouncer) or a table that changed shape costs one retry, and the connection goes on unnamed"
    )
    func preparedStatementsAndTheirLoss() throws {
        try withImportedStore(stations: 2) { cluster, db, store in try preparedStatements(cluster, db, store) }
    }

    private func preparedStatements(_ cluster: PostgresCluster, _ db: String, _ store: PostgresBookingStore) throws {
        #expect(try store.reschedule(request("MSC2600000000", agent, to: "2026-06-24T10:00", id: "ps-1"), clock: clock).result == .booked)
        // The session's prepared statements: ours, named by digest, and the same ones used again.
        func named() throws -> [String] {
            try store.read { db in
                try db.fetchRows(sql: "SELECT name FROM pg_prepared_statements ORDER BY name", arguments: []).map { $0["name"] as String }
            }
        }
        let first = try named()
        #expect(first.count >= 10 && first.allSatisfy { $0.hasPrefix("biosched_") && $0.count == 9 + 24 }, "\(first)")
        #expect(try store.reschedule(request("MSC2600000001", agent, to: "2026-06-24T10:30", id: "ps-2"), clock: clock).result == .booked)
        let second = try named()
        #expect(Set(first).isSubset(of: Set(second)))
        #expect(try store.read { $0.preparesStatements })
        // What a pgbouncer in transaction mode does: the next transaction meets a server
        // connection without them. The reschedule runs again, unnamed, and books once.
        try store.write { db in try db.script("DEALLOCATE ALL") }
        #expect(try store.reschedule(request("MSC2600000002", agent, to: "2026-06-24T11:00", id: "ps-3"), clock: clock).result == .booked)
        #expect(try !store.read { $0.preparesStatements })
        #expect(try store.reschedule(request("MSC2600000003", agent, to: "2026-06-24T11:00", id: "ps-4"), clock: clock).result == .booked)
        // A table that changed shape under a prepared `SELECT *` (0A000): another connection
        // (a new store) prepares, the table gains a column, the retry runs unnamed.
        let other = try PostgresBookingStore.open(try PostgresLocation.parse(cluster.url(db)))
        defer { other.close() }
        #expect(try other.reschedule(request("MSC2600000004", agent, to: "2026-06-24T11:30", id: "ps-5"), clock: clock).result == .booked)
        _ = try cluster.psql("ALTER TABLE requests ADD COLUMN extra_note text", database: db)
        #expect(try other.reschedule(request("MSC2600000005", agent, to: "2026-06-24T11:30", id: "ps-6"), clock: clock).result == .booked)
        #expect(try !other.read { $0.preparesStatements })
        // Each booking stored exactly once, every counter exact.
        #expect(try cluster.psql("SELECT count(*) FROM requests WHERE id LIKE 'ps-%' AND decision = 'booked'", database: db) == "6")
        #expect(
            try cluster.psql(
                "SELECT count(*) FROM slots s WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))",
                database: db) == "0")
        #expect(try store.verifyAudit().firstBroken == nil)
    }

    @Test("store copy: a SQLite store with bookings, into PostgreSQL and back to a new file; every count and the audit chain survive; the target must be empty")
    func copyBothWays() throws {
        let cluster = try PostgresUnderTest.cluster()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("a.sqlite").path
        let sqlite = try SQLiteBookingStore.create(path: source, training: true, createdBy: officer.id, now: conformanceNow)
        _ = try sqlite.importDocument(StoreUnderTest.document(stations: 2), actor: officer, now: conformanceNow)
        #expect(try sqlite.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock).result == .booked)
        #expect(try sqlite.reschedule(request("IOE0923456781", agent, to: "2026-06-24T10:00", id: "esc"), clock: clock).result == .escalated)
        try sqlite.addStaff("jdoe", role: .agent, by: officer.id, now: conformanceNow)
        let before = try sqlite.auditLog(receipt: nil)
        sqlite.close()

        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let loc = try PostgresLocation.parse(cluster.url(db))
        let there = try StoreCopy.sqliteToPostgres(from: source, to: loc)
        #expect(there.counts.first { $0.table == "appointments" }?.rows == 20)
        let pg = try PostgresBookingStore.open(loc)
        defer { pg.close() }
        #expect(try pg.auditLog(receipt: nil) == before)
        #expect(try pg.verifyAudit().firstBroken == nil)
        #expect(try pg.caseSnapshot(receipt("EAC2414052317"), for: maria).appointment.priorReschedules == 1)
        #expect(try pg.pendingReviews().map(\.requestID) == ["esc"])
        // The copy goes on working: a booking after it gets the next ids.
        #expect(try pg.reschedule(request("WAC2390112345", agent, to: "2026-06-25T09:00"), clock: clock).result == .booked)
        #expect(throws: StoreError.self) { try StoreCopy.sqliteToPostgres(from: source, to: loc) }

        let back = dir.appendingPathComponent("b.sqlite").path
        let report = try StoreCopy.postgresToSQLite(from: loc, to: back)
        #expect(report.counts.first { $0.table == "audit" }?.rows == before.count + 2)
        let again = try SQLiteBookingStore(path: back)
        defer { again.close() }
        #expect(try again.verifyAudit().firstBroken == nil)
        #expect(try again.auditLog(receipt: nil) == pg.auditLog(receipt: nil))
        #expect(try again.caseSnapshot(receipt("WAC2390112345"), for: agent) == pg.caseSnapshot(receipt("WAC2390112345"), for: agent))
        // Slots that went back to 0 keep a row in PostgreSQL; SQLite's copy counts the bookings anew.
        #expect(
            try again.bookedCounts(center: "BOS", from: conformanceNow, to: conformanceNow.addingTimeInterval(30 * 86_400)).filter { $0.value > 0 }
                == pg.bookedCounts(center: "BOS", from: conformanceNow, to: conformanceNow.addingTimeInterval(30 * 86_400)).filter { $0.value > 0 })
        #expect(try again.staff().map(\.user).contains("jdoe"))
        #expect(throws: StoreError.self) { try StoreCopy.postgresToSQLite(from: loc, to: back) }
    }

    @Test("The server numbers and hashes audit rows at commit: a transaction's rows in order, none from a rollback, no gap; the chain verifies in Swift")
    func auditSealedAtCommit() throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let store = try PostgresBookingStore.create(try PostgresLocation.parse(cluster.url(db)), training: true, createdBy: officer.id, now: conformanceNow)
        defer { store.close() }
        let insert = "INSERT INTO audit_pending(at, actor_role, actor, action, receipt, detail) VALUES"
        try cluster.psql(
            "BEGIN; \(insert) (1, 'agent', 'a.one', 'looked-up', NULL, 'first'); \(insert) (2, 'agent', 'a.one', 'looked-up', 'EAC2414052317', 'zweite Zeile: ü'); COMMIT;",
            database: db)
        try cluster.psql("BEGIN; \(insert) (3, 'agent', 'a.two', 'looked-up', NULL, 'rolled back'); ROLLBACK;", database: db)
        try cluster.psql("\(insert) (4, 'agent', 'a.three', 'looked-up', NULL, 'after')", database: db)
        let rows = try cluster.psql("SELECT id || ' ' || detail FROM audit ORDER BY id", database: db).split(separator: "\n").map(String.init)
        #expect(rows == ["1 training store", "2 first", "3 zweite Zeile: ü", "4 after"], "\(rows)")
        #expect(try cluster.psql("SELECT count(*) FROM audit_pending", database: db) == "0")
        let v = try store.verifyAudit()
        #expect(v.firstBroken == nil && v.rows == 4, "\(v)")
        // A row added to audit directly, not chained, is refused.
        #expect(
            (try? cluster.psql(
                "INSERT INTO audit(id, at, actor_role, actor, action, detail, prev_hash, hash) VALUES (5, 5, 'agent', 'x', 'y', '', repeat('0', 64), repeat('0', 64))",
                database: db)) == nil)
    }

    @Test("A database not encoded UTF8 is refused, saying how to make one")
    func encodingRefused() throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = "t_ascii_" + String(UUID().uuidString.prefix(8)).lowercased()
        try cluster.psql("CREATE DATABASE \(db) ENCODING 'SQL_ASCII' TEMPLATE template0")
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        do {
            _ = try PostgresBookingStore.create(try PostgresLocation.parse(cluster.url(db)), training: true, createdBy: officer.id, now: conformanceNow)
            Issue.record("a SQL_ASCII database was accepted")
        } catch {
            #expect(error.message.contains("needs UTF8") && error.message.contains("createdb -E UTF8"), "\(error.message)")
        }
        #expect(try cluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: db) == "0")
    }

    @Test("init --demo and demo on PostgreSQL: the schema and the demo data are one transaction; an error in the last record leaves the database empty")
    func createWithContentsIsAllOrNothing() throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let location = try PostgresLocation.parse(cluster.url(db))
        // The conformance suite's small document stands in for the demo data (the same path, minutes less in a debug build).
        var bad = StoreUnderTest.document(stations: 2)
        bad.appointments.append(.init(receipt: bad.cases[0].receipt, center: "NOWHERE", start: "2026-06-23T09:00"))
        #expect(throws: StoreError.self) {
            try PostgresBookingStore.create(location, training: true, createdBy: officer.id, now: conformanceNow, contents: bad).close()
        }
        #expect(try cluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: db) == "0")
        #expect(try PostgresBookingStore.isEmptyDatabase(location), "still a database demo may fill")
        let good = try PostgresBookingStore.create(
            location, training: true, createdBy: officer.id, now: conformanceNow,
            contents: StoreUnderTest.document(stations: 2))
        defer { good.close() }
        #expect(try good.storeInfo().isTraining)
        #expect(try cluster.psql("SELECT count(*) > 0 FROM appointments", database: db) == "t")
        #expect(try good.verifyAudit().firstBroken == nil)
    }

    @Test("A connection the server ended while it sat idle (a restart, pg_terminate_backend): the next call reconnects and works, it never hangs")
    func idleConnectionEndedByTheServer() throws {
        let cluster = try PostgresUnderTest.cluster()
        let db = try cluster.createDatabase()
        defer { _ = try? cluster.psql("DROP DATABASE \(db)") }
        let store = try PostgresBookingStore.create(try PostgresLocation.parse(cluster.url(db)), training: true, createdBy: officer.id, now: conformanceNow)
        defer { store.close() }
        let endAll = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        // The client has noticed the close before the next call (it hung for ever once: postgres-nio
        // never answers a statement written to a closed channel), given time or at once.
        for settle: UInt32 in [500_000, 0] {
            #expect(try store.storeInfo().isTraining) // a connection now waits in the pool
            #expect(try cluster.psql(endAll, database: db) == "1", "the pooled connection's backend")
            usleep(settle)
            #expect(try store.storeInfo().isTraining, "the next call works on a new connection (settle \(settle) µs)")
        }
        #expect(try store.verifyAudit().firstBroken == nil)
    }
}
#endif
