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

    /// One sentence a person understands.
    public var sentence: String {
        switch self {
        case .goodCauseRequired: "A reason is required: choose one of the listed reasons, or explain an other reason."
        case .within12Hours: "The appointment is 12 hours away or less, too close to reschedule online."
        case .rescheduleLimitReached: "The appointment has already been rescheduled twice, the most allowed online."
        case .appointmentPassed: "The appointment time has already passed."
        case .notScheduled: "The appointment is no longer scheduled (it was attended, rescheduled or cancelled)."
        case .formExcluded: "Appointments for intercountry adoption forms (I-600, I-600A, I-800, I-800A) cannot be rescheduled online."
        case .notAuthorized: "You are not authorized to act on this case."
        case .untimely: "The request comes after the appointment time: an officer must review it."
        case .repeatRequest: "The appointment has been rescheduled twice already: an officer must review a further request."
        case .otherReason: "The reason is not one of the listed good causes: an officer must review it."
        case .asylum: "Asylum application (Form I-589): failing to appear may lead to dismissal; an officer must review the request."
        case .channelNotAccepted: "Requests by mail or in person are not accepted; use the online tool or call the Contact Center."
        case .abandonmentRisk: "The appointment was missed with no timely request to reschedule: the case may be denied as abandoned."
        case .caseDenied: "The case has been denied, so its appointment cannot be rescheduled."
        case .slotUnavailable: "The chosen time is not available."
        case .slotOutOfWindow: "The chosen time is outside the booking window."
        case .sameSlot: "The chosen time is the current appointment."
        case .conflict: "The appointment was changed by someone else since it was shown."
        case .slotFull: "Someone else took the last free station in that slot."
        case .invalidReceipt: "The receipt number is not valid: expected three letters and ten digits."
        case .unknownPrefix: "The receipt number's prefix is not a known service center."
        }
    }
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

    public init(decision: Decision, codes: [VerdictCode], message: String, guidance: String? = nil, warnings: [VerdictCode] = []) {
        self.decision = decision; self.codes = codes; self.message = message; self.guidance = guidance
        self.warnings = warnings
    }

    public var isAllowed: Bool { decision == .allowed }
}

/// Published contact details of the USCIS Contact Center.
public enum ContactCenter {
    public static let phone = "800-375-5283"
    public static let tty = "800-767-1833"
    public static let callGuidance = "Call the USCIS Contact Center at \(phone) (TTY \(tty))."
}
