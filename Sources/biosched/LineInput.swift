import Foundation

/// Lines from a person or a peer on standard input, each read with a bound: at most `maxBytes`
/// bytes a line (memory never grows with what the other side sends), at most `idle` seconds
/// waiting for the next byte, and the whole session over by `deadline`. `Swift.readLine` reads a
/// line of any length into memory: one line of gigabytes piped into `ssh biosched@` grew the process
/// to 2.9 GB. Bytes after a newline are kept for the next line; a carriage return before the
/// newline is dropped (a terminal's Enter); invalid UTF-8 reads as U+FFFD.
final class LineInput {
    enum Outcome: Equatable {
        case line(String)
        /// Standard input ended (or failed) before a newline; any partial line is dropped.
        case end
        /// The line passed `maxBytes` before its newline: the session should say so and end.
        case tooLong
        /// Nothing arrived for `idle` seconds, or the session's deadline passed.
        case timedOut
    }

    let fd: Int32
    let maxBytes: Int
    let idle: TimeInterval?
    let deadline: Date?
    private var pending: [UInt8] = []

    init(fd: Int32 = STDIN_FILENO, maxBytes: Int, idle: TimeInterval?, deadline: Date? = nil) {
        self.fd = fd
        self.maxBytes = maxBytes
        self.idle = idle
        self.deadline = deadline
    }

    func next() -> Outcome {
        var line: [UInt8] = []
        while true {
            if let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
                line += pending[..<nl]
                pending.removeSubrange(...nl)
                if line.count > maxBytes { return .tooLong }
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            line += pending
            pending.removeAll(keepingCapacity: true)
            if line.count > maxBytes { return .tooLong }
            guard waitReadable() else { return .timedOut }
            // Never more than the bound allows (plus one, to see that it was passed).
            var chunk = [UInt8](repeating: 0, count: min(4096, maxBytes + 2 - line.count))
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { return .end }
            pending = Array(chunk[0..<n])
        }
    }

    /// Waits until a byte can be read; false when the idle time or the deadline passes first.
    private func waitReadable() -> Bool {
        if idle == nil && deadline == nil { return true }
        while true {
            var wait = idle ?? .infinity
            if let deadline { wait = min(wait, deadline.timeIntervalSinceNow) }
            if wait <= 0 { return false }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = wait.isFinite ? Int32(min(wait * 1000, Double(Int32.max)).rounded(.up)) : -1
            let r = poll(&p, 1, ms)
            if r < 0 && errno == EINTR { continue }
            if r == 0 {
                // The whole idle time passed (poll may wake early only on a signal, handled above).
                return false
            }
            return true // readable, hung up, or an error: the read says which
        }
    }
}
