import Foundation

/// What an audit row records: one typed vocabulary, stored as its raw value.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case storeCreated = "store-created"
    case imported
    case rescheduled
    case escalated
    case refused
    case notAuthorized = "not-authorized"
    case reviewApproved = "review-approved"
    case reviewDenied = "review-denied"
    case staffAdded = "staff-added"
    case staffRemoved = "staff-removed"
    case caseViewed = "case-viewed"
    case accessAdded = "access-added"
    case accessRemoved = "access-removed"
    case backupMade = "backup-made"
    case enrollmentCodeIssued = "enrollment-code-issued"
    case enrolled
    case enrollmentRefused = "enrollment-refused"
    case outboxRetry = "outbox-retry"
    case centerClosed = "center-closed"
    case agencyRebooked = "agency-rebooked"
    case callersSearched = "callers-searched"
    case representationAccepted = "g28-accepted"
    /// A setting an administrator changed (`biosched settings set`): which, before and after.
    case settingChanged = "setting-changed"
    // The waiting list for earlier slots (issue 23).
    case waitlistAdded = "waitlist-added"
    case waitlistRemoved = "waitlist-removed"
    case offerMade = "offer-made"
    case offerAccepted = "offer-accepted"
    case offerDeclined = "offer-declined"
    case offerExpired = "offer-expired"
}

/// One audit row as the domain writes it; the store adds where it came from (`AuditOrigin`) and the hash chain.
public struct AuditEvent: Sendable, Hashable {
    public var at: Date
    public var actor: Actor
    public var action: AuditAction
    public var receipt: ReceiptNumber?
    public var requestID: String?
    public var detail: String
    public init(at: Date, actor: Actor, action: AuditAction, receipt: ReceiptNumber? = nil, requestID: String? = nil, detail: String = "") {
        self.at = at
        self.actor = actor
        self.action = action
        self.receipt = receipt
        self.requestID = requestID
        self.detail = detail
    }
}
