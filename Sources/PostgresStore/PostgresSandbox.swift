import Foundation
import Scheduling
import SchedulingStore

/// A training sandbox on PostgreSQL (`biosched demo --db postgresql://...`): the first state is a
/// copy of every table in a schema of its own in the same database, made by the server in one
/// transaction (`CREATE TABLE ... AS SELECT`), so several hosts' trainers each keep their own; a
/// reset empties the store's tables in one TRUNCATE (allowed on a training store only, inside the
/// reset's transaction: `biosched_training_reset()`) and copies the first state back, the
/// counters, the audit chain and every other invariant checked as the rows arrive.
extension PostgresBookingStore: TrainingSandbox {
    /// Schemas that hold a sandbox's first state start so; the rest of the name is random hex.
    static let firstStatePrefix = "biosched_first_state_"

    public func createdAt() throws(StoreError) -> Date? {
        let s = try read { db in try PGRecords.settings(db) }
        return s["created_at"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
    }

    public func keepFirstState(in folder: URL) throws(StoreError) -> SandboxFirstState {
        let schema = Self.firstStatePrefix + String(format: "%08x%08x", UInt32(truncatingIfNeeded: getpid()), UInt32.random(in: 0...UInt32.max))
        try write { db in
            guard try PGRecords.settings(db)["training"] == "1" else {
                throw StoreError.invalid(Localized { $0.onlySandboxKeepsFirstState(self.location) })
            }
            // No write of another session lands between two tables' copies.
            try db.script("LOCK TABLE \(PostgresSchema.tables.joined(separator: ", ")) IN SHARE MODE")
            try db.script("CREATE SCHEMA \(schema)")
            for t in PostgresSchema.tables {
                try db.script("CREATE TABLE \(schema).\(t) AS SELECT * FROM public.\(t)")
            }
        }
        return SandboxFirstState(name: schema)
    }

    public func reset(to first: SandboxFirstState) throws(StoreError) {
        let schema = try Self.checkedFirstState(first)
        let tables = PostgresSchema.tables
        try write { db in
            guard try PGRecords.settings(db)["training"] == "1" else {
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
    }

    /// A first state's schema name, as this store makes them (it goes into SQL as an identifier).
    static func checkedFirstState(_ first: SandboxFirstState) throws(StoreError) -> String {
        let suffix = first.name.dropFirst(firstStatePrefix.count)
        guard first.name.hasPrefix(firstStatePrefix), suffix.count == 16, suffix.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw .invalid(Localized { $0.notAFirstState(first.name) })
        }
        return first.name
    }

    /// Whether the database holds nothing yet (as `createdb` makes it): where `biosched demo` may
    /// make a training store with demo data. A database holding a biosched store, or anything else, is not.
    public static func isEmptyDatabase(_ location: PostgresLocation,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> Bool {
        let password = try PasswordFile.password(for: location, environment: environment, home: NSHomeDirectory())
        let probe = PostgresBookingStore(location: location, password: password, origin: AuditOrigin())
        defer { probe.close() }
        return try probe.read { db in
            try db.fetchValue(String.self, sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' LIMIT 1") == nil
        }
    }
}
