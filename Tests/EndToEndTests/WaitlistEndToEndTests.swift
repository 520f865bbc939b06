import Foundation
import Testing

/// The waiting list from start to end with the real parts (issue 23): the real binary's UI in tmux
/// at 80x24, the demo store on a fixed clock, the real mailer delivering through msmtp to an SMTP
/// sink (the harness of `MailerEndToEndTests`).
@Suite("The waiting list end to end: asked in the UI, offered by mail, accepted in the UI, expired to the next", .serialized)
struct WaitlistEndToEndTests {
    static let maria = ["--as", "applicant", "--account", "maria.garcia"]

    /// An applicant's case (not maria's) at `center`, scheduled after the lead time and before `before`.
    static func otherApplicant(_ h: MailHarness, center: String, before: Date) throws -> (receipt: String, account: String) {
        let earliest = Int(MailHarness.start.timeIntervalSince1970) + 25 * 3600
        let row = try TmuxSession.capture(
            "/usr/bin/sqlite3",
            [
                h.db,
                """
                SELECT a.receipt || ' ' || c.applicant_account FROM appointments a JOIN cases c ON c.receipt = a.receipt
                WHERE a.center = '\(center)' AND a.status = 'scheduled' AND a.start > \(earliest) AND a.start < \(Int(before.timeIntervalSince1970))
                  AND c.applicant_account IS NOT NULL AND c.applicant_account <> 'maria.garcia' AND a.prior_reschedules = 0
                ORDER BY a.start LIMIT 1
                """
            ], errors: .merged
        ).output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        try #require(row.count == 2, "an applicant with a case at \(center) before \(before)")
        return (String(row[0]), String(row[1]))
    }

    /// maria's UI in tmux, her case IOE0923456781 opened (typed in the case list's search).
    static func openMariasCase(_ h: MailHarness) throws -> TmuxSession {
        let t = try TmuxSession(width: 80, height: 24)
        try t.start(
            "\(TmuxSession.binary) tui --db \(h.db) --now \(MailHarness.iso(MailHarness.start)) --as applicant --account maria.garcia; echo EXITED; sleep 60",
            env: ["LANG": "C.UTF-8"])
        try t.waitFor("IOE0923456781", seconds: 20)
        try t.keys("/")
        try t.literal("IOE0923456781")
        try t.keys("Enter") // the filter keeps the one case
        try t.waitFor("Filter: IOE0923456781")
        try t.keys("Enter") // and opens it
        return t
    }

    /// On the opened case: `w`, `e`, Enter (the form's defaults: the case's center, any earlier day).
    @discardableResult
    static func askInUI(_ t: TmuxSession) throws -> String {
        try t.waitFor("Pick a new time")
        try t.keys("w")
        try t.waitFor("No request on the waiting list")
        try t.keys("e")
        try t.waitFor("Ask for an earlier slot")
        try t.keys("Enter")
        return try t.waitFor("place 1 in line")
    }

    /// The case opened on its offer (the slot in the center's zone, the deadline); `a`, `y`: the notice.
    static func acceptInUI(_ t: TmuxSession, local: String) throws -> String {
        let landed = try t.waitFor("an earlier slot is held for you")
        #expect(landed.contains(String(local.prefix(16))), "the slot in the center's zone: \(local)\n\(landed)")
        #expect(landed.contains("Answer by"))
        try t.keys("a")
        try t.waitFor("Book ")
        try t.keys("y")
        let notice = try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE")
        #expect(notice.contains(String(local.prefix(16))), "the new notice names the offered slot: \(local)\n\(notice)")
        return notice
    }

    @Test(
        "W0-W5 maria asks in the UI, another applicant reschedules away, the mailer delivers the offer, maria's case opens on it and she accepts: a new notice, every step audited; an offer left to expire goes to the next in line"
    )
    func askOfferAccept() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let status = try h.biosched(["status", "IOE0923456781", "--json"] + Self.maria).json
        let appointment = try #require(status["appointment"] as? [String: Any])
        let center = try #require(appointment["center"] as? String)
        let start = try #require(appointment["start"] as? String)
        let priorBefore = try #require(status["priorReschedules"] as? Int)

