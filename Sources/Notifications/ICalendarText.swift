import Foundation
import Scheduling

/// RFC 5545 content lines (pure): TEXT escaping, folding at 75 octets, CRLF, date-time values.
public enum ICalendarText {
    /// TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for s in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                if s.value < 0x20 || s.value == 0x7F { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// One content line folded so that no line is longer than 75 octets (the CRLF not counted);
    /// continuation lines start with a space. A UTF-8 character is never split.
    public static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = "", octets = 0
        for ch in line {
            let n = String(ch).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + n > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(ch)
            octets += n
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    /// Content lines joined with CRLF, each folded, ending with CRLF.
    public static func document(_ lines: [String]) -> String {
        lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261208T150000Z`.
    public static func utc(_ date: Date) -> String {
        let secs = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Int((Double(secs) / 86_400).rounded(.down))
        let rem = secs - day * 86_400
        return basic(LocalDate(epochDay: day)) + "T" + two(rem / 3600) + two(rem % 3600 / 60) + two(rem % 60) + "Z"
    }

    /// `20261208T100000`: a wall-clock time (for DTSTART;TZID=...).
    public static func local(_ l: LocalDateTime) -> String {
        basic(l.date) + "T" + two(l.time.minutes / 60) + two(l.time.minutes % 60) + "00"
    }

    /// `-0500`.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds)
        return sign + two(a / 3600) + two(a % 3600 / 60)
    }

    static func basic(_ d: LocalDate) -> String { d.iso.replacingOccurrences(of: "-", with: "") }
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
