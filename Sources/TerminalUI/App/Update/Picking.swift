import Foundation
import Scheduling

/// `update`, by phase: The calendar and the times: moving, choosing a time, changing the center, leaving the case.
extension App {
    static func handlePicking(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        if s.refusedAtOpen != nil {
            // Told before any calendar: the only way on is back (or help, quit, keys, handled earlier).
            if action == .back { leaveCase(&s, &fx) }
            return
        }
        guard let day = s.selectedDay else {
            if action == .back { leaveCase(&s, &fx) }
            if action == .changeCenter { openCenters(&s, &fx) }
            return
        }
        // Typing an hour in the times list jumps to it: "1" then "4" is 14:00, "9" is 09:00.
        if s.focusTimes, case let .char(c) = key, c.isASCII, let digit = c.wholeNumberValue {
            s.hourTyped = (s.hourTyped.count >= 2 ? "" : s.hourTyped) + String(digit)
            s.jumpToHour(Int(s.hourTyped) ?? 0)
            return
        }
        s.hourTyped = ""
        switch action {
        case .left where !s.focusTimes: s.select(day: day.adding(days: -1))
        case .right where !s.focusTimes: s.select(day: day.adding(days: 1))
        case .up where !s.focusTimes: s.select(day: day.adding(days: -7))
        case .down where !s.focusTimes: s.select(day: day.adding(days: 7))
        case .up: s.moveTime(-1)
        case .down: s.moveTime(1)
        case .pageUp where s.focusTimes: s.moveTime(-AppState.timesPage)
        case .pageDown where s.focusTimes: s.moveTime(AppState.timesPage)
        case .top where s.focusTimes: s.moveTime(-s.timeIndex)
        case .bottom where s.focusTimes: s.moveTime(Int.max / 2)
        case .prevMonth: s.select(day: day.addingMonths(-1))
        case .nextMonth: s.select(day: day.addingMonths(1))
        case .firstOffered:
            if let first = s.calendar?.firstOfferedDay { s.select(day: first) } else { s.log(.warning, s.t.noFreeDay) }
        case .focusNext, .focusPrev: s.focusTimes.toggle()
        case .select:
            if !s.focusTimes {
                // A closed day shows another day's times: Enter goes there.
                if let shown = s.calendar?.timesDay(for: day), shown != day { s.select(day: shown) }
                s.focusTimes = true; s.timeIndex = s.calendar?.days[s.selectedDay ?? day]?.offered.first ?? 0
                return
            }
            guard s.selectedSlot != nil else { s.log(.warning, s.t.timeNotOffered); return }
            if let item = s.approving { approveWith(&s, item, &fx); return }
            s.phase = .reason
            s.reasonFocus = s.reason.flatMap { r in s.reasonItems.firstIndex(of: .reason(r)) } ?? 0
            // R17: no reason is needed off a closed day: Continue has the focus (a reason or a note stays one ↑ away).
            if s.reason == nil, s.snapshot?.centerClosedThatDay == true { s.reasonFocus = s.reasonItems.count - 1 }
        case .changeCenter: openCenters(&s, &fx)
        case .refresh:
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .back:
            if s.focusTimes { s.focusTimes = false } else { leaveCase(&s, &fx) }
        default: break
        }
    }

    static func leaveCase(_ s: inout AppState, _ fx: inout [Effect]) {
        if s.approving != nil {
            s.approving = nil; s.phase = .reviewQueue; fx.append(.loadReviews); return
        }
        s.snapshot = nil; s.calendar = nil; s.selectedDay = nil; s.receiptField.set(""); s.waitlist = nil
        s.phase = s.config.actor.role.isStaff ? .findCase : .caseList
        if s.phase == .caseList { fx.append(.loadCases) }
    }

    static func openCenters(_ s: inout AppState, _ fx: inout [Effect]) {
        s.overlay = .centerPicker; s.centerFilter.set(""); s.centerIndex = 0
        if s.centers.isEmpty { fx.append(.loadCenters) }
    }

    static func choose(center c: Center, _ s: inout AppState, _ fx: inout [Effect]) {
        s.calendar = CalendarModel(center: c)
        s.selectedDay = nil; s.timeIndex = 0; s.focusTimes = false
        s.log(.info, s.t.centerChosen(c.code, c.name, c.zone.identifier))
        fx.append(.loadBookings(center: c.code))
    }
}
