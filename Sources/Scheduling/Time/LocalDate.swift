/// A calendar date with no time zone: a day on a center's wall calendar.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Validates the date (proleptic Gregorian calendar).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    public init(epochDay: Int) {
        // Howard Hinnant's civil_from_days.
        let z = epochDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01.
    public var epochDay: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let idx = ((epochDay % 7) + 7 + 3) % 7 // 0 = Monday
        return Weekday.allCases[idx]
    }

    public func adding(days: Int) -> LocalDate { LocalDate(epochDay: epochDay + days) }

    public var firstOfMonth: LocalDate { LocalDate(year: year, month: month, day: 1)! }

    public func addingMonths(_ n: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    public var description: String { iso }
    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.epochDay < b.epochDay }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a date YYYY-MM-DD, got \"\(s)\""))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// A time of day on a wall clock, in minutes after midnight (0..<1440).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            if hour == 24 && minute == 0 {
                self.minutes = 1440
                return
            }
            return nil
        }
        self.minutes = hour * 60 + minute
    }
    /// Parses `HH:MM` (24-hour clock; `24:00` allowed as an end of day).
    public init?(hhmm: String) {
        let p = hhmm.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]) else { return nil }
        self.init(hour: h, minute: m)
    }
    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var hhmm: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
    public var description: String { hhmm }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }
}

/// A date and time on a wall clock, with no zone: `YYYY-MM-DDTHH:MM`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space may stand for the `T`).
    public init?(iso: String) {
        // The common form `YYYY-MM-DDTHH:MM` read straight from its bytes (an import or the demo
        // data parses tens of thousands); anything else, and any doubt, takes the general way.
        if iso.utf8.count == 16, let fast = LocalDateTime.digits(iso) {
            self = fast
            return
        }
        let s = iso.replacingOccurrences(of: " ", with: "T")
        let parts = s.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let d = LocalDate(iso: String(parts[0])), let t = LocalTime(hhmm: String(parts[1])), t.minutes < 1440 else { return nil }
        self.init(date: d, time: t)
    }
    /// `YYYY-MM-DDTHH:MM` (or a space for the T) with ASCII digits only; nil for anything else,
    /// and for what the general parser refuses too (an impossible date or time).
    static func digits(_ iso: String) -> LocalDateTime? {
        var v = [Int](repeating: 0, count: 16)
        var i = 0
        for b in iso.utf8 {
            switch i {
            case 4, 7: guard b == UInt8(ascii: "-") else { return nil }
            case 10: guard b == UInt8(ascii: "T") || b == UInt8(ascii: " ") else { return nil }
            case 13: guard b == UInt8(ascii: ":") else { return nil }
            default:
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                v[i] = Int(b - UInt8(ascii: "0"))
            }
            i += 1
        }
        let year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]
        guard let date = LocalDate(year: year, month: v[5] * 10 + v[6], day: v[8] * 10 + v[9]),
            let time = LocalTime(hour: v[11] * 10 + v[12], minute: v[14] * 10 + v[15]), time.minutes < 1440
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    /// Seconds since the epoch if this wall time were UTC.
    public var wallSeconds: Int { date.epochDay * 86_400 + time.minutes * 60 }
    public var iso: String { "\(date.iso)T\(time.hhmm)" }
    public var description: String { iso }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.wallSeconds < b.wallSeconds }
}

public enum Weekday: String, CaseIterable, Sendable, Codable {
    case mon, tue, wed, thu, fri, sat, sun
    public var shortName: String {
        switch self {
        case .mon: "Mon"
        case .tue: "Tue"
        case .wed: "Wed"
        case .thu: "Thu"
        case .fri: "Fri"
        case .sat: "Sat"
        case .sun: "Sun"
        }
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
