import ArgumentParser
import CursesScreen
import Foundation
import Scheduling
import TerminalUI

/// `biosched tui` (and `biosched` with no subcommand in a terminal): the full-screen program.
struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen terminal UI (the default when run in a terminal).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try Session.open(global)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure(.badInput, "biosched tui needs a terminal (stdin and stdout must be a tty). Use the subcommands in scripts: biosched --help.")
        }
        let status = try MainActor.assumeIsolated { () throws(Failure) -> Int32 in try TUI.runFullScreen(s) }
        if status != 0 { throw Failure(ExitStatus(rawValue: status) ?? .storeError, "") }
    }

    @MainActor
    static func runFullScreen(_ s: Session) throws(Failure) -> Int32 {
        let env = ProcessInfo.processInfo.environment
        let config = AppConfig(actor: s.actor, isTraining: s.info.isTraining, window: s.info.window,
                               sessionID: String(UUID().uuidString.prefix(8)).lowercased(),
                               canWriteFiles: env["SSH_CONNECTION"] == nil && env["SSH_ORIGINAL_COMMAND"] == nil)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch {
            throw Failure(.badInput, "Cannot start the terminal UI: \(error)")
        }
        defer { terminal.stop() }
        let clock = s.clock
        var program = Program(state: AppState(config: config, now: clock(), size: terminal.size),
                              runner: EffectRunner(store: s.store, clock: clock))
        let reason = TerminalLoop.run(&program, device: terminal, theme: .builtInDefault, clock: clock)
        terminal.stop()
        if reason != "quit" {
            FileHandle.standardError.write(Data("biosched: ended (\(reason)); nothing was left half written.\n".utf8))
        }
        return 0
    }
}
