/// Who an outbox message goes to: the applicant, or a representative with a G-28 on file (a copy).
public enum RecipientRole: String, Sendable, Codable, CaseIterable {
    case applicant, representative
}
