#if PostgreSQL
import Foundation
import PostgresTestSupport
import Testing

/// The full-screen UI in tmux on a PostgreSQL store (a private cluster, see `PostgresCluster`).
@Suite("The terminal UI on PostgreSQL, in tmux")
struct PostgresTerminalTests {
    static let now = "2026-06-15T09:00:00-04:00"

    /// The private cluster, or a loud skip naming the package to install (a failure when
    /// BIOSCHED_REQUIRE_POSTGRES=1, as in CI).
    static func cluster() throws -> PostgresCluster {
        switch PostgresCluster.shared {
        case let .success(cluster): return cluster
        case let .failure(why):
            if PostgresCluster.required { throw why }
            FileHandle.standardError.write(Data("SKIPPED (PostgreSQL): \(why)\n".utf8))
            try Test.cancel("PostgreSQL not available: \(why)")
        }
    }

    @Test("R14 an agent reschedules a case in the UI on a PostgreSQL store; the notice is shown and status --json reads the new appointment")
    func agentReschedulesOnPostgres() throws {
        let c = try Self.cluster()
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let url = c.url(try c.createDatabase())
        #expect(try TmuxSession.runBinary(["init", "--training", "--db", url, "--now", Self.now]).0 == 0)
        let weekdays = ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
        let doc: [String: Any] = [
            "centers": [["code": "BOS", "name": "Boston ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2, "hours": weekdays]],
            "cases": [["receipt": "EAC2414052317", "form": "I-485", "applicantName": "Ana Perez"]],
            "appointments": [["receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"]]
        ]
        let t = try TmuxSession()
        defer { t.close() }
        let file = t.dir.appendingPathComponent("doc.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        #expect(try TmuxSession.runBinary(["import", file.path, "--db", url, "--now", Self.now]).0 == 0)
        try t.start("\(TmuxSession.binary) tui --as agent --db \(url) --now \(Self.now); echo EXITED; sleep 60")
        try t.waitFor("Find a caller")
        #expect(try Self.book(t, "EAC2414052317").contains("Booked"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let (status, json) = try TmuxSession.runBinary(["status", "EAC2414052317", "--db", url, "--now", Self.now, "--as", "agent", "--json"])
        #expect(status == 0)
        let appt = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["appointment"] as? [String: Any]
        #expect(appt?["local"] as? String != nil && appt?["local"] as? String != "2026-06-18T09:00", "\(json)")
        #expect(appt?["priorReschedules"] as? Int == 1, "\(json)")
    }

    /// Books the case `receipt` from the find screen, as an agent does (the first time and day
    /// offered); with `typed`, the receipt is in the find field already and Enter searches again.
    static func book(_ t: TmuxSession, _ receipt: String, typed: Bool = false, seconds: Double = 10) throws -> String {
        if !typed {
            try t.literal(receipt)
            try t.waitFor(receipt)
        }
        try t.keys("Enter")
        try t.waitFor("Pick a new time", seconds: seconds)
        try t.keys("Enter", "Enter")
        try t.waitFor("Why can't they attend?")
        try t.keys("Enter")
        try t.literal("Caller is in hospital")
        try t.keys("Tab", "Tab", "Enter")
        try t.waitFor("Confirm the new appointment")
        try t.keys("Enter")
        return try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE", seconds: seconds)
    }

    @Test(
        "Failover without restarts: a tui session on a two-host --db (target_session_attrs=read-write) books, the primary stops, the person is told the store is unreachable, the standby is promoted, and the same session books again; each booking is stored exactly once"
    )
    func failoverWithoutRestart() throws {
        let primary = try Self.cluster()
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let c = try PostgresCluster(listen: [])
        defer { c.stop() }
        let db = try c.createDatabase()
        let url = c.url(db)
        _ = primary
        #expect(try TmuxSession.runBinary(["init", "--training", "--db", url, "--now", Self.now]).0 == 0)
        let weekdays = ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]
        let receipts = ["EAC2414052317", "EAC2414052318"]
        let doc: [String: Any] = [
            "centers": [["code": "BOS", "name": "Boston ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2, "hours": weekdays]],
            "cases": receipts.map { ["receipt": $0, "form": "I-485", "applicantName": "Ana Perez"] },
            "appointments": receipts.map { ["receipt": $0, "center": "BOS", "start": "2026-06-18T09:00"] }
        ]
        let t = try TmuxSession()
        defer { t.close() }
        let file = t.dir.appendingPathComponent("doc.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        #expect(try TmuxSession.runBinary(["import", file.path, "--db", url, "--now", Self.now]).0 == 0)
        let standby = try c.standby()
        defer { standby.stop() }
        let both = "postgresql://\(c.superuser)@127.0.0.1:\(c.port),127.0.0.1:\(standby.port)/\(db)?target_session_attrs=read-write&connect_timeout=3"
        try t.start("\(TmuxSession.binary) tui --as agent --db '\(both)' --now \(Self.now); echo EXITED; sleep 60")
        try t.waitFor("Find a caller")
        #expect(try Self.book(t, receipts[0]).contains("Booked"))
        try t.keys("n")
        try t.waitFor("Find a caller")
        // The test's standby replicates asynchronously (scripts/failover-drill.sh and a deployment,
        // docs/deployment.md, use synchronous replication): a commit the standby has not replayed
        // yet would be lost with the primary. So the primary is stopped once the standby has caught
        // up, and "every booking reported done" is on both.
        let target = try c.psql("SELECT pg_current_wal_lsn()")
        for _ in 0..<100 where try standby.psql("SELECT pg_last_wal_replay_lsn() >= '\(target)'::pg_lsn") != "t" { usleep(100_000) }

        try c.stopImmediately()
        try t.literal(receipts[1])
        try t.keys("Enter")
        let lost = try t.waitFor("unreachable", seconds: 20)
        #expect(lost.contains("try again"), "\(lost)")
        try standby.promote()
        // The same session, not restarted: the same search again (Enter), then the booking, on the promoted standby.
        #expect(try Self.book(t, receipts[1], typed: true, seconds: 20).contains("Booked"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let newURL = standby.url(db)
        #expect(try standby.psql("SELECT count(*) FROM requests WHERE decision = 'booked'", database: db) == "2")
        #expect(try standby.psql("SELECT count(*) FROM appointments WHERE status = 'scheduled'", database: db) == "2")
        #expect(try standby.psql("SELECT count(*) FROM appointments WHERE status = 'rescheduled'", database: db) == "2")
        let (verify, out) = try TmuxSession.runBinary(["audit", "verify", "--db", newURL, "--now", Self.now, "--as", "officer"])
        #expect(verify == 0, "\(out)")
    }

    @Test(
        "biosched demo on an empty PostgreSQL database: it fills it with the demo data, a shipped flow plays with its expectations held, and a flow's reset puts the store back (status and audit verify agree)"
    )
    func demoOnPostgres() throws {
        let c = try Self.cluster()
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let url = c.url(try c.createDatabase())
        let now = TerminalEndToEndTests.now

        // 1. A shipped flow, played on its own; the sandbox is made in the empty database first.
        let t = try TmuxSession(width: 100, height: 30)
        defer { t.close() }
        try t.start(
            "\(TmuxSession.binary) demo --db \(url) --now \(now) --play online-allowed --auto --speed 8 2> \(t.dir.path)/stderr.txt; echo EXITED; sleep 60")
        let end = try t.waitFor("End of online-allowed", seconds: 400)
        #expect(end.contains("expectations held"))
        #expect(end.contains("TRAINING"))
        #expect(end.contains("1 of 2 online reschedules used"))
        try t.keys("Escape")
        try t.waitFor("Esc back")
        try t.keys("q")
        try t.waitFor("EXITED")
        let stderr = try String(contentsOfFile: t.dir.path + "/stderr.txt", encoding: .utf8)
        #expect(stderr.contains("Creating a training store with demo data in postgresql://"), "\(stderr)")
        #expect(stderr.contains("Played online-allowed:") && stderr.contains(", 0 failed."), "\(stderr)")
        func used() throws -> Int? {
            let (status, json) = try TmuxSession.runBinary(["status", "IOE0923456781", "--db", url, "--now", now, "--as", "agent", "--json"])
            #expect(status == 0, "\(json)")
            let appt = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["appointment"] as? [String: Any]
            return appt?["priorReschedules"] as? Int
        }
        #expect(try used() == 1)

        // 2. The same sandbox again: the second reschedule is booked, then the flow resets the sandbox.
        let flow = t.dir.appendingPathComponent("again-then-reset.flow")
        try """
        caption "María García reschedules a second time."
        role applicant maria.garcia
        open IOE0923456781
        expect "✔ ALLOWED"
        key t Enter Enter
        wait "Why can't you attend?"
        key Enter Tab Enter
        wait "Confirm the new appointment"
        key Enter
        wait "Booked"
        expect "2 of 2 online reschedules used"
        caption "The trainer resets the sandbox."
        reset
        wait "Sandbox reset"
        open IOE0923456781
        expect "✔ ALLOWED"
        caption "Done."

        """.write(to: flow, atomically: true, encoding: .utf8)
        let u = try TmuxSession(width: 100, height: 30)
        defer { u.close() }
        try u.start(
            "\(TmuxSession.binary) demo --db \(url) --now \(now) --play \(flow.path) --auto --speed 8 2> \(u.dir.path)/stderr.txt; echo EXITED; sleep 60")
        let done = try u.waitFor("End of again-then-reset", seconds: 120)
        #expect(done.contains("expectations held"), "\(done)")
        try u.keys("Escape")
        try u.waitFor("Esc back")
        try u.keys("q")
        try u.waitFor("EXITED")
        let stderr2 = try String(contentsOfFile: u.dir.path + "/stderr.txt", encoding: .utf8)
        #expect(stderr2.contains(", 0 failed.") && !stderr2.contains("Creating"), "\(stderr2)")
        // Back to the state the session began with: one reschedule used, the audit chain whole.
        #expect(try used() == 1)
        let (verified, report) = try TmuxSession.runBinary(["audit", "verify", "--db", url])
        #expect(verified == 0, "\(report)")
        // The session's first state is gone from the database when the demo ends.
        #expect(
            try c.psql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'biosched_first_state_%'", database: String(url.split(separator: "/").last!))
                == "0")
    }
}
#endif
