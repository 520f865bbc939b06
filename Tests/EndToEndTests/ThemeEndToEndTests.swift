import Foundation
import Testing

/// Themes in a real terminal: NO_COLOR leaves no color escapes, F2 changes the colors on screen,
/// and an edited theme file is reloaded (or, broken, reported with its line) without a restart.
@Suite("Themes end to end (tmux)", .serialized)
struct ThemeEndToEndTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    /// A tmux session with a copy of the demo store and of the Themes folder (BIOSCHED_THEMES_DIR).
    func launch(env: [String: String] = [:], args: String = "") throws -> TmuxSession {
        let t = try TmuxSession(width: 120, height: 32)
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        try FileManager.default.copyItem(atPath: template, toPath: t.db)
        try FileManager.default.copyItem(at: Self.themes, to: t.dir.appendingPathComponent("themes"))
        var env = env
        env["BIOSCHED_THEMES_DIR"] = t.dir.appendingPathComponent("themes").path
        // `swift test` may run with NO_COLOR=1, which the pane would inherit: only the NO_COLOR test sets it.
        let unset = env["NO_COLOR"] == nil ? "env -u NO_COLOR " : ""
        try t.start("\(unset)\(TmuxSession.binary) tui --as agent \(args) --db \(t.db) --now \(TerminalEndToEndTests.now); echo EXITED; sleep 60", env: env)
        return t
    }

    /// The screen with its escapes (`capture-pane -e`).
    func styled(_ t: TmuxSession) throws -> String { try t.tmux(["capture-pane", "-p", "-e", "-t", t.name]) }

    /// Every SGR sequence's parameters on the screen, e.g. "1;38;5;77".
    static func sgr(_ screen: String) -> [String] {
        var out: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
            if rest[end] == "m" { out.append(String(rest[..<end])) }
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    /// The SGR sequences that set a color: 30-38 and 40-48 (38/48 with 5;N or 2;R;G;B), 90-97,
    /// 100-107. 39 and 49 ("the terminal's default color"), which tmux writes when it resets a
    /// cell, are not colors.
    static func colorParameters(_ screen: String) -> [String] {
        sgr(screen).filter { seq in
            let p = seq.split(separator: ";").compactMap { Int($0) }
            return p.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        }
    }

    @Test("NO_COLOR=1: no color escapes on screen, only attributes, whatever the theme")
    func noColor() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try launch(env: ["NO_COLOR": "1"])
        defer { t.close() }
        try t.waitFor("Find a caller")
        let plain = try styled(t)
        #expect(Self.colorParameters(plain).isEmpty, "color escapes: \(Self.colorParameters(plain))")
        #expect(Self.sgr(plain).contains { $0.split(separator: ";").contains("7") }, "reverse video expected (header, hints): \(Self.sgr(plain))")
        try t.keys("F2")
        try t.waitFor("Theme colorblind-safe")
        let next = try styled(t)
        #expect(Self.colorParameters(next).isEmpty, "color escapes after F2: \(Self.colorParameters(next))")
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }

    @Test("F2 cycles the themes live: the colors on screen change and the status pane names the theme")
    func cycling() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try launch()
        defer { t.close() }
        try t.waitFor("Find a caller")
        let dark = try styled(t)
        #expect(dark.contains("38;5;81"), "default's cyan titles: \(Self.sgr(dark))")
        #expect(!dark.contains("38;5;74"))
        try t.keys("F2")
        let second = try t.waitFor("Theme colorblind-safe")
        #expect(second.contains("(2 of 6"))
        let safe = try styled(t)
        #expect(safe.contains("38;5;74"), "colorblind-safe's sky-blue titles: \(Self.sgr(safe))")
        #expect(!safe.contains("38;5;81"))
        #expect(Set(Self.colorParameters(safe)) != Set(Self.colorParameters(dark)))
        try t.keys("F2")
        try t.waitFor("Theme high-contrast")
        #expect(try styled(t).contains("48;5;16"), "high-contrast's black page")
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }

    /// The pid of the biosched under the pane's shell.
    func biosched(_ t: TmuxSession) throws -> String {
        let pane = try t.tmux(["list-panes", "-t", t.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (_, child) = try TerminalEndToEndTests.shell("pgrep -P \(pane) -f biosched")
        return try #require(child.split(separator: "\n").first.map(String.init), "biosched runs under the pane's shell")
    }

    /// The process's inotify instances and threads, from /proc.
    func watches(_ pid: String) -> (inotify: Int, threads: Int) {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        let inotify = fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == "anon_inode:inotify" }.count
        let threads = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).count
        return (inotify, threads)
    }

    @Test("By default nothing watches the theme file: no inotify instance, no watch thread, an edit is not reloaded")
    func noWatchByDefault() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try launch(args: "--theme light --idle-timeout 0")
        defer { t.close() }
        try t.waitFor("Find a caller")
        let pid = try biosched(t)
        let idle = watches(pid)
        #expect(idle.inotify == 0, "an idle session holds no inotify instance")
        let file = t.dir.appendingPathComponent("themes/light.toml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "paper     = { rgb = \"#fafafa\", 256 = 231", with: "paper     = { rgb = \"#ffffd7\", 256 = 230").utf8)
            .write(to: file)
        // A watching session reloads within a second; this one keeps its colors until F2.
        usleep(1_500_000)
        #expect(try styled(t).contains("48;5;231"), "not reloaded without --watch-theme")
        #expect(!(try t.screen()).contains("Reloaded theme"))
        let after = watches(pid)
        #expect(after.inotify == 0)
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }

    @Test("--watch-theme: an edited theme file is reloaded live; a broken edit names the file and line and keeps the colors")
    func reload() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        let t = try launch(args: "--theme light --watch-theme")
        defer { t.close() }
        try t.waitFor("Find a caller")
        #expect(try styled(t).contains("48;5;231"))
        #expect(watches(try biosched(t)).inotify == 1, "one inotify instance for the watch")
        let file = t.dir.appendingPathComponent("themes/light.toml")
        let original = try String(contentsOf: file, encoding: .utf8)
        // Broken: a malformed color on line 2.
        try Data(("description = \"x\"\n[palette\n" + original).utf8).write(to: file)
        let broken = try t.waitFor("light.toml")
        #expect(broken.contains("line 2"), "\(broken)")
        #expect(try styled(t).contains("48;5;231"), "the light theme stays")
        // Fixed, with a new page color: reloaded without a restart.
        try Data(original.replacingOccurrences(of: "paper     = { rgb = \"#fafafa\", 256 = 231", with: "paper     = { rgb = \"#ffffd7\", 256 = 230").utf8)
            .write(to: file)
        try t.waitFor("Reloaded theme light")
        let reloaded = try styled(t)
        #expect(reloaded.contains("48;5;230"))
        #expect(!reloaded.contains("48;5;231"))
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }
}
