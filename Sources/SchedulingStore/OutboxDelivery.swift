import Foundation
import Scheduling

/// The mailer's side of the outbox: claim, sent, failed, skipped; each one write transaction.
extension SQLStore {
    public func claimNextMessage(worker: String, now: Date, lease: TimeInterval) throws(StoreError) -> OutboxItem? {
        let nowS = Records.seconds(now)
        return try sqlWrite { db -> OutboxItem? in
            while true {
                // One statement in a write transaction: two mailers never hold the same row.
                guard
                    let id = try db.fetchValue(
                        Int64.self,
                        sql: """
                            UPDATE outbox SET claimed_by = ?, lease_until = ?, attempts = attempts + 1, last_attempt_at = ?
                            WHERE id = (SELECT id FROM outbox
                                        WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_by IS NULL OR lease_until <= ?)
                                        ORDER BY next_attempt_at, id LIMIT 1 \(db.dialect.skipLocked))
                            RETURNING id
                            """, arguments: [worker, nowS + Int64(lease.rounded(.up)), nowS, nowS, nowS])
                else { return nil }
                do {
                    if let item = try OutboxFacts.item(db, id: id) { return item }
                    throw StoreError.failed("the row cannot be read")
                } catch {
                    // A message whose facts cannot be read would stop every mailer at the same row: it fails, visibly.
                    try db.run(
                        sql: """
                            UPDATE outbox SET status = 'failed', claimed_by = NULL, lease_until = NULL, last_error = ?, enrollment_code = NULL WHERE id = ?
                            """, arguments: ["cannot read what the message is about: \(describe(error))", id])
                }
            }
        }
    }

    @discardableResult
    public func markSent(_ id: Int64, worker: String, now: Date) throws(StoreError) -> Bool {
        try sqlWrite { db in
            // Whoever holds it now: the message went out, so it is sent.
            try db.run(
                sql: """
                    UPDATE outbox SET status = 'sent', sent_at = ?, claimed_by = NULL, lease_until = NULL, enrollment_code = NULL WHERE id = ? AND status = 'pending'
                    """, arguments: [Records.seconds(now), id])
            return db.changesCount == 1
        }
    }

    public func markFailed(_ id: Int64, worker: String, reason: String, retryAt: Date?, now: Date) throws(StoreError) {
        try release(
            id, worker: worker, status: retryAt == nil ? .failed : .pending, reason: reason,
            nextAttempt: retryAt ?? now)
    }

    public func markSkipped(_ id: Int64, worker: String, reason: String, now: Date) throws(StoreError) {
        try release(id, worker: worker, status: .skipped, reason: reason, nextAttempt: now)
    }

    /// Gives the claim back with the reason; only the worker that holds it may (a worker whose
    /// lease ran out and was taken over changes nothing).
    func release(_ id: Int64, worker: String, status: OutboxStatus, reason: String, nextAttempt: Date) throws(StoreError) {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try sqlWrite { db in
            try db.run(
                sql: """
                    UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, lease_until = NULL,
                      enrollment_code = CASE WHEN ? IN ('skipped','failed') THEN NULL ELSE enrollment_code END
                    WHERE id = ? AND claimed_by = ? AND status = 'pending'
                    """,
                arguments: [status.rawValue, text.isEmpty ? "failed without a reason" : text, Records.seconds(nextAttempt), status.rawValue, id, worker])
        }
    }
}
