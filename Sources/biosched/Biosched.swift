import ArgumentParser
import Foundation
import Scheduling

/// `biosched`: reschedule biometric services appointments.
@main
struct Biosched: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "biosched",
        abstract: "Reschedule biometric services appointments (fingerprints, photo, signature).",
        discussion: """
            Without a subcommand, opens the full-screen terminal UI (in a terminal) or prints a summary of the store. The store is --db PATH, else $BIOSCHED_DB, \
            else $XDG_DATA_HOME/biosched/biosched.sqlite (created on first use as a training store with demo data).

            Exit codes: 0 done (an escalation recorded counts as done), 1 refused by policy, 2 bad input or usage, \
            3 conflict or slot full, 4 store error.
            """,
        version: BioschedVersion.current,
        subcommands: [
            Start.self, TUI.self, Summary.self, Init.self, Import.self, FindCommand.self, Status.self, Slots.self, Reschedule.self, Review.self,
            NoticeCommand.self, MailerCommand.self, OutboxCommand.self, RemindersCommand.self, AuditCommand.self, BackupCommand.self, Users.self,
            SettingsCommand.self, Access.self, EnrollCommand.self, Centers.self, ThemesCommand.self, Demo.self, StoreCommand.self, WaitlistCommand.self,
            OffersCommand.self
        ],
        defaultSubcommand: Start.self
    )

    /// Parses, runs, and exits with biosched's own exit codes (usage errors are 2, not 64). With
    /// `--json`, an error is JSON too: `{"error": {"code": ..., "message": ...}}` on standard output.
    static func main() {
        let args = CommandLineArguments.normalized(Array(CommandLine.arguments.dropFirst()))
        let json = CommandLineArguments.wantsJSON(args)
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch let failure as Failure {
            fail(failure.code, failure.message, json: json)
        } catch {
            let code = exitCode(for: error)
            let message = CommandLineArguments.publicMessage(fullMessage(for: error))
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            fail(code == .validationFailure || code.rawValue == 64 ? .badInput : ExitStatus(rawValue: code.rawValue) ?? .badInput, message, json: json)
        }
    }

    static func fail(_ status: ExitStatus, _ message: String, json: Bool) -> Never {
        if json && !message.isEmpty {
            print(JSONOutput.string(["error": ["code": status.errorCode(message), "message": Echo.terminalSafe(message), "exitStatus": Int(status.rawValue)]]))
        } else if !message.isEmpty {
            StandardStreams.err(Echo.terminalSafe(message) + "\n")
        }
        Foundation.exit(status.rawValue)
    }
}

/// biosched's exit codes, the contract scripts rely on.
enum ExitStatus: Int32 {
    case done = 0
    case refused = 1
    case badInput = 2
    case conflict = 3
    case storeError = 4

    /// The code a JSON error carries: the verdict code the message starts with, else the exit kind.
    func errorCode(_ message: String) -> String {
        if let r = message.range(of: #"^[A-Z][A-Z_]{3,}(?=:)"#, options: .regularExpression) { return String(message[r]) }
        switch self {
        case .done: return "DONE"
        case .refused: return "REFUSED"
        case .badInput: return "BAD_INPUT"
        case .conflict: return "CONFLICT"
        case .storeError: return "STORE_ERROR"
        }
    }
}

/// An error that ends the command with a message and an exit code.
struct Failure: Error {
    var code: ExitStatus
    var message: String
    init(_ code: ExitStatus, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// The default: the terminal UI in a terminal, else a summary of the store.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var themeOptions: ThemeOptions
    @OptionGroup var sessionOptions: SessionOptions
    func run() throws {
        if sessionOptions.plain || (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) {
            // Every stored property of TUI is one of these groups, so the copy is complete.
            var tui = TUI()
            tui.global = global
            tui.themeOptions = themeOptions
            tui.sessionOptions = sessionOptions
            try tui.run()
        } else {
            var summary = Summary()
            summary.global = global
            try summary.run()
        }
    }
}
