/// What became of a request, as the store keeps it.
public enum RequestDecision: String, Sendable, Codable, CaseIterable {
    case booked, escalated, approved, denied
    /// Refused when asked (a rule, a stale view, a slot not offered, a full slot): kept so an
    /// officer or an auditor sees every attempt. Never counted as a request by the rules.
    case refused
}
