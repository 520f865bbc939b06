import Foundation

/// SSH keys and enrollment codes, kept in the store (every gateway host that points at the same
/// store admits the same people).
public protocol KeyRegistry: Sendable {
    /// Adds a key; a key already held (by anyone) is refused.
    func addKey(_ key: PublicKey, for holder: KeyHolder, how: String, by actor: Actor, now: Date) throws(StoreError)
    /// Revokes a holder's keys (or one of them); returns how many.
    func revokeKeys(of holder: KeyHolder, blob: String?, by actor: Actor, now: Date) throws(StoreError) -> Int
    /// The keys in force, of one holder or all.
    func activeKeys(of holder: KeyHolder?) throws(StoreError) -> [StoredKey]
    /// The key in force with this blob, if any (sshd's AuthorizedKeysCommand asks this).
    func activeKey(blob: String) throws(StoreError) -> StoredKey?
    /// A new one-time code for an account (valid for the store's `enrollment_days`, 30 by default).
    func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws(StoreError) -> String
    /// A G-28 accepted (officers): the representative may act on the case from now on, and gets a
    /// one-time enrollment code with the acceptance, in one transaction with its audit row.
    func acceptRepresentation(receipt: ReceiptNumber, account: String, by actor: Actor, now: Date) throws(StoreError) -> RepresentationAcceptance
    /// Binds `key` to the account of `receipt` if `code` is a valid code of that account; every
    /// attempt is counted and audited, and too many wrong ones pause enrollment.
    func enroll(receipt: ReceiptNumber, code: String, key: PublicKey, client: String, now: Date) throws(StoreError) -> EnrollmentResult
    /// Where callers use a code (the store's settings `enroll_host`, `enroll_user`).
    func enrollmentDoor() throws(StoreError) -> EnrollmentDoor
}

public enum EnrollmentResult: Sendable, Hashable {
    case enrolled(account: String)
    /// Wrong receipt or code (deliberately the same), and how many tries are left this hour.
    case refused(triesLeft: Int)
    case expired
    case alreadyUsed
    case keyTaken
    /// Too many wrong tries for this account or from this address: try again after `until`.
    case paused(until: Date)
}

/// Guessing bounds for enrollment.
public enum EnrollmentLimits {
    public static let wrongPerAccountPerHour = 5
    public static let wrongPerClientPerHour = 10
    public static let defaultValidDays = 30
}

/// The G-28's acceptance as the representative is told it: the case, and their enrollment code.
public struct RepresentationAcceptance: Sendable, Hashable {
    public var receipt: ReceiptNumber
    public var account: String
    public var representativeName: String
    public var applicantName: String
    public var form: String
    /// The G-28 was on file already: only a new enrollment code was issued.
    public var alreadyOnFile: Bool
    public var enrollmentCode: String
    public var validDays: Int
    /// Where to use the code (the store's `enroll_host` and `enroll_user`).
    public var enrollDoor: EnrollmentDoor
    public init(
        receipt: ReceiptNumber, account: String, representativeName: String, applicantName: String, form: String,
        alreadyOnFile: Bool, enrollmentCode: String, validDays: Int, enrollDoor: EnrollmentDoor = EnrollmentDoor()
    ) {
        self.receipt = receipt
        self.account = account
        self.representativeName = representativeName
        self.applicantName = applicantName
        self.form = form
        self.alreadyOnFile = alreadyOnFile
        self.enrollmentCode = enrollmentCode
        self.validDays = validDays
        self.enrollDoor = enrollDoor
    }

    /// The acceptance's text in English: what the representative needs, the code on a line of its own.
    public var text: String { text(in: .en) }

    /// The acceptance's text in `language`.
    public func text(in language: Language) -> String {
        let t = Catalog(language)
        return t.g28Accepted(representativeName, account, applicantName, receipt.value, form) + "\n"
            + t.enrollmentCode(enrollmentCode) + "\n"
            + t.g28HowToEnroll(t.enrollCommand(enrollDoor), receipt.value, validDays)
    }
}
