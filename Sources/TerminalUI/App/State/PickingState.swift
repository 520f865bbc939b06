import Foundation
import Scheduling

/// The picking phase's state: the chosen center's calendar, the day and time selected, and where
/// the focus is (the month grid or the times list).
public struct PickingState: Sendable, Hashable {
    public var calendar: CalendarModel?
    public var selectedDay: LocalDate?
    public var month: LocalDate?
    public var timeIndex = 0
    /// Digits typed in the times list: an hour to jump to ("14"), at most two.
    public var hourTyped = ""
    /// Times moved by PgUp/PgDn in the times list.
    public static let timesPage = 6
    public var focusTimes = false

    public init() {}

    /// The chosen slot, if the selected time is an offered one.
    public var selectedSlot: SlotAvailability? {
        guard let day = selectedDay, let summary = calendar?.days[day], summary.slots.indices.contains(timeIndex),
            summary.offered.contains(timeIndex)
        else { return nil }
        return summary.slots[timeIndex]
    }

    /// Recomputes the calendar's days for `now` (R12), keeping the selected time in range.
    mutating func recompute(now: Date, window: SlotWindow, current: Appointment?) {
        guard calendar != nil else { return }
        calendar?.recompute(now: now, window: window, current: current)
        clampTime()
    }

    mutating func select(day: LocalDate) {
        selectedDay = day
        month = day.firstOfMonth
        timeIndex = calendar?.days[day]?.offered.first ?? 0
    }

    mutating func moveTime(_ delta: Int) {
        guard let day = selectedDay, let slots = calendar?.days[day]?.slots, !slots.isEmpty else { return }
        timeIndex = min(slots.count - 1, max(0, timeIndex + delta))
    }

    /// Jumps to the first time at or after `hour` o'clock on the selected day.
    mutating func jumpToHour(_ hour: Int) {
        guard let day = selectedDay, let slots = calendar?.days[day]?.slots, !slots.isEmpty else { return }
        timeIndex = slots.firstIndex { $0.slot.local.time.minutes >= hour * 60 } ?? slots.count - 1
    }

    mutating func clampTime() {
        guard let day = selectedDay else { return }
        let n = calendar?.days[day]?.slots.count ?? 0
        timeIndex = n == 0 ? 0 : min(max(0, timeIndex), n - 1)
    }
}
