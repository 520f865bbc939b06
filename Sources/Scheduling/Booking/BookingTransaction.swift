import Foundation

/// The reads a booking decision needs, as primitives a store provides (in a read or a write
/// transaction). No policy here: `ReschedulingService` decides.
public protocol CaseReads {
    func caseFile(_ receipt: ReceiptNumber) throws -> CaseFile?
    /// The scheduled appointment of the case, else its most recent one.
    func currentAppointment(_ receipt: ReceiptNumber) throws -> Appointment?
    func center(_ code: String) throws -> Center?
    func slotWindow() throws -> SlotWindow
    /// A training store (one trainer may act every role there).
    func isTrainingStore() throws -> Bool
    /// Bookings that hold a station in the slot starting at `start`.
    func bookedCount(center: String, start: Date) throws -> Int
    /// The latest request about this appointment received before `before` (R10).
    func lastRequest(appointmentID: Int64, before: Date) throws -> Date?
    /// The id of the case's escalated request still waiting for an officer, if any.
    func pendingEscalation(_ receipt: ReceiptNumber) throws -> String?
    func request(_ id: String) throws -> StoredRequest?
    /// Bookings per slot start at a center in `[from, to)`.
    func slotCounts(center: String, from: Date, to: Date) throws -> [Date: Int]
    /// The scheduled appointments at a center starting in `[from, to)`.
    func scheduledAppointments(center: String, from: Date, to: Date) throws -> [Appointment]
    func centers(inState state: String) throws -> [Center]
    func contact(account: String) throws -> Contact?
    /// Where callers enroll their SSH key (settings `enroll_host`, `enroll_user`): the notice says it.
    func enrollmentDoor() throws -> EnrollmentDoor
}

/// The writes of a booking, inside one write transaction that the store runs: all of it or
/// none of it. A store guards its invariants itself as well (capacity, one scheduled appointment
/// per case, append-only audit) and reports a violated one as a typed `StoreError`.
public protocol BookingTransaction: CaseReads {
    /// Marks `appointment` rescheduled (its version + 1), if it is still at its version; false
    /// otherwise, or (a store that checks later) the transaction fails with `.conflict` before it commits.
    func supersede(_ appointment: Appointment) throws -> Bool
    /// A new scheduled appointment continuing the chain of `previous`; returns its id.
    func insertAppointment(_ new: NewAppointment) throws -> Int64
    func linkSuccessor(of old: Int64, to new: Int64) throws
    func insertNotice(_ notice: AppointmentNotice, appointmentID: Int64) throws
    /// Queues a notification about the case (the applicant on the channel they chose, and every
    /// representative with a G-28 on file); its text is built when it is sent.
    func enqueueNotification(_ n: PendingNotification) throws
    func insertRequest(_ record: RequestRecord) throws
    func recordReview(_ review: ReviewRecord) throws
    func appendAudit(_ event: AuditEvent) throws
    /// Closes a center for a day; false when it was closed already.
    func addClosure(center: String, date: LocalDate, reason: String) throws -> Bool
    /// A new one-time enrollment code for the account (the store keeps its hash); the plain code is returned once.
    func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws -> String
    /// A hint, first thing in the transaction: `request` is about to be decided at `now`. A store
    /// that pays for each round trip fetches together what deciding it reads; others do nothing.
    func prepare(for request: RescheduleRequest, now: Date) throws
}

extension BookingTransaction {
    public func prepare(for request: RescheduleRequest, now: Date) throws {}
}

/// A store that runs blocks in one write transaction.
public protocol TransactionalStore: Sendable {
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    /// Errors are `StoreError`s (a store's own invariant that fired is typed, e.g. `.capacityExceeded`).
    func withWriteTransaction<T>(_ body: (any BookingTransaction) throws -> T) throws(StoreError) -> T
}

public struct Contact: Sendable, Hashable {
    public var email: String?
    public var phone: String?
    /// The account's preferred language: the notice an agent gives starts in it.
    public var language: Language?
    public init(email: String?, phone: String?, language: Language? = nil) {
        self.email = email
        self.phone = phone
        self.language = language
    }
}

