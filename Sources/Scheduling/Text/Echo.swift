/// Text a person, a file or a peer supplied, made safe to show back in a message: control
/// characters become visible escapes (`\n`, `\u{1B}`), and anything longer than `limit` characters
/// is cut with an ellipsis and its full length, so an error never replays escape sequences to a
/// terminal or prints a whole 10,000-character input.
public enum Echo {
    public static let defaultLimit = 60

    public static func show(_ text: String, limit: Int = defaultLimit) -> String {
        var out = ""
        var count = 0
        for c in text {
            // Counted in Unicode scalars, not Characters: one letter with 300,000 combining marks is
            // one Character, and would otherwise be echoed whole.
            let n = c.unicodeScalars.count
            if count + n > limit { return out + "… (\(text.unicodeScalars.count) characters)" }
            out += escaped(c)
            count += n
        }
        return out
    }

    /// A whole message made safe for a terminal: control characters other than line breaks and tabs
    /// become escapes. For messages that may quote something a person typed.
    public static func terminalSafe(_ text: String) -> String {
        var out = ""
        // CR LF (one Character in Swift) stays: files such as an .ics end their lines so; a lone CR,
        // which would let text overwrite its own line on a terminal, becomes \r.
        for c in text { out += (c == "\n" || c == "\t" || c == "\r\n") ? String(c) : escaped(c) }
        return out
    }

    static func escaped(_ c: Character) -> String {
        var out = ""
        for s in c.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Whether text holds a control character (anything below U+0020 but tab, line feed and
    /// carriage return are refused in stored fields; `allowingLineBreaks: false` refuses those too).
    public static func hasControlCharacters(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
        text.unicodeScalars.contains { s in
            if allowingLineBreaks && (s == "\n" || s == "\t" || s == "\r") { return false }
            return s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
        }
    }
}
