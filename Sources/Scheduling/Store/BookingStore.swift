import Foundation

/// What the rest of the program asks of a scheduling store. The SQLite store implements it; a
/// store for several hosts (PostgreSQL) can implement it later without touching the domain or UI.
///
/// Every method that changes anything does it in one transaction: all of it or none of it.
public protocol BookingStore: Sendable {
    /// The store's settings (lead time, horizon) and whether it is a training store.
    func storeInfo() throws(StoreError) -> StoreInfo
    func center(code: String) throws(StoreError) -> Center?
    func centers() throws(StoreError) -> [Center]
    /// The case and its current appointment, if the actor may see it; else `.notAuthorized`.
    func caseSnapshot(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> CaseSnapshot
    /// Which of these receipts the store holds a case for. Staff only (a trainer's list of the demo
    /// stories): nothing else about the cases is read.
    func receiptsOnFile(_ receipts: [ReceiptNumber]) throws(StoreError) -> Set<ReceiptNumber>
    /// Cases an applicant or representative may act on.
    func cases(for actor: Actor) throws(StoreError) -> [CaseSummary]
    /// Staff only (`CallerSearch.authorize`): the cases whose applicant matches, at most `limit`,
    /// with one audit row for the search, in one transaction (no row, no answer).
    func findCallers(_ query: CallerQuery, for actor: Actor, limit: Int, now: Date) throws(StoreError) -> CallerSearchResult
    /// Bookings per slot start for a center in `[from, to)`.
    func bookedCounts(center: String, from: Date, to: Date) throws(StoreError) -> [Date: Int]
    /// The store's window and the bookings of a center's slots inside it, for `now`.
    func bookingsInWindow(center: String, now: Date) throws(StoreError) -> (SlotWindow, [Date: Int])
    /// Books, escalates or refuses (R14). `clock` is read inside the write transaction.
    func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome
    /// Escalated requests waiting for an officer.
    func pendingReviews() throws(StoreError) -> [ReviewItem]
    /// An officer approves (booking) or denies an escalated request (R8).
    func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome
    /// The notice of a case's current appointment.
    func currentNotice(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> AppointmentNotice?
    /// Writes to the audit log that `actor` looked at a case (staff), or was refused it
    /// (NOT_AUTHORIZED): who looked at what, when. Waits only a moment for the write lock; the
    /// look-up is answered either way, and the result says whether the row was written.
    @discardableResult
    func recordLookup(_ receipt: ReceiptNumber, by actor: Actor, refused: Bool, detail: String, now: Date) -> Bool
}

public struct StoreInfo: Sendable, Hashable {
    public var window: SlotWindow
    public var isTraining: Bool
    public var createdBy: String
    public init(window: SlotWindow, isTraining: Bool, createdBy: String) {
        self.window = window
        self.isTraining = isTraining
        self.createdBy = createdBy
    }
}

/// A case as one actor sees it.
public struct CaseSnapshot: Sendable, Hashable {
    public var caseFile: CaseFile
    /// The current appointment: the scheduled one, else the latest of the chain.
    public var appointment: Appointment
    public var center: Center
    /// When the last timely request about the current appointment reached the agency, if any (R10).
    public var lastRequestAt: Date?
    public var pendingEscalation: String?
    /// The applicant account's email and phone, where a confirmation can go (R4).
    public var contact: Contact?
    public init(
        caseFile: CaseFile, appointment: Appointment, center: Center, lastRequestAt: Date?, pendingEscalation: String?,
        contact: Contact? = nil
    ) {
        self.caseFile = caseFile
        self.appointment = appointment
        self.center = center
        self.lastRequestAt = lastRequestAt
        self.pendingEscalation = pendingEscalation
        self.contact = contact
    }
}

public struct CaseSummary: Sendable, Hashable {
    public var receipt: ReceiptNumber
    public var form: FormType
    public var applicantName: String
    public var centerCode: String
    public var start: Date?
    /// The center's zone, so the start is shown on its wall clock (R13).
    public var zone: ZoneRules?
    public init(receipt: ReceiptNumber, form: FormType, applicantName: String, centerCode: String, start: Date?, zone: ZoneRules? = nil) {
        self.receipt = receipt
        self.form = form
        self.applicantName = applicantName
        self.centerCode = centerCode
        self.start = start
        self.zone = zone
    }
    /// `Thu 2026-12-03 10:00 EST` at the center, or nothing without an appointment.
    public var localStart: String? {
        guard let start, let zone else { return nil }
        return zone.formatLong(start)
    }
}

/// How the person wants to be told of the new appointment (R4). Recorded in the outbox; `biosched mailer` sends it.
public enum NotifyChannel: String, Sendable, Codable, CaseIterable { case email, sms }

public struct RescheduleRequest: Sendable {
    /// Makes a retried request return the first result instead of booking twice.
    public var requestID: String
    public var receipt: ReceiptNumber
    public var actor: Actor
    public var channel: Channel
    public var goodCause: GoodCause?
    public var note: String
    /// The new slot: a center and a wall time there.
    public var centerCode: String?
    public var to: LocalDateTime
    public var notify: NotifyChannel?
    /// The appointment version the person saw; a different one gives `CONFLICT`. Versions are
    /// unique across a case's chain, so a version seen before a reschedule never matches after it.
    public var expectedVersion: Int?
    /// The appointment the person saw, if known; another current appointment gives `CONFLICT`.
    public var expectedAppointmentID: Int64?

    public init(
        requestID: String, receipt: ReceiptNumber, actor: Actor, channel: Channel? = nil, goodCause: GoodCause?,
        note: String = "", centerCode: String? = nil, to: LocalDateTime, notify: NotifyChannel? = nil, expectedVersion: Int? = nil,
        expectedAppointmentID: Int64? = nil
    ) {
        self.requestID = requestID
        self.receipt = receipt
        self.actor = actor
        self.channel = channel ?? actor.role.channel
        self.goodCause = goodCause
        self.note = note
        self.centerCode = centerCode
        self.to = to
        self.notify = notify
        self.expectedVersion = expectedVersion
        self.expectedAppointmentID = expectedAppointmentID
    }
}

/// What became of a request.
public struct RescheduleOutcome: Sendable, Hashable, Codable {
    public enum Result: String, Sendable, Codable { case booked, escalated, refused, conflict, slotFull = "slot-full", denied }
    public var requestID: String
    public var result: Result
    public var verdict: Verdict
    public var notice: AppointmentNotice?
    /// True when this is the stored answer to an earlier request with the same id.
    public var replayed: Bool
    public init(requestID: String, result: Result, verdict: Verdict, notice: AppointmentNotice? = nil, replayed: Bool = false) {
        self.requestID = requestID
        self.result = result
        self.verdict = verdict
        self.notice = notice
        self.replayed = replayed
    }
}

public struct ReviewItem: Sendable, Hashable {
    public var requestID: String
    public var receipt: ReceiptNumber
    public var codes: [VerdictCode]
    public var goodCause: GoodCause?
    public var note: String
    public var agent: String
    public var preferredCenter: String
    public var preferredStart: Date?
    public var preferredLocal: LocalDateTime
    public var requestedAt: Date
    // What an officer needs to decide, read with the queue (`withDetails`).
    public var applicantName = ""
    public var form = ""
    /// The case's current appointment and its center's zone; the preferred center's zone.
    public var current: Appointment?
    public var currentZone: ZoneRules?
    public var preferredZone: ZoneRules?
    public init(
        requestID: String, receipt: ReceiptNumber, codes: [VerdictCode], goodCause: GoodCause?, note: String, agent: String,
        preferredCenter: String, preferredStart: Date?, preferredLocal: LocalDateTime, requestedAt: Date
    ) {
        self.requestID = requestID
        self.receipt = receipt
        self.codes = codes
        self.goodCause = goodCause
        self.note = note
        self.agent = agent
        self.preferredCenter = preferredCenter
        self.preferredStart = preferredStart
        self.preferredLocal = preferredLocal
        self.requestedAt = requestedAt
    }
}

extension ReviewItem {
    /// The item with the applicant's name, the form, the current appointment and the zones filled
    /// in from the store's reads (both stores use this, so the queue shows the same everywhere).
    public func withDetails(from reads: some CaseReads) throws -> ReviewItem {
        var item = self
        if let c = try reads.caseFile(receipt) {
            item.applicantName = c.applicantName
            item.form = c.form.code
        }
        item.current = try reads.currentAppointment(receipt)
        if let a = item.current { item.currentZone = try reads.center(a.centerCode)?.zone }
        item.preferredZone = try reads.center(preferredCenter)?.zone
        return item
    }

    /// How long it has waited, for people: "3 d 4 h", "2 h 15 m", "8 m".
    public func waited(now: Date) -> String {
        let m = max(0, Int(now.timeIntervalSince(requestedAt) / 60))
        if m >= 1440 { return "\(m / 1440) d \(m % 1440 / 60) h" }
        if m >= 60 { return "\(m / 60) h \(m % 60) m" }
        return "\(m) m"
    }

    /// The codes an officer filters the queue by.
    public static let filterCodes: [VerdictCode] = [.untimely, .repeatRequest, .asylum, .otherReason]
}

public struct ReviewDecision: Sendable {
    public enum Kind: Sendable { case approve, deny }
    public var requestID: String
    public var kind: Kind
    public var officer: String
    public var note: String
    /// For approvals: another slot when the preferred one is gone.
    public var centerCode: String?
    public var to: LocalDateTime?
    public init(requestID: String, kind: Kind, officer: String, note: String, centerCode: String? = nil, to: LocalDateTime? = nil) {
        self.requestID = requestID
        self.kind = kind
        self.officer = officer
        self.note = note
        self.centerCode = centerCode
        self.to = to
    }
}

/// Why the store could not answer. Each case carries a message a person understands.
public enum StoreError: Error, Sendable, Equatable {
    /// Not found or not allowed: deliberately the same, so nothing leaks (R5).
    case notAuthorized
    case unknownCenter(String)
    case unknownRequest(String)
    case invalidInput(String)
    /// Refused input, said in every language (what was wrong and what is expected).
    case invalid(Localized)
    /// Locked past the busy timeout.
    case busy(String)
    /// The same, said in every language.
    case busyText(Localized)
    /// Unreadable, or not a biosched store.
    case unusable(String)
    /// The same, said in every language.
    case unusableStore(Localized)
    /// The store's own capacity invariant refused a booking (another took the last station).
    case capacityExceeded
    /// The appointment changed inside the transaction (another writer got there first).
    case conflict
    case failed(String)

    public var isBusy: Bool {
        switch self {
        case .busy, .busyText: true
        default: false
        }
    }

    public var message: String { message(in: .en) }

    /// The message in `language`; the details a store gives (`invalidInput`, `busy`, `unusable`,
    /// `failed`) stay as the store wrote them.
    public func message(in language: Language) -> String {
        let t = Catalog(language)
        switch self {
        case .notAuthorized: return t.codeMessage(VerdictCode.notAuthorized.rawValue, t.storeNotAuthorized)
        case let .unknownCenter(c): return t.storeUnknownCenter(c)
        case let .unknownRequest(r): return t.storeUnknownRequest(r)
        case let .invalidInput(m): return m
        case let .invalid(text): return text(language) ?? text.english
        case let .busy(m): return t.storeBusy(m)
        case let .busyText(text): return t.storeBusy(text(language) ?? text.english)
        case let .unusable(m): return m
        case let .unusableStore(text): return text(language) ?? text.english
        case .capacityExceeded: return t.codeMessage(VerdictCode.slotFull.rawValue, t.sentence(.slotFull))
        case .conflict: return t.codeMessage(VerdictCode.conflict.rawValue, t.storeConflict)
        case let .failed(m): return t.storeFailed(m)
        }
    }
}

/// Staff and audit: who may act in which role, and what happened.
public protocol StoreAdministration: IdentityDirectory, Sendable {
    func staff() throws(StoreError) -> [StaffMember]
    func addStaff(_ user: String, role: StaffRole, by officer: String, now: Date) throws(StoreError)
    func removeStaff(_ user: String, by officer: String, now: Date) throws(StoreError)
    /// The account's preferred language, if it has one (`language` in the import format).
    func accountLanguage(_ id: String) throws(StoreError) -> Language?
    func auditLog(receipt: ReceiptNumber?) throws(StoreError) -> [AuditEntry]
    /// Appends one audit row of its own (an access change, a refused attempt, a staff look-up).
    func recordEvent(_ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date) throws(StoreError)
    /// Checks the audit log's hash chain from the first row.
    func verifyAudit() throws(StoreError) -> AuditVerification
}

public enum StaffRole: String, CaseIterable, Sendable, Codable {
    case agent, officer
    /// The SSH service account: may act only as applicant or representative accounts.
    case gateway
}

public struct StaffMember: Sendable, Hashable, Codable {
    public var user: String
    public var role: StaffRole
    public var addedAt: Date
    public var addedBy: String
    public init(user: String, role: StaffRole, addedAt: Date, addedBy: String) {
        self.user = user
        self.role = role
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var actorRole: String
    public var actor: String
    public var action: String
    public var receipt: String?
    public var requestID: String?
    public var detail: String
    public var origin: AuditOrigin
    public init(
        id: Int64, at: Date, actorRole: String, actor: String, action: String, receipt: String?, requestID: String?, detail: String,
        origin: AuditOrigin = AuditOrigin()
    ) {
        self.id = id
        self.at = at
        self.actorRole = actorRole
        self.actor = actor
        self.action = action
        self.receipt = receipt
        self.requestID = requestID
        self.detail = detail
        self.origin = origin
    }
}
