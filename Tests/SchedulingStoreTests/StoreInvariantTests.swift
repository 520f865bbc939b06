import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

@Suite("SQLite guards its own invariants")
struct StoreInvariantTests {
    func isConstraint(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let e as DatabaseError { return e.resultCode == .SQLITE_CONSTRAINT ? (e.message ?? "") : "other: \(e)" } catch { return "other: \(error)" }
    }

    @Test("R14 capacity: no SQL, however wrong, puts more bookings in a slot than its stations")
    func capacityInSQLite() throws {
        let f = try StoreFixture(stations: 1)
        defer { f.remove() }
        let start = Int64(StoreFixture.iso("2026-06-18T13:00:00Z").timeIntervalSince1970) // BOS 09:00 EDT, holds EAC
        // A second booking inserted directly into the full slot.
        let msg = isConstraint {
            try f.store.pool.write { db in
                try db.execute(sql: "INSERT INTO cases(receipt, form, status, applicant_name) VALUES ('NBC2412345678', 'I-90', 'pending', 'X')")
                try db.execute(
                    sql: "INSERT INTO appointments(receipt, center, start, status, created_at) VALUES ('NBC2412345678', 'BOS', ?, 'scheduled', 0)",
                    arguments: [start])
            }
        }
        #expect(msg?.hasSuffix("constraint failed: slot_capacity") == true, "the capacity CHECK fires, by its name")
        // Resetting the counter to make room is refused.
        #expect(isConstraint { try f.store.pool.write { db in try db.execute(sql: "UPDATE slots SET booked = 0") } } != nil)
        // A slot row cannot be created pre-filled or with another capacity.
        #expect(
            isConstraint { try f.store.pool.write { db in try db.execute(sql: "INSERT INTO slots(center, start, capacity, booked) VALUES ('BOS', 1, 1, 1)") } }
                != nil)
        #expect(
            isConstraint { try f.store.pool.write { db in try db.execute(sql: "INSERT INTO slots(center, start, capacity, booked) VALUES ('BOS', 1, 9, 0)") } }
                != nil)
        #expect(isConstraint { try f.store.pool.write { db in try db.execute(sql: "UPDATE slots SET capacity = 9") } } != nil)
        // Moving a cancelled appointment back into a full slot.
        #expect(
            isConstraint {
                try f.store.pool.write { db in
                    try db.execute(sql: "INSERT INTO cases(receipt, form, status, applicant_name) VALUES ('NBC2412345678', 'I-90', 'pending', 'X')")
                    try db.execute(
                        sql: "INSERT INTO appointments(receipt, center, start, status, created_at) VALUES ('NBC2412345678', 'BOS', ?, 'cancelled', 0)",
                        arguments: [start])
                    try db.execute(sql: "UPDATE appointments SET status = 'scheduled' WHERE receipt = 'NBC2412345678'")
                }
            } != nil)
        // Lowering a center's stations below its bookings.
        let f2 = try StoreFixture(stations: 2)
        defer { f2.remove() }
        #expect(
            isConstraint {
                try f2.store.pool.write { db in
                    try db.execute(sql: "INSERT INTO cases(receipt, form, status, applicant_name) VALUES ('NBC2412345678', 'I-90', 'pending', 'X')")
                    try db.execute(
                        sql: "INSERT INTO appointments(receipt, center, start, status, created_at) VALUES ('NBC2412345678', 'BOS', ?, 'scheduled', 0)",
                        arguments: [start])
                    try db.execute(sql: "UPDATE centers SET stations = 1 WHERE code = 'BOS'")
                }
            } != nil)
        // Nothing of the failed transactions remains, and the counters still equal the bookings.
        let mismatches = try f.count(
            """
            SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a
              WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))
            """)
        #expect(mismatches == 0)
        #expect(try f.count("SELECT count(*) FROM cases WHERE receipt = 'NBC2412345678'") == 0)
    }

    @Test("The audit log is append-only: UPDATE and DELETE fail inside SQLite")
    func auditAppendOnly() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let n = try f.count("SELECT count(*) FROM audit")
        #expect(n >= 2)
        #expect(isConstraint { try f.store.pool.write { db in try db.execute(sql: "UPDATE audit SET detail = 'x'") } }?.contains("append-only") == true)
        #expect(isConstraint { try f.store.pool.write { db in try db.execute(sql: "DELETE FROM audit") } }?.contains("append-only") == true)
        #expect(try f.count("SELECT count(*) FROM audit") == n)
    }

    @Test("A case has at most one scheduled appointment")
    func oneScheduledPerCase() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        #expect(
            isConstraint {
                try f.store.pool.write { db in
                    try db.execute(
                        sql: "INSERT INTO appointments(receipt, center, start, status, created_at) VALUES ('EAC2414052317', 'BOS', 1, 'scheduled', 0)")
                }
            }?.contains("UNIQUE") == true)
    }

    @Test("A file that is not SQLite, a foreign SQLite file and a missing file are each refused with a clear message")
    func unusableFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage.sqlite").path
        #expect(FileManager.default.createFile(atPath: garbage, contents: Data(repeating: 0x42, count: 4096)))
        #expect { try SQLiteBookingStore(path: garbage) } throws: { e in
            guard case let .unusableStore(text) = e as? StoreError else { return false }
            let m = text.english
            return m.contains("not")
        }
        let foreign = dir.appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        #expect { try SQLiteBookingStore(path: foreign) } throws: { e in
            guard case let .unusableStore(text) = e as? StoreError else { return false }
            let m = text.english
            return m.contains("not a biosched store")
        }
        #expect { try SQLiteBookingStore(path: dir.appendingPathComponent("missing.sqlite").path) } throws: { e in
            guard case let .unusableStore(text) = e as? StoreError else { return false }
            let m = text.english
            return m.contains("biosched init")
        }
    }

    @Test("A store locked past the busy timeout gives a busy error and changes nothing")
    func busyTimeout() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let counts = try f.tableCounts()
        let impatient = try SQLiteBookingStore(path: f.path, busyTimeout: 0.2)
        let holder = try DatabaseQueue(path: f.path)
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let started = Date()
            #expect {
                try impatient.reschedule(
                    RescheduleRequest(
                        requestID: "busy-1", receipt: StoreFixture.receipt("EAC2414052317"), actor: StoreFixture.maria,
                        goodCause: GoodCause(reason: .medical), to: LocalDateTime(iso: "2026-06-24T09:00")!),
                    clock: { StoreFixture.now })
            } throws: { e in
                if (e as? StoreError)?.isBusy == true { return true }
                return false
            }
            #expect(Date().timeIntervalSince(started) < 5, "gave up near its timeout, not SQLite's")
        }
        #expect(try f.tableCounts() == counts)
    }

    @Test("Import: an error names the record and field, and nothing of the file is written")
    func importAllOrNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let counts = try f.tableCounts()
        let centers = try f.count("SELECT count(*) FROM centers")
        let json = """
            {"centers": [{"code": "SEA", "name": "Seattle ASC", "timeZone": "America/Los_Angeles", "slotMinutes": 30, "stations": 2,
                          "hours": {"mon": "08:00-16:00"}}],
             "cases": [{"receipt": "SRC2418854321", "form": "I-485", "applicantName": "Kim"}],
             "appointments": [{"receipt": "SRC2418854321", "center": "SEA", "start": "2026-06-22T09:00"},
                              {"receipt": "SRC2418854321", "center": "ZZZ", "start": "2026-06-22T09:00"}]}
            """
        let doc = try ImportDocument.parse(json: Data(json.utf8))
        #expect { try f.store.importDocument(doc, actor: StoreFixture.officer, now: StoreFixture.now) } throws: { e in
            guard case let .invalid(text) = e as? StoreError else { return false }
            let m = text.english
            return m.contains("appointments[1]") && m.contains(".center") && m.contains("ZZZ")
        }
        #expect(try f.tableCounts() == counts)
        #expect(try f.count("SELECT count(*) FROM centers") == centers)

        let badTZ = #"{"centers": [{"code": "SEA", "name": "S", "timeZone": "Mars/Olympus", "slotMinutes": 30, "stations": 2, "hours": {}}]}"#
        #expect { try ImportDocument.parse(json: Data(badTZ.utf8)) } throws: { e in
            let d = (e as? ImportError)?.description ?? ""
            return d.contains("centers[0]") && d.contains("timeZone") && d.contains("Mars/Olympus")
        }
        let badReceipt = #"{"cases": [{"receipt": "EAC-24-14", "form": "I-485"}]}"#
        #expect { try ImportDocument.parse(json: Data(badReceipt.utf8)) } throws: { e in
            let d = (e as? ImportError)?.description ?? ""
            return d.contains("cases[0].receipt") && d.contains("three letters and ten digits")
        }
        let noDash = #"{"cases": [{"receipt": "EAC2414052317", "form": "I600", "applicantName": "X"}]}"#
        #expect { try ImportDocument.parse(json: Data(noDash.utf8)) } throws: { e in
            let d = (e as? ImportError)?.description ?? ""
            return d.contains("cases[0] (receipt EAC2414052317).form") && d.contains("I-485")
        }
        let noName = #"{"cases": [{"receipt": "EAC2414052317", "form": "I-600"}]}"#
        #expect { try ImportDocument.parse(json: Data(noName.utf8)) } throws: { e in
            ((e as? ImportError)?.description ?? "").contains("applicantName")
        }
        let moved = #"{"cases": [{"receipt": "EAC2414052317", "form": "i-485", "applicantName": "X", "addressChangedAt": "2026-06-01T10:00:00-04:00"}]}"#
        let parsed = try ImportDocument.parse(json: Data(moved.utf8))
        #expect(parsed.cases.first?.addressChangedAt == StoreFixture.iso("2026-06-01T14:00:00Z"))
        #expect(parsed.cases.first?.form == "I-485")
        let typo = #"{"cases": [{"receipt": "EAC2414052317", "form": "I-485", "represntatives": []}]}"#
        #expect { try ImportDocument.parse(json: Data(typo.utf8)) } throws: { e in
            ((e as? ImportError)?.description ?? "").contains("represntatives")
        }
    }

    @Test(
        "An account's preferred language: imported, kept (SQLite and in memory), updated on a new import; a language biosched does not speak is refused by name"
    )
    func accountLanguage() throws {
        let json =
            #"{"accounts": [{"id": "rosa.diaz", "role": "applicant", "name": "Rosa Díaz", "language": "es"}, {"id": "tom.li", "role": "applicant", "name": "Tom Li"}]}"#
        let doc = try ImportDocument.parse(json: Data(json.utf8))
        #expect(doc.accounts.map(\.language) == ["es", nil])
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try f.store.importDocument(doc, actor: StoreFixture.officer, now: StoreFixture.now)
        #expect(try f.store.accountLanguage("rosa.diaz") == .es)
        #expect(try f.store.accountLanguage("tom.li") == nil)
        #expect(try f.store.accountLanguage("nobody") == nil)
        let memory = MemoryBookingStore(training: true, createdBy: StoreFixture.officer.id, now: StoreFixture.now)
        _ = try memory.importDocument(doc, actor: StoreFixture.officer, now: StoreFixture.now)
        #expect(try memory.accountLanguage("rosa.diaz") == .es)
        let back = #"{"accounts": [{"id": "rosa.diaz", "role": "applicant", "name": "Rosa Díaz", "language": "en"}]}"#
        _ = try f.store.importDocument(try ImportDocument.parse(json: Data(back.utf8)), actor: StoreFixture.officer, now: StoreFixture.now)
        #expect(try f.store.accountLanguage("rosa.diaz") == .en)
        for bad in ["fr", "es_US", "", "español"] {
            let text = #"{"accounts": [{"id": "x1", "role": "applicant", "name": "X", "language": "\#(bad)"}]}"#
            #expect { try ImportDocument.parse(json: Data(text.utf8)) } throws: { e in
                let d = (e as? ImportError)?.description ?? ""
                return d.contains("accounts[0].language") && (bad.isEmpty || d.contains("en (English), es (español)"))
            }
        }
        // The database itself refuses what is not a two-letter code.
        #expect(throws: (any Error).self) { try f.store.pool.write { try $0.execute(sql: "UPDATE accounts SET language = 'spanish' WHERE id = 'tom.li'") } }
    }
}
