import Foundation
import Scheduling

/// Standard output and standard error for text a command writes straight away (not through
/// `print`'s buffer). A write that fails is dropped, never fatal: after a hang-up the terminal
/// answers EIO, and a closed pipe EPIPE, and Foundation's `FileHandle.write(_: Data)` traps on
/// either, which crashed a session whose SSH client had gone while it said goodbye.
///
/// This is the printing layer of every command: whatever the text holds (a name written by
/// direct SQL, a sendmail's own error output, a theme file's key), control characters reach the
/// terminal only as visible escapes (`Echo.terminalSafe`); line breaks and tabs stay.
enum StandardStreams {
    /// To standard output, after what `print` still holds, so the order is kept.
    static func out(_ text: String) {
        fflush(nil) // every stream: what print still holds goes first
        try? FileHandle.standardOutput.write(contentsOf: Data(Echo.terminalSafe(text).utf8))
    }

    /// To standard output, as it is: only for text whose escape sequences biosched made itself
    /// (the colored theme previews), every other part of which the caller made safe already.
    static func outWithOwnEscapes(_ text: String) {
        fflush(nil)
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// To standard error.
    static func err(_ text: String) {
        fflush(nil) // every stream: what print still holds goes first
        try? FileHandle.standardError.write(contentsOf: Data(Echo.terminalSafe(text).utf8))
    }
}

/// `print` in this module: Swift's own, with the text made terminal-safe first. Every `print` of
/// every command resolves here (a module's own function shadows the standard library's).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(Echo.terminalSafe(text), terminator: Echo.terminalSafe(terminator))
}
