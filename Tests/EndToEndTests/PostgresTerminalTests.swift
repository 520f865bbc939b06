import Foundation
import PostgresTestSupport
import Testing

/// The full-screen UI in tmux on a PostgreSQL store (a private cluster, see `PostgresCluster`).
@Suite("The terminal UI on PostgreSQL, in tmux")
struct PostgresTerminalTests {
    static let now = "2026-06-15T09:00:00-04:00"

    @Test("R14 an agent reschedules a case in the UI on a PostgreSQL store; the notice is shown and status --json reads the new appointment")
    func agentReschedulesOnPostgres() throws {
        let c: PostgresCluster
        switch PostgresCluster.shared {
        case let .success(cluster): c = cluster
        case let .failure(why):
            if PostgresCluster.required { throw why }
            FileHandle.standardError.write(Data("SKIPPED (PostgreSQL): \(why)\n".utf8))
            try Test.cancel("PostgreSQL not available: \(why)")
        }
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let url = c.url(try c.createDatabase())
        #expect(try TmuxSession.runBinary(["init", "--training", "--db", url, "--now", Self.now]).0 == 0)
        let weekdays = ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
        let doc: [String: Any] = [
            "centers": [["code": "BOS", "name": "Boston ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2, "hours": weekdays]],
            "cases": [["receipt": "EAC2414052317", "form": "I-485", "applicantName": "Ana Perez"]],
            "appointments": [["receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"]],
        ]
        let t = try TmuxSession(); defer { t.close() }
        let file = t.dir.appendingPathComponent("doc.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        #expect(try TmuxSession.runBinary(["import", file.path, "--db", url, "--now", Self.now]).0 == 0)
        try t.start("\(TmuxSession.binary) tui --as agent --db \(url) --now \(Self.now); echo EXITED; sleep 60")
        try t.waitFor("Find a caller")
        try t.literal("EAC2414052317")
        try t.waitFor("EAC2414052317")
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("Enter", "Enter")
        try t.waitFor("Why can't they attend?")
        try t.keys("Enter")
        try t.literal("Caller is in hospital")
        try t.keys("Tab", "Tab", "Enter")
        try t.waitFor("Confirm the new appointment")
        try t.keys("Enter")
        let booked = try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE")
        #expect(booked.contains("Booked"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let (status, json) = try TmuxSession.runBinary(["status", "EAC2414052317", "--db", url, "--now", Self.now, "--as", "agent", "--json"])
        #expect(status == 0)
        let appt = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["appointment"] as? [String: Any]
        #expect(appt?["local"] as? String != nil && appt?["local"] as? String != "2026-06-18T09:00", "\(json)")
        #expect(appt?["priorReschedules"] as? Int == 1, "\(json)")
    }
}
