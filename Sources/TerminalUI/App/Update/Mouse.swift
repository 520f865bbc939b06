import Foundation
import Scheduling

/// `update`, by phase: Clicks, resolved against what is drawn (hotspots).
extension App {
    static func handleClick(_ s: inout AppState, _ target: ClickTarget, _ fx: inout [Effect]) {
        if Training.interceptClick(&s, target, &fx) { return }
        guard s.overlay == nil || s.overlay == .centerPicker else { return }
        switch target {
        case let .day(epochDay):
            guard s.phase == .picking else { return }
            s.picking.focusTimes = false
            s.picking.select(day: LocalDate(epochDay: epochDay))
        case let .time(i):
            guard s.phase == .picking else { return }
            s.picking.focusTimes = true
            s.picking.timeIndex = i
            s.picking.clampTime()
        case let .listRow(i):
            if s.overlay == .centerPicker {
                s.centerPicker.index = i
                handleCenterPicker(&s, .enter, .select, &fx)
                return
            }
            switch s.phase {
            case .caseList:
                s.find.caseIndex = i
                handleCaseList(&s.find, .enter, .select, &fx)
            case .findCase: openCaller(&s, at: i, &fx)
            case .reason:
                s.reason.focus = i
                handleReason(&s, .enter, .select, &fx)
            case .reviewQueue: s.review.index = i
            default: break
            }
        case let .button(name):
            if name == "confirm" && s.phase == .confirm { submit(&s, &fx) }
            if name == "back" { handleKey(&s, .escape, &fx) }
        }
    }
}
