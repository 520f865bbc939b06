import Foundation
import Scheduling

/// The waiting list on an open case (issue 23): its request and place, its open offer, and the
/// screen that answers the offer and asks, changes or withdraws the request. One field of
/// `AppState` (`waitlist`), set while a case is open; the screen shows while `shown` is true.
public struct WaitlistState: Sendable, Hashable {
    public enum Confirm: Sendable, Hashable { case accept(Int64), decline(Int64), withdraw }

    public var receipt: ReceiptNumber
    public var view: WaitlistCaseView?
    /// The screen is drawn over the case (the person opened it, or an applicant's case opened on an offer).
    public var shown = false
    /// The case already opened once on its offer: closing the screen does not bring it back.
    public var landed = false
    /// The request form, while the person asks or changes the request.
    public var form: WaitlistForm?
    public var confirm: Confirm?
    /// Why the last ask was refused (R3's codes online, R7's for an agent) or what was wrong with it.
    public var refusal: Verdict?
    public var problems: [String] = []
    /// The request id of an acceptance in flight (a retried accept cannot book twice).
    public var pendingRequestID: String?

    public init(receipt: ReceiptNumber) { self.receipt = receipt }

    /// The offer the screen answers: the earliest open one.
    public var offer: Offer? { view?.openOffers.first }

    public var focusContext: FocusContext {
        if confirm != nil { return .dialog }
        return form != nil ? .waitlistForm : .waitlist
    }
}
