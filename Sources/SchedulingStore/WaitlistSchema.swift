import GRDB

/// Migration `v11-waitlist` (issue 23): the waiting list for earlier slots and its offers.
///
/// An open offer holds a station: it moves `slots.booked` as a booking does (triggers on `offers`,
/// like those on `appointments`), so every capacity guard (the CHECK, the exact-count trigger, the
/// guarded UPDATE on PostgreSQL) keeps holding with holds counted. A station given back (an
/// appointment leaving a slot, an offer declined, expired or withdrawn) is written to
/// `freed_stations` by a trigger in the freeing transaction itself; the offer pass reads it.
enum WaitlistSchema {
    static let migrationName = "v11-waitlist"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: sql)
        try db.execute(sql: outboxRebuild)
        try db.execute(
            sql: OutboxSchema.indexes.replacingOccurrences(of: "CREATE INDEX appointments_by_chain", with: "CREATE INDEX IF NOT EXISTS appointments_by_chain"))
        try db.execute(sql: OutboxSchema.triggers)
        for event in ["INSERT", "UPDATE"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER outbox_offer_\(event.lowercased()) BEFORE \(event) ON outbox WHEN (NEW.kind = 'offer') <> (NEW.offer_id IS NOT NULL)
                    BEGIN SELECT RAISE(ABORT, 'an offer message names its offer, and only an offer message does'); END;
                    """)
        }
        try db.execute(
            sql:
                "CREATE TRIGGER outbox_offer_fixed BEFORE UPDATE OF offer_id ON outbox BEGIN SELECT RAISE(ABORT, 'an outbox message''s content never changes: its Message-ID stands for it'); END;"
        )
    }

    /// SQLite cannot change a CHECK in place: the outbox is rebuilt with the kind `offer` allowed and
    /// an `offer_id` column, row for row (ids kept), and its indexes and triggers made again from
    /// their own text (`OutboxSchema`, which now names the offer invariant too). GRDB runs
    /// migrations with foreign keys off and checks them at the end.
    static let outboxRebuild = """
        \(SharedTables.outbox(.sqlite, table: "outbox_v10", kinds: "('legacy','booked','escalated','denied','reminder','offer')")),
          enrollment_code TEXT
            CHECK (enrollment_code IS NULL OR (length(enrollment_code) = 14 AND enrollment_code NOT GLOB '*[^A-Z2-9-]*')),
          offer_id INTEGER REFERENCES offers(id)
        );
        INSERT INTO outbox_v10(id, receipt, channel, recipient, subject, body, created_at, sent_at, kind, recipient_role, account, appointment_id,
          previous_appointment_id, request_id, reminder_days, dedupe_key, status, attempts, next_attempt_at, last_attempt_at, claimed_by,
          lease_until, last_error, enrollment_code)
        SELECT id, receipt, channel, recipient, subject, body, created_at, sent_at, kind, recipient_role, account, appointment_id,
          previous_appointment_id, request_id, reminder_days, dedupe_key, status, attempts, next_attempt_at, last_attempt_at, claimed_by,
          lease_until, last_error, enrollment_code FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v10 RENAME TO outbox;
        """

    static let sql = """
        \(SharedTables.waitlist(.sqlite))

        CREATE TRIGGER offer_starts_open BEFORE INSERT ON offers
        WHEN NEW.state <> 'open'
        BEGIN
          SELECT RAISE(ABORT, 'an offer starts open');
        END;

        -- An answered offer never changes (accepted at most once, an expired one never accepted), but
        -- for the one link of an accepted offer to the appointment it booked, in the same transaction.
        CREATE TRIGGER offer_final_stays BEFORE UPDATE ON offers
        WHEN OLD.state <> 'open' AND NOT (OLD.state = 'accepted' AND NEW.state = 'accepted' AND OLD.appointment_id IS NULL
          AND NEW.appointment_id IS NOT NULL AND NEW.resolved_at = OLD.resolved_at AND NEW.center = OLD.center AND NEW.start = OLD.start
          AND NEW.waitlist_id = OLD.waitlist_id AND NEW.deadline = OLD.deadline)
        BEGIN
          SELECT RAISE(ABORT, 'an answered offer never changes');
        END;

        CREATE TRIGGER offer_no_delete BEFORE DELETE ON offers
        BEGIN
          SELECT RAISE(ABORT, 'offers are never deleted');
        END;

        CREATE TRIGGER offer_holds_station AFTER INSERT ON offers
        BEGIN
          INSERT OR IGNORE INTO slots(center, start, capacity, booked)
            SELECT NEW.center, NEW.start, stations, 0 FROM centers WHERE code = NEW.center;
          UPDATE slots SET booked = booked + 1 WHERE center = NEW.center AND start = NEW.start;
        END;

        CREATE TRIGGER offer_releases_station AFTER UPDATE OF state ON offers
        WHEN OLD.state = 'open' AND NEW.state <> 'open'
        BEGIN
          UPDATE slots SET booked = booked - 1 WHERE center = OLD.center AND start = OLD.start;
          INSERT INTO freed_stations(center, start, freed_at_ms)
            SELECT OLD.center, OLD.start, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE NEW.state <> 'accepted';
        END;

        CREATE TRIGGER appointment_frees_station AFTER UPDATE OF status, center, start ON appointments
        WHEN OLD.status IN \(Schema.holding) AND (NEW.status NOT IN \(Schema.holding) OR NEW.center <> OLD.center OR NEW.start <> OLD.start)
        BEGIN
          INSERT INTO freed_stations(center, start, freed_at_ms)
            VALUES (OLD.center, OLD.start, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
        END;

        -- The counter is the bookings and the open offers (holds) of the slot, never anything else.
        DROP TRIGGER slot_counter_is_exact;
        CREATE TRIGGER slot_counter_is_exact BEFORE UPDATE OF booked ON slots
        WHEN NEW.booked <> (SELECT count(*) FROM appointments
                            WHERE center = NEW.center AND start = NEW.start AND status IN \(Schema.holding))
                         + (SELECT count(*) FROM offers WHERE center = NEW.center AND start = NEW.start AND state = 'open')
        BEGIN
          SELECT RAISE(ABORT, 'slots.booked must equal the bookings and holds in the slot');
        END;
        """
}
