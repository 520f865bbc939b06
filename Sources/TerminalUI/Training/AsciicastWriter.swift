import Foundation

/// Writes screens as an asciicast v2 recording (what `asciinema play` and the asciinema web
/// player show): a JSON header line, then one `[seconds, "o", text]` line per frame, where the text
/// is what a terminal would be sent to draw the frame (cursor moves, SGR colors, characters).
/// Only the rows that changed since the previous frame are sent. Colors are the theme's, at 256
/// colors.
public struct AsciicastWriter: Sendable {
    public let size: Size
    public let theme: Theme
    private var previous: Screen?

    public init(size: Size, theme: Theme) {
        self.size = size
        self.theme = theme
    }

    /// The header line.
    public static func header(size: Size, timestamp: Date, title: String?) -> String {
        var fields = [
            "\"version\": 2", "\"width\": \(size.columns)", "\"height\": \(size.rows)",
            "\"timestamp\": \(Int(timestamp.timeIntervalSince1970))"
        ]
        if let title { fields.append("\"title\": \(jsonString(title))") }
        fields.append("\"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// The event lines for `screen` shown at `seconds` after the start (none if nothing changed).
    public mutating func frame(_ screen: Screen, at seconds: Double) -> [String] {
        var out: [String] = []
        let t = String(format: "%.6f", max(0, seconds))
        var full = previous == nil
        if let p = previous, p.size != screen.size {
            out.append("[\(t), \"r\", \(Self.jsonString("\(screen.size.columns)x\(screen.size.rows)"))]")
            full = true
        }
        let data = ansi(screen, full: full)
        previous = screen
        if !data.isEmpty { out.append("[\(t), \"o\", \(Self.jsonString(data))]") }
        return out
    }

    /// What a terminal is sent to go from the previous frame to `screen`.
    func ansi(_ screen: Screen, full: Bool) -> String {
        var s = ""
        if full { s += "\u{1b}[0m\u{1b}[2J" }
        var changed = false
        for row in 0..<screen.size.rows {
            if !full, let p = previous, p.size == screen.size, (0..<screen.size.columns).allSatisfy({ p[row, $0] == screen[row, $0] }) { continue }
            changed = true
            s += "\u{1b}[\(row + 1);1H"
            var current: StyleToken?
            for col in 0..<screen.size.columns {
                let cell = screen[row, col]
                if cell.isContinuation { continue }
                if cell.style != current {
                    s += "\u{1b}[\(sgr(cell.style))m"
                    current = cell.style
                }
                s += cell.text
            }
            s += "\u{1b}[0m"
        }
        let cursorChanged = full || previous?.cursor != screen.cursor
        if !changed && !cursorChanged { return "" }
        if let c = screen.cursor {
            s += "\u{1b}[\(c.row + 1);\(c.column + 1)H\u{1b}[?25h"
        } else {
            s += "\u{1b}[?25l"
        }
        return s
    }

    /// SGR parameters for a token: a reset, then the theme's attributes and colors at 256 colors
    /// (the 16 ANSI colors stay ANSI; true colors take their 256-color fallback).
    func sgr(_ token: StyleToken) -> String {
        let p = theme.resolvedStyle(token, depth: .indexed256).sgrParameters
        return p.isEmpty ? "0" : "0;" + p
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7f { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

/// An asciicast file being written as frames come: header first, one line per frame.
public final class AsciicastFile {
    private var fd: Int32
    private var writer: AsciicastWriter
    private let started: Date
    public let path: String
    /// Why the recording stopped being written (a full disk, a reader gone), if it did: the frames
    /// after it are dropped and the session goes on; the caller says the file is incomplete.
    public private(set) var failure: String?

    public init(path: String, size: Size, theme: Theme, title: String?, started: Date = Date()) throws {
        // Opened in place, not created by FileManager (which writes a new file and renames it
        // over the path): a FIFO, a device or a symbolic link named here is written, not replaced.
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteFailed(reason: String(cString: strerror(errno))) }
        self.path = path
        self.started = started
        writer = AsciicastWriter(size: size, theme: theme)
        do { try put(AsciicastWriter.header(size: size, timestamp: started, title: title) + "\n") } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    public func frame(_ screen: Screen, at now: Date = Date()) {
        guard failure == nil, fd >= 0 else { return }
        for line in writer.frame(screen, at: now.timeIntervalSince(started)) {
            do { try put(line + "\n") } catch {
                failure = error.reason
                return
            }
        }
    }

    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// All of `text`, or the system's reason it could not be written (SIGPIPE is ignored while
    /// the terminal UI runs, so a reader gone is EPIPE here, not the end of the program).
    private func put(_ text: String) throws(WriteFailed) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailed(reason: String(cString: strerror(errno)))
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The file could not be opened or written; `reason` is the system's (strerror).
    public struct WriteFailed: Error, LocalizedError {
        public let reason: String
        public var errorDescription: String? { reason }
    }
}
