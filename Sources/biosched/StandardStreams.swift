import Foundation

/// Standard output and standard error for text a command writes straight away (not through
/// `print`'s buffer). A write that fails is dropped, never fatal: after a hang-up the terminal
/// answers EIO, and a closed pipe EPIPE, and Foundation's `FileHandle.write(_: Data)` traps on
/// either, which crashed a session whose SSH client had gone while it said goodbye.
enum StandardStreams {
    /// To standard output, after what `print` still holds, so the order is kept.
    static func out(_ text: String) {
        fflush(nil)   // every stream: what print still holds goes first
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// To standard error.
    static func err(_ text: String) {
        fflush(nil)   // every stream: what print still holds goes first
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
