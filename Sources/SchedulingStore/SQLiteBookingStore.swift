import Foundation
import GRDB
import Scheduling

/// The scheduling store on one SQLite file (WAL mode, GRDB's `DatabasePool`).
///
/// Every write runs in one `BEGIN IMMEDIATE` transaction, so two processes never interleave a
/// check with a booking; the capacity invariant is enforced again by SQLite itself (see `Schema`).
public final class SQLiteBookingStore: BookingStore, @unchecked Sendable {
    public let path: String
    /// The connections reads go through (and writes too, unless it had to be opened read-only).
    let pool: DatabasePool
    /// A writable pool opened on the first write when `pool` was opened read-only because
    /// another process held the write lock at open time (GRDB writes once at open when the
    /// write-ahead log file is missing, and a read must not wait for that).
    private var lateWriter: DatabasePool?
    private let writerLock = NSLock()
    /// The writers' queue beside the store (`WriterQueue`), opened on the first write; `.some(nil)`
    /// once it was found unusable (writes then go without it).
    private var writerQueue: WriterQueue??
    /// The store file with its links resolved, as SQLite names its own files beside it.
    private let resolvedPath: String
    private let openedReadOnlyUnderLoad: Bool
    /// An interactive session's store (`lean:`): one connection for reads and writes, with a small
    /// page cache, since a thousand idle `tui` sessions each holding a reader connection and two
    /// megabytes of cache add up (docs/benchmarks.md, "Idle benchmark").
    let lean: Bool

    /// The page cache of each connection of a lean store, in KiB (SQLite's default is 2,000).
    static let leanPageCacheKiB = 64

    /// How long a write waits for another process's lock before giving up (`StoreError.busy`).
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Where this process's actions come from, written on every audit row.
    public let origin: AuditOrigin
    /// Whether the store was opened read-only (the file or its folder is not writable by this user).
    public let isReadOnly: Bool
    let busyWait: BusyWait

    /// Opens an existing store. Throws `.unusable` when the file is missing, not SQLite, or not a
    /// biosched store: the file's header is checked before SQLite opens it, so a foreign file is
    /// never changed (not switched to WAL, not migrated). A store this user cannot write is opened
    /// read-only and answers reads. Migrations run only when the schema is behind.
    ///
    /// `lean`: for an interactive session that mostly sits idle. Reads then go through the one
    /// connection writes use (each in its own read transaction, so still one snapshot) instead of
    /// a pool of reader connections, and every connection keeps a small page cache. A process that
    /// reads from several threads at once, or reads much, should not be lean.
    public init(
        path: String, busyTimeout: TimeInterval = SQLiteBookingStore.defaultBusyTimeout,
        origin: AuditOrigin = AuditOrigin(), lean: Bool = false
    ) throws(StoreError) {
        try StoreFile.checkIsBioschedStore(path)
        self.path = path
        self.origin = origin
        self.lean = lean
        let readOnly = !StoreFile.isWritable(path)
        self.isReadOnly = readOnly
        self.busyWait = BusyWait(timeout: busyTimeout)
        self.resolvedPath =
            realpath(path, nil).map { p in
                defer { free(p) }
                return String(cString: p)
            } ?? path
        if readOnly {
            self.pool = try Self.openPool(path: path, busyWait: busyWait, readOnly: true, lean: lean)
            openedReadOnlyUnderLoad = false
        } else {
            // Opening may need the write lock for a moment; if another process holds it, read
            // without it and open the writer when a write comes.
            let wait = busyWait
            let quick: Result<DatabasePool, StoreError> = wait.with(timeout: 0.25) {
                do throws(StoreError) { return .success(try Self.openPool(path: path, busyWait: wait, readOnly: false, lean: lean)) } catch {
                    return .failure(error)
                }
            }
            switch quick {
            case let .success(p):
                self.pool = p
                openedReadOnlyUnderLoad = false
            case let .failure(e) where e.isBusy:
                self.pool = try Self.openPool(path: path, busyWait: busyWait, readOnly: true, lean: lean)
                openedReadOnlyUnderLoad = true
            case let .failure(e): throw e
            }
        }
        try checkIsBioschedStore()
    }

