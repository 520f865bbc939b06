// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Scheduling
import SchedulingStore

/// The PostgreSQL schema, by versioned migrations recorded in `biosched_migrations`, applied in one
/// transaction under an advisory lock (`pg_advisory_xact_lock`), so two hosts that run `init` or
/// open an older store at the same moment never apply a migration twice. The same tables and
/// columns as the SQLite store (so `biosched store copy` moves rows one to one), and the same
/// invariants, enforced by PostgreSQL itself:
/// - capacity: `slots.booked <= slots.capacity` (CHECK `slot_capacity`); a deferred constraint
///   trigger checks at commit that every counter touched equals the bookings it counts;
/// - one scheduled appointment per case (partial unique index `one_scheduled_per_case`);
/// - an append-only, hash-chained audit log (triggers raise on UPDATE, DELETE and TRUNCATE, and
///   refuse a row not chained to the one before it), numbered and hashed by the server at commit
///   (`audit_pending`, `biosched_audit_seal`);
/// - idempotent requests (the request id is the primary key);
/// - account ids and staff logins in `Identifier`'s shapes (CHECKs).
public enum PostgresSchema {
    /// The advisory lock key of migrations ("BIOS" as in the SQLite store's application id).
    static let migrationLock: Int64 = 0x4249_4F53
    /// The advisory lock key that orders audit appends (the hash chain).
    static let auditLock: Int64 = 0x4249_4F54

    static let holding = "('scheduled','attended','missed')"

    /// Every migration in order: a version name and its SQL (no parameters, constant text).
    static let migrations: [(version: String, sql: String)] = [
        ("pg1", v1), ("pg2-enrollment-throttle", v2), ("pg3-definer-and-search-path", v3),
        ("pg4-enrollment-door", v4), ("pg5-waitlist", v5),
        ("pg6-closure-reason", v6), ("pg7-offer-copy", v7)
    ]

    /// A copy of a whole store may bring answered offers with it (issue 23): `biosched store copy`
    /// (SET LOCAL biosched.store_copy inside its one transaction) and a training sandbox's reset
    /// (its SET LOCAL biosched.training_reset, on a training store only) insert offers in the state
    /// they were left in. Every other insert still starts open; the CHECKs hold for every row.
    static let v7 = """
        CREATE FUNCTION biosched_copying_rows() RETURNS boolean LANGUAGE sql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
          SELECT coalesce(current_setting('biosched.store_copy', true), '') = 'on' OR biosched_training_reset()
        $$;
        CREATE OR REPLACE FUNCTION biosched_offer_rules() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'offers are never deleted'; END IF;
          IF TG_OP = 'INSERT' THEN
            IF NEW.state <> 'open' AND NOT biosched_copying_rows() THEN RAISE EXCEPTION 'an offer starts open'; END IF;
            RETURN NEW;
          END IF;
          IF OLD.state <> 'open' AND NOT (OLD.state = 'accepted' AND NEW.state = 'accepted' AND OLD.appointment_id IS NULL
              AND NEW.appointment_id IS NOT NULL
              AND (NEW.center, NEW.start, NEW.waitlist_id, NEW.deadline, NEW.resolved_at) = (OLD.center, OLD.start, OLD.waitlist_id, OLD.deadline, OLD.resolved_at)) THEN
            RAISE EXCEPTION 'an answered offer never changes';
          END IF;
          IF OLD.state = 'open' AND NEW.state NOT IN ('open', 'accepted') THEN
            INSERT INTO freed_stations(center, start, freed_at_ms) VALUES (OLD.center, OLD.start, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
          END IF;
          RETURN NEW;
        END $$;
        """

    /// A closure keeps the reason it was given (SQLite's `v12-closure-reason`).
    static let v6 = """
        ALTER TABLE center_closures ADD COLUMN reason TEXT NOT NULL DEFAULT '';
        """

    /// Where callers enroll their SSH key (SQLite's `v10-enrollment-door`): the rows exist from
    /// here on, so `biosched settings set` changes them with an UPDATE, which the application role
    /// may do (it may not add settings: deploy/postgresql/grants.sql). Unset is ''.
    static let v4 = """
        INSERT INTO settings(key, value) VALUES ('enroll_host', ''), ('enroll_user', '') ON CONFLICT (key) DO NOTHING;
        """

