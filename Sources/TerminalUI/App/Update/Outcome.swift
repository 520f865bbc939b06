import Foundation
import Scheduling

/// `update`, by phase: The store's answer to a submit, and the outcome screen.
extension App {
    static func handleSubmitted(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            // The same request id is kept, so trying again cannot book twice.
            s.phase = .confirm
            s.log(.error, s.t.tryAgain(e.message(in: s.language)))
        case let .success(outcome):
            s.confirm.pendingRequestID = nil
            switch outcome.result {
            case .booked, .escalated, .refused, .denied:
                s.outcome.answer = outcome
                s.phase = .outcome
                s.outcome.scroll = 0
                let level: Message.Level = outcome.result == .refused ? .error : .ok
                s.log(level, summary(outcome, s.language))
                if outcome.result != .refused, let r = s.snapshot?.caseFile.receipt {
                    if outcome.result == .booked { s.outcome.savePath.set("notice-\(r.value).txt") }
                    s.reason.chosen = nil
                    s.reason.explanation.set("")
                    s.reason.note.set("")
                    s.reason.notify = nil
                    fx.append(.loadCase(r))
                }
            case .conflict, .slotFull:
                s.log(.warning, s.t.refreshedChooseAgain(summary(outcome, s.language)))
                s.phase = .picking
                s.picking.focusTimes = true
                if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
            }
        }
    }

    static func summary(_ o: RescheduleOutcome, _ language: Language = .en) -> String {
        let t = Catalog(language)
        let codes = o.verdict.codes.map(\.rawValue).joined(separator: ", ")
        let message = o.verdict.message(in: language)
        switch o.result {
        case .booked: return t.summaryBooked(o.notice?.when(in: language) ?? "", o.requestID)
        case .escalated: return t.summaryEscalated(o.requestID, codes)
        case .refused: return t.summaryRefused(codes, message)
        case .conflict: return t.codeMessage(VerdictCode.conflict.rawValue, message)
        case .slotFull: return t.codeMessage(VerdictCode.slotFull.rawValue, message)
        case .denied: return t.summaryDenied(message)
        }
    }

    static func handleOutcome(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .saveNotice:
            guard s.outcome.answer?.notice != nil else {
                s.log(.info, s.t.noNoticeToSave)
                return
            }
            if s.config.canWriteFiles {
                s.overlay = .savePrompt
            } else {
                s.log(.info, s.t.noticeShownNotSaved)
            }
        case .noticeLanguage:
            guard s.outcome.answer?.notice != nil else {
                s.log(.info, s.t.noNoticeToSave)
                return
            }
            s.noticeLanguage = s.noticeLanguage.next
            s.log(.info, s.t.noticeLanguageNow(s.noticeLanguage))
        case .findCase:
            s.outcome.answer = nil
            leaveCase(&s, &fx)
        case .back:
            // Back to the case, refreshed: its new appointment and a new calendar.
            s.outcome.answer = nil
            s.phase = .picking
            s.picking.focusTimes = false
            s.picking.selectedDay = nil
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .up: s.outcome.scroll = max(0, s.outcome.scroll - 1)
        case .down: s.outcome.scroll += 1
        default: break
        }
    }
}
