import Foundation
import Scheduling

/// The settings an administrator changes (`StoreSetting`), written once for SQLite and
/// PostgreSQL. The rows exist from the migrations on (`v10-enrollment-door`, `pg4-enrollment-door`),
/// so a change is an UPDATE: the PostgreSQL application role may change settings, never add them.
package enum SettingsSQL {
    /// The enrollment door the settings describe (a value that fails its pattern reads as unset).
    package static let doorSettings = "SELECT key, value FROM settings WHERE key IN ('enroll_host', 'enroll_user')"

    package static func door(_ db: any SQLDatabase) throws -> EnrollmentDoor {
        let rows = try db.fetchRows(sql: doorSettings)
        var values: [String: String] = [:]
        for r in rows { values[r["key"]] = r["value"] as String }
        return EnrollmentDoor(hostSetting: values["enroll_host"], userSetting: values["enroll_user"])
    }

    /// One setting changed with its audit row, in the caller's transaction; returns before and after.
    package static func change(
        _ db: any SQLDatabase, _ setting: StoreSetting, to value: String, by actor: Actor, now: Date,
        origin: AuditOrigin
    ) throws -> (old: String, new: String) {
        let old = try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = ?\(db.dialect.forUpdate)", arguments: [setting.key])
        if old == nil {
            // Only a store made before its migration could lack the row; the owner may add it.
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: [setting.key, value])
        } else if old != value {
            try db.execute(sql: "UPDATE settings SET value = ? WHERE key = ?", arguments: [value, setting.key])
        }
        let before = old ?? ""
        if before != value {
            try Audit.append(
                db, origin: origin, at: now, actor: actor, action: .settingChanged,
                detail: "\(setting.key): \(before.isEmpty ? "(unset)" : before) -> \(value.isEmpty ? "(unset)" : value)")
        }
        return (before, value)
    }
}

extension SQLStore {
    public func enrollmentDoor() throws(StoreError) -> EnrollmentDoor {
        try sqlRead { db in try SettingsSQL.door(db) }
    }

    @discardableResult
    public func changeSetting(_ setting: StoreSetting, to value: String?, by actor: Actor, now: Date) throws(StoreError) -> (old: String, new: String) {
        guard actor.role == .officer else { throw .notAuthorized }
        let normalized = try setting.normalize(value)
        return try sqlWrite { db in try SettingsSQL.change(db, setting, to: normalized, by: actor, now: now, origin: origin) }
    }
}
