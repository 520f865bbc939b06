import Foundation
import Scheduling

/// One outbox message as `biosched outbox` lists it.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var receipt: String
    public var kind: OutboxKind
    public var channel: NotifyChannel
    public var recipient: String
    public var recipientRole: RecipientRole
    public var status: OutboxStatus
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    public var sentAt: Date?
    public var claimedBy: String?
    public var leaseUntil: Date?
    public var lastError: String?
    public var reminderDays: Int?
}