        // 1. maria asks in the UI (the form's defaults: her own center, any earlier day).
        do {
            let t = try Self.openMariasCase(h)
            defer { t.close() }
            let asked = try Self.askInUI(t)
            #expect(asked.contains("Centers: \(center)"), "\(asked)")
            try t.keys("Escape", "q")
            try t.waitFor("EXITED")
        }
        // 2. Another applicant moves away from an earlier slot at the same center.
        let other = try Self.otherApplicant(h, center: center, before: MailHarness.date(start))
        let moved = try h.biosched([
            "reschedule", other.receipt, "--as", "applicant", "--account", other.account, "--to", "2026-12-28T10:00",
            "--center", center, "--reason", "medical", "--json"
        ]).json
        if moved["result"] as? String != "booked" { try h.bookFirstSlot(other.receipt, notify: nil, role: ["--as", "applicant", "--account", other.account]) }
        // 3. The mailer's pass makes the offer and delivers it to the sink.
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(run.status == 0, "\(run.output)")
        let offers = try h.biosched(["offers", "--json"] + Self.maria).json["offers"] as? [[String: Any]] ?? []
        let offer = try #require(offers.first, "maria has an offer")
        let offerID = try #require(offer["id"] as? Int)
        let local = (offer["local"] as? String ?? "").replacingOccurrences(of: "T", with: " ")
        let mail = try h.messages()
        let m = try #require(mail.first { (($0["headers"] as? [String: String])?["Subject"] ?? "").contains("Earlier biometrics appointment held for you") })
        let text = try #require(m["text"] as? String)
        #expect(text.contains(local) && text.contains("Answer by") && text.contains("biosched offers accept \(offerID)"), "\(text)")

        // 4. maria's case opens on the offer; she accepts in the UI.
        do {
            let t = try Self.openMariasCase(h)
            defer { t.close() }
            _ = try Self.acceptInUI(t, local: local)
            try t.keys("q")
        }
        let after = try h.biosched(["status", "IOE0923456781", "--json"] + Self.maria).json
        let newAppointment = try #require(after["appointment"] as? [String: Any])
        #expect(newAppointment["start"] as? String == offer["start"] as? String, "booked at the offered slot")
        #expect(after["priorReschedules"] as? Int == priorBefore + 1, "it counts as a reschedule")
        let audit = (try h.biosched(["audit", "--receipt", "IOE0923456781", "--json", "--as", "officer"]).json["events"] as? [[String: Any]] ?? [])
            .compactMap { $0["action"] as? String }
        for step in ["waitlist-added", "offer-made", "rescheduled", "offer-accepted"] { #expect(audit.contains(step), "\(step) in \(audit)") }

        // 5. Expiry goes to the next in line: a later case at the center asks (by an agent) and the pass
        //    offers it the slot maria left; another asks after it; the first lets the offer expire, and the
        //    pass at a later now offers the station to the other at once.
        let freed = MailHarness.date(start)
        let candidates = try TmuxSession.capture(
            "/usr/bin/sqlite3",
            [
                h.db,
                """
                SELECT receipt FROM appointments WHERE center = '\(center)' AND status = 'scheduled' AND start > \(Int(freed.timeIntervalSince1970) + 86_400)
                AND receipt NOT IN (SELECT receipt FROM waitlist) ORDER BY start LIMIT 12
                """
            ], errors: .merged
        ).output.split(separator: "\n").map(String.init)
        // (An agent's request that R7 would send to an officer is refused up front: those are skipped.)
        var rest = candidates[...]
        func ask() throws -> String? {
            while let r = rest.popFirst() {
                if try h.biosched(["waitlist", "add", r, "--as", "agent", "--notify", "email"]).status == 0 { return r }
            }
            return nil
        }
        func openOffer(_ r: String, now: Date) throws -> [String: Any]? {
            (try h.biosched(["offers", "--receipt", r, "--as", "officer", "--json"], now: now).json["offers"] as? [[String: Any]] ?? [])
                .first { $0["state"] as? String == "open" }
        }
        let firstInLine = try #require(try ask(), "a later case at \(center) on the waiting list")
        let pass = try h.biosched(["offers", "--expire", "--as", "officer", "--json"])
        #expect(pass.status == 0, "\(pass.output)")
        let first = try #require(try openOffer(firstInLine, now: MailHarness.start), "the first in line holds maria's old slot")
        let nextInLine = try #require(try ask(), "another later case on the waiting list")
        #expect(try openOffer(nextInLine, now: MailHarness.start) == nil)
        let waiting = [firstInLine, nextInLine]
        let later = MailHarness.start.addingTimeInterval(3 * 3600)
        let expired = try h.biosched(["offers", "--expire", "--as", "officer", "--json"], now: later)
        #expect(expired.status == 0, "\(expired.output)")
        let next = try #require(try openOffer(waiting[1], now: later), "the next in line is offered the station at once")
        #expect(next["start"] as? String == first["start"] as? String)
        let all = try h.biosched(["offers", "--receipt", waiting[0], "--as", "officer", "--json"], now: later).json["offers"] as? [[String: Any]] ?? []
        #expect(all.first { $0["id"] as? Int == first["id"] as? Int }?["state"] as? String == "expired")
    }

