import Foundation
import Testing

/// `biosched demo` in a real terminal (tmux): a shipped flow played with its captions, step by step
/// and on its own with an asciicast, and a recording that plays back to the same final screen.
/// The sandbox is a copy of the end-to-end demo store (Mon 2026-11-30 10:00 EST).
@Suite("biosched demo end to end in tmux", .serialized)
struct DemoEndToEndTests {
    static let flows = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Flows")

    func session() throws -> TmuxSession {
        let t = try TmuxSession(width: 100, height: 30)
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        try FileManager.default.copyItem(atPath: template, toPath: t.db)
        return t
    }

    func launch(_ t: TmuxSession, _ args: String) throws {
        try t.start("\(TmuxSession.binary) demo --db \(t.db) --now \(TerminalEndToEndTests.now) \(args) 2> \(t.dir.path)/stderr.txt; echo EXITED; sleep 60")
    }

    /// The first words of a caption: what fits on the caption box's first line.
    static func head(_ caption: String) -> String { String(caption.prefix(40)) }

    static func captions(_ flow: String) throws -> [String] {
        let text = try String(contentsOf: flows.appendingPathComponent(flow + ".flow"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("caption \"") else { return nil }
            return String(line.dropFirst(9).dropLast())
        }
    }

    @Test("A shipped flow plays on its own with its captions; the final screen and the asciicast show them")
    func playsAuto() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try session()
        defer { t.close() }
        let cast = t.dir.appendingPathComponent("demo.cast").path
        try launch(t, "--play online-allowed --auto --speed 8 --cast \(cast)")
        let end = try t.waitFor("End of online-allowed", seconds: 60)
        #expect(end.contains("expectations held"))
        #expect(end.contains("TRAINING"))
        #expect(end.contains("Booked"))
        #expect(end.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"))
        #expect(end.contains("1 of 2 online reschedules used"))
        #expect(end.contains("Training clock, at start"))
        try t.keys("Escape") // closes the caption; the program is live
        try t.waitFor("Esc back")
        usleep(300_000)
        let live = try t.screen()
        try t.keys("q")
        try t.waitFor("EXITED")
        let stderr = try String(contentsOfFile: t.dir.path + "/stderr.txt", encoding: .utf8)
        #expect(stderr.contains("[TRAINING STORE: demo data, not real cases.]"))
        #expect(stderr.contains("Played online-allowed:"))
        #expect(stderr.contains(", 0 failed."))

        // The asciicast: a v2 header, then events; every caption was on screen.
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        var output = ""
        var last = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let time = try #require(event[0] as? Double)
            #expect(time >= last)
            last = time
            if event[1] as? String == "o" { output += event[2] as? String ?? "" }
        }
        #expect(lines.count > 10)
        for caption in try Self.captions("online-allowed") {
            #expect(output.contains(Self.head(caption)), "caption not in the cast: \(caption)")
        }

