import ArgumentParser
import CursesScreen
import Foundation
import Scheduling
import SchedulingStore
import TerminalUI

/// `biosched tui` (and `biosched` with no subcommand in a terminal): the full-screen program.
struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen terminal UI (the default when run in a terminal).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var themeOptions: ThemeOptions

    @OptionGroup var sessionOptions: SessionOptions

    func run() throws {
        let s = try Session.open(global, lean: true)
        let env = ProcessInfo.processInfo.environment
        let idleSeconds = sessionOptions.idleTimeout ?? env["BIOSCHED_IDLE_TIMEOUT"].flatMap { Int($0) } ?? 900
        guard idleSeconds >= 0 else { throw Failure(.badInput, s.t.badIdleTimeout) }
        let idle = idleSeconds == 0 ? nil : IdlePolicy(timeout: TimeInterval(idleSeconds))
        if sessionOptions.plain || env["TERM"] == "dumb" || env["TERM"] == nil {
            TUI.runPlain(s, idleSeconds: idleSeconds)
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure(.badInput, s.t.tuiNeedsTerminal)
        }
        let status = try MainActor.assumeIsolated { () throws(Failure) -> Int32 in
            try TUI.runFullScreen(s, idle: idle, theme: themeOptions.request, watchTheme: themeOptions.watches())
        }
        if status != 0 { throw Failure(ExitStatus(rawValue: status) ?? .storeError, "") }
    }

    static func config(_ s: Session) -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        // Over SSH a notice is shown for the client to copy or print, never written to a server file.
        var c = AppConfig(
            actor: s.actor, isTraining: s.info.isTraining, window: s.info.window,
            sessionID: String(UUID().uuidString.prefix(8)).lowercased(),
            canWriteFiles: env["SSH_CONNECTION"] == nil && env["SSH_CLIENT"] == nil && env["SSH_TTY"] == nil,
            language: s.language)
        if s.info.isTraining && s.actor.role.isStaff { c.tryCases = tryCases(s) }
        return c
    }

    /// The demo stories whose cases this training store holds, for staff (the first few).
    static func tryCases(_ s: Session) -> [AppConfig.TryCase] {
        // The titles come without placing the stories (that takes every center's calendar), and the
        // store is asked once which of them it holds: both are on the way to the first frame.
        let stories = DemoData.storyHeadlines(s.language).compactMap { story in
            (try? ReceiptNumber(parsing: story.receipt)).map { AppConfig.TryCase(receipt: $0, title: story.title) }
        }
        guard let held = try? s.store.receiptsOnFile(stories.map(\.receipt)) else { return [] }
        return Array(stories.filter { held.contains($0.receipt) }.prefix(6))
    }

    /// The longest line plain mode reads: every field it fills is at most 300 characters.
    static let plainMaxLineBytes = 4096

    /// Plain mode: the same state and update, as numbered menus on standard input and output.
    static func runPlain(_ s: Session, idleSeconds: Int) {
        let clock = s.clock
        let program = Program(
            state: AppState(config: config(s), now: clock(), size: Size(columns: 80, rows: 24)),
            runner: {
                var r = EffectRunner(store: s.store, clock: clock, writeFile: nil)
                r.keyRegistry = s.store
                return r
            }())
        var p = program
        p.send(.tick(clock()))
        if let note = s.storyClockNote { p.send(.notice(.info, note)) }
        // Bounded reads: a line past the bound, or no line for the idle time, ends the session (said first).
        let input = LineInput(maxBytes: plainMaxLineBytes, idle: idleSeconds == 0 ? nil : TimeInterval(idleSeconds))
        _ = PlainMode.run(
            p,
            readLine: {
                switch input.next() {
                case let .line(text): return text
                case .end: return nil
                case .tooLong:
                    StandardStreams.out("\n" + s.t.lineTooLong(plainMaxLineBytes) + "\n")
                    return nil
                case .timedOut:
                    StandardStreams.out("\n" + s.t.inputTimedOut(idleSeconds) + "\n")
                    return nil
                }
            },
            write: { text in
                StandardStreams.out(text)
            })
    }

    @MainActor
    static func runFullScreen(_ s: Session, idle: IdlePolicy?, theme: String? = nil, watchTheme: Bool = false) throws(Failure) -> Int32 {
        let config = config(s)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch {
            throw Failure(.badInput, s.t.cannotStartUI("\(error)"))
        }
        defer { terminal.stop() }
        let clock = s.clock
        // The first load waits for the loop's worker too: the screen never waits on the store.
        var runner = EffectRunner(store: s.store, clock: clock, writeFile: EffectRunner.writingFiles(protecting: s.store.protectedFile))
        runner.keyRegistry = s.store
        var program = Program(
            state: AppState(config: config, now: clock(), size: terminal.size),
            runner: runner, defersEffects: true)
        let themes = ThemeOptions.switcher(request: theme, depth: terminal.depth, language: s.language, watches: watchTheme)
        for n in themes.startupNotices { program.send(.notice(n.level, n.text)) }
        if let note = s.storyClockNote { program.send(.notice(.info, note)) }
        // Between keys an idle session holds no cache: the SQLite store's, then the freed heap.
        let sqlite = s.store as? SQLiteBookingStore
        let reason = TerminalLoop.run(
            &program, device: terminal, theme: themes.theme, clock: clock, idle: idle, themes: themes,
            effects: .background,
            giveBackMemory: {
                sqlite?.releaseMemory()
                TerminalLoop.giveBackFreeHeap()
            })
        terminal.stop()
        if reason != "quit" {
            StandardStreams.err(s.t.sessionEnded(reason) + "\n")
        }
        return 0
    }
}

/// How an interactive session runs (shared by `tui` and the default command).
struct SessionOptions: ParsableArguments {
    @Flag(help: "Numbered menus and line prompts for screen readers (chosen automatically when TERM=dumb).")
    var plain = false

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp(
            "End the session after this many seconds without a key (a warning comes a minute before); 0 never. Default 900, or $BIOSCHED_IDLE_TIMEOUT.",
            valueName: "seconds"))
    var idleTimeout: Int?
}