    /// Creates a new, empty store at `path` (which must not exist yet). The file and any folder made
    /// for it are created for this user only (0600 and 0700, whatever the umask), or for `group`
    /// too (0660, 0770) when the deployment names one.
    /// `settings`: values of `StoreSetting`s to set in the same transaction (checked again here).
    public static func create(
        path: String, training: Bool, createdBy: String, now: Date,
        window: SlotWindow = .standard, origin: AuditOrigin = AuditOrigin(),
        group: String? = nil, settings: [StoreSetting: String] = [:]
    ) throws(StoreError) -> SQLiteBookingStore {
        let checked = try StoreSetting.checked(settings)
        try StoreFile.createEmpty(path, group: group)
        do throws(StoreError) {
            let pool = try openPool(path: path, busyWait: BusyWait(timeout: defaultBusyTimeout), readOnly: false)
            try run { try initialize(pool, training: training, createdBy: createdBy, now: now, window: window, origin: origin, settings: checked) }
            try? pool.close()
            return try SQLiteBookingStore(path: path, origin: origin)
        } catch {
            // Only what this call created is removed: the file did not exist before it.
            StoreFile.removeCreated(path)
            throw error
        }
    }

    /// A new store's schema (the migrations) and first rows: its settings, its creator as an officer,
    /// the audit log's first row, and `settings` (checked) changed as `biosched settings set` would.
    static func initialize(
        _ writer: some DatabaseWriter, training: Bool, createdBy: String, now: Date, window: SlotWindow, origin: AuditOrigin,
        settings checked: [(StoreSetting, String)]
    ) throws {
        try Schema.migrator.migrate(writer)
        try writer.write { db in
            for (k, v) in [
                ("training", training ? "1" : "0"), ("created_by", createdBy),
                ("created_at", String(Int(now.timeIntervalSince1970))),
                ("lead_hours", String(window.leadHours)), ("horizon_days", String(window.horizonDays))
            ] {
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            try db.execute(
                sql: "INSERT INTO staff(user, role, added_at, added_by) VALUES (?, 'officer', ?, ?)",
                arguments: [createdBy, Int(now.timeIntervalSince1970), createdBy])
            try Audit.append(
                GRDBConnection(db), origin: origin, at: now, actor: Actor(role: .officer, id: createdBy), action: .storeCreated,
                detail: training ? "training store" : "production store")
            for (k, v) in checked {
                _ = try SettingsSQL.change(GRDBConnection(db), k, to: v, by: Actor(role: .officer, id: createdBy), now: now, origin: origin)
            }
        }
    }

    static func openPool(path: String, busyWait: BusyWait, readOnly: Bool, lean: Bool = false) throws(StoreError) -> DatabasePool {
        var config = Configuration()
        config.busyMode = .callback(busyWait.callback)
        config.readonly = readOnly
        config.prepareDatabase { db in
            if lean { try db.execute(sql: "PRAGMA cache_size = -\(leanPageCacheKiB)") }
            if readOnly { return }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Under steady contention the WAL cannot be reset; cap what stays on disk after a checkpoint.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            // GRDB sets synchronous = NORMAL when it sets up WAL; a booking must survive a power cut.
            if !readOnly { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
            return pool
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .unusableStore(Localized { $0.storeNotSQLite(path) })
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
            throw .busyText(Localized { $0.lockedAtOpen(path) })
        } catch {
            throw .unusableStore(Localized { $0.storeCannotOpen(path, describe(error)) })
        }
    }

    func checkIsBioschedStore() throws(StoreError) {
        let (appID, hasSettings, current): (Int32, Bool, Bool)
        do {
            (appID, hasSettings, current) = try poolRead { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try db.tableExists("settings"),
                    try Schema.migrator.hasCompletedMigrations(db)
                )
            }
        } catch {
            throw Self.map(error, context: .reading(path))
        }
        guard appID == Schema.applicationID, hasSettings else {
            throw .unusableStore(Localized { $0.storeWrongApp(path) })
        }
        if current { return }
        if isReadOnly {
            throw .unusableStore(Localized { $0.storeNeedsMigration(path) })
        }
        do { try Schema.migrator.migrate(try writer()) } catch { throw Self.map(error, context: .migrating(path)) }
    }

    /// The pool writes go through: `pool`, or the writer opened late (see `lateWriter`).
    func writer() throws(StoreError) -> DatabasePool {
        guard openedReadOnlyUnderLoad else { return pool }
        writerLock.lock()
        defer { writerLock.unlock() }
        if let w = lateWriter { return w }
        let w = try Self.openPool(path: path, busyWait: busyWait, readOnly: false, lean: lean)
        lateWriter = w
        return w
    }

    /// One read through a single read-only connection to the biosched store at `path`, checked by
    /// its header first: nothing in the file changes (no pool, no WAL set-up, no migration).
    static func readingFile<T>(_ path: String, doing what: (String) -> StoreStep, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreFile.checkIsBioschedStore(path)
        do {
            var config = Configuration()
            config.readonly = true
            let q = try DatabaseQueue(path: path, configuration: config)
            defer { try? q.close() }
            return try q.read(body)
        } catch { throw map(error, context: what(path)) }
    }

    /// Closes the store's connections (checkpointing the write-ahead log).
    public func close() {
        writerLock.lock()
        let late = lateWriter
        writerLock.unlock()
        try? late?.close()
        try? pool.close()
    }

    // MARK: Errors

    static func run<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch let e as StoreError { throw e } catch { throw map(error, context: nil) }
    }

