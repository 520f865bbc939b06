import Foundation
import Testing

/// The real binary in tmux on a demo store with a fixed clock (Mon 2026-11-30 10:00 EST).
@Suite("End to end in a real terminal (tmux)", .serialized)
struct TerminalEndToEndTests {
    static let now = "2026-11-30T15:00:00Z"

    /// One demo store per test run (the same seed and clock give the same data), copied per test.
    static let template: String? = {
        // Templates of test runs that are gone go; a process id is reused (pid_max is often 32768),
        // and `init --demo` rightly refuses a path where a store already is.
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: fm.temporaryDirectory.path)) ?? [] where name.hasPrefix("biosched-e2e-template-") {
            if let pid = Int32(name.dropFirst("biosched-e2e-template-".count)), pid == getpid() || kill(pid, 0) != 0 {
                try? fm.removeItem(at: fm.temporaryDirectory.appendingPathComponent(name))
            }
        }
        let dir = fm.temporaryDirectory.appendingPathComponent("biosched-e2e-template-\(getpid())")
        try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("demo.sqlite").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = ["init", "--demo", "--db", path, "--now", now]
        p.standardOutput = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? path : nil
    }()

    func session(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let t = try TmuxSession(width: width, height: height)
        let template = try #require(Self.template, "biosched init --demo failed")
        try FileManager.default.copyItem(atPath: template, toPath: t.db)
        return t
    }

    func launch(_ t: TmuxSession, _ args: String) throws {
        // After the program exits, the shell records the terminal's settings for the sanity check.
        try t.start("\(TmuxSession.binary) \(args) --db \(t.db) --now \(Self.now); stty -a > \(t.dir.path)/stty.txt; echo EXITED; sleep 60")
    }

    @Test("At 80x24 an agent finds the caller by name and date of birth, opens the one match and books; the search is audited")
    func agentFindsByName() throws {
        let t = try session(width: 80, height: 24)
        defer { t.close() }
        // The demo's María García: her date of birth, as `find` tells staff.
        let (_, json) = try TmuxSession.runBinary(["find", "garcia", "maria", "--as", "agent", "--json", "--db", t.db, "--now", Self.now])
        let matches = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["matches"] as? [[String: Any]] ?? []
        let maria = try #require(matches.first { $0["receipt"] as? String == "IOE0923456781" }, "\(json)")
        let born = try #require(maria["dateOfBirth"] as? String)
        try launch(t, "tui --as agent")
        try t.waitFor("Find a caller")
        try t.literal("García María \(born)")
        try t.keys("Enter")
        let listed = try t.waitFor("1 match")
        #expect(listed.contains("María García") && listed.contains("born \(born)"), "\(listed)")
        #expect(!listed.contains("IOE0923456781"), "the list shows no receipt")
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("t", "Enter", "Enter")
        try t.waitFor("Why can't they attend?")
        try t.keys("Enter", "Tab", "Tab", "Enter")
        try t.waitFor("Confirm the new appointment")
        try t.keys("Enter")
        try t.waitFor("Booked")
        try t.keys("C-c")
        try t.waitFor("EXITED")
        let (_, audit) = try TmuxSession.runBinary(["audit", "--format", "csv", "--db", t.db, "--now", Self.now])
        #expect(audit.contains("callers-searched") && audit.contains("1 listed (IOE0923456781)"), "\(audit.suffix(800))")
    }

    @Test("Without a UTF-8 locale the frame writer draws box lines in the line-drawing set and everything else in ASCII; a case's calendar pages")
    func asciiFallback() throws {
        let t = try session(width: 80, height: 24)
        defer { t.close() }
        // LC_ALL wins over anything the test's environment sets; tmux shows line-drawing cells as
        // their VT100 letters (l q k x).
        try t.start(
            "\(TmuxSession.binary) tui --as agent --db \(t.db) --now \(Self.now); echo EXITED; sleep 60",
            env: ["LANG": "C", "LC_ALL": "C"])
        let find = try t.waitFor("Find a caller")
        #expect(find.contains("lq Status q") && find.contains("xNo case open."), "box lines in the line-drawing set:\n\(find)")
        #expect(find.unicodeScalars.allSatisfy { $0.isASCII }, "only ASCII on screen:\n\(find)")
        try t.literal("IOE0923456781")
        try t.keys("Enter")
        let calendar = try t.waitFor("December 2026")
        #expect(calendar.contains("Mo  Tu  We  Th  Fr  Sa  Su"), "\(calendar)")
        try t.keys("PageDown")
        let next = try t.waitFor("January 2027")
        #expect(next.unicodeScalars.allSatisfy { $0.isASCII }, "only ASCII after a month:\n\(next)")
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }

    @Test("Arrow keys typed while the program starts arrive whole, not as Esc and two letters")
    func keysDuringStartUp() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "tui --as agent")
        try t.keys("Down", "Down", "Up") // sent before curses has set up the terminal
        try t.waitFor("Find a caller")
        usleep(500_000)
        let screen = try t.screen()
        // The find pane is right of the status pane: the row under its label holds the field.
        let row = screen.split(separator: "\n").drop { !$0.contains("Receipt, A-number, name") }.dropFirst().first.map(String.init) ?? "?"
        let typed = row.components(separatedBy: "││").last.map { $0.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces) } ?? "?"
        #expect(typed.isEmpty, "the field shows \"\(typed)\": an arrow arrived split")
        #expect(!screen.contains("[A") && !screen.contains("[B") && !screen.contains("OB"))
    }

    @Test("An agent reschedules a case start to finish; status --json shows the new appointment")
    func agentReschedules() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "tui --as agent")
        try t.waitFor("Find a caller")
        try t.literal("ioe-09-234-56781")
        try t.waitFor("IOE0923456781  13 of 13")
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("Right", "Right", "Down") // a week later
        try t.keys("Enter", "Enter") // its first offered time
        try t.waitFor("Why can't they attend?")
        try t.keys("Enter") // medical
        try t.literal("Caller is in hospital")
        try t.keys("Tab", "Tab", "Enter") // notify, continue
        try t.waitFor("Confirm the new appointment")
        try t.keys("Enter")
        let booked = try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE")
        #expect(booked.contains("Booked"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let (status, json) = try t.run(["status", "IOE0923456781", "--db", t.db, "--now", Self.now, "--json"])
        #expect(status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let appt = obj?["appointment"] as? [String: Any]
        #expect(appt?["local"] as? String == "2026-12-10T08:00")
        #expect(appt?["priorReschedules"] as? Int == 1)
        #expect(booked.contains("Thu 2026-12-10 08:00 EST"))
    }

    @Test("biosched with no subcommand opens the terminal UI in a terminal, and prints a summary otherwise")
    func defaultCommand() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "--as agent --idle-timeout 600")
        try t.waitFor("Find a caller")
        try t.keys("q")
        try t.waitFor("EXITED")
        let (status, summary) = try t.run(["--db", t.db, "--now", Self.now])
        #expect(status == 0)
        #expect(summary.contains("centers") && summary.contains("cases"))
    }

    @Test("R3a an applicant within 12 hours is refused, with the reason on screen")
    func applicantRefused() throws {
        let t = try session()
        defer { t.close() }
        // david.kim's case EAC2414052317 starts exactly 12 hours after now.
        try launch(t, "tui --as applicant --account david.kim")
        try t.waitFor("Your cases")
        try t.keys("Enter")
        let screen = try t.waitFor("WITHIN_12_HOURS")
        #expect(screen.contains("REFUSED"))
        #expect(screen.contains("800-375-5283"))
        try t.keys("q")
        try t.waitFor("EXITED")
    }

    @Test("Resizing mid-flow keeps the work, and quitting leaves the terminal sane")
    func resizeAndQuit() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "tui --as agent")
        try t.waitFor("Find a caller")
        try t.literal("IOE0923456781")
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("t", "Enter", "Enter")
        try t.waitFor("Why can't they attend?")
        try t.keys("Down", "Down", "Down", "Down", "Down", "Down", "Enter")
        try t.literal("Jury duty in 東京")
        try t.waitFor("Jury duty in 東京")
        try t.resize(width: 20, height: 5)
        try t.waitFor("too small")
        try t.resize(width: 120, height: 40)
        let back = try t.waitFor("Jury duty in 東京")
        #expect(back.contains("(•) Other reason"))
        try t.keys("Escape") // out of the text field; the request is still half filled
        try t.keys("q")
        try t.waitFor("Quit?")
        try t.keys("y")
        try t.waitFor("EXITED")
        let stty = try String(contentsOfFile: t.dir.path + "/stty.txt", encoding: .utf8)
        #expect(stty.contains(" echo "), "\(stty)")
        #expect(stty.contains(" icanon "), "\(stty)")
    }

    @Test("SIGTERM, SIGHUP and every other terminating signal (Trust 12: SIGUSR1, SIGALRM...) end the program cleanly: the terminal is restored")
    func signals() throws {
        for signal in ["TERM", "HUP", "USR1", "USR2", "ALRM", "QUIT"] {
            let t = try session()
            defer { t.close() }
            try launch(t, "tui --as agent")
            try t.waitFor("Find a caller")
            let pid = try t.tmux(["list-panes", "-t", t.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            // The shell's child is biosched.
            let (_, children) = try Self.shell("pgrep -P \(pid) -f biosched")
            let child = children.split(separator: "\n").first.map(String.init) ?? ""
            try #require(!child.isEmpty)
            _ = try Self.shell("kill -\(signal) \(child)")
            try t.waitFor("EXITED")
            let stty = try String(contentsOfFile: t.dir.path + "/stty.txt", encoding: .utf8)
            #expect(stty.contains(" echo "), "SIG\(signal): \(stty)")
        }
    }

    @Test("The terminal goes away (the window closed, an SSH client gone): the program ends with status 0, not a crash on its last words")
    func terminalGone() throws {
        let t = try session(width: 80, height: 24)
        defer { t.close() }
        let rc = t.dir.path + "/rc.txt"
        // The shell around it ignores the hang-up, to outlive the terminal and write how the
        // program ended (biosched sets its own handlers). Its goodbye on standard error meets a
        // terminal that answers EIO: that once trapped in Foundation and crashed (status 132).
        try t.start("trap '' HUP TERM; \(TmuxSession.binary) tui --as agent --db \(t.db) --now \(Self.now); echo $? > \(rc).part; mv \(rc).part \(rc)")
        try t.waitFor("Find a caller")
        _ = try t.tmux(["kill-session", "-t", t.name])
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: rc) && Date() < deadline { usleep(50_000) }
        let status = try String(contentsOfFile: rc, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "0", "the exit status after the terminal went away")
    }

    @Test("Ctrl-Z does not suspend; an idle session warns, then ends and restores the terminal")
    func idleAndNoSuspend() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "tui --as agent --idle-timeout 4")
        try t.waitFor("Find a caller")
        try t.keys("C-z")
        usleep(300_000)
        let after = try t.screen()
        #expect(after.contains("Find a caller"), "still running in the foreground after Ctrl-Z")
        #expect(!after.contains("Stopped"))
        try t.waitFor("No activity", seconds: 10)
        try t.waitFor("EXITED", seconds: 10)
        let screen = try t.screen()
        #expect(screen.contains("idle for 4 s"))
        let stty = try String(contentsOfFile: t.dir.path + "/stty.txt", encoding: .utf8)
        #expect(stty.contains(" echo "), "\(stty)")
    }

    @Test("The idle warning stays on the last row over any dialog, counting down each second; a key keeps the session")
    func idleWarningCountsDown() throws {
        let t = try session()
        defer { t.close() }
        try launch(t, "tui --as agent --idle-timeout 8") // the warning shows for the last 4 s
        try t.waitFor("Find a caller")
        try t.keys("F1") // the help overlay is open: the warning still shows
        let first = try t.waitFor("this session ends in", seconds: 10)
        let seconds = { (screen: String) -> Int? in
            screen.range(of: #"ends in (\d+) s"#, options: .regularExpression).flatMap { Int(screen[$0].filter(\.isNumber)) }
        }
        let a = try #require(seconds(first))
        #expect(first.split(separator: "\n").last?.contains("Press any key to stay") == true, "on the last row: \(first)")
        usleep(1_300_000)
        let b = try #require(seconds(try t.screen()))
        #expect(b < a, "it counts down: \(a) then \(b)")
        try t.keys("Escape")
        let kept = try t.waitFor("Still here", seconds: 3)
        #expect(!kept.contains("this session ends in"))
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }

    static func shell(_ command: String) throws -> (Int32, String) {
        let r = try TmuxSession.capture("/bin/sh", ["-c", command], errors: .dropped)
        return (r.status, r.output)
    }
}
