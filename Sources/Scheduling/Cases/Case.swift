import Foundation

/// Who is acting.
public enum Role: String, CaseIterable, Sendable, Codable {
    case applicant
    /// An attorney or accredited representative with a G-28 on file for the case.
    case representative
    /// Contact center, tier 1.
    case agent
    /// Contact center, tier 2: reviews escalated requests.
    case officer

    /// The channel a role reaches the agency by.
    public var channel: Channel {
        switch self {
        case .applicant, .representative: .online
        case .agent, .officer: .contactCenter
        }
    }
    public var isStaff: Bool { self == .agent || self == .officer }
}

/// How a request reached the agency.
public enum Channel: String, CaseIterable, Sendable, Codable {
    /// Self-service, applicants and representatives.
    case online
    /// Agents and officers.
    case contactCenter = "contact-center"
    /// Never accepted (R9).
    case mail
    /// Never accepted (R9).
    case inPerson = "in-person"
}

/// The person acting: a role, and for applicants and representatives their account.
public struct Actor: Hashable, Sendable, Codable {
    public var role: Role
    /// The account id (applicants, representatives) or the staff user name (agents, officers).
    public var id: String
    public init(role: Role, id: String) {
        self.role = role
        self.id = id
    }
}

public enum AppointmentStatus: String, CaseIterable, Sendable, Codable {
    case scheduled, attended, missed, rescheduled, cancelled
    /// Whether the appointment holds a station in its slot.
    public var holdsStation: Bool { self == .scheduled || self == .attended || self == .missed }
}

public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case pending, approved, denied, withdrawn
}

/// A benefit form, e.g. `I-485`.
public struct FormType: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public init(_ code: String) { self.code = code.uppercased().trimmingCharacters(in: .whitespaces) }
    /// R3d: intercountry adoption forms cannot be rescheduled online.
    public static let onlineExcluded: Set<String> = ["I-600", "I-600A", "I-800", "I-800A"]
    public var isExcludedOnline: Bool { FormType.onlineExcluded.contains(code) }
    /// Form I-589: a missed appointment may dismiss the application (R7).
    public var isAsylum: Bool { code == "I-589" }
    public var description: String { code }
    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

/// A case: a receipt, its form, who may act on it, and its status.
public struct CaseFile: Hashable, Sendable {
    public var receipt: ReceiptNumber
    public var form: FormType
    public var status: CaseStatus
    public var applicantName: String
    /// The applicant's online account.
    public var applicantAccount: String?
    /// Accounts of attorneys or accredited representatives with a G-28 on file.
    public var representatives: Set<String>
    /// When a change of address reached the agency, if one did.
    public var addressChangedAt: Date?

    public init(
        receipt: ReceiptNumber, form: FormType, status: CaseStatus = .pending, applicantName: String = "",
        applicantAccount: String? = nil, representatives: Set<String> = [], addressChangedAt: Date? = nil
    ) {
        self.receipt = receipt
        self.form = form
        self.status = status
        self.applicantName = applicantName
        self.applicantAccount = applicantAccount
        self.representatives = representatives
        self.addressChangedAt = addressChangedAt
    }

    /// R5: may this actor see and act on the case?
    public func isAuthorized(_ actor: Actor) -> Bool {
        switch actor.role {
        case .applicant: applicantAccount == actor.id
        case .representative: representatives.contains(actor.id)
        case .agent, .officer: true
        }
    }
}

/// One booking of a case at a center.
public struct Appointment: Hashable, Sendable {
    public var id: Int64
    public var receipt: ReceiptNumber
    public var centerCode: String
    public var start: Date
    public var status: AppointmentStatus
    /// Requester-initiated reschedules already made in the chain (agency rebookings do not count).
    public var priorReschedules: Int
    /// Bumped on every change, for the optimistic check of R14.
    public var version: Int

    public init(
        id: Int64 = 0, receipt: ReceiptNumber, centerCode: String, start: Date,
        status: AppointmentStatus = .scheduled, priorReschedules: Int = 0, version: Int = 1
    ) {
        self.id = id
        self.receipt = receipt
        self.centerCode = centerCode
        self.start = start
        self.status = status
        self.priorReschedules = priorReschedules
        self.version = version
    }

    /// R1: timely while `now < start`.
    public func isTimely(at now: Date) -> Bool { now < start }
}
