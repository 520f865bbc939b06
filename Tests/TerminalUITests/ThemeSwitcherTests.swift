import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// Theme choice, F2 cycling and live reload, through the real full-screen loop on a fake device.
@Suite("Theme switching and reload", .serialized)
@MainActor
struct ThemeSwitcherTests {
    /// A folder with copies of some shipped themes.
    static func folder(_ names: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for n in names {
            try FileManager.default.copyItem(
                at: ThemeTests.themesFolder.appendingPathComponent(n + ".toml"),
                to: dir.appendingPathComponent(n + ".toml"))
        }
        return dir
    }

    /// Writes a file so that its modification stamp surely changes.
    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
        let later = Date().addingTimeInterval(Double.random(in: 5...500))
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: url.path)
    }

    @Test("--theme by name or path; an unknown name or a broken file starts with the default and says why")
    func choosing() throws {
        let dir = try Self.folder(["light", "projector"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(ThemeSwitcher(directories: [dir.path], request: nil).theme.name == "default")
        #expect(ThemeSwitcher(directories: [dir.path], request: "light").theme.name == "light")
        #expect(ThemeSwitcher(directories: [], request: ThemeTests.themesFolder.path + "/high-contrast.toml").theme.name == "high-contrast")

        let unknown = ThemeSwitcher(directories: [dir.path], request: "neon")
        #expect(unknown.theme == Theme.builtInDefault)
        #expect(unknown.startupNotices == [ThemeNotice(.error, "No theme 'neon' (themes: default, light, projector). Using theme default.")])

        try Self.write("[tokens]\nday-free = \"#12345\"\n", to: dir.appendingPathComponent("broken.toml"))
        let broken = ThemeSwitcher(directories: [dir.path], request: "broken")
        #expect(broken.theme == Theme.builtInDefault)
        #expect(broken.startupNotices.count == 1)
        #expect(broken.startupNotices.first?.text.hasPrefix("Theme file broken.toml, line 2: malformed color \"#12345\"") == true)
        #expect(broken.startupNotices.first?.text.hasSuffix("Using theme default.") == true)
    }

    @Test("F2 cycles through the themes in order and back; a broken one is skipped past with a message")
    func cycling() throws {
        let dir = try Self.folder(["light", "monochrome"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write("[tokens]\ntext = { fg = \"#ffffff\" bg = \"#000000\" }\n", to: dir.appendingPathComponent("bad.toml"))
        let s = ThemeSwitcher(directories: [dir.path], request: nil, depth: .indexed256)
        #expect(s.cycle.map(\.name) == ["default", "bad", "light", "monochrome"])
        let first = s.next()
        #expect(s.theme.name == "default")
        #expect(first.count == 1 && first[0].level == .error)
        #expect(first[0].text.hasPrefix("Theme file bad.toml, line 2: expected ',' or '}'"))
        #expect(first[0].text.hasSuffix("Keeping theme default."))
        #expect(s.next() == [ThemeNotice(.info, "Theme light (3 of 4, 256 colors).")])
        #expect(s.theme.name == "light")
        _ = s.next()
        #expect(s.theme.name == "monochrome")
        _ = s.next()
        #expect(s.theme.name == "default")
        // A file added meanwhile joins the cycle.
        try FileManager.default.copyItem(at: ThemeTests.themesFolder.appendingPathComponent("projector.toml"), to: dir.appendingPathComponent("projector.toml"))
        _ = s.next()
        _ = s.next()
        _ = s.next()
        #expect(s.next().first?.text == "Theme projector (5 of 5, 256 colors).")
    }

    @Test("An edited theme file is reloaded; a broken edit keeps the theme and says where; fixing it applies it")
    func reloading() throws {
        let dir = try Self.folder([])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.toml")
        try Self.write("[tokens]\nday-free = \"#00ff00\"\n", to: file)
        let s = ThemeSwitcher(directories: [dir.path], request: "mine", pollInterval: .zero, watches: true)
        #expect(s.poll().isEmpty)
        #expect(s.theme.resolvedStyle(.dayFree, depth: .trueColor).foreground == .rgb(0, 255, 0))

        try Self.write("[tokens]\nday-free = \"#0000ff\"\n", to: file)
        #expect(s.poll() == [ThemeNotice(.info, "Reloaded theme mine (2 of 2).")])
        #expect(s.theme.resolvedStyle(.dayFree, depth: .trueColor).foreground == .rgb(0, 0, 255))
        #expect(s.poll().isEmpty)

        try Self.write("[tokens]\n\nday-free = \"#0000ff\"\nday-ful = \"#ff0000\"\n", to: file)
        let notices = s.poll()
        #expect(notices.count == 1)
        #expect(notices.first?.level == .error)
        #expect(notices.first?.text == "Theme file mine.toml, line 4: unknown token 'day-ful'; expected a token name such as 'day-full'. Keeping theme mine.")
        #expect(s.theme.resolvedStyle(.dayFree, depth: .trueColor).foreground == .rgb(0, 0, 255))
        #expect(s.poll().isEmpty, "one message per edit")

        try Self.write("[tokens]\nday-free = \"#0000ff\"\nday-full = \"#ff0000\"\n", to: file)
        #expect(s.poll().first?.level == .info)
        #expect(s.theme.resolvedStyle(.dayFull, depth: .trueColor).foreground == .rgb(255, 0, 0))
    }

    @Test("Not watching (the default): an edited file is never looked at until F2 reads the folder again")
    func notWatching() throws {
        let dir = try Self.folder([])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.toml")
        try Self.write("[tokens]\nday-free = \"#00ff00\"\n", to: file)
        let s = ThemeSwitcher(directories: [dir.path], request: "mine", pollInterval: .zero)
        #expect(!s.watches)
        #expect(s.watchedFile == nil)
        try Self.write("[tokens]\nday-free = \"#0000ff\"\n", to: file)
        #expect(s.poll().isEmpty)
        #expect(s.poll(force: true).isEmpty)
        #expect(s.theme.resolvedStyle(.dayFree, depth: .trueColor).foreground == .rgb(0, 255, 0))
        _ = s.next() // default
        _ = s.next() // mine again, read from its file
        #expect(s.theme.name == "mine")
        #expect(s.theme.resolvedStyle(.dayFree, depth: .trueColor).foreground == .rgb(0, 0, 255))
    }

    @Test("An idle loop whose theme is not watched sleeps to the next minute of the clock: no 5 s look, no inotify instance; watching takes one")
    func idleLoopSleeps() throws {
        InotifyTests.lock.lock()
        defer { InotifyTests.lock.unlock() }
        let dir = try Self.folder(["light"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = try UIFixture()
        defer { f.remove() }
        let now = UIFixture.now
        let toMinute = min(60_000, TerminalLoop.millisecondsToNextMinute(now))
        for watching in [false, true] {
            var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
            let device = SleepingDevice(timeouts: 3)
            let themes = ThemeSwitcher(directories: [dir.path], request: "light", depth: .indexed256, watches: watching)
            _ = TerminalLoop.run(&p, device: device, theme: .builtInDefault, clock: { now }, themes: themes)
            #expect(device.waits == Array(repeating: toMinute, count: 4), "watching \(watching): \(device.waits)")
            #expect(device.inotifyWhileWaiting == Array(repeating: watching ? 1 : 0, count: 4), "watching \(watching)")
        }
    }

    @Test("An idle loop gives back freed heap once after the start and after each key, never on the clock's tick")
    func idleLoopGivesBackMemory() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let now = UIFixture.now
        var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        var given = 0
        _ = TerminalLoop.run(
            &p, device: SleepingDevice(timeouts: 3), theme: .builtInDefault, clock: { now },
            giveBackMemory: { given += 1 })
        #expect(given == 1, "three ticks after the start: \(given)")
        var q = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        given = 0
        _ = TerminalLoop.run(
            &q, device: FakeDevice(inputs: [.key(.char("E")), .key(.char("A"))]), theme: .builtInDefault,
            clock: { now }, giveBackMemory: { given += 1 })
        #expect(given == 3, "the start and two keys: \(given)")
        #expect(q.state.find.receiptField.text == "EA")
    }

    @Test("In the full-screen loop: F2 changes the theme presented and says so in the status pane; other keys still work")
    func loop() throws {
        let dir = try Self.folder(["light"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        let device = FakeDevice(inputs: [.key(.function(2)), .key(.char("E")), .key(.function(2))])
        let themes = ThemeSwitcher(directories: [dir.path], request: nil, depth: .indexed256)
        let now = UIFixture.now
        let reason = TerminalLoop.run(&p, device: device, theme: .builtInDefault, clock: { now }, themes: themes)
        #expect(reason == "no more input")
        #expect(device.presented.map(\.name) == ["default", "light", "light", "default"])
        #expect(p.state.messages.map(\.text).suffix(2) == ["Theme light (2 of 2, 256 colors).", "Theme default (1 of 2, 256 colors)."])
        #expect(p.state.find.receiptField.text == "E")
        let screen = p.render()
        #expect(screen.text.contains("Theme default (1 of 2,"))
    }
}

/// Tests that count this process's inotify instances, or make one, hold this lock: suites run in
/// parallel, and FileWatchTests' instance would otherwise be counted by idleLoopSleeps.
enum InotifyTests {
    nonisolated static let lock = NSLock()
}

/// A device that times out `timeouts` times, then hangs up; it records each wait and how many
/// inotify instances the process held meanwhile. It has a waker, as the real terminal does.
@MainActor
final class SleepingDevice: TerminalDevice {
    var left: Int
    var waits: [Int] = []
    var inotifyWhileWaiting: [Int] = []
    init(timeouts: Int) { left = timeouts }
    var size: Size { Size(columns: 100, rows: 30) }
    func present(_ screen: Screen, theme: Theme) {}
    nonisolated var waker: (@Sendable () -> Void)? { {} }
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        waits.append(timeoutMilliseconds)
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        inotifyWhileWaiting.append(
            fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == "anon_inode:inotify" }.count)
        if left == 0 { return .hangUp(reason: "done") }
        left -= 1
        return nil
    }
}

@MainActor
final class FakeDevice: TerminalDevice {
    var inputs: [TerminalInput]
    var presented: [Theme] = []
    init(inputs: [TerminalInput]) { self.inputs = inputs }
    var size: Size { Size(columns: 100, rows: 30) }
    func present(_ screen: Screen, theme: Theme) { presented.append(theme) }
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput? { inputs.isEmpty ? .hangUp(reason: "no more input") : inputs.removeFirst() }
}
