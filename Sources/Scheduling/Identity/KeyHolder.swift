import Foundation

/// Whom an SSH key lets in: an applicant's or representative's account, or a staff login that
/// enters through the service account.
public enum KeyHolder: Hashable, Sendable {
    case account(String, Role)
    case staff(String)

    public var id: String {
        switch self {
        case let .account(a, _): a
        case let .staff(u): u
        }
    }
    public var isStaff: Bool { if case .staff = self { return true } else { return false } }
    public var described: String {
        switch self {
        case let .account(a, r): "\(r.rawValue) \(a)"
        case let .staff(u): "staff \(u)"
        }
    }
}

/// A key as the store keeps it.
public struct StoredKey: Hashable, Sendable {
    public var holder: KeyHolder
    public var key: PublicKey
    public var fingerprint: String
    public var addedAt: Date
    /// `officer` (biosched access add) or `enrollment` (biosched enroll).
    public var addedHow: String
    public var addedBy: String
    public init(holder: KeyHolder, key: PublicKey, fingerprint: String, addedAt: Date, addedHow: String, addedBy: String) {
        self.holder = holder
        self.key = key
        self.fingerprint = fingerprint
        self.addedAt = addedAt
        self.addedHow = addedHow
        self.addedBy = addedBy
    }
}
