import Foundation
import GRDB
import Testing

#if PostgreSQL
import PostgresTestSupport
#endif

/// W4 R14: a held station counts against capacity under any interleaving of real processes. Each
/// round, a holder of a full 3-station slot moves away (freeing a station) while 16 biosched
/// processes try to book that slot, 2 run the offer pass, and 8 waiting applicants try to accept
/// every offer there is. Repeated; never more bookings plus holds than stations; in the end every
/// offer is resolved (accepted, declined, expired), and the counters equal what they count.
@Suite("W4 R14 real processes: bookings, a freed station, offers and accepts racing")
struct WaitlistRaceTests {
    static var backends: [String] {
        #if PostgreSQL
        ["sqlite", "postgresql"]
        #else
        ["sqlite"]
        #endif
    }

    @Test(
        "W4 R14 16 bookers, 2 offer passes and 8 acceptors racing for a freed station, 3 rounds: never over capacity; every offer resolved", arguments: backends
    )
    func racingOffers(backend: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-offer-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqliteFile = dir.appendingPathComponent("race.sqlite").path
        // One number from the store: GRDB on the SQLite file, psql on the PostgreSQL database.
        let db: String, number: (String) throws -> Int
        #if PostgreSQL
        if backend == "postgresql" {
            let c = try PostgresProcessTests.cluster()
            let name = try c.createDatabase()
            db = c.url(name)
            number = { sql in Int(try c.psql(sql, database: name).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        } else {
            db = sqliteFile
            number = { sql in try DatabaseQueue(path: sqliteFile).read { d in try Int.fetchOne(d, sql: sql) ?? -1 } }
        }
        #else
        db = sqliteFile
        number = { sql in try DatabaseQueue(path: sqliteFile).read { d in try Int.fetchOne(d, sql: sql) ?? -1 } }
        #endif
        let now = "2026-06-15T09:00:00-04:00"
        try #require(Binary.run(["init", "--training", "--db", db, "--now", now]).status == 0)
        let hours = ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
        var cases: [[String: Any]] = [], appts: [[String: Any]] = [], accounts: [[String: Any]] = []
        // 3 holders fill the target slot Wed 06-24 09:00; 16 racers elsewhere; 8 waiting applicants later at TGT.
        for i in 0..<3 {
            let r = "NBC26" + String(format: "%08d", i)
            cases.append(["receipt": r, "form": "I-90", "applicantName": "Holder \(i)"])
            appts.append(["receipt": r, "center": "TGT", "start": "2026-06-24T09:00"])
        }
        for i in 0..<16 {
            let r = "MSC24" + String(format: "%08d", i)
            cases.append(["receipt": r, "form": "I-765", "applicantName": "Racer \(i)"])
            appts.append(["receipt": r, "center": "RAC", "start": String(format: "2026-06-18T%02d:%02d", 8 + i / 4, (i % 4) * 15)])
        }
        for i in 0..<8 {
            let r = "EAC26" + String(format: "%08d", i)
            accounts.append(["id": "wait\(i)", "role": "applicant", "name": "Waiting \(i)", "email": "wait\(i)@example.org"])
            cases.append(["receipt": r, "form": "I-485", "applicant": "wait\(i)"])
            appts.append([
                "receipt": r, "center": "TGT",
                "start": String(format: "2026-07-0%d T10:00", 6 + i % 4).replacingOccurrences(of: " ", with: "")
                    .replacingOccurrences(of: "T10:00", with: String(format: "T%02d:00", 10 + i / 4))
            ])
        }
        let doc: [String: Any] = [
            "centers": [
                ["code": "RAC", "name": "Race ASC", "timeZone": "America/New_York", "slotMinutes": 15, "stations": 4, "hours": hours],
                ["code": "TGT", "name": "Target ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 3, "hours": hours]
            ],
            "accounts": accounts, "cases": cases, "appointments": appts
        ]
        let file = dir.appendingPathComponent("race.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let imported = try Binary.run(["import", file.path, "--db", db, "--now", now])
        try #require(imported.status == 0, "\(imported.stderr)")
        for i in 0..<8 {
            let added = try Binary.run([
                "waitlist", "add", "EAC26" + String(format: "%08d", i), "--centers", "TGT", "--db", db, "--now", now,
                "--as", "applicant", "--account", "wait\(i)"
            ])
            try #require(added.status == 0, "\(added.stdout)\(added.stderr)")
        }
        let bin = Binary.url.path
        let start = Int64(ISO8601DateFormatter().date(from: "2026-06-24T13:00:00Z")!.timeIntervalSince1970)
        for round in 0..<3 {
            var running: [(Process, Pipe, Pipe)] = []
            running.append(
                Binary.process([
                    "reschedule", "NBC26" + String(format: "%08d", round), "--db", db, "--now", now, "--as", "agent",
                    "--to", "2026-06-26T14:00", "--reason", "travel"
                ]))
            for i in 0..<16 {
                running.append(
                    Binary.process([
                        "reschedule", "MSC24" + String(format: "%08d", i), "--db", db, "--now", now, "--as", "agent",
                        "--center", "TGT", "--to", "2026-06-24T09:00", "--reason", "travel", "--json"
                    ]))
            }
            for _ in 0..<2 { running.append(Binary.process(["offers", "--expire", "--db", db, "--now", now, "--as", "agent"])) }
            for i in 0..<8 {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/sh")
                // Tries every offer id there can be, a few times over (one station a round): only its own can be accepted.
                p.arguments = [
                    "-c",
                    "for pass in 1 2 3; do for id in $(seq 1 12); do '\(bin)' offers accept $id --db '\(db)' --now \(now) --as applicant --account wait\(i) >/dev/null 2>&1; done; done; echo done"
                ]
                let out = Pipe(), err = Pipe()
                p.standardOutput = out
                p.standardError = err
                running.append((p, out, err))
            }
            for r in running { try r.0.run() }
            for (p, out, err) in running {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                _ = err.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
            }
            let booked = try number("SELECT coalesce((SELECT booked FROM slots WHERE center = 'TGT' AND start = \(start)), 0)")
            let scheduled = try number("SELECT count(*) FROM appointments WHERE center = 'TGT' AND start = \(start) AND status = 'scheduled'")
            let open = try number("SELECT count(*) FROM offers WHERE center = 'TGT' AND start = \(start) AND state = 'open'")
            #expect(booked <= 3 && booked == scheduled + open, "round \(round): booked \(booked), scheduled \(scheduled), open offers \(open)")
        }
        // Three hours later every open offer is late: the pass ends them all (and offers nothing new past its window).
        let later = try Binary.run(["offers", "--expire", "--db", db, "--now", "2026-06-15T12:00:00-04:00", "--as", "agent", "--json"])
        #expect(later.status == 0, "\(later.stderr)")
        let late = Int64(ISO8601DateFormatter().date(from: "2026-06-15T16:00:00Z")!.timeIntervalSince1970)
        let openLeft = try number("SELECT count(*) FROM offers WHERE state = 'open' AND deadline <= \(late)")
        let total = try number("SELECT count(*) FROM offers")
        let wrongCounters = try number(
            """
            SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start
              AND a.status IN ('scheduled','attended','missed')) + (SELECT count(*) FROM offers o WHERE o.center = s.center AND o.start = s.start AND o.state = 'open')
              OR booked > capacity
            """)
        #expect(openLeft == 0, "every offer is resolved once late")
        #expect(wrongCounters == 0)
        if backend == "sqlite" {
            let integrity = try DatabaseQueue(path: db).read { d in try String.fetchOne(d, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
        }
        // The record: every offer made is audited.
        #expect(try number("SELECT count(*) FROM audit WHERE action = 'offer-made'") == total)
    }
}
