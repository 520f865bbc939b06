import Foundation

/// The settings an administrator changes after `init` (`biosched settings set NAME VALUE`). Each
/// is a row of the store's `settings` table that every store has from its migrations on (so the
/// PostgreSQL application role, which may not add settings, can still change them); unset is the
/// empty value.
public enum StoreSetting: String, CaseIterable, Sendable {
    /// Where callers enroll their SSH key: `NAME`, `IPV4` or `[IPV6]`, with an optional `:PORT`.
    case enrollHost = "enroll-host"
    /// The service account sshd admits (`biosched` when unset).
    case enrollUser = "enroll-user"

    /// The row's key in `settings`.
    public var key: String {
        switch self {
        case .enrollHost: "enroll_host"
        case .enrollUser: "enroll_user"
        }
    }

    /// The value as stored: checked and normalized; nil (unset) is the empty value.
    public func normalize(_ value: String?) throws(StoreError) -> String {
        guard let value, !value.isEmpty else { return "" }
        switch self {
        case .enrollHost: return try EnrollmentDoor.parseHost(value)
        case .enrollUser: return try EnrollmentDoor.parseUser(value)
        }
    }
}

extension StoreSetting {
    /// Settings given when a store is made, each checked, in a fixed order (by name).
    public static func checked(_ settings: [StoreSetting: String]) throws(StoreError) -> [(StoreSetting, String)] {
        var out: [(StoreSetting, String)] = []
        for (k, v) in settings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { out.append((k, try k.normalize(v))) }
        return out
    }
}

/// The store's settings as an administrator sees and changes them.
public protocol StoreSettings: Sendable {
    /// Where callers enroll their SSH key (`enroll_host`, `enroll_user`).
    func enrollmentDoor() throws(StoreError) -> EnrollmentDoor
    /// Changes one setting (officers only), with an audit row naming it, before and after, in one
    /// transaction; `nil` unsets it. The value is checked here too (`StoreSetting.normalize`).
    /// Returns the values stored before and after ("" for unset).
    @discardableResult
    func changeSetting(_ setting: StoreSetting, to value: String?, by actor: Actor, now: Date) throws(StoreError) -> (old: String, new: String)
}
