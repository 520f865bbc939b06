import Foundation
import Scheduling

/// `update`, by phase: The officer's review queue: approve, deny, or pick another slot for an approval.
extension App {
    static func handleReviewQueue(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .up: s.reviewIndex = max(0, s.reviewIndex - 1)
        case .down: s.reviewIndex = min(max(0, s.visibleReviews.count - 1), s.reviewIndex + 1)
        case .filterCode:
            // All → UNTIMELY → REPEAT_REQUEST → ASYLUM → OTHER_REASON → all.
            let codes = ReviewItem.filterCodes
            s.reviewFilter = s.reviewFilter.flatMap { codes.firstIndex(of: $0) }.flatMap { $0 + 1 < codes.count ? codes[$0 + 1] : nil }
                ?? (s.reviewFilter == nil ? codes.first : nil)
            s.reviewIndex = 0
            let n = s.visibleReviews.count
            s.log(.info, s.t.showingRequests(n, s.reviewFilter?.rawValue))
        case .approve, .select:
            guard !s.visibleReviews.isEmpty else { return }
            s.reviewNote.set(""); s.reviewNoteMissing = false; s.overlay = .reviewNote(approve: true)
        case .deny:
            guard !s.visibleReviews.isEmpty else { return }
            s.reviewNote.set(""); s.reviewNoteMissing = false; s.overlay = .reviewNote(approve: false)
        case .refresh: fx.append(.loadReviews)
        case .back: s.phase = .findCase
        default: break
        }
    }

    /// The officer picked another time for an approval whose preferred slot was full: asked before
    /// anything is booked.
    static func approveWith(_ s: inout AppState, _ item: ReviewItem, _ fx: inout [Effect]) {
        guard let slot = s.selectedSlot, let center = s.calendar?.center else { return }
        let preferred = item.preferredStart.flatMap { p in item.preferredZone.map { s.t.dateTimeShort(p, $0) } } ?? item.preferredLocal.iso
        s.overlay = .approveOther(requestID: item.requestID, when: "\(s.t.dateTimeShort(slot.slot.start, center.zone)) [\(center.code)]",
                                  preferred: "\(preferred) [\(item.preferredCenter)]")
    }

    static func handleReviewed(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            s.log(.error, e.message(in: s.language))
            s.reviewResult = Message(at: s.now, level: .error, text: e.message(in: s.language))
            if s.phase == .submitting { s.phase = .picking }
        case let .success(o):
            if o.result == .slotFull, let item = s.visibleReviews[safe: s.reviewIndex], s.approving == nil {
                s.log(.warning, s.t.preferredGoneFor(item.requestID))
                s.approving = item
                fx.append(.loadCase(item.receipt))
                return
            }
            s.log(o.result == .booked || o.result == .denied ? .ok : .warning, summary(o, s.language))
            // Said on the queue itself, where the officer looks next.
            s.reviewResult = Message(at: s.now, level: o.result == .booked || o.result == .denied ? .ok : .warning,
                                     text: s.t.reviewDecided(o.requestID) + " " + summary(o, s.language))
            if o.result == .booked, let item = s.approving {
                // Every pane shows the new appointment at once: the case is read again.
                s.approving = nil; s.outcome = o; s.phase = .outcome
                fx.append(.loadCase(item.receipt))
                return
            }
            // A case on screen whose request was just decided is stale: it is dropped, not shown old.
            if let snap = s.snapshot, s.reviews.contains(where: { $0.receipt == snap.caseFile.receipt && $0.requestID == o.requestID }) {
                s.snapshot = nil; s.calendar = nil; s.selectedDay = nil
            }
            s.approving = nil
            s.phase = .reviewQueue
            fx.append(.loadReviews)
        }
    }
}
