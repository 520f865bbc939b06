// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import CLibPQLoader
import Foundation
import Scheduling
import SchedulingStore

/// The scheduling store on a PostgreSQL database, for several hosts on one store.
///
/// The store protocols are synchronous (`throws(StoreError)`), as libpq is: each call runs on the
/// calling thread over a connection of its own. A few connections are kept open and reused (one per
/// thread that needs one at the same moment); one the server ended is dropped and the next call
/// connects anew, to whichever host of a multi-host `--db` is the primary now.
/// Every write is one READ COMMITTED transaction with explicit row locks; a deadlock or a
/// serialization failure is retried a few times. A connection lost mid-transaction commits
/// nothing: the error says the store is unreachable (exit 4), and the next call connects anew.
public final class PostgresBookingStore: @unchecked Sendable {
    public let database: PostgresLocation
    public let origin: AuditOrigin
    private let lock = NSLock()
    private var idle: [PGDB] = []
    /// Connections that hold a session advisory lock for as long as this process lives (a
    /// sandbox's first state: `PostgresSandbox`), by the name of what they hold.
    private var holders: [String: PGDB] = [:]
    private var lastRoundTrips = 0
    /// Round trips to the server, `BEGIN` to `COMMIT`, of the last transaction this store committed.
    public var roundTripsOfLastTransaction: Int {
        lock.lock()
        defer { lock.unlock() }
        return lastRoundTrips
    }
    /// How long a write waits for a row lock held by another transaction (`StoreError.busy` after).
    public static let defaultLockTimeout: TimeInterval = 10
    static let maxAttempts = 5

    init(location: PostgresLocation, origin: AuditOrigin) {
        self.database = location
        self.origin = origin
    }

    /// Opens an existing store: the schema must be there (`biosched init --db ...` makes it); a
    /// store made by an older biosched is migrated (under the advisory lock).
    public static func open(_ location: PostgresLocation, origin: AuditOrigin = AuditOrigin()) throws(StoreError) -> PostgresBookingStore {
        let store = PostgresBookingStore(location: location, origin: origin)
        try store.checkSchema()
        return store
    }