public struct NewAppointment: Sendable, Hashable {
    public var receipt: ReceiptNumber
    public var centerCode: String
    public var start: Date
    public var priorReschedules: Int
    /// The appointment it replaces: the chain continues from it.
    public var previous: Int64
    public var version: Int
    public var createdAt: Date
    public init(receipt: ReceiptNumber, centerCode: String, start: Date, priorReschedules: Int, previous: Int64, version: Int, createdAt: Date) {
        self.receipt = receipt
        self.centerCode = centerCode
        self.start = start
        self.priorReschedules = priorReschedules
        self.previous = previous
        self.version = version
        self.createdAt = createdAt
    }
}

/// What a notification is about; the store decides who gets it and the mailer what it says.
public struct PendingNotification: Sendable, Hashable {
    public var kind: OutboxKind
    public var receipt: ReceiptNumber
    /// The new appointment (a booking), or the one a request is about.
    public var appointmentID: Int64?
    /// The appointment a booking replaced (its calendar event is cancelled).
    public var previousAppointmentID: Int64?
    public var requestID: String?
    /// The applicant's chosen channel; none chosen, none sent to the applicant.
    public var notify: NotifyChannel?
    public var createdAt: Date
    /// The applicant's one-time enrollment code for a booking's message (the store keeps it only until sent).
    public var enrollmentCode: String?
    /// The offer an `offer` message is about.
    public var offerID: Int64? = nil
    public init(
        kind: OutboxKind, receipt: ReceiptNumber, appointmentID: Int64? = nil, previousAppointmentID: Int64? = nil,
        requestID: String? = nil, notify: NotifyChannel?, createdAt: Date, enrollmentCode: String? = nil
    ) {
        self.kind = kind
        self.receipt = receipt
        self.appointmentID = appointmentID
        self.previousAppointmentID = previousAppointmentID
        self.requestID = requestID
        self.notify = notify
        self.createdAt = createdAt
        self.enrollmentCode = enrollmentCode
    }
}

/// A request as written when it is booked or escalated.
public struct RequestRecord: Sendable {
    public var request: RescheduleRequest
    public var appointmentID: Int64
    public var centerCode: String
    public var decision: RequestDecision
    public var codes: [VerdictCode]
    public var newAppointmentID: Int64?
    public var outcome: RescheduleOutcome
    public var receivedAt: Date
    public init(
        request: RescheduleRequest, appointmentID: Int64, centerCode: String, decision: RequestDecision, codes: [VerdictCode],
        newAppointmentID: Int64?, outcome: RescheduleOutcome, receivedAt: Date
    ) {
        self.request = request
        self.appointmentID = appointmentID
        self.centerCode = centerCode
        self.decision = decision
        self.codes = codes
        self.newAppointmentID = newAppointmentID
        self.outcome = outcome
        self.receivedAt = receivedAt
    }
}

/// An officer's decision on an escalated request, as written.
public struct ReviewRecord: Sendable, Hashable {
    public var requestID: String
    public var decision: RequestDecision
    public var officer: String
    public var note: String
    public var at: Date
    public var newAppointmentID: Int64?
    public var outcome: RescheduleOutcome
    public init(requestID: String, decision: RequestDecision, officer: String, note: String, at: Date, newAppointmentID: Int64?, outcome: RescheduleOutcome) {
        self.requestID = requestID
        self.decision = decision
        self.officer = officer
        self.note = note
        self.at = at
        self.newAppointmentID = newAppointmentID
        self.outcome = outcome
    }
}

/// A request as the store keeps it.
public struct StoredRequest: Sendable, Hashable {
    public var id: String
    public var receipt: ReceiptNumber
    public var actor: Actor
    public var decision: RequestDecision
    /// The appointment the request was about.
    public var appointmentID: Int64
    public var notify: NotifyChannel?
    public var outcome: RescheduleOutcome
    /// The review item it makes (codes, reason, preferred slot).
    public var item: ReviewItem
    public init(
        id: String, receipt: ReceiptNumber, actor: Actor, decision: RequestDecision, appointmentID: Int64,
        notify: NotifyChannel?, outcome: RescheduleOutcome, item: ReviewItem
    ) {
        self.id = id
        self.receipt = receipt
        self.actor = actor
        self.decision = decision
        self.appointmentID = appointmentID
        self.notify = notify
        self.outcome = outcome
        self.item = item
    }
}
