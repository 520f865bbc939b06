import Foundation
import Scheduling

extension AppState {
    mutating func recomputeCalendar() {
        guard calendar != nil else { return }
        calendar?.recompute(now: now, window: config.window, current: snapshot?.appointment)
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
