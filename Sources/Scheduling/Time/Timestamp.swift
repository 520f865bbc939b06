import Foundation

/// The one grammar biosched takes for an instant typed by a person (`--now`, and dates with an
/// offset in import files): RFC 3339 with a `T`, seconds optional, fraction optional, and an offset
/// `Z` or `±HH:MM` of at most 14:00. Every field is checked: `2026-02-30`, `24:00`, `+25:00` and a
/// space for the `T` are refused rather than rolled over into another date. Years 1970 to 2200.
public enum Timestamp {
    public static let grammar = "YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or an offset ±HH:MM (at most ±14:00), years 1970 to 2200"

    public static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard (16...35).contains(u.count) else { return nil }
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= u.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = u[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < u.count, u[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2), expect(84),
            let hour = digits(2), expect(58), let minute = digits(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if i < u.count && u[i] == 58 {
            i += 1
            guard let s = digits(2) else { return nil }
            second = s
            if i < u.count && u[i] == 46 {
                i += 1
                let start = i
                var value = 0.0, scale = 0.1
                while i < u.count, u[i] >= 48 && u[i] <= 57, i - start < 9 {
                    value += Double(u[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
                fraction = value
            }
        }
        var offset = 0
        guard i < u.count else { return nil }
        if u[i] == 90 {
            i += 1
        } else if u[i] == 43 || u[i] == 45 {
            let sign = u[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2), expect(58), let om = digits(2), om < 60, oh * 60 + om <= 14 * 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == u.count else { return nil }
        guard (1970...2200).contains(year), (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        let days = date.epochDay
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }
}