    /// The waiting list for earlier slots and its offers (issue 23; SQLite's `v11-waitlist`). An open
    /// offer holds a station: the shared code (`WaitlistSQL`) moves `slots.booked` under the slot row
    /// lock with the guarded UPDATE, and the counter check at commit now counts open offers with the
    /// bookings. A station given back is written to `freed_stations` by triggers in the freeing
    /// transaction. The outbox gains the kind `offer` and its `offer_id`.
    static let v5 = """
        \(SharedTables.waitlist(.postgresql))

        CREATE FUNCTION biosched_offer_rules() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'offers are never deleted'; END IF;
          IF TG_OP = 'INSERT' THEN
            IF NEW.state <> 'open' THEN RAISE EXCEPTION 'an offer starts open'; END IF;
            RETURN NEW;
          END IF;
          IF OLD.state <> 'open' AND NOT (OLD.state = 'accepted' AND NEW.state = 'accepted' AND OLD.appointment_id IS NULL
              AND NEW.appointment_id IS NOT NULL
              AND (NEW.center, NEW.start, NEW.waitlist_id, NEW.deadline, NEW.resolved_at) = (OLD.center, OLD.start, OLD.waitlist_id, OLD.deadline, OLD.resolved_at)) THEN
            RAISE EXCEPTION 'an answered offer never changes';
          END IF;
          IF OLD.state = 'open' AND NEW.state NOT IN ('open', 'accepted') THEN
            INSERT INTO freed_stations(center, start, freed_at_ms) VALUES (OLD.center, OLD.start, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER offer_rules BEFORE INSERT OR UPDATE OR DELETE ON offers FOR EACH ROW EXECUTE FUNCTION biosched_offer_rules();

        CREATE FUNCTION biosched_appointment_frees() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
          IF OLD.status IN \(holding) AND (NEW.status NOT IN \(holding) OR NEW.center <> OLD.center OR NEW.start <> OLD.start) THEN
            INSERT INTO freed_stations(center, start, freed_at_ms) VALUES (OLD.center, OLD.start, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER appointment_frees_station AFTER UPDATE OF status, center, start ON appointments
          FOR EACH ROW EXECUTE FUNCTION biosched_appointment_frees();

        -- The counter is the bookings and the open offers (holds) of the slot, checked at commit.
        CREATE OR REPLACE FUNCTION biosched_check_slot(c TEXT, s BIGINT) RETURNS void LANGUAGE plpgsql
          SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE b BIGINT; n BIGINT;
        BEGIN
          SELECT booked INTO b FROM slots WHERE center = c AND start = s;
          SELECT (SELECT count(*) FROM appointments WHERE center = c AND start = s AND status IN \(holding))
               + (SELECT count(*) FROM offers WHERE center = c AND start = s AND state = 'open') INTO n;
          IF coalesce(b, 0) <> n THEN
            RAISE EXCEPTION 'slots.booked must equal the bookings and holds in the slot (% at %: % booked, % counted)', c, s, coalesce(b, 0), n
              USING ERRCODE = 'check_violation', CONSTRAINT = 'slot_counter_is_exact';
          END IF;
        END $$;
        CREATE FUNCTION biosched_offer_counted() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN PERFORM biosched_check_slot(NEW.center, NEW.start); RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER offer_counted AFTER INSERT OR UPDATE OF state ON offers
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION biosched_offer_counted();

        ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
        ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('legacy','booked','escalated','denied','reminder','offer'));
        ALTER TABLE outbox ADD COLUMN offer_id BIGINT REFERENCES offers(id);
        ALTER TABLE outbox ADD CONSTRAINT outbox_offer CHECK ((kind = 'offer') = (offer_id IS NOT NULL));
        """

    /// What the application role may do is the owner's to say (deploy/postgresql/grants.sql); the
    /// schema makes it possible: audit rows go in through one function that checks them and runs as
    /// the owner, the seal at commit runs as the owner, the training flag is fixed once the store
    /// exists, and every function runs with a fixed search_path (pg_temp last), so no table of
    /// another schema or a temporary one can stand in for one of biosched's.
    static let v3 = """
        CREATE FUNCTION biosched_audit_append(p_at BIGINT, p_actor_role TEXT, p_actor TEXT, p_action TEXT, p_receipt TEXT, p_request_id TEXT,
                                              p_detail TEXT, p_os_user TEXT, p_client TEXT, p_key_fingerprint TEXT)
          RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          IF p_actor_role !~ '^[a-z][a-z-]{0,31}$' OR p_action !~ '^[a-z][a-z0-9-]{0,47}$' OR p_at < 0
             OR length(p_actor) NOT BETWEEN 1 AND 256 OR length(coalesce(p_receipt, '')) > 64 OR length(coalesce(p_request_id, '')) > 128
             OR length(p_detail) > 8192 OR length(p_os_user) > 256 OR length(p_client) > 256 OR length(p_key_fingerprint) > 128 THEN
            RAISE EXCEPTION 'an audit row must name its actor, role and action in biosched''s own words';
          END IF;
          INSERT INTO audit_pending(at, actor_role, actor, action, receipt, request_id, detail, os_user, client, key_fingerprint)
            VALUES (p_at, p_actor_role, p_actor, p_action, p_receipt, p_request_id, p_detail, p_os_user, p_client, p_key_fingerprint);
        END $$;
        ALTER FUNCTION biosched_audit_seal() SECURITY DEFINER;

        CREATE FUNCTION biosched_settings_training_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'whether a store is a training store is fixed when it is made';
        END $$;
        CREATE TRIGGER settings_training_fixed BEFORE UPDATE OR DELETE ON settings FOR EACH ROW
          WHEN (OLD.key = 'training') EXECUTE FUNCTION biosched_settings_training_fixed();

        DO $do$
        DECLARE f regprocedure;
        BEGIN
          FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'public' AND p.proname LIKE 'biosched\\_%' LOOP
            EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
          END LOOP;
        END $do$;
        """

