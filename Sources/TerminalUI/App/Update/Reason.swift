import Foundation
import Scheduling

/// `update`, by phase: The reason pane: good cause, the explanation, the agent's note, the confirmation channel.
extension App {
    static func handleReason(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        let items = s.reasonItems
        let item = items[safe: s.reason.focus]
        switch action {
        case .up, .focusPrev: s.reason.focus = max(0, s.reason.focus - 1)
        case .down, .focusNext: s.reason.focus = min(items.count - 1, s.reason.focus + 1)
        case .back: s.phase = .picking
        case .select:
            switch item {
            case let .reason(r)?:
                s.reason.chosen = r
                let after = s.reasonItems
                if r == .other, let i = after.firstIndex(of: .explanation) {
                    s.reason.focus = i
                } else if let i = after.firstIndex(of: .note) {
                    s.reason.focus = i
                } else if let i = after.firstIndex(of: .notify) {
                    s.reason.focus = i
                }
            case .explanation?, .note?:
                s.reason.focus = min(items.count - 1, s.reason.focus + 1)
            case .notify?:
                let choices = s.notifyChoices
                s.reason.notify = choices[((choices.firstIndex(of: s.reason.notify) ?? -1) + 1) % choices.count]
            case .proceed?:
                guard let r = s.reason.chosen else {
                    if s.snapshot?.centerClosedThatDay == true {
                        s.phase = .confirm
                        return
                    } // R17: no reason needed
                    s.log(.warning, s.t.chooseReasonFirst(VerdictCode.goodCauseRequired.rawValue))
                    s.reason.focus = 0
                    return
                }
                if r == .other && s.reason.explanation.isBlank {
                    s.log(.warning, s.t.explainOtherReason(VerdictCode.goodCauseRequired.rawValue))
                    s.reason.focus = s.reasonItems.firstIndex(of: .explanation) ?? 0
                    return
                }
                s.phase = .confirm
            case nil: break
            }
        default:
            // The explanation and the note take what the keymap leaves to typing.
            if item == .explanation { _ = s.reason.explanation.handle(key) } else if item == .note { _ = s.reason.note.handle(key) }
        }
    }
}
