/// The reasons that make good cause (R2): the published non-exhaustive list, and `other` with text.
public enum GoodCauseReason: String, CaseIterable, Sendable, Codable {
    case medical
    case travel
    case lifeEvent = "life-event"
    case transportation
    case workOrCare = "work-or-care"
    case notice
    case other

    /// The six published reasons an agent can accept at once (R7).
    public var isListed: Bool { self != .other }

    public var title: String {
        switch self {
        case .medical: "Illness, medical appointment, or hospitalization"
        case .travel: "Previously planned travel"
        case .lifeEvent: "Significant life event (wedding, funeral, graduation)"
        case .transportation: "Cannot obtain transportation to the appointment"
        case .workOrCare: "Cannot get leave from work, or caregiver responsibilities"
        case .notice: "Appointment notice delivered late or not at all"
        case .other: "Other reason (explain)"
        }
    }

    /// A short label for narrow screens.
    public var shortTitle: String {
        switch self {
        case .medical: "Medical (illness, hospital)"
        case .travel: "Planned travel"
        case .lifeEvent: "Life event (wedding, funeral)"
        case .transportation: "No transportation"
        case .workOrCare: "Work leave or caregiving"
        case .notice: "Notice late or not received"
        case .other: "Other reason (explain)"
        }
    }

    public static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A good cause: a reason, and for `other` the person's own explanation.
public struct GoodCause: Hashable, Sendable, Codable {
    public var reason: GoodCauseReason
    public var explanation: String
    public init(reason: GoodCauseReason, explanation: String = "") {
        self.reason = reason; self.explanation = explanation
    }

    /// R2: `other` needs non-blank text.
    public var isSufficient: Bool {
        reason != .other || !explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
