import Foundation
import Scheduling

/// `update`, by phase: The store's answer to a submit, and the outcome screen.
extension App {
    static func handleSubmitted(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            // The same request id is kept, so trying again cannot book twice.
            s.phase = .confirm
            s.log(.error, e.message + " Press Enter to try again.")
        case let .success(outcome):
            s.pendingRequestID = nil
            switch outcome.result {
            case .booked, .escalated, .refused, .denied:
                s.outcome = outcome; s.phase = .outcome; s.outcomeScroll = 0
                let level: Message.Level = outcome.result == .refused ? .error : .ok
                s.log(level, summary(outcome))
                if outcome.result != .refused, let r = s.snapshot?.caseFile.receipt {
                    if outcome.result == .booked { s.savePath.set("notice-\(r.value).txt") }
                    s.reason = nil; s.explanation.set(""); s.note.set(""); s.notify = nil
                    fx.append(.loadCase(r))
                }
            case .conflict, .slotFull:
                s.log(.warning, summary(outcome) + " The screen was refreshed: choose again.")
                s.phase = .picking; s.focusTimes = true
                if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
            }
        }
    }

    static func summary(_ o: RescheduleOutcome) -> String {
        switch o.result {
        case .booked: return "Booked: \(o.notice?.when ?? ""). Request \(o.requestID)."
        case .escalated: return "Escalated to an officer as request \(o.requestID) (\(o.verdict.codes.map(\.rawValue).joined(separator: ", ")))."
        case .refused: return "Refused: \(o.verdict.codes.map(\.rawValue).joined(separator: ", ")). \(o.verdict.message)"
        case .conflict: return "\(VerdictCode.conflict.rawValue): \(o.verdict.message)"
        case .slotFull: return "\(VerdictCode.slotFull.rawValue): \(o.verdict.message)"
        case .denied: return "Denied: \(o.verdict.message)"
        }
    }

    static func handleOutcome(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .saveNotice:
            guard s.outcome?.notice != nil else { s.log(.info, "There is no notice to save for this outcome."); return }
            if s.config.canWriteFiles { s.overlay = .savePrompt } else {
                s.log(.info, "Over this connection the notice is shown, not saved: copy or print it from your screen.")
            }
        case .findCase:
            s.outcome = nil
            leaveCase(&s, &fx)
        case .back:
            // Back to the case, refreshed: its new appointment and a new calendar.
            s.outcome = nil
            s.phase = .picking; s.focusTimes = false; s.selectedDay = nil
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .up: s.outcomeScroll = max(0, s.outcomeScroll - 1)
        case .down: s.outcomeScroll += 1
        default: break
        }
    }
}
