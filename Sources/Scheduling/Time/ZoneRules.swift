import Foundation

/// Converts between instants and a center's wall clock in its IANA zone (R13).
///
/// Pure: a `TimeZone` is a value; nothing here reads the system clock.
public struct ZoneRules: Sendable, Hashable {
    public let identifier: String
    public let timeZone: TimeZone

    /// `nil` when `identifier` is not an IANA zone known to this system.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
    }

    /// Offset from UTC, in seconds, at `instant`.
    public func offset(at instant: Date) -> Int { timeZone.secondsFromGMT(for: instant) }

    /// The instant of a wall-clock time, following R13: a time that does not exist (the
    /// spring-forward gap) gives `nil`; an ambiguous one (fall-back) gives its first occurrence.
    public func instant(of local: LocalDateTime) -> Date? {
        let wall = local.wallSeconds
        // The offsets in force a day either side bound every offset the wall time can have.
        let before = offset(at: Date(timeIntervalSince1970: TimeInterval(wall - 86_400 * 2)))
        let after = offset(at: Date(timeIntervalSince1970: TimeInterval(wall + 86_400 * 2)))
        var candidates: [Int] = []
        for off in Set([before, after]) {
            let t = wall - off
            if offset(at: Date(timeIntervalSince1970: TimeInterval(t))) == off { candidates.append(t) }
        }
        guard let first = candidates.min() else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(first))
    }

    /// Whether the wall time is skipped (spring-forward gap).
    public func isSkipped(_ local: LocalDateTime) -> Bool { instant(of: local) == nil }

    /// The wall-clock time of `instant` (to the minute; seconds are dropped).
    public func local(_ instant: Date) -> LocalDateTime {
        let secs = Int(instant.timeIntervalSince1970.rounded(.down)) + offset(at: instant)
        let day = Int((Double(secs) / 86_400).rounded(.down))
        let rem = secs - day * 86_400
        return LocalDateTime(date: LocalDate(epochDay: day), time: LocalTime(minutes: rem / 60)!)
    }

    /// The zone's abbreviation at `instant` (EST, EDT, MST, HST, AST, ChST ...). Where the system
    /// only knows a numeric name, it is given as `UTC+10`.
    public func abbreviation(at instant: Date) -> String {
        if let known = ZoneRules.knownAbbreviations[identifier] {
            return timeZone.isDaylightSavingTime(for: instant) ? known.daylight : known.standard
        }
        if let a = timeZone.abbreviation(for: instant), !a.hasPrefix("GMT") { return a }
        let off = offset(at: instant)
        let sign = off < 0 ? "-" : "+"
        let h = abs(off) / 3600, m = abs(off) % 3600 / 60
        return m == 0 ? "UTC\(sign)\(h)" : "UTC\(sign)\(h):\(pad(m, 2))"
    }

    /// Formats an instant as the center's local `YYYY-MM-DD HH:MM ZZZ`.
    public func format(_ instant: Date) -> String {
        let l = local(instant)
        return "\(l.date.iso) \(l.time.hhmm) \(abbreviation(at: instant))"
    }

    /// Formats an instant for people: `Tue 2024-03-12 09:00 EDT`.
    public func formatLong(_ instant: Date) -> String {
        let l = local(instant)
        return "\(l.date.weekday.shortName) \(l.date.iso) \(l.time.hhmm) \(abbreviation(at: instant))"
    }

    private static let knownAbbreviations: [String: (standard: String, daylight: String)] = [
        "America/New_York": ("EST", "EDT"), "America/Detroit": ("EST", "EDT"),
        "America/Indiana/Indianapolis": ("EST", "EDT"), "America/Kentucky/Louisville": ("EST", "EDT"),
        "America/Chicago": ("CST", "CDT"), "America/Denver": ("MST", "MDT"),
        "America/Boise": ("MST", "MDT"), "America/Phoenix": ("MST", "MST"),
        "America/Los_Angeles": ("PST", "PDT"), "America/Anchorage": ("AKST", "AKDT"),
        "America/Juneau": ("AKST", "AKDT"), "Pacific/Honolulu": ("HST", "HST"),
        "America/Puerto_Rico": ("AST", "AST"), "America/St_Thomas": ("AST", "AST"),
        "Pacific/Guam": ("ChST", "ChST"), "Pacific/Saipan": ("ChST", "ChST"),
        "Pacific/Pago_Pago": ("SST", "SST"), "UTC": ("UTC", "UTC")
    ]

    public static func == (a: ZoneRules, b: ZoneRules) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }
}
