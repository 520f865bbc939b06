import Foundation
import Scheduling

/// The SSH keys screen: an applicant's or representative's own keys (they may remove one), or, for
/// an agent, the keys of the caller's account (revoke them all when a device is lost, and issue a
/// new enrollment code to read to the caller).
public struct KeysState: Sendable, Hashable {
    public enum Confirm: Sendable, Hashable { case removeOne, revokeAll }
    public var holder: KeyHolder
    /// True for the person's own keys; false for an agent looking at a caller's.
    public var own: Bool
    public var keys: [StoredKey] = []
    public var index = 0
    public var loaded = false
    public var confirm: Confirm?
    /// A code just issued, shown once.
    public var code: String?
    /// Where the caller uses it (the store's enrollment door when the code was issued).
    public var door = EnrollmentDoor()

    public var focusContext: FocusContext { confirm != nil ? .dialog : (own ? .ownKeys : .callerKeys) }
}

/// What the keys screen asks of the store.
public enum KeysEffect: Sendable, Hashable {
    case load(KeyHolder)
    case revoke(KeyHolder, blob: String?)
    case issueCode(account: String)
}

/// The store's answers.
public enum KeysEvent: Sendable {
    case loaded(Result<[StoredKey], StoreError>)
    case revoked(Result<Int, StoreError>)
    /// The code and where to use it.
    case codeIssued(Result<(code: String, door: EnrollmentDoor), StoreError>)
}
