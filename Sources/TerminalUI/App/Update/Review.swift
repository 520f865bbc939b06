import Foundation
import Scheduling

/// `update`, by phase: The officer's review queue: approve, deny, or pick another slot for an approval.
extension App {
    static func handleReviewQueue(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .up: s.review.index = max(0, s.review.index - 1)
        case .down: s.review.index = min(max(0, s.review.visible.count - 1), s.review.index + 1)
        case .filterCode:
            s.review.nextFilter()
            let n = s.review.visible.count
            s.log(.info, s.t.showingRequests(n, s.review.filter?.rawValue))
        case .approve, .select:
            guard !s.review.visible.isEmpty else { return }
            s.review.note.set("")
            s.review.noteMissing = false
            s.overlay = .reviewNote(approve: true)
        case .deny:
            guard !s.review.visible.isEmpty else { return }
            s.review.note.set("")
            s.review.noteMissing = false
            s.overlay = .reviewNote(approve: false)
        case .refresh: fx.append(.loadReviews)
        case .back: s.phase = .findCase
        default: break
        }
    }

    /// The officer picked another time for an approval whose preferred slot was full: asked before
    /// anything is booked.
    static func approveWith(_ s: inout AppState, _ item: ReviewItem, _ fx: inout [Effect]) {
        guard let slot = s.picking.selectedSlot, let center = s.picking.calendar?.center else { return }
        let preferred = item.preferredStart.flatMap { p in item.preferredZone.map { s.t.dateTimeShort(p, $0) } } ?? item.preferredLocal.iso
        s.overlay = .approveOther(
            requestID: item.requestID, when: "\(s.t.dateTimeShort(slot.slot.start, center.zone)) [\(center.code)]",
            preferred: "\(preferred) [\(item.preferredCenter)]")
    }

    static func handleReviewed(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            s.log(.error, e.message(in: s.language))
            s.review.result = Message(at: s.now, level: .error, text: e.message(in: s.language))
            if s.phase == .submitting { s.phase = .picking }
        case let .success(o):
            if o.result == .slotFull, let item = s.review.visible[safe: s.review.index], s.review.approving == nil {
                s.log(.warning, s.t.preferredGoneFor(item.requestID))
                s.review.approving = item
                fx.append(.loadCase(item.receipt))
                return
            }
            s.log(o.result == .booked || o.result == .denied ? .ok : .warning, summary(o, s.language))
            // Said on the queue itself, where the officer looks next.
            s.review.result = Message(
                at: s.now, level: o.result == .booked || o.result == .denied ? .ok : .warning,
                text: s.t.reviewDecided(o.requestID) + " " + summary(o, s.language))
            if o.result == .booked, let item = s.review.approving {
                // Every pane shows the new appointment at once: the case is read again.
                s.review.approving = nil
                s.outcome.answer = o
                s.phase = .outcome
                fx.append(.loadCase(item.receipt))
                return
            }
            // A case on screen whose request was just decided is stale: it is dropped, not shown old.
            if let snap = s.snapshot, s.review.queue.contains(where: { $0.receipt == snap.caseFile.receipt && $0.requestID == o.requestID }) {
                s.snapshot = nil
                s.picking.calendar = nil
                s.picking.selectedDay = nil
            }
            s.review.approving = nil
            s.phase = .reviewQueue
            fx.append(.loadReviews)
        }
    }
}
