import GRDB
import Scheduling

/// Migration `v2-trust`: what issue "trust boundaries" asks of the store itself.
/// - Account ids and staff logins match `Identifier`'s patterns (triggers: SQLite cannot add a
///   CHECK to an existing table), so no id that needs quoting ever enters the store.
/// - Appointment versions are unique across a case's chain (renumbered once here; new rows continue
///   the chain), so a version seen before a reschedule never matches the appointment after it.
/// - The audit log records where an action came from (OS user, SSH client address, key
///   fingerprint) and carries a hash chain: each row's hash covers its fields and the previous
///   row's hash, and a row without a well-formed hash is refused.
enum TrustSchema {
    /// SQL that is true when `value` is a valid account id (see `Identifier.isAccountID`).
    static func accountIDCheck(_ value: String) -> String {
        SQLDialect.sqlite.isAccountID(value)
    }
    static func loginCheck(_ value: String) -> String {
        SQLDialect.sqlite.isLogin(value)
    }

    static let sql = """
        CREATE TRIGGER account_id_pattern_insert BEFORE INSERT ON accounts
        WHEN NOT \(accountIDCheck("NEW.id"))
        BEGIN SELECT RAISE(ABORT, 'account id must be 1-64 letters, digits, dot, underscore or dash, starting with a letter or digit'); END;
        CREATE TRIGGER account_id_pattern_update BEFORE UPDATE OF id ON accounts
        WHEN NOT \(accountIDCheck("NEW.id"))
        BEGIN SELECT RAISE(ABORT, 'account id must be 1-64 letters, digits, dot, underscore or dash, starting with a letter or digit'); END;
        CREATE TRIGGER staff_login_pattern_insert BEFORE INSERT ON staff
        WHEN NOT \(loginCheck("NEW.user"))
        BEGIN SELECT RAISE(ABORT, 'staff login must be 1-32 letters, digits, dot, underscore or dash'); END;
        CREATE TRIGGER staff_login_pattern_update BEFORE UPDATE OF user ON staff
        WHEN NOT \(loginCheck("NEW.user"))
        BEGIN SELECT RAISE(ABORT, 'staff login must be 1-32 letters, digits, dot, underscore or dash'); END;

        -- Versions unique across a case's chain: every earlier appointment of the case shifts this one up.
        UPDATE appointments SET version = version + 2 * (SELECT count(*) FROM appointments p WHERE p.receipt = appointments.receipt AND p.id < appointments.id);

        DROP TRIGGER audit_no_update;
        ALTER TABLE audit ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN client TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN key_fingerprint TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
        """

    static let afterBackfill = """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_row_is_chained BEFORE INSERT ON audit
        WHEN length(NEW.hash) <> 64 OR length(NEW.prev_hash) <> 64
          OR NEW.prev_hash <> coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '\(AuditChain.genesis)')
        BEGIN SELECT RAISE(ABORT, 'an audit row must carry its hash, chained to the previous row'); END;
        """

    static func migrate(_ db: Database) throws {
        try db.execute(sql: sql)
        // Chain the rows written before this migration, oldest first.
        var prev = AuditChain.genesis
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id")
        for row in rows {
            let hash = AuditChain.hash(prev: prev, fields: AuditChain.fields(GRDBConnection.row(row)))
            try db.execute(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [prev, hash, row["id"] as Int64])
            prev = hash
        }
        try db.execute(sql: afterBackfill)
    }
}
