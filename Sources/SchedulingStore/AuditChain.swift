import Foundation
import GRDB
import Scheduling

/// The audit log's tamper evidence: each row's `hash` is SHA-256 over the previous row's hash and
/// the row's own fields, so changing, removing or inserting a row breaks every link after it.
/// (Someone who can write the file can recompute the whole chain: the deployment keeps people's
/// logins away from the file, see docs/security.md; the chain shows edits made any other way.)
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// The hashed fields, in a fixed order, each length-prefixed so no two rows encode alike.
    static func fields(_ row: Row) -> [String] {
        [String(row["id"] as Int64), String(row["at"] as Int64), row["actor_role"], row["actor"], row["action"],
         (row["receipt"] as String?) ?? "", (row["request_id"] as String?) ?? "", row["detail"],
         row["os_user"], row["client"], row["key_fingerprint"]]
    }

    /// The same fields of an entry read back (the in-memory store keeps entries, not rows).
    static func fields(_ e: AuditEntry) -> [String] {
        [String(e.id), String(Int64(e.at.timeIntervalSince1970)), e.actorRole, e.actor, e.action, e.receipt ?? "", e.requestID ?? "", e.detail,
         e.origin.osUser, e.origin.client, e.origin.keyFingerprint]
    }

    static func hash(prev: String, fields: [String]) -> String {
        var s = SHA256()
        s.update(Array(prev.utf8))
        for f in fields {
            let bytes = Array(f.utf8)
            s.update(Array("\(bytes.count):".utf8))
            s.update(bytes)
        }
        return SHA256.hexString(s.finalize())
    }

    /// The first row whose link is broken, if any.
    static func verify(_ db: Database) throws -> AuditVerification {
        var prev = genesis
        var count = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
        while let row = try cursor.next() {
            let id: Int64 = row["id"]
            let stored: String = row["hash"]
            let storedPrev: String = row["prev_hash"]
            if storedPrev != prev {
                return AuditVerification(rows: count, firstBroken: id) { $0.auditRowUnlinked(id) }
            }
            let expected = hash(prev: prev, fields: fields(row))
            if stored != expected {
                return AuditVerification(rows: count, firstBroken: id) { $0.auditRowChanged(id) }
            }
            prev = stored
            count += 1
        }
        return AuditVerification(rows: count, firstBroken: nil, problem: nil)
    }
}
