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
        guard let day = s.picking.selectedDay else {
            if action == .back { leaveCase(&s, &fx) }
            if action == .changeCenter { openCenters(&s, &fx) }
            return
        }
        // Typing an hour in the times list jumps to it: "1" then "4" is 14:00, "9" is 09:00.
        if s.picking.focusTimes, case let .char(c) = key, c.isASCII, let digit = c.wholeNumberValue {
            s.picking.hourTyped = (s.picking.hourTyped.count >= 2 ? "" : s.picking.hourTyped) + String(digit)
            s.picking.jumpToHour(Int(s.picking.hourTyped) ?? 0)
            return
        }
        s.picking.hourTyped = ""
        switch action {
        case .left where !s.picking.focusTimes: s.picking.select(day: day.adding(days: -1))
        case .right where !s.picking.focusTimes: s.picking.select(day: day.adding(days: 1))
        case .up where !s.picking.focusTimes: s.picking.select(day: day.adding(days: -7))
        case .down where !s.picking.focusTimes: s.picking.select(day: day.adding(days: 7))
        case .up: s.picking.moveTime(-1)
        case .down: s.picking.moveTime(1)
        case .pageUp where s.picking.focusTimes: s.picking.moveTime(-PickingState.timesPage)
        case .pageDown where s.picking.focusTimes: s.picking.moveTime(PickingState.timesPage)
        case .top where s.picking.focusTimes: s.picking.moveTime(-s.picking.timeIndex)
        case .bottom where s.picking.focusTimes: s.picking.moveTime(Int.max / 2)
        case .prevMonth: s.picking.select(day: day.addingMonths(-1))
        case .nextMonth: s.picking.select(day: day.addingMonths(1))
        case .firstOffered:
            if let first = s.picking.calendar?.firstOfferedDay { s.picking.select(day: first) } else { s.log(.warning, s.t.noFreeDay) }
        case .focusNext, .focusPrev: s.picking.focusTimes.toggle()
        case .select:
            if !s.picking.focusTimes {
                // A closed day shows another day's times: Enter goes there.
                if let shown = s.picking.calendar?.timesDay(for: day), shown != day { s.picking.select(day: shown) }
                s.picking.focusTimes = true
                s.picking.timeIndex = s.picking.calendar?.days[s.picking.selectedDay ?? day]?.offered.first ?? 0
                return
            }
            guard s.picking.selectedSlot != nil else {
                s.log(.warning, s.t.timeNotOffered)
                return
            }
            if let item = s.review.approving {
                approveWith(&s, item, &fx)
                return
            }
            s.phase = .reason
            s.reason.focus = s.reason.chosen.flatMap { r in s.reasonItems.firstIndex(of: .reason(r)) } ?? 0
            // R17: no reason is needed off a closed day: Continue has the focus (a reason or a note stays one ↑ away).
            if s.reason.chosen == nil, s.snapshot?.centerClosedThatDay == true { s.reason.focus = s.reasonItems.count - 1 }
        case .changeCenter: openCenters(&s, &fx)
        case .refresh:
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .back:
            if s.picking.focusTimes { s.picking.focusTimes = false } else { leaveCase(&s, &fx) }
        default: break
        }
    }

    static func leaveCase(_ s: inout AppState, _ fx: inout [Effect]) {
        if s.review.approving != nil {
            s.review.approving = nil
            s.phase = .reviewQueue
            fx.append(.loadReviews)
            return
        }
        s.snapshot = nil
        s.picking.calendar = nil
        s.picking.selectedDay = nil
        s.find.receiptField.set("")
        s.waitlist = nil
        s.phase = s.config.actor.role.isStaff ? .findCase : .caseList
        if s.phase == .caseList { fx.append(.loadCases) }
    }

    static func openCenters(_ s: inout AppState, _ fx: inout [Effect]) {
        s.overlay = .centerPicker
        s.centerPicker.filter.set("")
        s.centerPicker.index = 0
        if s.centerPicker.centers.isEmpty { fx.append(.loadCenters) }
    }

    static func choose(center c: Center, _ s: inout AppState, _ fx: inout [Effect]) {
        s.picking.calendar = CalendarModel(center: c)
        s.picking.selectedDay = nil
        s.picking.timeIndex = 0
        s.picking.focusTimes = false
        s.log(.info, s.t.centerChosen(c.code, c.name, c.zone.identifier))
        fx.append(.loadBookings(center: c.code))
    }
}
