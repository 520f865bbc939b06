/// A machine-readable reason, as named in RULES.md.
public enum VerdictCode: String, CaseIterable, Sendable, Codable {
    case goodCauseRequired = "GOOD_CAUSE_REQUIRED"
    case within12Hours = "WITHIN_12_HOURS"
    case rescheduleLimitReached = "RESCHEDULE_LIMIT_REACHED"
    case appointmentPassed = "APPOINTMENT_PASSED"
    case notScheduled = "NOT_SCHEDULED"
    case formExcluded = "FORM_EXCLUDED"
    case notAuthorized = "NOT_AUTHORIZED"
    case untimely = "UNTIMELY"
    case repeatRequest = "REPEAT_REQUEST"
    case otherReason = "OTHER_REASON"
    case asylum = "ASYLUM"
    case channelNotAccepted = "CHANNEL_NOT_ACCEPTED"
    case abandonmentRisk = "ABANDONMENT_RISK"
    case caseDenied = "CASE_DENIED"
    case slotUnavailable = "SLOT_UNAVAILABLE"
    case slotOutOfWindow = "SLOT_OUT_OF_WINDOW"
    case sameSlot = "SAME_SLOT"
    case conflict = "CONFLICT"
    case slotFull = "SLOT_FULL"
    case invalidReceipt = "INVALID_RECEIPT"
    case unknownPrefix = "UNKNOWN_PREFIX"
    /// R17: the appointment's day is a closure of its center; it must be moved, at no cost to the caller.
    case centerClosed = "CENTER_CLOSED"

    /// One sentence a person understands (English; `Catalog.sentence` in any language).
    public var sentence: String { Catalog.en.sentence(self) }
}

/// What happens to a request.
public enum Decision: String, Sendable, Codable {
    /// It can be booked now.
    case allowed
    /// It goes to an officer; nothing is booked yet (R7).
    case escalated
    /// It cannot go ahead.
    case refused
}

/// The answer of a policy check: the decision, every code that applies, a sentence, and guidance.
public struct Verdict: Hashable, Sendable, Codable {
    public var decision: Decision
    /// Every code that applies, in a stable order; empty when allowed without remark.
    public var codes: [VerdictCode]
    /// One paragraph a person understands.
    public var message: String
    /// What to do next, e.g. "Call the USCIS Contact Center at 800-375-5283".
    public var guidance: String?
    /// Warnings that do not change the decision (for example ASYLUM on an online request).
    public var warnings: [VerdictCode]

    /// The message and guidance in every language (`nil` in verdicts stored before there was a
    /// second language: then `message` and `guidance` are shown).
    public var localizedMessage: Localized?
    public var localizedGuidance: Localized?

    public init(decision: Decision, codes: [VerdictCode], message: String, guidance: String? = nil, warnings: [VerdictCode] = []) {
        self.decision = decision
        self.codes = codes
        self.message = message
        self.guidance = guidance
        self.warnings = warnings
    }

    /// A verdict whose texts come from the catalog, kept in every language.
    public init(decision: Decision, codes: [VerdictCode], text: Localized, guidance: Localized? = nil, warnings: [VerdictCode] = []) {
        self.init(decision: decision, codes: codes, message: text.english, guidance: guidance?.english, warnings: warnings)
        localizedMessage = text
        localizedGuidance = guidance
    }

    /// The message in `language`.
    public func message(in language: Language) -> String { localizedMessage?(language) ?? message }
    /// What to do next in `language`.
    public func guidance(in language: Language) -> String? { guidance == nil ? nil : (localizedGuidance?(language) ?? guidance) }

    public var isAllowed: Bool { decision == .allowed }
}

/// Published contact details of the USCIS Contact Center.
public enum ContactCenter {
    public static let phone = "800-375-5283"
    public static let tty = "800-767-1833"
    public static var callGuidance: String { Catalog.en.callGuidance }
}
