import Foundation
import GRDB
import Testing

/// The waiting list's invariants are SQLite's own (migration v11-waitlist), not only Swift's: raw
/// SQL on a real store file that tries to break them is refused, and the counters stay exact.
@Suite("W4 W5 the waiting list's invariants attacked with raw SQL (SQLite)")
struct WaitlistInvariantTests {
    @Test(
        "W4 W5 a second open offer per request, a hold on a full slot, an expired offer accepted, an answered offer changed, a counter moved by hand, an offer deleted: each refused by the database"
    )
    func rawSQL() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-offer-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path, now = "2026-06-15T09:00:00-04:00"
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now]) }
        try #require(try run(["init", "--training"]).status == 0)
        let doc = dir.appendingPathComponent("d.json")
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "city": "Boston", "state": "MA", "timeZone": "America/New_York", "slotMinutes": 30,
                          "stations": 2, "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicantName": "María García"},
                       {"receipt": "LIN2501234567", "form": "I-130", "applicantName": "José Luis Garcia"},
                       {"receipt": "NBC2600000000", "form": "I-90", "applicantName": "Holder A"},
                       {"receipt": "NBC2600000001", "form": "I-90", "applicantName": "Holder B"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"},
                              {"receipt": "LIN2501234567", "center": "BOS", "start": "2026-06-25T09:00"},
                              {"receipt": "NBC2600000000", "center": "BOS", "start": "2026-06-17T10:00"},
                              {"receipt": "NBC2600000001", "center": "BOS", "start": "2026-06-17T10:00"}]}
            """.utf8
        ).write(to: doc)
        try #require(try run(["import", doc.path]).status == 0)
        for r in ["EAC2414052317", "LIN2501234567"] { try #require(try run(["waitlist", "add", r, "--as", "agent"]).status == 0) }
        try #require(try run(["reschedule", "NBC2600000000", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical"]).status == 0)
        try #require(try run(["offers", "--expire", "--as", "agent"]).status == 0)

        let q = try DatabaseQueue(path: db)
        let offer = try #require(try q.read { db in try Row.fetchOne(db, sql: "SELECT * FROM offers WHERE state = 'open'") })
        let id: Int64 = offer["id"], waitlist: Int64 = offer["waitlist_id"], center: String = offer["center"], start: Int64 = offer["start"]
        let created: Int64 = offer["created_at"], deadline: Int64 = offer["deadline"]
        func booked() throws -> Int {
            try q.read { db in try Int.fetchOne(db, sql: "SELECT booked FROM slots WHERE center = ? AND start = ?", arguments: [center, start]) ?? -1 }
        }
        func refused(_ sql: String, _ args: StatementArguments = []) -> Bool {
            do {
                try q.write { db in try db.execute(sql: sql, arguments: args) }
                return false
            } catch { return true }
        }
        #expect(try booked() == 2, "one booking and the hold fill the 2-station slot")
        // One open offer per request.
        #expect(
            refused(
                "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state) SELECT waitlist_id, receipt, center, start + 1800, created_at, deadline, 'open' FROM offers WHERE id = ?",
                [id]))
        // A hold on a full slot (the other request, the same slot).
        #expect(
            refused(
                "INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state) SELECT id, receipt, ?, ?, ?, ?, 'open' FROM waitlist WHERE id <> ?",
                [center, start, created, deadline, waitlist]))
        // An expired offer cannot be accepted; an offer does not expire before its deadline.
        #expect(refused("UPDATE offers SET state = 'accepted', resolved_at = deadline WHERE id = ?", [id]))
        #expect(refused("UPDATE offers SET state = 'expired', resolved_at = deadline - 1 WHERE id = ?", [id]))
        // A counter moved by hand; an offer deleted.
        #expect(refused("UPDATE slots SET booked = booked - 1 WHERE center = ? AND start = ?", [center, start]))
        #expect(refused("DELETE FROM offers WHERE id = ?", [id]))
        #expect(try booked() == 2)
        // Answered, the station is given back by the trigger, and the answer is final.
        try q.write { db in try db.execute(sql: "UPDATE offers SET state = 'declined', resolved_at = created_at WHERE id = ?", arguments: [id]) }
        #expect(try booked() == 1)
        #expect(refused("UPDATE offers SET state = 'open', resolved_at = NULL WHERE id = ?", [id]))
        #expect(refused("UPDATE offers SET state = 'accepted' WHERE id = ?", [id]))
        let freed = try q.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM freed_stations WHERE center = ? AND start = ?", arguments: [center, start])
        }
        #expect(freed == 1, "the decline recorded the freed station for the offer pass")
        let integrity = try q.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
