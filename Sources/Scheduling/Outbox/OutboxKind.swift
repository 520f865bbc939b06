/// What an outbox message is about. Its content is built when it is sent, from the store rows the
/// message refers to (the appointment, the request), so a retry sends the same message.
public enum OutboxKind: String, Sendable, Codable, CaseIterable {
    /// Written before the delivery columns existed: its subject and body are stored, sent as they are.
    case legacy
    /// A booking: an online or contact-center reschedule, or an officer's approval.
    case booked
    /// A request escalated to an officer (R7).
    case escalated
    /// An officer denied an escalated request (R8).
    case denied
    /// A reminder some days before a scheduled appointment.
    case reminder
    /// An offer of an earlier slot from the waiting list, held until its deadline (issue 23).
    case offer
}
