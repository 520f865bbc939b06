import Foundation
import Testing

/// Real parts for the mailer's end-to-end tests: a copy of the demo store, an aiosmtpd SMTP sink
/// on a free 127.0.0.1 port writing each message to a folder, msmtp as sendmail (through small
/// wrapper scripts), a fake SMS gateway that records what it gets, and the real `biosched`.
final class MailHarness {
    let dir: URL
    let port: Int
    var db: String { dir.appendingPathComponent("mail.sqlite").path }
    var sinkDir: String { dir.appendingPathComponent("sink").path }
    var smsLog: String { dir.appendingPathComponent("sms.log").path }
    private var sink: Process?

    static let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
    static let msmtp = "/usr/bin/msmtp"
    /// The demo store's clock: Mon 2026-11-30 10:00 EST.
    static let start = MailHarness.date(TerminalEndToEndTests.now)

    /// What the tests need; a missing part fails the test with the package that brings it.
    static func missingParts() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: msmtp) { missing.append("msmtp (Debian: apt-get install msmtp)") }
        for module in ["aiosmtpd", "icalendar"] {
            let (status, _) = (try? TmuxSession.capture("/usr/bin/env", ["python3", "-c", "import \(module)"], errors: .merged)) ?? (1, "")
            if status != 0 { missing.append("python3 module \(module) (PyPI: python3 -m pip install \(module))") }
        }
        return missing
    }

    /// Nil (with the reason recorded as a failure) when a part is missing.
    static func make() throws -> MailHarness? {
        let missing = missingParts()
        guard missing.isEmpty else {
            Issue.record("The mailer's end-to-end tests need: \(missing.joined(separator: "; ")). scripts/test installs them (docs/testing.md).")
            return nil
        }
        return try MailHarness()
    }

    private init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-mail-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        port = try SSHEndToEndTests.SSHServer.freePort()
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        try FileManager.default.copyItem(atPath: template, toPath: db)
        try startSink()
    }

    func startSink() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", MailHarness.support.appendingPathComponent("smtp_sink.py").path, String(port), sinkDir]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        sink = p
        let ready = sinkDir + "/ready"
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline && p.isRunning { usleep(50_000) }
        try #require(FileManager.default.fileExists(atPath: ready), "the SMTP sink (aiosmtpd) did not start")
    }

    func close() {
        // SIGKILL: a child of the test process may inherit its blocked signals, SIGTERM among them.
        if let p = sink, p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dir)
    }

    /// A sendmail for `--sendmail`: msmtp to the sink, after `delay` seconds.
    func sendmail(delay: Double = 0) throws -> String {
        try script(
            "sendmail-\(Int(delay * 1000))",
            """
            #!/bin/sh
            \(delay > 0 ? "sleep \(delay)" : "")
            exec \(MailHarness.msmtp) --host=127.0.0.1 --port=\(port) --auth=off --tls=off -t "$@"
            """)
    }

    /// A sendmail that refuses every message (EX_TEMPFAIL).
    func failingSendmail() throws -> String {
        try script(
            "sendmail-failing",
            """
            #!/bin/sh
            cat > /dev/null
            echo "sendmail: 451 4.3.0 mail server temporarily rejected message" >&2
            exit 75
            """)
    }

    /// A fake SMS gateway: appends what it reads on standard input, then a separator line.
    func smsGateway() throws -> String {
        try script(
            "sms-gateway",
            """
            #!/bin/sh
            { cat; echo "----"; } >> \(smsLog)
            """)
    }

    func script(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    // MARK: biosched

    struct Run {
        var status: Int32
        var output: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any] ?? [:] }
    }

    /// Runs biosched on this store at `now` (stderr dropped, so JSON stays clean).
    @discardableResult
    func biosched(_ args: [String], now: Date = MailHarness.start) throws -> Run {
        let (status, out) = try TmuxSession.capture(TmuxSession.binary, args + ["--db", db, "--now", MailHarness.iso(now)], errors: .dropped)
        return Run(status: status, output: out)
    }

    /// A mailer process left running (for kill -9 and for two at once).
    func startMailer(_ args: [String], now: Date = MailHarness.start) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = ["mailer"] + args + ["--db", db, "--now", MailHarness.iso(now)]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Reschedules `receipt` as an agent to the first offered slot at its center; returns the
    /// booked instant (UTC ISO) and the `reschedule --json` answer.
    @discardableResult
    func bookFirstSlot(_ receipt: String, notify: String?, role: [String] = ["--as", "agent"]) throws -> (
        start: String, local: String, zone: String, answer: [String: Any]
    ) {
        let status = try biosched(["status", receipt, "--json"] + role).json
        let center = try #require((status["appointment"] as? [String: Any])?["center"] as? String, "status of \(receipt)")
        let slots = try biosched(["slots", "--center", center, "--limit", "1", "--json"]).json
        let slot = try #require((slots["slots"] as? [[String: Any]])?.first, "a free slot at \(center)")
        let local = try #require(slot["local"] as? String)
        let answer = try biosched(["reschedule", receipt, "--to", local, "--reason", "medical", "--json"] + role + (notify.map { ["--notify", $0] } ?? [])).json
        #expect(answer["result"] as? String == "booked", "\(receipt): \(answer)")
        return (try #require(slot["start"] as? String), local, try #require(slot["zone"] as? String), answer)
    }

    func outbox(_ extra: [String] = [], now: Date = MailHarness.start) throws -> [[String: Any]] {
        try biosched(["outbox", "--json", "--limit", "1000"] + extra, now: now).json["messages"] as? [[String: Any]] ?? []
    }

    /// The messages the sink received, read by Python's email and icalendar packages.
    func messages() throws -> [[String: Any]] {
        let (status, out) = try TmuxSession.capture(
            "/usr/bin/env", ["python3", MailHarness.support.appendingPathComponent("read_messages.py").path, sinkDir], errors: .dropped)
        #expect(status == 0, "read_messages.py failed")
        return (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [[String: Any]] ?? []
    }

    func calendarFacts(_ path: String) throws -> [String: Any] {
        let (_, out) = try TmuxSession.capture(
            "/usr/bin/env", ["python3", MailHarness.support.appendingPathComponent("read_messages.py").path, "--ics", path], errors: .dropped)
        return (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] ?? [:]
    }

    var sinkCount: Int { ((try? FileManager.default.contentsOfDirectory(atPath: sinkDir)) ?? []).filter { $0.hasSuffix(".eml") }.count }

    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
    static func date(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)!
    }
}
