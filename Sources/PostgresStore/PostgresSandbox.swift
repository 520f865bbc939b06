// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Foundation
import Scheduling
import SchedulingStore

/// A training sandbox on PostgreSQL (`biosched demo --db postgresql://...`): the first state is a
/// copy of every table in a schema of its own in the same database, made by the server in one
/// transaction (`CREATE TABLE ... AS SELECT`), so several hosts' trainers each keep their own; a
/// reset empties the store's tables in one TRUNCATE (allowed on a training store only, inside the
/// reset's transaction: `biosched_training_reset()`) and copies the first state back, the
/// counters, the audit chain and every other invariant checked as the rows arrive.
///
/// While its session lives, a connection of its own holds a session advisory lock named after the
/// schema. A session that ended without dropping its schema (killed, its host gone) holds nothing,
/// and the next session to keep a first state drops that schema; a live session's is left alone.
extension PostgresBookingStore: TrainingSandbox {
    /// Schemas that hold a sandbox's first state start so; the rest of the name is random hex.
    static let firstStatePrefix = "biosched_first_state_"
    /// The first key of a first state's advisory lock ("BSDS"); the second is from its name.
    /// Two-key advisory locks are a key space apart from the one-key locks of migrations and audit.
    static let firstStateLockClass: Int32 = 0x4253_4453

    public func createdAt() throws(StoreError) -> Date? {
        let s = try read { db in try Records.settings(db) }
        return s["created_at"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
    }

    public func keepFirstState(in folder: URL) throws(StoreError) -> SandboxFirstState {
        let schema = Self.firstStatePrefix + String(format: "%08x%08x", UInt32(truncatingIfNeeded: getpid()), UInt32.random(in: 0...UInt32.max))
        // Held before the schema exists, so no other session ever sees it unheld.
        try hold(schema, classID: Self.firstStateLockClass, objectID: Self.lockKey(schema))
        do {
            try write { db in
                guard try Records.settings(db)["training"] == "1" else {
                    throw StoreError.invalid(Localized { $0.onlySandboxKeepsFirstState(self.location) })
                }
                try Self.dropAbandonedFirstStates(db, except: schema)
                // No write of another session lands between two tables' copies.
                try db.script("LOCK TABLE \(PostgresSchema.tables.joined(separator: ", ")) IN SHARE MODE")
                try db.script("CREATE SCHEMA \(schema)")
                for t in PostgresSchema.tables {
                    try db.script("CREATE TABLE \(schema).\(t) AS SELECT * FROM public.\(t)")
                }
            }
        } catch {
            release(schema)
            throw error
        }
        return SandboxFirstState(name: schema)
    }

    /// Drops the first states whose sessions are gone: their advisory lock is free. Names not as
    /// this store makes them are left alone (they go into SQL as identifiers).
    static func dropAbandonedFirstStates(_ db: PGDB, except mine: String) throws {
        let names = try db.fetchValues(
            String.self, sql: "SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname::text, ?)",
            arguments: [firstStatePrefix])
        for name in names where name != mine {
            guard let schema = try? checkedFirstState(SandboxFirstState(name: name)) else { continue }
            let free = try db.fetchValue(
                Bool.self, sql: "SELECT pg_try_advisory_xact_lock(?::int4, ?::int4)",
                arguments: [Int(firstStateLockClass), Int(lockKey(schema))])
            if free == true { try db.script("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        }
    }

    /// The second key of a first state's lock: the random half of its name.
    static func lockKey(_ schema: String) -> Int32 {
        Int32(bitPattern: UInt32(schema.suffix(8), radix: 16) ?? 0)
    }

    public func reset(to first: SandboxFirstState) throws(StoreError) {
        let schema = try Self.checkedFirstState(first)
        let tables = PostgresSchema.tables
        // Held again first if its connection was lost, so no other session takes it for abandoned.
        try keepHolding(schema, classID: Self.firstStateLockClass, objectID: Self.lockKey(schema))
        try write { db in
            guard try Records.settings(db)["training"] == "1" else {
                throw StoreError.invalid(Localized { $0.onlySandboxReset(self.location) })
            }
            guard try db.fetchValue(String.self, sql: "SELECT nspname::text FROM pg_namespace WHERE nspname = ?", arguments: [schema]) != nil else {
                throw StoreError.invalid(Localized { $0.sandboxFirstStateGone(schema, self.location) })
            }
            try db.script("SET LOCAL biosched.training_reset = 'on'")
            try db.script("TRUNCATE \(tables.map { "public.\($0)" }.joined(separator: ", "))")
            for t in tables {
                try db.script("INSERT INTO public.\(t) SELECT * FROM \(schema).\(t) ORDER BY \(StoreCopy.orderColumn(t))")
            }
            for t in StoreCopy.identityTables {
                try db.run(sql: "SELECT setval(pg_get_serial_sequence('public.\(t)', 'id'), coalesce((SELECT max(id) FROM public.\(t)), 0) + 1, false)")
            }
        }
    }

    public func discard(_ first: SandboxFirstState) {
        guard let schema = try? Self.checkedFirstState(first) else { return }
        _ = try? write { db in try db.script("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        release(schema)
    }

    /// A first state's schema name, as this store makes them (it goes into SQL as an identifier).
    static func checkedFirstState(_ first: SandboxFirstState) throws(StoreError) -> String {
        let suffix = first.name.dropFirst(firstStatePrefix.count)
        guard first.name.hasPrefix(firstStatePrefix), suffix.count == 16, suffix.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw .invalid(Localized { $0.notAFirstState(first.name) })
        }
        return first.name
    }

    /// Whether the database holds a training store (true), a production store (false) or no
    /// biosched store (nil), read from its settings without opening it as a store (nothing is
    /// migrated): how `biosched demo` looks at what $BIOSCHED_DB names.
    public static func holdsTrainingStore(_ location: PostgresLocation) throws(StoreError) -> Bool? {
        try probe(location) { db in
            guard try db.fetchValue(String.self, sql: "SELECT to_regclass('public.biosched_migrations')::text") != nil,
                try db.fetchValue(String.self, sql: "SELECT to_regclass('public.settings')::text") != nil
            else { return nil }
            return try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'training'") == "1"
        }
    }

    /// Whether the database holds nothing yet (as `createdb` makes it): where `biosched demo` may
    /// make a training store with demo data. A database holding a biosched store, or anything else, is not.
    public static func isEmptyDatabase(_ location: PostgresLocation) throws(StoreError) -> Bool {
        try probe(location) { db in
            try db.fetchValue(String.self, sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' LIMIT 1") == nil
        }
    }

    /// One read on a connection of its own, without opening the database as a store (no schema
    /// check, nothing migrated): for looking at what a database holds before choosing what to do.
    static func probe<T>(_ location: PostgresLocation, _ body: (PGDB) throws -> T) throws(StoreError) -> T {
        let store = PostgresBookingStore(location: location, origin: AuditOrigin())
        defer { store.close() }
        return try store.read(body)
    }
}
#endif
