import Foundation
import Scheduling

/// What the waiting list asks of the store.
public enum WaitlistEffect: Sendable, Hashable {
    case load(ReceiptNumber)
    case ask(WaitlistRequest)
    case withdraw(ReceiptNumber)
    case accept(offerID: Int64, requestID: String)
    case decline(offerID: Int64)
}

/// The store's answers.
public enum WaitlistEvent: Sendable {
    case loaded(ReceiptNumber, Result<WaitlistCaseView, StoreError>)
    case asked(Result<WaitlistDecision, StoreError>)
    case withdrawn(Result<Bool, StoreError>)
    case accepted(Result<OfferAnswer, StoreError>)
    case declined(Result<OfferAnswer, StoreError>)
}