    /// Makes a new store in an empty database (as made by `createdb`): the migrations, the
    /// settings, the first officer and the first audit row, in one transaction under the advisory
    /// lock. A database that already holds a biosched schema, or any other table, is refused.
    /// `contents` (the demo data) is imported in the same transaction, so a failed import leaves
    /// the database as empty as it was.
    public static func create(
        _ location: PostgresLocation, training: Bool, createdBy: String, now: Date, window: SlotWindow = .standard,
        origin: AuditOrigin = AuditOrigin(), contents: ImportDocument? = nil,
        settings: [StoreSetting: String] = [:]
    ) throws(StoreError) -> PostgresBookingStore {
        let checked = try StoreSetting.checked(settings)
        let store = PostgresBookingStore(location: location, origin: origin)
        try store.write { db in
            try db.run(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [PostgresSchema.migrationLock])
            if try db.fetchValue(String.self, sql: "SELECT to_regclass('public.biosched_migrations')::text") != nil {
                throw StoreError.invalid(Localized { $0.pgAlreadyHoldsStoreInit(location.display) })
            }
            let others = try db.fetchValues(String.self, sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1 LIMIT 5")
            if !others.isEmpty {
                throw StoreError.invalid(Localized { [tables = others.joined(separator: ", ")] in $0.pgNotEmptyInit(location.display, tables) })
            }
            try db.script("CREATE TABLE biosched_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
            try applyMigrations(db, now: now)
            for (k, v) in [
                ("training", training ? "1" : "0"), ("created_by", createdBy), ("created_at", String(Int(now.timeIntervalSince1970))),
                ("lead_hours", String(window.leadHours)), ("horizon_days", String(window.horizonDays)), ("reminder_days", "7,1")
            ] {
                try db.run(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            try db.run(sql: "INSERT INTO settings(key, value) VALUES ('store_id', substr(md5(random()::text || clock_timestamp()::text), 1, 16))")
            try db.run(
                sql: "INSERT INTO staff(\"user\", role, added_at, added_by) VALUES (?, 'officer', ?, ?)",
                arguments: [createdBy, Int64(now.timeIntervalSince1970), createdBy])
            try Audit.append(
                db, origin: origin, at: now, actor: Actor(role: .officer, id: createdBy), action: .storeCreated,
                detail: training ? "training store" : "production store")
            for (k, v) in checked {
                _ = try SettingsSQL.change(db, k, to: v, by: Actor(role: .officer, id: createdBy), now: now, origin: origin)
            }
            if let contents {
                _ = try PostgresImporter.load(db, contents, actor: Actor(role: .officer, id: createdBy), now: now, origin: origin)
            }
        }
        return store
    }

    /// Applies the migrations not yet recorded (the caller holds the advisory lock in this transaction).
    static func applyMigrations(_ db: PGDB, now: Date) throws {
        // The audit chain is hashed by the server over the UTF-8 bytes of each field, as biosched hashes it.
        let encoding = try db.fetchValue(String.self, sql: "SELECT current_setting('server_encoding')") ?? ""
        guard encoding == "UTF8" else {
            throw StoreError.invalid(Localized { $0.databaseNotUTF8(encoding) })
        }
        let done = Set(try db.fetchValues(String.self, sql: "SELECT version FROM biosched_migrations"))
        for m in PostgresSchema.migrations where !done.contains(m.version) {
            try db.script(m.sql)
            try db.run(sql: "INSERT INTO biosched_migrations(version, applied_at) VALUES (?, ?)", arguments: [m.version, Int64(now.timeIntervalSince1970)])
        }
    }

    func checkSchema() throws(StoreError) {
        let (present, done): (Bool, Set<String>) = try read { db in
            guard try db.fetchValue(String.self, sql: "SELECT to_regclass('public.biosched_migrations')::text") != nil else { return (false, []) }
            return (true, Set(try db.fetchValues(String.self, sql: "SELECT version FROM biosched_migrations")))
        }
        guard present else {
            throw .unusableStore(Localized { [database] in $0.pgHoldsNoStore(database.display) })
        }
        let known = Set(PostgresSchema.migrations.map(\.version))
        if !done.isSubset(of: known) {
            throw .unusableStore(
                Localized { [display = database.display, versions = done.subtracting(known).sorted().joined(separator: ", ")] in
                    $0.pgNewerSchema(display, versions)
                })
        }
        if done != known {
            try write { db in
                try db.run(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [PostgresSchema.migrationLock])
                try Self.applyMigrations(db, now: Date())
            }
        }
    }

    // MARK: Connections

    func connect() throws -> PGDB {
        let params = database.connectionParameters
        let keys = params.map { strdup($0.0) }, values = params.map { strdup($0.1) }
        defer {
            for key in keys { free(key) }
            for value in values { free(value) }
        }
        let raw: OpaquePointer? = (keys + [nil]).map { UnsafePointer($0) }.withUnsafeBufferPointer { k in
            (values + [nil]).map { UnsafePointer($0) }.withUnsafeBufferPointer { v in
                bpq_connectdbParams(k.baseAddress, v.baseAddress, 1)
            }
        }
        guard let raw else { throw PGError(sqlState: nil, message: "out of memory", constraint: nil, connectionLost: true) }
        let db = PGDB(conn: raw)
        guard bpq_status(raw) == CONNECTION_OK else {
            let message = PGDB.trimmed(String(cString: bpq_errorMessage(raw)))
            // A login refused says so with its SQLSTATE in the text only; keep the server's words.
            throw PGError(
                sqlState: Self.loginState(message), message: message, constraint: nil,
                connectionLost: Self.loginState(message) == nil, tlsRequired: database.requiresTLSUpgrade)
        }
        // Defence in depth: TLS is up to any host that is not this machine (libpq was told `require`).
        if !database.clearTextAllowed && !database.isLocal && !db.usesTLS {
            throw PGError(sqlState: nil, message: "the server did not use TLS", constraint: nil, connectionLost: true, tlsRequired: true)
        }
        try db.script("SET lock_timeout = '\(Int(Self.defaultLockTimeout * 1000))ms'")
        return db
    }

    /// libpq reports a refused login in its message text; the class of the refusal, for `map`.
    static func loginState(_ message: String) -> String? {
        if message.contains("password authentication failed") || message.contains("no password supplied") { return "28P01" }
        if message.contains("no pg_hba.conf entry") || message.contains("Peer authentication failed") { return "28000" }
        if message.contains("does not exist") && message.contains("database \"") { return "3D000" }
        if message.contains("does not exist") && message.contains("role \"") { return "28000" }
        return nil
    }

    /// A pooled connection that is still open (the server may have ended some while they sat
    /// idle: a restart, a terminated backend, an idle timeout), else a new one.
    private func take() throws -> PGDB {
        while true {
            lock.lock()
            guard let db = idle.popLast() else {
                lock.unlock()
                break
            }
            lock.unlock()
            if db.isOpen { return db }
            discard(db)
        }
        return try connect()
    }

    private func giveBack(_ db: PGDB) {
        lock.lock()
        idle.append(db)
        lock.unlock()
    }

    /// Closes a connection (libpq's `PQfinish`, when the last reference goes).
    private func discard(_ db: PGDB) { _ = db }

    deinit { close() }

    /// Closes the connections, those that hold a lock included (the server then releases it).
    public func close() {
        lock.lock()
        let all = idle + holders.values
        idle = []
        holders = [:]
        lock.unlock()
        for db in all { discard(db) }
    }

    /// Opens a connection of its own that takes the session advisory lock (`classID`, `objectID`)
    /// and keeps it until `release(name)` or `close()`; the server releases it when the process
    /// dies, which is how another session tells a live holder from one that is gone.
    func hold(_ name: String, classID: Int32, objectID: Int32) throws(StoreError) {
        do {
            let db = try connect()
            do { try db.run(sql: "SELECT pg_advisory_lock(?::int4, ?::int4)", arguments: [Int(classID), Int(objectID)]) } catch {
                discard(db)
                throw error
            }
            lock.lock()
            let old = holders.updateValue(db, forKey: name)
            lock.unlock()
            if let old { discard(old) }
        } catch { throw Self.map(error, location: database) }
    }

    /// Takes the lock again when the connection that held it is gone (a server restart, a
    /// network blip, a terminated backend): one round trip to find out.
    func keepHolding(_ name: String, classID: Int32, objectID: Int32) throws(StoreError) {
        lock.lock()
        let db = holders[name]
        lock.unlock()
        if let db, (try? db.run(sql: "SELECT 1")) != nil { return }
        try hold(name, classID: classID, objectID: objectID)
    }

    /// Ends what `hold` took.
    func release(_ name: String) {
        lock.lock()
        let db = holders.removeValue(forKey: name)
        lock.unlock()
        if let db { discard(db) }
    }

    /// Runs `body` in one transaction begun with `begin`; committed when it returns, rolled back
    /// when it throws. Retried on a deadlock, a serialization failure or a duplicate request id
    /// raced in by another host; a lost connection is dropped and reported.
    func transaction<T>(_ begin: String, lockTimeout: TimeInterval? = nil, _ body: (PGDB) throws -> T) throws(StoreError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            let db: PGDB
            do { db = try take() } catch { throw Self.map(error, location: database) }
            let trips = db.roundTrips
            do {
                // BEGIN (and the lock timeout) go with the transaction's first statement.
                db.begin(begin, then: lockTimeout.map { ["SET LOCAL lock_timeout = '\(max(1, Int($0 * 1000)))ms'"] } ?? [])
                let result: T
                do {
                    result = try body(db)
                    try db.commit()
                } catch {
                    if !Self.isConnectionLost(error) { try db.rollback() }
                    throw error
                }
                lock.lock()
                lastRoundTrips = db.roundTrips - trips
                lock.unlock()
                giveBack(db)
                return result
            } catch {
                // A statement of ours the server forgot (or had already): nothing was changed;
                // once more on this connection without named statements.
                let forgotten = PGDB.isPreparedStatementGone(error) && db.preparesStatements
                if forgotten { db.stopPreparingStatements() }
                if Self.isConnectionLost(error) { discard(db) } else { giveBack(db) }
                // Lost in the first round trip, COMMIT not in it (a pooled connection that was
                // dead): nothing ran, so the transaction starts again on another one, at once.
                let begun = db.roundTrips > trips + 1 || db.commitSent
                if Self.isConnectionLost(error) && !begun && attempt < Self.maxAttempts { continue }
                if forgotten && attempt < Self.maxAttempts { continue }
                if Self.isRetryable(error) && attempt < Self.maxAttempts {
                    usleep(UInt32.random(in: 1_000...(10_000 * UInt32(attempt))))
                    continue
                }
                throw Self.map(error, location: database)
            }
        }
    }

    func write<T>(lockTimeout: TimeInterval? = nil, _ body: (PGDB) throws -> T) throws(StoreError) -> T {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", lockTimeout: lockTimeout, body)
    }

    /// A read sees one snapshot of the store, as a SQLite read transaction does.
    func read<T>(_ body: (PGDB) throws -> T) throws(StoreError) -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    // MARK: Errors

    static func sqlState(_ error: any Error) -> String? { (error as? PGError)?.sqlState }

    static func isConnectionLost(_ error: any Error) -> Bool { (error as? PGError)?.connectionLost ?? false }

    static func isRetryable(_ error: any Error) -> Bool {
        guard let p = error as? PGError, let s = p.sqlState else { return false }
        return s == "40001" || s == "40P01" || (s == "23505" && p.constraint == "requests_pkey")
    }

    /// A person's message for what PostgreSQL or the connection said; never a bare SQLSTATE.
    static func map(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? ImportError { return .invalid(Localized { $0.importRefused(e.description(in: $0.language)) }) }
        guard let p = error as? PGError else { return .failed("\(error)") }
        if p.connectionLost {
            let problem = p.message
            if p.tlsRequired { return .unusableStore(Localized { $0.pgTLSRequired(location.display, problem) }) }
            return .unusableStore(Localized { $0.pgUnreachable(location.display, problem) })
        }
        let message = p.message
        switch p.sqlState ?? "" {
        case "23514" where p.constraint == "slot_capacity": return .capacityExceeded
        case "23505" where p.constraint == "one_scheduled_per_case": return .conflict
        case "40001", "40P01": return .busyText(Localized { $0.serializationRetries(maxAttempts) })
        case "55P03", "57014": return .busyText(Localized { $0.rowLockedTooLong })
        case "28P01", "28000":
            return .unusableStore(Localized { $0.pgLoginRefused(location.user, location.display, message) })
        case "3D000": return .unusableStore(Localized { $0.pgNoSuchDatabase(location.database, location.display) })
        case "42501": return .unusableStore(Localized { $0.pgNotPermitted(location.user, location.display, message) })
        case "42P01", "42703": return .unusableStore(Localized { $0.pgNotUnderstood(location.display, message) })
        default: return .failed(message)
        }
    }
}

extension PostgresBookingStore: OpenedStore {
    public var location: String { database.display }
    public var protectedFile: String? { nil }
    /// Nobody owns a database as a person owns a file: the service account's role is the owner here.
    public var isOwnedByThisUser: Bool { false }

    public func backup(to path: String) throws(StoreError) -> BackupReport {
        throw .invalidInput(
            "A PostgreSQL store is backed up by the server's tools (pg_dump, or base backups and WAL archiving), not by `biosched backup`; `biosched store copy --from \(location) --to FILE.sqlite` makes a SQLite copy."
        )
    }
}

extension PostgresBookingStore: SQLStore {
    public func sqlWrite<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T { try write(body) }
    public func sqlRead<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T { try read(body) }
}

extension PostgresBookingStore: TransactionalStore {
    /// One READ COMMITTED transaction with explicit row locks (see `PGTransaction`); PostgreSQL's own
    /// refusals are typed by SQLSTATE and constraint name: `slot_capacity` is `.capacityExceeded`,
    /// `one_scheduled_per_case` is `.conflict`. A deadlock or serialization failure is retried a few times.
    public func withWriteTransaction<T>(_ body: (any BookingTransaction) throws -> T) throws(StoreError) -> T {
        return try write { db in
            let tx = transaction(on: db)
            let result = try body(tx)
            try tx.flush()
            return result
        }
    }

    public func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.reschedule(request, in: self, clock: clock)
    }

    public func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.review(decision, in: self, clock: clock)
    }
}

extension PostgresBookingStore: StoreAdministration, KeyRegistry {
    /// Appends an audit row, waiting at most `seconds` for a row lock held by another transaction:
    /// for a look-up, whose answer must not wait long behind another process's write.
    public func recordEvent(
        _ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date,
        waitingAtMost seconds: TimeInterval
    ) throws(StoreError) {
        let origin = self.origin
        try write(lockTimeout: seconds) { db in
            try Audit.append(db, origin: origin, at: now, actor: actor, action: action, receipt: receipt, detail: detail)
        }
    }
}
#endif
