import Foundation

/// An outbox message a mailer has claimed, with the store's facts its content is built from.
public struct OutboxItem: Sendable, Hashable {
    public var id: Int64
    public var kind: OutboxKind
    public var channel: NotifyChannel
    /// As stored: an email address or a phone number, validated before it reaches another program.
    public var recipient: String
    public var recipientName: String
    public var recipientRole: RecipientRole
    public var receipt: ReceiptNumber
    public var applicantName: String
    public var caseStatus: CaseStatus
    /// How many times it was claimed, this claim included.
    public var attempts: Int
    /// The store's id, the domain of every Message-ID and calendar UID it makes.
    public var storeID: String
    /// `legacy` messages only.
    public var storedSubject: String
    public var storedBody: String
    /// The appointment booked (`booked`), reminded of (`reminder`) or current (`escalated`, `denied`).
    public var appointment: CalendarAppointment?
    /// The appointment a booking replaced.
    public var previous: CalendarAppointment?
    public var request: RequestFacts?
    public var reminderDays: Int?
    /// The applicant's one-time enrollment code of a booking, sent once (cleared when sent).
    public var enrollmentCode: String? = nil
    /// Where to use the code: the store's enrollment door when the message is sent.
    public var enrollDoor = EnrollmentDoor()
    /// The recipient's preferred language (the account's `language`), English when it has none.
    public var language: Language = .en
    /// The offer an `offer` message is about.
    public var offer: OfferFacts? = nil

    public init(
        id: Int64, kind: OutboxKind, channel: NotifyChannel, recipient: String, recipientName: String, recipientRole: RecipientRole,
        receipt: ReceiptNumber, applicantName: String, caseStatus: CaseStatus, attempts: Int, storeID: String,
        storedSubject: String = "", storedBody: String = "", appointment: CalendarAppointment? = nil,
        previous: CalendarAppointment? = nil, request: RequestFacts? = nil, reminderDays: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.channel = channel
        self.recipient = recipient
        self.recipientName = recipientName
        self.recipientRole = recipientRole
        self.receipt = receipt
        self.applicantName = applicantName
        self.caseStatus = caseStatus
        self.attempts = attempts
        self.storeID = storeID
        self.storedSubject = storedSubject
        self.storedBody = storedBody
        self.appointment = appointment
        self.previous = previous
        self.request = request
        self.reminderDays = reminderDays
    }
}
