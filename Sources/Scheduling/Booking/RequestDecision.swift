/// What became of a request, as the store keeps it.
public enum RequestDecision: String, Sendable, Codable, CaseIterable {
    case booked, escalated, approved, denied
}
