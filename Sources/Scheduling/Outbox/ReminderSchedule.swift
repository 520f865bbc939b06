import Foundation

/// When a reminder is due before an appointment (pure), counted in days of the center's calendar.
///
/// The reminder `d` days before is due from the start of the center's local day that is `d` days
/// before the appointment's local date, until the start. Of the offsets due at `now` only the
/// nearest one is sent (an appointment seen for the first time 3 days before gets the 1-day
/// reminder later, not a late 7-day one now), and none whose day came no later than the day the
/// appointment was booked (the booking's own confirmation said it all). Because the answer only
/// changes when the center's date changes, running twice on the same day finds nothing new.
public struct ReminderSchedule: Sendable, Hashable {
    /// Days before the start, e.g. `[7, 1]`.
    public let days: [Int]

    public init(days: [Int]) { self.days = Array(Set(days.filter { $0 > 0 })).sorted(by: >) }

    public static let standard = ReminderSchedule(days: [7, 1])

    /// Parses a setting such as `7,1`; nil when an entry is not a whole number of days from 1 to 366.
    public init?(setting: String) {
        let parts = setting.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [Int] = []
        for p in parts {
            guard let d = Int(p), (1...366).contains(d) else { return nil }
            out.append(d)
        }
        guard !out.isEmpty else { return nil }
        self.init(days: out)
    }

    public var setting: String { days.map(String.init).joined(separator: ",") }

    /// How far ahead an appointment may be and still need a reminder now.
    public var horizon: TimeInterval { TimeInterval(((days.first ?? 0) + 1) * 86_400) }

    /// The offset (in days) whose reminder is due now, if any.
    public func due(start: Date, bookedAt: Date, now: Date, zone: ZoneRules) -> Int? {
        guard now < start else { return nil }
        let day = zone.local(start).date.epochDay
        let ahead = day - zone.local(now).date.epochDay
        let bookedAhead = day - zone.local(bookedAt).date.epochDay
        return days.filter { d in ahead <= d && bookedAhead > d }.min()
    }
}
