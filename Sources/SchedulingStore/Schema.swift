import GRDB

/// The store's schema, by migrations. Invariants that matter are enforced by SQLite itself:
/// - capacity: `slots.booked <= slots.capacity` (CHECK), kept by triggers on `appointments`, and a
///   trigger that refuses any `booked` value that does not equal the real count of bookings;
/// - one scheduled appointment per case (a unique partial index);
/// - an append-only audit log (UPDATE and DELETE raise);
/// - idempotent requests (the request id is the primary key).
enum Schema {
    /// `PRAGMA application_id` of a biosched store: "BIOS".
    static let applicationID: Int32 = 0x4249_4F53

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
        }
        m.registerMigration("v2-trust") { db in try TrustSchema.migrate(db) }
        m.registerMigration("v3-named-constraints") { db in try db.execute(sql: ConstraintSchema.sql) }
        m.registerMigration("v4-keys") { db in try db.execute(sql: KeySchema.sql) }
        m.registerMigration(OutboxSchema.migrationName, migrate: OutboxSchema.migrate)
        // The applicant's one-time enrollment code travels with a booking's message until it is sent.
        m.registerMigration("v5-outbox-enrollment-code") { db in
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN enrollment_code TEXT
                      CHECK (enrollment_code IS NULL OR (length(enrollment_code) = 14 AND enrollment_code NOT GLOB '*[^A-Z2-9-]*'))
                    """)
        }
        m.registerMigration(CallerSearchSchema.migrationName, migrate: CallerSearchSchema.migrate)
        m.registerMigration(RefusedRequestSchema.migrationName, migrate: RefusedRequestSchema.migrate)
        // An account's preferred language (issue 14): the session's language when --lang is not given.
        m.registerMigration("v8-account-language") { db in
            try db.execute(
                sql: "ALTER TABLE accounts ADD COLUMN language TEXT CHECK (language IS NULL OR (length(language) = 2 AND language NOT GLOB '*[^a-z]*'))")
        }
        // Wrong enrollment codes counted per scope, one row each, updated in place (EnrollmentThrottle).
        m.registerMigration("v9-enrollment-throttle") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enrollment_throttle (
                      scope TEXT PRIMARY KEY NOT NULL CHECK (length(scope) BETWEEN 1 AND 160),
                      wrong INTEGER NOT NULL CHECK (wrong >= 0),
                      window_start INTEGER NOT NULL,
                      paused_until INTEGER,
                      pauses INTEGER NOT NULL CHECK (pauses >= 0)
                    ) WITHOUT ROWID
                    """)
        }
        // Where callers enroll their SSH key (issue 22): `biosched settings set enroll-host HOST`.
        // The rows exist from here on, so a change is an UPDATE (StoreSettingsSQL); unset is ''.
        m.registerMigration("v10-enrollment-door") { db in
            try db.execute(sql: "INSERT OR IGNORE INTO settings(key, value) VALUES ('enroll_host', ''), ('enroll_user', '')")
        }
        // The waiting list for earlier slots and its offers (issue 23); the outbox gains the kind `offer`.
        m.registerMigration(WaitlistSchema.migrationName, migrate: WaitlistSchema.migrate)
        // A closure keeps the reason it was given (issue 22): the notice and the message of a move
        // off that day say it, whoever moves the appointment.
        m.registerMigration("v12-closure-reason") { db in
            try db.execute(sql: "ALTER TABLE center_closures ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
        }
        return m
    }

    /// Statuses of an appointment that hold a station in its slot.
    static let holding = "('scheduled','attended','missed')"

    static let v1 = """
        CREATE TABLE settings (
          key TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        );

        \(SharedTables.centers(.sqlite))

        CREATE TABLE accounts (
          id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
          role TEXT NOT NULL CHECK (role IN ('applicant','representative')),
          name TEXT NOT NULL,
          email TEXT,
          phone TEXT
        );

        \(SharedTables.casesAndAppointments(.sqlite, login: "user TEXT PRIMARY KEY NOT NULL CHECK (user <> '')"))

        -- Keep slots.booked equal to the bookings that hold a station, and never above capacity.
        CREATE TRIGGER appointment_takes_station AFTER INSERT ON appointments
        WHEN NEW.status IN \(holding)
        BEGIN
          INSERT OR IGNORE INTO slots(center, start, capacity, booked)
            SELECT NEW.center, NEW.start, stations, 0 FROM centers WHERE code = NEW.center;
          UPDATE slots SET booked = booked + 1 WHERE center = NEW.center AND start = NEW.start;
        END;

        CREATE TRIGGER appointment_moves AFTER UPDATE OF status, center, start ON appointments
        BEGIN
          UPDATE slots SET booked = booked - 1
            WHERE center = OLD.center AND start = OLD.start AND OLD.status IN \(holding);
          INSERT OR IGNORE INTO slots(center, start, capacity, booked)
            SELECT NEW.center, NEW.start, stations, 0 FROM centers WHERE code = NEW.center AND NEW.status IN \(holding);
          UPDATE slots SET booked = booked + 1
            WHERE center = NEW.center AND start = NEW.start AND NEW.status IN \(holding);
        END;

        CREATE TRIGGER appointment_deleted AFTER DELETE ON appointments
        WHEN OLD.status IN \(holding)
        BEGIN
          UPDATE slots SET booked = booked - 1 WHERE center = OLD.center AND start = OLD.start;
        END;

        -- No code path may set a counter that disagrees with the bookings it counts.
        CREATE TRIGGER slot_counter_is_exact BEFORE UPDATE OF booked ON slots
        WHEN NEW.booked <> (SELECT count(*) FROM appointments
                            WHERE center = NEW.center AND start = NEW.start AND status IN \(holding))
        BEGIN
          SELECT RAISE(ABORT, 'slots.booked must equal the bookings in the slot');
        END;

        CREATE TRIGGER slot_inserted_empty BEFORE INSERT ON slots
        WHEN NEW.booked <> 0 OR NEW.capacity <> (SELECT stations FROM centers WHERE code = NEW.center)
        BEGIN
          SELECT RAISE(ABORT, 'a slot starts empty, with the center''s stations as capacity');
        END;

        CREATE TRIGGER slot_capacity_follows_center BEFORE UPDATE OF capacity ON slots
        WHEN NEW.capacity <> (SELECT stations FROM centers WHERE code = NEW.center)
        BEGIN
          SELECT RAISE(ABORT, 'slots.capacity must equal the center''s stations');
        END;

        CREATE TRIGGER center_stations_change AFTER UPDATE OF stations ON centers
        BEGIN
          UPDATE slots SET capacity = NEW.stations WHERE center = NEW.code;
        END;

        \(SharedTables.requestsAndNotices(.sqlite, decisions: "('booked','escalated','approved','denied')"))

        -- Messages for a mailer; nothing is sent from here (R4).
        \(SharedTables.outbox(.sqlite))
        );

        \(SharedTables.audit(.sqlite))
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
