import Foundation
import Scheduling

/// Staff, accounts and the audit log, written once for SQLite and PostgreSQL (`"user"` is quoted:
/// a reserved word in PostgreSQL).
extension SQLStore {
    public func staffRole(of user: String) throws(StoreError) -> StaffRole? {
        try sqlRead { db in
            try db.fetchValue(String.self, sql: "SELECT role FROM staff WHERE \"user\" = ?", arguments: [user]).flatMap(StaffRole.init(rawValue:))
        }
    }

    public func staff() throws(StoreError) -> [StaffMember] {
        try sqlRead { db in
            try db.fetchRows(sql: "SELECT * FROM staff ORDER BY \"user\"").map {
                StaffMember(user: $0["user"], role: StaffRole(rawValue: $0["role"]) ?? .agent, addedAt: Records.date($0["added_at"]), addedBy: $0["added_by"])
            }
        }
    }

    public func addStaff(_ user: String, role: StaffRole, by officer: String, now: Date) throws(StoreError) {
        let name = user
        guard Identifier.isLoginName(name) else {
            throw .invalid(Localized { $0.notALogin(Echo.show(user)) })
        }
        try sqlWrite { db in
            if let existing = try db.fetchValue(String.self, sql: "SELECT role FROM staff WHERE \"user\" = ?", arguments: [name]) {
                throw StoreError.invalid(Localized { $0.alreadyStaff(name, existing) })
            }
            try db.execute(
                sql: "INSERT INTO staff(\"user\", role, added_at, added_by) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, Records.seconds(now), officer])
            try Audit.append(db, origin: origin, at: now, actor: Actor(role: .officer, id: officer), action: .staffAdded, detail: "\(name) as \(role.rawValue)")
        }
    }

    public func removeStaff(_ user: String, by officer: String, now: Date) throws(StoreError) {
        try sqlWrite { db in
            guard let role = try db.fetchValue(String.self, sql: "SELECT role FROM staff WHERE \"user\" = ?\(db.dialect.forUpdate)", arguments: [user]) else {
                throw StoreError.invalid(Localized { $0.notAStaffUser(Echo.show(user)) })
            }
            if role == "officer" {
                let officers =
                    try db.fetchValue(Int.self, sql: "SELECT count(*) FROM (SELECT 1 FROM staff WHERE role = 'officer'\(db.dialect.forUpdate)) o") ?? 0
                if officers <= 1 { throw StoreError.invalid(Localized { $0.lastOfficer(user) }) }
            }
            try db.execute(sql: "DELETE FROM staff WHERE \"user\" = ?", arguments: [user])
            // Their keys end with the login: adding the login again later revives none of them.
            try db.execute(
                sql: "UPDATE ssh_keys SET revoked_at = ?, revoked_by = ? WHERE holder_kind = 'staff' AND holder = ? AND revoked_at IS NULL",
                arguments: [Records.seconds(now), officer, user])
            let keys = db.changesCount
            try Audit.append(
                db, origin: origin, at: now, actor: Actor(role: .officer, id: officer), action: .staffRemoved,
                detail: "\(user) (\(role))" + (keys > 0 ? " keys revoked=\(keys)" : ""))
        }
    }

    public func accountRole(_ id: String) throws(StoreError) -> Role? {
        try sqlRead { db in try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [id]).flatMap(Role.init(rawValue:)) }
    }

    public func accountLanguage(_ id: String) throws(StoreError) -> Language? {
        try sqlRead { db in try db.fetchValue(String.self, sql: "SELECT language FROM accounts WHERE id = ?", arguments: [id]).flatMap(Language.init(rawValue:))
        }
    }

    public func auditLog(receipt: ReceiptNumber?) throws(StoreError) -> [AuditEntry] {
        try sqlRead { db in
            let rows: [SQLRow]
            if let receipt {
                rows = try db.fetchRows(sql: "SELECT * FROM audit WHERE receipt = ? ORDER BY id", arguments: [receipt.value])
            } else {
                rows = try db.fetchRows(sql: "SELECT * FROM audit ORDER BY id")
            }
            return rows.map {
                AuditEntry(
                    id: $0["id"], at: Records.date($0["at"]), actorRole: $0["actor_role"], actor: $0["actor"], action: $0["action"],
                    receipt: $0["receipt"], requestID: $0["request_id"], detail: $0["detail"],
                    origin: AuditOrigin(osUser: $0["os_user"], client: $0["client"], keyFingerprint: $0["key_fingerprint"]))
            }
        }
    }

    public func recordEvent(_ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date) throws(StoreError) {
        try sqlWrite { db in
            try Audit.append(db, origin: origin, at: now, actor: actor, action: action, receipt: receipt, detail: detail)
        }
    }

    @discardableResult
    public func recordLookup(_ receipt: ReceiptNumber, by actor: Actor, refused: Bool, detail: String, now: Date) -> Bool {
        do {
            try recordEvent(refused ? .notAuthorized : .caseViewed, actor: actor, receipt: receipt, detail: detail, now: now, waitingAtMost: 2)
            return true
        } catch { return false }
    }

    public func verifyAudit() throws(StoreError) -> AuditVerification {
        try sqlRead { db in try AuditChain.verify(db) }
    }
}
