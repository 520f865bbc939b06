import Foundation
import Scheduling

/// The calendar of the chosen center, derived from its bookings, the window and now.
public struct CalendarModel: Sendable, Hashable {
    public var center: Center
    public var booked: [Date: Int]
    public var loaded: Bool
    public var days: [LocalDate: DaySummary] = [:]
    public var window: ClosedRange<LocalDate>?

    public init(center: Center, booked: [Date: Int] = [:], loaded: Bool = false) {
        self.center = center
        self.booked = booked
        self.loaded = loaded
    }

    /// Recomputes every day in the booking window (R12) for `now`.
    public mutating func recompute(now: Date, window w: SlotWindow, current: Appointment?) {
        days = [:]
        let range = SlotCalendar.candidateDates(of: center, now: now, window: w)
        window = range
        var d = range.lowerBound
        while d <= range.upperBound {
            let slots = SlotCalendar.slots(of: center, on: d).map { SlotAvailability(slot: $0, booked: booked[$0.start] ?? 0) }
            var offered: [Int] = []
            var freeStations = 0, capacity = 0, inWindow = 0
            for (i, s) in slots.enumerated() {
                let refusals = SlotCalendar.refusals(
                    for: s.slot, of: center, booked: s.booked, now: now, window: w,
                    currentCenter: current?.centerCode, currentStart: current?.start)
                if w.contains(s.slot.start, now: now) {
                    inWindow += 1
                    capacity += s.slot.stations
                    freeStations += s.free
                }
                if refusals.isEmpty { offered.append(i) }
            }
            let mark: DaySummary.Mark
            if center.isClosed(on: d) {
                mark = .closed
            } else if inWindow == 0 {
                mark = .outside
            } else if offered.isEmpty {
                mark = .full
            } else if freeStations * 4 <= capacity {
                mark = .nearlyFull
            } else {
                mark = .free
            }
            days[d] = DaySummary(slots: slots, offered: offered, mark: mark)
            d = d.adding(days: 1)
        }
    }

    /// The day whose times the times pane shows for `day`: the day itself when it has times, else
    /// (closed, or no time in the window) the next day that has some, else the last one before it.
    /// The pane then stays in place rather than emptying and filling again. Nil for a day beyond
    /// the window's dates (the pane says so instead).
    public func timesDay(for day: LocalDate) -> LocalDate? {
        guard days[day] != nil else { return nil }
        func hasTimes(_ d: LocalDate) -> Bool {
            guard let summary = days[d] else { return false }
            return summary.mark != .closed && summary.mark != .outside && !summary.slots.isEmpty
        }
        if hasTimes(day) { return day }
        let sorted = days.keys.sorted()
        return sorted.first { $0 > day && hasTimes($0) } ?? sorted.last { $0 < day && hasTimes($0) }
    }

    public var firstOfferedDay: LocalDate? {
        days.keys.sorted().first { !(days[$0]?.offered.isEmpty ?? true) }
    }
}
