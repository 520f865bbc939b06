import Foundation

/// The request a message is about (an escalation, an officer's decision).
public struct RequestFacts: Sendable, Hashable {
    public enum Decision: String, Sendable, Codable { case booked, escalated, approved, denied }
    public var id: String
    public var decision: Decision
    public var codes: [VerdictCode]
    public var reviewNote: String?
    /// The preferred slot of an escalated request, on the center's wall clock with its zone.
    public var preferredWhen: String?
    public var preferredCenterName: String?

    public init(id: String, decision: Decision, codes: [VerdictCode], reviewNote: String?, preferredWhen: String?, preferredCenterName: String?) {
        self.id = id
        self.decision = decision
        self.codes = codes
        self.reviewNote = reviewNote
        self.preferredWhen = preferredWhen
        self.preferredCenterName = preferredCenterName
    }
}
