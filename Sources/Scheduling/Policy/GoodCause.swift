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

    public var title: String { Catalog.en.reasonTitle(self) }

    /// A short label for narrow screens.
    public var shortTitle: String { Catalog.en.reasonShort(self) }

    public static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A good cause: a reason, and for `other` the person's own explanation.
public struct GoodCause: Hashable, Sendable, Codable {
    public var reason: GoodCauseReason
    public var explanation: String
    public init(reason: GoodCauseReason, explanation: String = "") {
        self.reason = reason
        self.explanation = explanation
    }

    /// R2: `other` needs non-blank text.
    public var isSufficient: Bool {
        reason != .other || !explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