    @Test(
        "W0 W4 over real SSH (sshd on loopback, the forced command scripts/install.sh makes): maria asks in the UI, another applicant moves away, the mailer (as the service account) delivers the offer to the SMTP sink, maria logs in again and lands on the offer, accepts it: a new notice, every step audited with her key"
    )
    func overSSH() throws {
        guard geteuid() == 0 else {
            Issue.record("This test makes an OS user and runs sshd; it needs root (CI runs as root).")
            return
        }
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let service = EnrollmentEndToEndTests.service
        try TrustBoundaryEndToEndTests.ensureUser(service)
        let home = try TmuxSession(width: 80, height: 24)
        defer { home.close() }
        chmod(home.dir.path, 0o755)
        chmod(h.dir.path, 0o755)
        // The store belongs to the service account, in a folder of its own (a copy of the harness's demo store).
        let srv = home.dir.appendingPathComponent("srv").path
        let db = srv + "/store.sqlite"
        try SSHEndToEndTests.sh("install -d -o \(service) -m 700 \(srv) && cp \(h.db) \(db) && chown \(service) \(db) && chmod 600 \(db)")
        func asService(_ args: [String]) throws -> (status: Int32, output: String) {
            try TmuxSession.capture(
                "/bin/sh",
                [
                    "-c",
                    "cd / && runuser -u \(service) -- "
                        + ([TmuxSession.binary] + args + ["--db", db, "--now", TerminalEndToEndTests.now]).map { TrustBoundaryEndToEndTests.q($0) }.joined(
                            separator: " ")
                ],
                errors: .dropped)
        }
        func json(_ args: [String]) throws -> [String: Any] {
            (try JSONSerialization.jsonObject(with: Data(try asService(args + ["--json"]).output.utf8))) as? [String: Any] ?? [:]
        }
        let server = try SSHEndToEndTests.SSHServer(dir: home.dir)
        defer { server.stop() }
        let publicKey = home.dir.appendingPathComponent("client-key.pub").path
        try SSHEndToEndTests.sh("cp \(server.clientKey).pub \(publicKey) && chmod 644 \(publicKey)")
        let added = try asService(["access", "add", "--account", "maria.garcia", "--key", publicKey, "--as", "officer"])
        try #require(added.status == 0, "\(added.output)")
        let (root, include) = try EnrollmentEndToEndTests.install(store: db, now: TerminalEndToEndTests.now)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try server.start(authorizedKeysFile: "none", extra: "Include \(include)")
        let status = try json(["status", "IOE0923456781"] + Self.maria)
        let appointment = try #require(status["appointment"] as? [String: Any])
        let center = try #require(appointment["center"] as? String)
        let start = try #require(appointment["start"] as? String)

        func login() throws -> TmuxSession {
            let t = try TmuxSession(width: 80, height: 24)
            try t.start(server.ssh(user: service, key: server.clientKey) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
            try t.waitFor("IOE0923456781", seconds: 20)
            try t.keys("/")
            try t.literal("IOE0923456781")
            try t.keys("Enter")
            try t.waitFor("Filter: IOE0923456781")
            try t.keys("Enter")
            return t
        }
        // 1. maria asks over SSH.
        do {
            let t = try login()
            defer { t.close() }
            try Self.askInUI(t)
            try t.keys("Escape", "q")
            try t.waitFor("SSH-ENDED")
        }
        // 2. Another applicant moves away from an earlier slot at her center.
        let earliest = Int(MailHarness.start.timeIntervalSince1970) + 25 * 3600
        let row = try TmuxSession.capture(
            "/usr/bin/sqlite3",
            [
                db,
                """
                SELECT a.receipt || ' ' || c.applicant_account FROM appointments a JOIN cases c ON c.receipt = a.receipt
                WHERE a.center = '\(center)' AND a.status = 'scheduled' AND a.start > \(earliest) AND a.start < \(Int(MailHarness.date(start).timeIntervalSince1970))
                  AND c.applicant_account IS NOT NULL AND c.applicant_account <> 'maria.garcia' AND a.prior_reschedules = 0
                ORDER BY a.start LIMIT 1
                """
            ], errors: .merged
        ).output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        try #require(row.count == 2, "an applicant with a case at \(center) before \(start)")
        let moved = try json([
            "reschedule", row[0], "--as", "applicant", "--account", row[1], "--to", "2026-12-28T10:00", "--center", center, "--reason", "medical"
        ])
        try #require(moved["result"] as? String == "booked", "\(moved)")
        // 3. The mailer, as the service account, makes the offer and delivers it to the sink.
        let run = try asService(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(run.status == 0, "\(run.output)")
        let offer = try #require((try json(["offers"] + Self.maria)["offers"] as? [[String: Any]])?.first, "maria has an offer")
        let local = (offer["local"] as? String ?? "").replacingOccurrences(of: "T", with: " ")
        let mail = try h.messages()
        let m = try #require(mail.first { (($0["headers"] as? [String: String])?["Subject"] ?? "").contains("Earlier biometrics appointment held for you") })
        #expect((m["text"] as? String ?? "").contains(local))
        // 4. maria logs in again: her case opens on the offer; she accepts.
        do {
            let t = try login()
            defer { t.close() }
            let notice = try Self.acceptInUI(t, local: local)
            #expect(notice.contains("Copy or print this notice"), "over SSH the notice is shown, not saved")
            try t.keys("q")
        }
        let after = try json(["status", "IOE0923456781"] + Self.maria)
        #expect((after["appointment"] as? [String: Any])?["start"] as? String == offer["start"] as? String)
        let events = try json(["audit", "--receipt", "IOE0923456781", "--as", "officer"])["events"] as? [[String: Any]] ?? []
        for step in ["waitlist-added", "offer-made", "rescheduled", "offer-accepted"] {
            #expect(events.contains { $0["action"] as? String == step }, "\(step) in \(events.map { $0["action"] ?? "" })")
        }
        // The steps maria took over SSH carry her key's fingerprint.
        let keyed = events.filter { ["waitlist-added", "offer-accepted"].contains($0["action"] as? String ?? "") }
        #expect(!keyed.isEmpty && keyed.allSatisfy { !($0["keyFingerprint"] as? String ?? "").isEmpty }, "\(keyed)")
    }
}
