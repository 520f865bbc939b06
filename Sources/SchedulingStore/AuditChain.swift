import Foundation
import Scheduling

/// The audit log's tamper evidence: each row's `hash` is SHA-256 over the previous row's hash and
/// the row's own fields, so changing, removing or inserting a row breaks every link after it.
/// (Someone who can write the file can recompute the whole chain: the deployment keeps people's
/// logins away from the file, see docs/security.md; the chain shows edits made any other way.)
package enum AuditChain {
    package static let genesis = String(repeating: "0", count: 64)

    /// The hashed fields, in a fixed order, each length-prefixed so no two rows encode alike.
    package static func fields(_ row: SQLRow) -> [String] {
        [
            String(row["id"] as Int64), String(row["at"] as Int64), row["actor_role"], row["actor"], row["action"],
            (row["receipt"] as String?) ?? "", (row["request_id"] as String?) ?? "", row["detail"],
            row["os_user"], row["client"], row["key_fingerprint"]
        ]
    }

    /// The same fields of an entry read back (the in-memory store keeps entries, not rows).
    package static func fields(_ e: AuditEntry) -> [String] {
        [
            String(e.id), String(Int64(e.at.timeIntervalSince1970)), e.actorRole, e.actor, e.action, e.receipt ?? "", e.requestID ?? "", e.detail,
            e.origin.osUser, e.origin.client, e.origin.keyFingerprint
        ]
    }

    package static func hash(prev: String, fields: [String]) -> String {
        var s = SHA256()
        s.update(Array(prev.utf8))
        for f in fields {
            let bytes = Array(f.utf8)
            s.update(Array("\(bytes.count):".utf8))
            s.update(bytes)
        }
        return SHA256.hexString(s.finalize())
    }

    /// The first row whose link is broken, if any; read in pages, so a long log is never all in memory.
    package static func verify(_ db: any SQLDatabase) throws -> AuditVerification {
        var prev = genesis
        var count = 0
        var after: Int64 = 0
        while true {
            let rows = try db.fetchRows(sql: "SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT 5000", arguments: [after])
            if rows.isEmpty { break }
            for row in rows {
                let id: Int64 = row["id"]
                let stored: String = row["hash"]
                let storedPrev: String = row["prev_hash"]
                if storedPrev != prev {
                    return AuditVerification(rows: count, firstBroken: id) { $0.auditRowUnlinked(id) }
                }
                if stored != hash(prev: prev, fields: fields(row)) {
                    return AuditVerification(rows: count, firstBroken: id) { $0.auditRowChanged(id) }
                }
                prev = stored
                count += 1
                after = id
            }
        }
        return AuditVerification(rows: count, firstBroken: nil, problem: nil)
    }
}
