import ArgumentParser
import Testing

@testable import biosched

/// Every command of the tree names itself in its configuration. Without a name ArgumentParser
/// derives one from the type's name (`String(describing:)`), which at start-up scans every
/// protocol conformance in the binary once per command: about a third of a `tui` start before
/// its first frame (docs/benchmarks.md, "The first frame").
@Suite("Command names")
struct CommandNameTests {
    @Test("Every command and subcommand sets commandName, and the names are what biosched has always answered to")
    func everyCommandNamed() {
        var unnamed: [String] = []
        var names: [String] = []
        func walk(_ command: any ParsableCommand.Type, _ path: String) {
            for sub in command.configuration.subcommands {
                guard let name = sub.configuration.commandName else {
                    unnamed.append("\(path) \(sub)")
                    continue
                }
                names.append("\(path) \(name)")
                walk(sub, "\(path) \(name)")
            }
        }
        #expect(Biosched.configuration.commandName == "biosched")
        walk(Biosched.self, "biosched")
        #expect(unnamed.isEmpty, "derived at start-up: \(unnamed)")
        for expected in [
            "biosched tui", "biosched start", "biosched init", "biosched import", "biosched status", "biosched slots",
            "biosched reschedule", "biosched review approve", "biosched review deny", "biosched access add",
            "biosched access code", "biosched users list", "biosched themes check", "biosched store copy", "biosched summary",
            "biosched demo", "biosched centers", "biosched settings show", "biosched settings unset", "biosched outbox retry"
        ] {
            #expect(names.contains(expected), "\(expected) missing from \(names)")
        }
    }
}