        // Played into a terminal of the same size, the recording ends on the screen the program showed.
        let replay = try TmuxSession(width: 100, height: 30)
        defer { replay.close() }
        let raw = replay.dir.appendingPathComponent("cast.out")
        try Data(output.utf8).write(to: raw)
        try replay.start("cat \(raw.path); sleep 60")
        var played = ""
        let deadline = Date().addingTimeInterval(10)
        repeat {
            played = try replay.screen()
            usleep(100_000)
        } while played != live && Date() < deadline
        #expect(played == live, "asciicast:\n\(played)\nprogram:\n\(live)")
    }

    @Test("The asciicast's reader goes away mid-flow (a pipe): the demo plays on to the end, says the recording is incomplete, exits 2")
    func castReaderGone() throws {
        let t = try session()
        defer { t.close() }
        let fifo = t.dir.appendingPathComponent("cast.fifo").path
        let got = t.dir.appendingPathComponent("got.cast").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader takes the first 20,000 bytes and leaves; the flow's frames are many more.
        try t.start(
            "head -c 20000 \(fifo) > \(got) & \(TmuxSession.binary) demo --db \(t.db) --now \(TerminalEndToEndTests.now) --play online-allowed --auto --speed 8 --cast \(fifo) 2> \(t.dir.path)/stderr.txt; echo EXITED $?; sleep 60"
        )
        let end = try t.waitFor("End of online-allowed", seconds: 60)
        #expect(end.contains("expectations held"))
        try t.keys("Escape")
        try t.waitFor("Esc back")
        try t.keys("q")
        let exited = try t.waitFor("EXITED")
        #expect(exited.contains("EXITED 2"), "\(exited)")
        let stderr = try String(contentsOfFile: t.dir.path + "/stderr.txt", encoding: .utf8)
        #expect(stderr.contains("The asciicast \(fifo) is incomplete: writing it failed (Broken pipe)"), "\(stderr)")
        #expect(!stderr.contains("Wrote the asciicast"))
        #expect(stderr.contains(", 0 failed."))
        let prefix = try Data(contentsOf: URL(fileURLWithPath: got))
        #expect(prefix.count == 20000)
        #expect(String(decoding: prefix.prefix(12), as: UTF8.self) == #"{"version": "#)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO named is written, not replaced by a file")
    }

    @Test("Step by step: the flow waits at each caption until Space")
    func stepsOnSpace() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try session()
        defer { t.close() }
        let captions = try Self.captions("online-refused-within-12-hours")
        try launch(t, "--play online-refused-within-12-hours")
        let first = try t.waitFor(Self.head(captions[0]), seconds: 30)
        #expect(first.contains("Space next"))
        usleep(1_500_000)
        #expect(try t.screen().contains(Self.head(captions[0])), "it went on without Space")
        try t.keys("Space")
        let second = try t.waitFor(Self.head(captions[1]))
        #expect(second.contains("WITHIN_12_HOURS"))
        #expect(second.contains("REFUSED"))
        try t.keys("Space")
        try t.waitFor(Self.head(captions[2]))
        try t.keys("Space")
        let third = try t.waitFor(Self.head(captions[3]))
        #expect(third.contains("ALLOWED"))
        #expect(third.contains("Appointment in 12 h 1 m"))
        try t.keys("Escape") // stop the flow: the program stays live
        try t.waitFor("Flow stopped")
        try t.keys("q")
        try t.waitFor("EXITED")
    }

    @Test("A recording made with --record plays back to the same final screen")
    func recordsAndPlaysBack() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try session()
        defer { t.close() }
        let flow = t.dir.appendingPathComponent("recorded.flow").path
        try launch(t, "--record \(flow)")
        try t.waitFor("Training stories")
        try t.keys("Down", "Down", "Enter") // 11 hours away (Aisha Bello), as an agent
        try t.waitFor("WAC2390112345")
        try t.keys("C-t")
        try t.waitFor("Trainer (Esc closes)")
        try t.keys("1") // 13 hours before the appointment
        try t.waitFor("Appointment in 13 h")
        try t.keys("r", "r") // officer, then the case's applicant
        try t.waitFor("as applicant, online")
        try t.keys("Escape", "t", "Enter")
        try t.waitFor("Training clock, start")
        usleep(300_000)
        let before = try t.screen()
        #expect(before.contains("ALLOWED"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let text = try String(contentsOfFile: flow, encoding: .utf8)
        #expect(text.contains("size 100x30"))
        #expect(text.contains("stories"))

        // Played headless on a fresh copy of the same sandbox: the same final screen.
        let replay = t.dir.appendingPathComponent("replay.sqlite").path
        try FileManager.default.copyItem(atPath: try #require(TerminalEndToEndTests.template), toPath: replay)
        let (status, out) = try t.run(["demo", "--db", replay, "--now", TerminalEndToEndTests.now, "--check", flow])
        #expect(status == 0, "\(out)")
        #expect(out.hasPrefix("[TRAINING STORE: demo data, not real cases.]"))
        let final = out.components(separatedBy: "Final screen (100x30):\n").last ?? ""
        func rows(_ s: String) -> [String] {
            s.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            .filter { !$0.isEmpty }
        }
        #expect(rows(final) == rows(before), "recorded:\n\(before)\nplayed back:\n\(final)\nflow:\n\(text)")
    }

    @Test(
        "--check plays a flow at the size it declares, 80x24 when it declares none; every shipped flow passes there",
        arguments: ["online-allowed", "untimely-escalated-approved", "online-refused-passed"])
    func checkAtDeclaredSize(name: String) throws {
        let t = try session()
        defer { t.close() }
        let (status, out) = try t.run(["demo", "--db", t.db, "--now", TerminalEndToEndTests.now, "--check", name])
        #expect(status == 0, "\(out)")
        #expect(out.contains("expectations, 0 failed."), "\(out)")
        #expect(out.contains("Final screen (80x24):"), "\(out)")
        let flow = t.dir.appendingPathComponent("big.flow")
        try Data(
            """
            size 120x40
            role applicant maria.garcia
            open IOE0923456781
            expect "✔ ALLOWED"
            """.utf8
        ).write(to: flow)
        let (bigStatus, big) = try t.run(["demo", "--db", t.db, "--now", TerminalEndToEndTests.now, "--check", flow.path])
        #expect(bigStatus == 0, "\(big)")
        #expect(big.contains("Final screen (120x40):"), "\(big)")
    }

    @Test("--check plays a flow headless: a failed expectation is reported with its line, exit 1")
    func checkReportsFailures() throws {
        let t = try session()
        defer { t.close() }
        let flow = t.dir.appendingPathComponent("wrong.flow")
        try Data(
            """
            # The trainer expects the wrong verdict.
            role applicant david.kim
            open EAC2414052317
            expect "✔ ALLOWED"
            expect "WITHIN_12_HOURS"
            """.utf8
        ).write(to: flow)
        let (status, out) = try t.run(["demo", "--db", t.db, "--now", TerminalEndToEndTests.now, "--check", flow.path])
        #expect(status == 1)
        #expect(out.hasPrefix("[TRAINING STORE: demo data, not real cases.]"))
        #expect(out.contains("Flow wrong: 4 steps, 2 expectations, 1 failed."))
        #expect(out.contains("✖ line 4: expect failed: the screen does not show \"✔ ALLOWED\""))
        #expect(out.contains("WITHIN_12_HOURS"))
    }

    @Test("Trust 12: a SIGTERM while biosched demo builds its sandbox leaves no temporary folder behind")
    func signalDuringBuild() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try TmuxSession(width: 100, height: 30)
        defer { t.close() }
        let tmp = t.dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        try t.start("TMPDIR=\(tmp.path) \(TmuxSession.binary) demo --now \(TerminalEndToEndTests.now) 2> \(t.dir.path)/stderr.txt; echo EXITED; sleep 60")
        // The build takes seconds: wait until its sandbox folder exists, then stop it.
        let deadline = Date().addingTimeInterval(20)
        var made: [String] = []
        while Date() < deadline {
            made = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
            if made.contains(where: { $0.hasPrefix("biosched-demo-") }),
                (try? String(contentsOfFile: t.dir.path + "/stderr.txt", encoding: .utf8))?.contains("Creating") == true
            {
                break
            }
            usleep(20_000)
        }
        try #require(made.contains(where: { $0.hasPrefix("biosched-demo-") }), "the sandbox folder appeared")
        usleep(500_000)
        let pane = try t.tmux(["list-panes", "-t", t.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (_, child) = try TerminalEndToEndTests.shell("pgrep -P \(pane) -f biosched")
        let pid = try #require(child.split(separator: "\n").first.map(String.init), "biosched runs under the pane's shell")
        _ = try TerminalEndToEndTests.shell("kill -TERM \(pid)")
        try t.waitFor("EXITED", seconds: 20)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("biosched demo never opens a production store")
    func refusesProduction() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try session()
        defer { t.close() }
        let prod = t.dir.appendingPathComponent("prod.sqlite").path
        let (made, _) = try t.run(["init", "--db", prod])
        #expect(made == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = ["demo", "--db", prod, "--check", "online-allowed"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(message.contains("never opens a production store"))
    }
}
