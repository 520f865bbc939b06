import Foundation

/// What a mailer asks of a store. Each call is one write transaction of its own, so a mailer that
/// dies between two calls leaves every message either claimed (its lease runs out, another mailer
/// takes it) or marked: never lost.
public protocol OutboxStore: Sendable {
    /// Claims the next due message for `worker` until `now + lease`: a pending message whose next
    /// attempt is due and that nobody holds, or whose holder's lease ran out. Nil when none is due.
    func claimNextMessage(worker: String, now: Date, lease: TimeInterval) throws(StoreError) -> OutboxItem?
    /// The program accepted the message. False when it was no longer pending (another mailer marked it).
    @discardableResult
    func markSent(_ id: Int64, worker: String, now: Date) throws(StoreError) -> Bool
    /// A try failed: the message waits until `retryAt`, or, without one, is `failed` for a person.
    func markFailed(_ id: Int64, worker: String, reason: String, retryAt: Date?, now: Date) throws(StoreError)
    /// The message no longer applies (a reminder for an appointment moved meanwhile).
    func markSkipped(_ id: Int64, worker: String, reason: String, now: Date) throws(StoreError)
}
