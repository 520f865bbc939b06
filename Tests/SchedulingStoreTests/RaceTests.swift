import Foundation
import GRDB
import Testing

@Suite("R14 real processes racing for the last stations of a slot")
struct RaceTests {
    @Test("R14 20 biosched processes at once for a 3-station slot: exactly 3 book, the rest get SLOT_FULL")
    func racingProcesses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("race.sqlite").path
        let racers = 20
        let now = "2026-06-15T09:00:00-04:00"
        try #require(Binary.run(["init", "--training", "--db", db, "--now", now]).status == 0)
        var cases: [[String: Any]] = [], appts: [[String: Any]] = []
        for i in 0..<racers {
            let receipt = "MSC24" + String(format: "%08d", i)
            cases.append(["receipt": receipt, "form": "I-765", "applicantName": "Racer \(i)"])
            appts.append(["receipt": receipt, "center": "RAC", "start": String(format: "2026-06-18T%02d:%02d", 8 + i / 4, (i % 4) * 15)])
        }
        let doc: [String: Any] = [
            "centers": [
                [
                    "code": "RAC", "name": "Race ASC", "timeZone": "America/New_York", "slotMinutes": 15, "stations": 4,
                    "hours": ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
                ],
                [
                    "code": "TGT", "name": "Target ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 3,
                    "hours": ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
                ]
            ],
            "cases": cases, "appointments": appts
        ]
        let file = dir.appendingPathComponent("race.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let imported = try Binary.run(["import", file.path, "--db", db, "--now", now])
        try #require(imported.status == 0, "\(imported.stderr)")

        // All racers are started before any is waited for.
        var running: [(Process, Pipe, Pipe)] = []
        for i in 0..<racers {
            let receipt = "MSC24" + String(format: "%08d", i)
            running.append(
                Binary.process([
                    "reschedule", receipt, "--db", db, "--now", now, "--as", "agent", "--center", "TGT",
                    "--to", "2026-06-24T09:00", "--reason", "travel", "--json"
                ]))
        }
        for r in running { try r.0.run() }
        var statuses: [Int32] = [], results: [String] = []
        for (p, out, err) in running {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            statuses.append(p.terminationStatus)
            let obj = (try? JSONSerialization.jsonObject(with: o)) as? [String: Any]
            results.append((obj?["result"] as? String) ?? "no-json: \(String(decoding: e, as: UTF8.self))")
        }
        #expect(statuses.filter { $0 == 0 }.count == 3, "\(results)")
        #expect(statuses.filter { $0 == 3 }.count == racers - 3, "\(results)")
        #expect(results.filter { $0 == "booked" }.count == 3)
        #expect(results.filter { $0 == "slot-full" }.count == racers - 3)

        let q = try DatabaseQueue(path: db)
        let start = Int64(ISO8601DateFormatter().date(from: "2026-06-24T13:00:00Z")!.timeIntervalSince1970)
        let counts: [Int?] = try q.read { db throws -> [Int?] in
            [
                try Int.fetchOne(db, sql: "SELECT booked FROM slots WHERE center = 'TGT' AND start = ?", arguments: [start]),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments WHERE center = 'TGT' AND status = 'scheduled'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments WHERE status = 'rescheduled'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM requests WHERE decision = 'booked'")
            ]
        }
        #expect(counts == [3, 3, 3, 3], "slot counter, bookings, old appointments moved, requests")
        let integrity = try q.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
