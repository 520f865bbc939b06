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

    public init(
        id: Int64, receipt: String, kind: OutboxKind, channel: NotifyChannel, recipient: String, recipientRole: RecipientRole,
        status: OutboxStatus, attempts: Int, createdAt: Date, nextAttemptAt: Date, lastAttemptAt: Date?, sentAt: Date?,
        claimedBy: String?, leaseUntil: Date?, lastError: String?, reminderDays: Int?
    ) {
        self.id = id
        self.receipt = receipt
        self.kind = kind
        self.channel = channel
        self.recipient = recipient
        self.recipientRole = recipientRole
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.sentAt = sentAt
        self.claimedBy = claimedBy
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.reminderDays = reminderDays
    }
}
