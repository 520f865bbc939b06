import Foundation
import Scheduling

/// `update`, by phase: Dialogs drawn over a phase: help, quit?, the center picker, the notice's file name, a review note.
extension App {
    /// Keys while a dialog is open (help, quit?, the center picker, a prompt): true when the
    /// overlay took the key. Each reads its keys from the keymap (`.dialog`, `.prompt`, `.centerPicker`).
    static func handleOverlay(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) -> Bool {
        switch s.overlay {
        case .help:
            let page = HelpView.pageSize(s.size)
            switch action {
            case .down?: s.helpScroll += 1
            case .up?: s.helpScroll -= 1
            case .pageDown?: s.helpScroll += page
            case .pageUp?: s.helpScroll -= page
            default:
                s.overlay = nil
                s.helpScroll = 0
                return true
            }
            s.helpScroll = max(0, min(s.helpScroll, HelpView.lines(s).count - page))
            return true
        case .quitConfirm:
            if action == .select {
                s.quit = true
                fx.append(.quit)
            } else if action == .back {
                s.overlay = nil
            }
            return true
        case .centerPicker:
            handleCenterPicker(&s, key, action, &fx)
            return true
        case .savePrompt:
            if action == .back {
                s.overlay = nil
                return true
            }
            if action == .select {
                let path = s.outcome.savePath.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else {
                    s.log(.warning, s.t.typeFileName)
                    return true
                }
                if let text = s.outcome.answer?.notice?.text(in: s.noticeLanguage) { fx.append(.saveNotice(path: path, text: text, replacing: false)) }
                s.overlay = nil
                return true
            }
            _ = s.outcome.savePath.handle(key)
            return true
        case let .replaceConfirm(path):
            if action == .select {
                if let text = s.outcome.answer?.notice?.text(in: s.noticeLanguage) { fx.append(.saveNotice(path: path, text: text, replacing: true)) }
                s.overlay = nil
            } else if action == .back {
                s.log(.info, s.t.nothingSaved(Echo.show(path)))
                s.overlay = .savePrompt
            }
            return true
        case let .reviewNote(approve):
            if action == .back {
                s.overlay = nil
                return true
            }
            if action == .select {
                guard !s.review.note.isBlank else {
                    s.review.noteMissing = true
                    s.log(.warning, s.t.reviewNeedsNote)
                    return true
                }
                guard let item = s.review.visible[safe: s.review.index] else {
                    s.overlay = nil
                    return true
                }
                fx.append(.review(requestID: item.requestID, approve: approve, note: s.review.note.text, center: nil, to: nil))
                s.overlay = nil
                return true
            }
            if s.review.note.handle(key) { s.review.noteMissing = false }
            return true
        case .approveOther:
            if action == .select, let item = s.review.approving, let slot = s.picking.selectedSlot, let center = s.picking.calendar?.center {
                s.overlay = nil
                s.phase = .submitting
                fx.append(.review(requestID: item.requestID, approve: true, note: s.review.note.text, center: center.code, to: slot.slot.local))
            } else if action == .back {
                s.overlay = nil // pick another time
            }
            return true
        case nil:
            return false
        }
    }

    static func handleCenterPicker(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        let last = max(0, s.visibleCenters.count - 1)
        switch action {
        case .back: s.overlay = nil
        case .up: s.centerPicker.index = max(0, s.centerPicker.index - 1)
        case .down: s.centerPicker.index = min(last, s.centerPicker.index + 1)
        case .pageUp: s.centerPicker.index = max(0, s.centerPicker.index - 10)
        case .pageDown: s.centerPicker.index = min(last, s.centerPicker.index + 10)
        case .select:
            guard let c = s.visibleCenters[safe: s.centerPicker.index] else { return }
            s.overlay = nil
            choose(center: c, &s, &fx)
        default:
            if s.centerPicker.filter.handle(key) { s.centerPicker.index = 0 }
        }
    }
}
