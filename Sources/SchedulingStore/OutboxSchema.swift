import GRDB

/// Migration `v2-outbox-delivery`: the outbox becomes a delivery queue (issue #13).
///
/// Columns are added (no table rebuild, so other migrations' indexes and triggers on `outbox`
/// stay), each with its own CHECK; the invariants between columns are triggers that refuse any
/// INSERT or UPDATE breaking them, so no code path (and no hand-written SQL) can store a claimed
/// row without a lease, a sent row without its time, or delete a message.
enum OutboxSchema {
    static let migrationName = "v2-outbox-delivery"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: columns)
        // Rows of the v1 outbox: a sent_at means sent.
        try db.execute(sql: "UPDATE outbox SET status = 'sent' WHERE sent_at IS NOT NULL")
        try db.execute(sql: indexes)
        try db.execute(sql: triggers)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO settings(key, value) VALUES ('store_id', lower(hex(randomblob(8))));
                INSERT OR IGNORE INTO settings(key, value) VALUES ('reminder_days', '7,1');
                """)
    }

    static let columns = """
        ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'legacy'
          CHECK (kind IN ('legacy','booked','escalated','denied','reminder'));
        ALTER TABLE outbox ADD COLUMN recipient_role TEXT NOT NULL DEFAULT 'applicant'
          CHECK (recipient_role IN ('applicant','representative'));
        ALTER TABLE outbox ADD COLUMN account TEXT REFERENCES accounts(id);
        ALTER TABLE outbox ADD COLUMN appointment_id INTEGER REFERENCES appointments(id);
        ALTER TABLE outbox ADD COLUMN previous_appointment_id INTEGER REFERENCES appointments(id);
        ALTER TABLE outbox ADD COLUMN request_id TEXT REFERENCES requests(id);
        ALTER TABLE outbox ADD COLUMN reminder_days INTEGER CHECK (reminder_days IS NULL OR reminder_days BETWEEN 1 AND 366);
        ALTER TABLE outbox ADD COLUMN dedupe_key TEXT CHECK (dedupe_key IS NULL OR dedupe_key <> '');
        ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','sent','failed','skipped'));
        ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);
        ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER;
        ALTER TABLE outbox ADD COLUMN claimed_by TEXT CHECK (claimed_by IS NULL OR claimed_by <> '');
        ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
        ALTER TABLE outbox ADD COLUMN last_error TEXT;
        """

    static let indexes = """
        -- A reminder (or any keyed message) is written at most once.
        CREATE UNIQUE INDEX outbox_once ON outbox(dedupe_key) WHERE dedupe_key IS NOT NULL;
        -- What the mailer claims next.
        CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE status = 'pending';
        CREATE INDEX outbox_by_status ON outbox(status, id);
        -- A message's calendar SEQUENCE counts the appointments before it in its chain.
        CREATE INDEX appointments_by_chain ON appointments(chain_root) WHERE chain_root IS NOT NULL;
        """

    /// Conditions a stored row must never meet, each with the message SQLite raises.
    static let rowInvariants: [(name: String, violated: String, message: String)] = [
        ("lease", "(NEW.claimed_by IS NULL) <> (NEW.lease_until IS NULL)", "an outbox claim has both claimed_by and lease_until, or neither"),
        ("claim_pending", "NEW.status <> 'pending' AND NEW.claimed_by IS NOT NULL", "only a pending outbox message can be claimed"),
        ("sent_at", "(NEW.status = 'sent') <> (NEW.sent_at IS NOT NULL)", "an outbox message has sent_at exactly when it is sent"),
        ("reason", "NEW.status IN ('failed','skipped') AND coalesce(trim(NEW.last_error), '') = ''", "a failed or skipped outbox message says why"),
        ("appointment", "NEW.kind IN ('booked','reminder') AND NEW.appointment_id IS NULL", "a booking or reminder message names its appointment"),
        ("request", "NEW.kind IN ('escalated','denied') AND NEW.request_id IS NULL", "an escalation or denial message names its request"),
        ("reminder", "(NEW.kind = 'reminder') <> (NEW.reminder_days IS NOT NULL)", "reminder_days is set on reminders only"),
        ("legacy", "NEW.kind = 'legacy' AND NEW.body = ''", "a legacy outbox message carries its body")
    ]

    static var triggers: String {
        var sql = ""
        for inv in rowInvariants {
            for event in ["INSERT", "UPDATE"] {
                sql += """
                    CREATE TRIGGER outbox_\(inv.name)_\(event.lowercased()) BEFORE \(event) ON outbox WHEN \(inv.violated)
                    BEGIN SELECT RAISE(ABORT, '\(inv.message)'); END;

                    """
            }
        }
        sql += """
            CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE OF status ON outbox
            WHEN OLD.status = 'sent' AND NEW.status <> 'sent'
            BEGIN SELECT RAISE(ABORT, 'a sent outbox message stays sent'); END;

            CREATE TRIGGER outbox_content_is_fixed
            BEFORE UPDATE OF receipt, kind, channel, recipient, recipient_role, account, subject, body, appointment_id,
              previous_appointment_id, request_id, reminder_days, dedupe_key, created_at ON outbox
            BEGIN SELECT RAISE(ABORT, 'an outbox message''s content never changes: its Message-ID stands for it'); END;

            CREATE TRIGGER outbox_attempts_only_rise BEFORE UPDATE OF attempts ON outbox
            WHEN NEW.attempts < OLD.attempts AND NOT (OLD.status = 'failed' AND NEW.status = 'pending' AND NEW.attempts = 0)
            BEGIN SELECT RAISE(ABORT, 'outbox attempts only go up (a retry of a failed message starts again at 0)'); END;

            CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
            BEGIN SELECT RAISE(ABORT, 'outbox messages are never deleted'); END;
            """
        return sql
    }
}
