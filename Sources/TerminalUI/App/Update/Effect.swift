import Foundation
import Scheduling

/// Something the runtime must do; its answer comes back as an `Event`.
public enum Effect: Sendable, Hashable {
    case loadCases
    case loadCase(ReceiptNumber)
    /// Staff: the cases whose applicant matches what was typed on the find screen.
    case findCallers(CallerQuery, text: String)
    case loadBookings(center: String)
    case loadCenters
    case submit(RescheduleRequestDraft)
    case loadReviews
    case review(requestID: String, approve: Bool, note: String, center: String?, to: LocalDateTime?)
    case saveNotice(path: String, text: String, replacing: Bool)
    case quit
    /// Training sandbox only: move the clock, reset the store.
    case training(TrainingEffect)
    /// The SSH keys screen: list, revoke, issue an enrollment code.
    case keys(KeysEffect)
    /// The waiting list of the open case: load it, ask, withdraw, answer an offer.
    case waitlist(WaitlistEffect)
}