    static func map(_ error: any Error, context: StoreStep?) -> StoreError {
        if let e = error as? StoreError { return e }
        let prefix = context.map { "\(Catalog.en.storeStep($0)): " } ?? ""
        func text(_ make: (Catalog) -> String) -> Localized { Localized { t in (context.map { "\(t.storeStep($0)): " } ?? "") + make(t) } }
        func said(_ make: (Catalog) -> String) -> StoreError { .unusableStore(text(make)) }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busyText(text { $0.lockedTooLong })
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                let detail = db.message ?? "corrupt"
                return said { $0.storeNotUsable(detail) }
            case .SQLITE_READONLY:
                return said { $0.storeReadOnly }
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
                let detail = db.message
                return said { (detail ?? $0.storeCannotReadWrite) + "." }
            default:
                return .failed(prefix + (db.message ?? "\(db)"))
            }
        }
        return .failed(prefix + describe(error))
    }

    /// One read, on one snapshot, through the shared SQL layer.
    func read<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T {
        try grdbRead { db in try body(GRDBConnection(db)) }
    }

    /// One read on GRDB's own `Database` (what only SQLite has: its pragmas, its schema).
    func grdbRead<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try poolRead(body) } catch { throw Self.map(error, context: nil) }
    }

    /// A read on one snapshot: through a reader connection of the pool, or, when lean, through the
    /// pool's one writing connection in a read-only deferred transaction (no reader is ever opened).
    private func poolRead<T>(_ body: (Database) throws -> T) throws -> T {
        guard lean else { return try pool.read(body) }
        return try pool.writeWithoutTransaction { db in
            try db.readOnly {
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// One `BEGIN IMMEDIATE` transaction: all of it or none of it.
    func immediate<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try queuedTransaction(.immediate) { db in try body(GRDBConnection(db)) }
    }

    /// One write transaction (GRDB begins it IMMEDIATE): all of it or none of it.
    func write<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T {
        try grdbWrite { db in try body(GRDBConnection(db)) }
    }

    /// One write transaction on GRDB's own `Database`.
    func grdbWrite<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queuedTransaction(nil, body) } catch { throw Self.map(error, context: nil) }
    }

    /// One transaction on the writer connection (`kind`, or GRDB's choice: IMMEDIATE on a writable
    /// connection), begun when this store's turn in the writers' queue has come (`queued`).
    private func queuedTransaction<T>(_ kind: Database.TransactionKind?, _ body: (Database) throws -> T) throws -> T {
        try writer().writeWithoutTransaction { db in
            try queued {
                var result: T?
                try db.inTransaction(kind) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `transaction` (on the writer connection's queue, so one at a time) first in the
    /// writers' queue: after every writer that asked before, in any process. The busy timeout counts
    /// from the moment the place was taken; past it the write fails as "store busy", in the queue or
    /// at SQLite's lock. Without a usable queue the transaction runs at once, as before.
    func queued<T>(_ transaction: () throws -> T) throws -> T {
        guard let queue = openedWriterQueue() else { return try transaction() }
        let asked = DispatchTime.now().uptimeNanoseconds
        let deadline = asked &+ UInt64(min(max(0, busyWait.currentTimeout), 31_536_000) * 1_000_000_000)
        switch queue.enter(deadline: deadline) {
        case .unavailable:
            return try transaction()
        case .timedOut:
            // As SQLite's own SQLITE_BUSY: the person reads the catalog's "store busy" (`map`).
            throw DatabaseError(resultCode: .SQLITE_BUSY)
        case let .first(node):
            defer { queue.leave(node) }
            return try busyWait.counting(from: asked, transaction)
        }
    }

    /// The writers' queue, opened on the first write; nil for a read-only store or when its side
    /// file cannot be made or used here.
    private func openedWriterQueue() -> WriterQueue? {
        writerLock.lock()
        defer { writerLock.unlock() }
        if let opened = writerQueue { return opened }
        let queue = isReadOnly ? nil : WriterQueue.beside(resolvedPath)
        writerQueue = .some(queue)
        return queue
    }
}

extension SQLiteBookingStore: SQLStore {
    public func sqlWrite<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T { try write(body) }
    public func sqlRead<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T { try read(body) }
}

func describe(_ error: any Error) -> String {
    if let e = error as? DatabaseError { return e.message ?? "\(e)" }
    if let e = error as? StoreError { return e.message }
    return "\(error)"
}

/// A busy handler that retries the write lock until `timeout` of wall time has passed since this
/// acquisition began (measured on the monotonic clock, not counted from the sleeps asked for: under
/// heavy load a sleep lasts longer than asked, and 48 writers once waited 30 s on a 10 s timeout).
///
/// The store's writers wait their turn in the writers' queue (`WriterQueue`) before they ask for
/// SQLite's lock, so this handler mostly waits for writers outside it (another program, a backup,
/// a checkpoint). When the queue cannot be used, the lock goes to whichever process retries in the
/// instant it is free, and a process that just committed asks again at once: a late-comer can then
/// keep losing and wait seconds. A waiter retries every 5 ms for its first 20 ms, every 2 ms up to
/// 60 ms, every 0.5 ms up to 120 ms and then every 0.2 ms, so the longest waiters tend to win the
/// lock first while the many recent ones poll rarely: every retry costs CPU, which the lock holder
/// needs on a small machine. A write that waited in the queue counts its wait from when it took its
/// place there (`counting(from:)`). `biosched-bench store` measures the worst wait with 16 processes.
final class BusyWait: @unchecked Sendable {
    private let lock = NSLock()
    private var timeout: TimeInterval
    private var started: UInt64 = 0
    /// When the write now running took its place in the writers' queue: its wait counts from then.
    private var queuedSince: UInt64?

    init(timeout: TimeInterval) { self.timeout = timeout }

    /// The timeout now in force.
    var currentTimeout: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return timeout
    }

    /// Runs `body`, a write that waited in the writers' queue since `since` (uptime nanoseconds):
    /// a wait for SQLite's lock inside it counts from then, so queue and lock share one timeout.
    func counting<T>(from since: UInt64, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        queuedSince = since
        lock.unlock()
        defer {
            lock.lock()
            queuedSince = nil
            lock.unlock()
        }
        return try body()
    }

    /// Runs `body` with another timeout (e.g. a short one for a write that must not hold up a read).
    func with<T>(timeout t: TimeInterval, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        let saved = timeout
        timeout = t
        lock.unlock()
        defer {
            lock.lock()
            timeout = saved
            lock.unlock()
        }
        return try body()
    }

    var callback: Database.BusyCallback {
        return { [self] attempts in
            // attempts counts from 0 for one lock acquisition.
            let now = DispatchTime.now().uptimeNanoseconds
            lock.lock()
            if attempts == 0 { started = queuedSince ?? now }
            let waited = TimeInterval(now &- started) / 1_000_000_000
            let limit = timeout
            lock.unlock()
            if waited >= limit { return false }
            usleep(UInt32(Self.sleep(waited: waited) * 1_000_000))
            return true
        }
    }
    /// Retry intervals, in microseconds: `sleep` while the wait so far is below `until`.
    static let phases: [(until: Int, sleep: Int)] = [
        (20_000, 5_000), (60_000, 2_000), (120_000, 500), (Int.max, 200)
    ]
    static func sleep(waited: TimeInterval) -> TimeInterval {
        let us = Int(waited * 1_000_000)
        return TimeInterval(phases.first { us < $0.until }!.sleep) / 1_000_000
    }
}