    /// Wrong enrollment codes counted per scope, one row each, updated in place (`EnrollmentThrottle`;
    /// SQLite's `v9-enrollment-throttle`). Transient: `store copy` and a sandbox's first state leave it out.
    static let v2 = """
        CREATE TABLE enrollment_throttle (
          scope TEXT PRIMARY KEY CHECK (length(scope) BETWEEN 1 AND 160),
          wrong BIGINT NOT NULL CHECK (wrong >= 0),
          window_start BIGINT NOT NULL,
          paused_until BIGINT,
          pauses BIGINT NOT NULL CHECK (pauses >= 0)
        );
        """

    static let v1 = """
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );

        -- A training sandbox's reset (biosched demo, Ctrl-T R) empties every table in one TRUNCATE and
        -- puts its first state back, in one transaction that says so with SET LOCAL; on a production
        -- store the outbox and the audit log can never be emptied.
        CREATE FUNCTION biosched_training_reset() RETURNS boolean LANGUAGE sql VOLATILE AS $$
          SELECT coalesce(current_setting('biosched.training_reset', true), '') = 'on'
             AND EXISTS (SELECT 1 FROM settings WHERE key = 'training' AND value = '1')
        $$;

        \(SharedTables.centers(.postgresql))

        CREATE TABLE accounts (
          id TEXT PRIMARY KEY CONSTRAINT account_id_pattern CHECK (\(SQLDialect.postgresql.isAccountID("id"))),
          role TEXT NOT NULL CHECK (role IN ('applicant','representative')),
          name TEXT NOT NULL,
          email TEXT,
          phone TEXT,
          -- What a contact-center agent finds a caller by (as SQLite's v6-caller-search).
          a_number TEXT CHECK (a_number IS NULL OR a_number ~ '^A[0-9]{9}$'),
          date_of_birth TEXT CHECK (date_of_birth IS NULL OR date_of_birth ~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$'),
          phone_digits TEXT CHECK (phone_digits IS NULL OR phone_digits ~ '^[0-9]{10}$'),
          -- The account's preferred language (as SQLite's v8-account-language).
          language TEXT CHECK (language IS NULL OR language ~ '^[a-z]{2}$')
        );
        CREATE INDEX accounts_by_a_number ON accounts(a_number) WHERE a_number IS NOT NULL;
        CREATE INDEX accounts_by_phone ON accounts(phone_digits) WHERE phone_digits IS NOT NULL;
        CREATE INDEX accounts_by_email ON accounts(lower(email)) WHERE email IS NOT NULL;

        \(SharedTables.casesAndAppointments(.postgresql, login: "\"user\" TEXT PRIMARY KEY CONSTRAINT staff_login_pattern CHECK (\(SQLDialect.postgresql.isLogin("\"user\"")))"))
        CREATE INDEX appointments_by_chain ON appointments(chain_root) WHERE chain_root IS NOT NULL;

        -- At commit, every slot whose bookings or counter changed must count exactly its bookings.
        CREATE FUNCTION biosched_check_slot(c TEXT, s BIGINT) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE b BIGINT; n BIGINT;
        BEGIN
          SELECT booked INTO b FROM slots WHERE center = c AND start = s;
          SELECT count(*) INTO n FROM appointments WHERE center = c AND start = s AND status IN \(holding);
          IF coalesce(b, 0) <> n THEN
            RAISE EXCEPTION 'slots.booked must equal the bookings in the slot (% at %: % booked, % counted)', c, s, coalesce(b, 0), n
              USING ERRCODE = 'check_violation', CONSTRAINT = 'slot_counter_is_exact';
          END IF;
        END $$;
        CREATE FUNCTION biosched_appointment_counted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM biosched_check_slot(OLD.center, OLD.start); END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM biosched_check_slot(NEW.center, NEW.start); END IF;
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER appointment_counted AFTER INSERT OR UPDATE OF status, center, start OR DELETE ON appointments
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION biosched_appointment_counted();
        CREATE FUNCTION biosched_slot_counted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM biosched_check_slot(NEW.center, NEW.start); RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER slot_counted AFTER INSERT OR UPDATE ON slots
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION biosched_slot_counted();

        -- A slot's capacity is its center's stations.
        CREATE FUNCTION biosched_slot_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.capacity IS DISTINCT FROM (SELECT stations FROM centers WHERE code = NEW.center) THEN
            RAISE EXCEPTION 'slots.capacity must equal the center''s stations';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER slot_capacity_follows_center BEFORE INSERT OR UPDATE OF capacity ON slots
          FOR EACH ROW EXECUTE FUNCTION biosched_slot_capacity();
        CREATE FUNCTION biosched_center_stations() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE slots SET capacity = NEW.stations WHERE center = NEW.code; RETURN NULL; END $$;
        CREATE TRIGGER center_stations_change AFTER UPDATE OF stations ON centers
          FOR EACH ROW EXECUTE FUNCTION biosched_center_stations();

        \(SharedTables.requestsAndNotices(.postgresql, decisions: "('booked','escalated','approved','denied','refused')"))

        -- Messages for a mailer; nothing is sent from here (R4).
        \(SharedTables.outbox(.postgresql, kinds: "('legacy','booked','escalated','denied','reminder')")),
          enrollment_code TEXT CHECK (enrollment_code IS NULL OR enrollment_code ~ '^[A-Z2-9-]{14}$'),
          CONSTRAINT outbox_lease CHECK ((claimed_by IS NULL) = (lease_until IS NULL)),
          CONSTRAINT outbox_claim_pending CHECK (NOT (status <> 'pending' AND claimed_by IS NOT NULL)),
          CONSTRAINT outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
          CONSTRAINT outbox_reason CHECK (NOT (status IN ('failed','skipped') AND coalesce(trim(last_error), '') = '')),
          CONSTRAINT outbox_appointment CHECK (NOT (kind IN ('booked','reminder') AND appointment_id IS NULL)),
          CONSTRAINT outbox_request CHECK (NOT (kind IN ('escalated','denied') AND request_id IS NULL)),
          CONSTRAINT outbox_reminder CHECK ((kind = 'reminder') = (reminder_days IS NOT NULL)),
          CONSTRAINT outbox_legacy CHECK (NOT (kind = 'legacy' AND body = ''))
        );
        CREATE UNIQUE INDEX outbox_once ON outbox(dedupe_key) WHERE dedupe_key IS NOT NULL;
        CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE status = 'pending';
        CREATE INDEX outbox_by_status ON outbox(status, id);
        CREATE FUNCTION biosched_outbox_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'sent' AND NEW.status <> 'sent' THEN RAISE EXCEPTION 'a sent outbox message stays sent'; END IF;
          IF (NEW.receipt, NEW.kind, NEW.channel, NEW.recipient, NEW.recipient_role, NEW.account, NEW.subject, NEW.body, NEW.appointment_id,
              NEW.previous_appointment_id, NEW.request_id, NEW.reminder_days, NEW.dedupe_key, NEW.created_at)
             IS DISTINCT FROM (OLD.receipt, OLD.kind, OLD.channel, OLD.recipient, OLD.recipient_role, OLD.account, OLD.subject, OLD.body,
              OLD.appointment_id, OLD.previous_appointment_id, OLD.request_id, OLD.reminder_days, OLD.dedupe_key, OLD.created_at) THEN
            RAISE EXCEPTION 'an outbox message''s content never changes: its Message-ID stands for it';
          END IF;
          IF NEW.attempts < OLD.attempts AND NOT (OLD.status = 'failed' AND NEW.status = 'pending' AND NEW.attempts = 0) THEN
            RAISE EXCEPTION 'outbox attempts only go up (a retry of a failed message starts again at 0)';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER outbox_rules BEFORE UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION biosched_outbox_update();
        CREATE FUNCTION biosched_outbox_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'TRUNCATE' AND biosched_training_reset() THEN RETURN NULL; END IF;
          RAISE EXCEPTION 'outbox messages are never deleted';
        END $$;
        CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox FOR EACH ROW EXECUTE FUNCTION biosched_outbox_no_delete();
        CREATE TRIGGER outbox_no_truncate BEFORE TRUNCATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION biosched_outbox_no_delete();

        \(SharedTables.audit(.postgresql))
        CREATE FUNCTION biosched_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'TRUNCATE' AND biosched_training_reset() THEN RETURN NULL; END IF;
          RAISE EXCEPTION 'the audit log is append-only';
        END $$;
        CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION biosched_audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION biosched_audit_append_only();
        CREATE FUNCTION biosched_audit_chained() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE last_id BIGINT; last_hash TEXT;
        BEGIN
          SELECT id, hash INTO last_id, last_hash FROM audit ORDER BY id DESC LIMIT 1;
          IF length(NEW.hash) <> 64 OR length(NEW.prev_hash) <> 64 OR NEW.prev_hash <> coalesce(last_hash, '\(String(repeating: "0", count: 64))')
             OR NEW.id <> coalesce(last_id, 0) + 1 THEN
            RAISE EXCEPTION 'an audit row must carry its hash, chained to the previous row';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER audit_row_is_chained BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION biosched_audit_chained();

        -- A transaction's audit rows are written at its commit: it adds them to audit_pending, and a
        -- deferred trigger takes the chain's lock, numbers and hashes them in order (SHA-256 over the
        -- previous hash and each field, length-prefixed, as AuditChain.hash computes it) and moves
        -- them into audit. The lock is held from there to the end of the commit only, so no client
        -- round trip ever happens while a transaction holds the head of the chain. (A logged table: an
        -- UNLOGGED one's identity sequence was unusable on a promoted replica in the failover drill.)
        CREATE TABLE audit_pending (
          seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          at BIGINT NOT NULL,
          actor_role TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          receipt TEXT,
          request_id TEXT,
          detail TEXT NOT NULL DEFAULT '',
          os_user TEXT NOT NULL DEFAULT '',
          client TEXT NOT NULL DEFAULT '',
          key_fingerprint TEXT NOT NULL DEFAULT ''
        );
        CREATE FUNCTION biosched_audit_field(x TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
          SELECT octet_length(x)::text || ':' || x
        $$;
        CREATE FUNCTION biosched_audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE last_id BIGINT; last_hash TEXT; h TEXT;
        BEGIN
          PERFORM pg_advisory_xact_lock(\(auditLock));
          SELECT id, hash INTO last_id, last_hash FROM audit ORDER BY id DESC LIMIT 1;
          last_id := coalesce(last_id, 0) + 1;
          last_hash := coalesce(last_hash, '\(String(repeating: "0", count: 64))');
          h := encode(sha256(convert_to(last_hash || biosched_audit_field(last_id::text) || biosched_audit_field(NEW.at::text)
                 || biosched_audit_field(NEW.actor_role) || biosched_audit_field(NEW.actor) || biosched_audit_field(NEW.action)
                 || biosched_audit_field(coalesce(NEW.receipt, '')) || biosched_audit_field(coalesce(NEW.request_id, ''))
                 || biosched_audit_field(NEW.detail) || biosched_audit_field(NEW.os_user) || biosched_audit_field(NEW.client)
                 || biosched_audit_field(NEW.key_fingerprint), 'UTF8')), 'hex');
          INSERT INTO audit(id, at, actor_role, actor, action, receipt, request_id, detail, os_user, client, key_fingerprint, prev_hash, hash)
            VALUES (last_id, NEW.at, NEW.actor_role, NEW.actor, NEW.action, NEW.receipt, NEW.request_id, NEW.detail, NEW.os_user, NEW.client,
                    NEW.key_fingerprint, last_hash, h);
          DELETE FROM audit_pending WHERE seq = NEW.seq;
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER audit_sealed_at_commit AFTER INSERT ON audit_pending
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION biosched_audit_seal();

        \(SharedTables.keys(.postgresql))
        """

    /// The tables of a store in an order that satisfies their foreign keys (for `store copy`).
    /// `freed_stations` (the offer pass's work queue) is transient, as `enrollment_throttle`: left out.
    static let tables = [
        "settings", "centers", "center_hours", "center_closures", "accounts", "staff", "cases", "representations",
        "appointments", "slots", "requests", "notices",
        "waitlist", "waitlist_centers", "offers", "outbox", "audit", "ssh_keys", "enrollment_codes", "enrollment_attempts"
    ]
}

extension PostgresSchema {
    /// A short fingerprint of the migrations (FNV-1a over their SQL): names the benchmark's cached
    /// database, so a changed schema is never benchmarked on an old copy.
    public static var fingerprint: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for m in migrations { for b in (m.version + m.sql).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        return String(h, radix: 16)
    }
}
#endif
