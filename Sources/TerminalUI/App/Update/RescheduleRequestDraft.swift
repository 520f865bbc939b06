import Foundation
import Scheduling

/// A reschedule request as the UI builds it (a `RescheduleRequest` is made of it by the runtime).
public struct RescheduleRequestDraft: Sendable, Hashable {
    public var requestID: String
    public var receipt: ReceiptNumber
    public var actor: Actor
    /// nil only when the appointment's day is a closure of its center (R17: no reason needed).
    public var goodCause: GoodCause?
    public var note: String
    public var centerCode: String
    public var to: LocalDateTime
    public var notify: NotifyChannel?
    public var expectedVersion: Int
    /// The appointment the person saw.
    public var expectedAppointmentID: Int64? = nil

    public var request: RescheduleRequest {
        RescheduleRequest(
            requestID: requestID, receipt: receipt, actor: actor, goodCause: goodCause, note: note,
            centerCode: centerCode, to: to, notify: notify, expectedVersion: expectedVersion,
            expectedAppointmentID: expectedAppointmentID)
    }
}
