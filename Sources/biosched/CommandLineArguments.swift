import Foundation

/// Global options work before or after the subcommand, as with git, kubectl and docker:
/// `biosched --db X status R` is read as `biosched status R --db X`. Only options every command
/// knows are moved, and only from before the first subcommand word.
enum CommandLineArguments {
    /// Options that take a value, and flags, that `GlobalOptions` defines.
    static let valued: Set<String> = ["--db", "--now", "--as", "--account", "--login", "--via-key", "--lang"]
    static let flags: Set<String> = ["--json"]

    static func normalized(_ args: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if flags.contains(a) {
                leading.append(a)
                i += 1
                continue
            }
            if valued.contains(name) {
                if a.contains("=") {
                    leading.append(a)
                    i += 1
                    continue
                }
                guard i + 1 < args.count else { break }
                leading += [a, args[i + 1]]
                i += 2
                continue
            }
            break
        }
        let rest = Array(args[i...])
        // No subcommand after the options: leave them where they are (the default command takes them).
        guard !leading.isEmpty, let first = rest.first, !first.hasPrefix("-") else { return args }
        // After `--`, everything is an argument: keep the moved options before it.
        if let dash = rest.firstIndex(of: "--") { return Array(rest[..<dash]) + leading + Array(rest[dash...]) }
        return rest + leading
    }

    /// ArgumentParser names the hidden default command `start` in its messages: nobody typed that.
    static func publicMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "biosched start", with: "biosched") // not for a person: command names
    }

    /// Whether the person asked for JSON (so that errors come as JSON too).
    static func wantsJSON(_ args: [String]) -> Bool { args.contains("--json") }
}
