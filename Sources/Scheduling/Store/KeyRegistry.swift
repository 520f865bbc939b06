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
    /// Binds `key` to the account of `receipt` if `code` is a valid code of that account; every
    /// attempt is counted and audited, and too many wrong ones pause enrollment.
    func enroll(receipt: ReceiptNumber, code: String, key: PublicKey, client: String, now: Date) throws(StoreError) -> EnrollmentResult
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
