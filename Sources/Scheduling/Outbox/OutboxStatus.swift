/// Where an outbox message is in its delivery.
public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for a mailer (again, after a failed try, from its next attempt time).
    case pending
    /// Handed to sendmail or the SMS gateway, which accepted it.
    case sent
    /// Given up after the last retry, or refused for good (an invalid recipient): for a person to look at.
    case failed
    /// Not sent because it no longer applies (a reminder for an appointment that was rescheduled meanwhile).
    case skipped
}
