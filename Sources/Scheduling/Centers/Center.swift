import Foundation

/// Opening hours on one weekday, on the center's wall clock: `open..<close`.
public struct OpeningHours: Hashable, Sendable, CustomStringConvertible {
    public let open: LocalTime
    public let close: LocalTime
    public init?(open: LocalTime, close: LocalTime) {
        guard open < close else { return nil }
        self.open = open
        self.close = close
    }
    /// Parses `HH:MM-HH:MM`.
    public init?(parsing text: String) {
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 2, let o = LocalTime(hhmm: String(p[0]).trimmingCharacters(in: .whitespaces)),
            let c = LocalTime(hhmm: String(p[1]).trimmingCharacters(in: .whitespaces))
        else { return nil }
        self.init(open: o, close: c)
    }
    public var description: String { "\(open.hhmm)-\(close.hhmm)" }
}

/// An Application Support Center (ASC).
public struct Center: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    public var address: String
    public var city: String
    public var state: String
    public var zone: ZoneRules
    /// Opening hours per weekday; a missing weekday is closed.
    public var hours: [Weekday: OpeningHours]
    public var slotMinutes: Int
    /// Capacity per slot.
    public var stations: Int
    /// Dates on the center's calendar when it is closed.
    public var closures: Set<LocalDate>
    /// The reason a closure was given, by date (none: no reason was given).
    public var closureReasons: [LocalDate: String]

    public var id: String { code }

    public init(
        code: String, name: String, address: String = "", city: String = "", state: String = "",
        zone: ZoneRules, hours: [Weekday: OpeningHours], slotMinutes: Int, stations: Int,
        closures: Set<LocalDate> = [], closureReasons: [LocalDate: String] = [:]
    ) {
        self.code = code
        self.name = name
        self.address = address
        self.city = city
        self.state = state
        self.zone = zone
        self.hours = hours
        self.slotMinutes = slotMinutes
        self.stations = stations
        self.closures = closures
        self.closureReasons = closureReasons
    }

    public func isClosed(on date: LocalDate) -> Bool { closures.contains(date) || hours[date.weekday] == nil }

    /// One line of where it is: `1 Main St, Boston, MA`.
    public var fullAddress: String {
        [address, city, state].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
