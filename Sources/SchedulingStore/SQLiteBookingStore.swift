import Foundation
import GRDB
import Scheduling

/// The scheduling store on one SQLite file (WAL mode, GRDB's `DatabasePool`).
///
/// Every write runs in one `BEGIN IMMEDIATE` transaction, so two processes never interleave a
/// check with a booking; the capacity invariant is enforced again by SQLite itself (see `Schema`).
public final class SQLiteBookingStore: BookingStore, @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    /// Waits for the write lock, in nanoseconds, of this store's reschedule and review transactions.
    public let lockWaits = LockWaits()

    /// How long a write waits for another process's lock before giving up (`StoreError.busy`).
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens an existing store. Throws `.unusable` when the file is missing, not SQLite, or not a
    /// biosched store.
    public init(path: String, busyTimeout: TimeInterval = SQLiteBookingStore.defaultBusyTimeout) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unusable("No biosched store at \(path). Create one with `biosched init --db \(path)` (add --demo for demo data).")
        }
        self.path = path
        self.pool = try Self.openPool(path: path, busyTimeout: busyTimeout)
        try checkIsBioschedStore()
    }

    /// Creates a new, empty store at `path` (which must not exist yet).
    public static func create(path: String, training: Bool, createdBy: String, now: Date,
                              window: SlotWindow = .standard) throws(StoreError) -> SQLiteBookingStore {
        if FileManager.default.fileExists(atPath: path) {
            throw .invalidInput("\(path) already exists; biosched init never overwrites a file. Remove it or choose another --db.")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let pool = try openPool(path: path, busyTimeout: defaultBusyTimeout)
        try run {
            try Schema.migrator.migrate(pool)
            try pool.write { db in
                for (k, v) in [("training", training ? "1" : "0"), ("created_by", createdBy),
                               ("created_at", String(Int(now.timeIntervalSince1970))),
                               ("lead_hours", String(window.leadHours)), ("horizon_days", String(window.horizonDays))] {
                    try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)", arguments: [k, v])
                }
                try db.execute(sql: "INSERT INTO staff(user, role, added_at, added_by) VALUES (?, 'officer', ?, ?)",
                               arguments: [createdBy, Int(now.timeIntervalSince1970), createdBy])
                try Audit.append(db, at: now, actor: Actor(role: .officer, id: createdBy), action: "store-created",
                                 detail: training ? "training store" : "production store")
            }
        }
        return try SQLiteBookingStore(path: path)
    }

    static func openPool(path: String, busyTimeout: TimeInterval) throws(StoreError) -> DatabasePool {
        var config = Configuration()
        config.busyMode = .callback(BusyWait(timeout: busyTimeout).callback)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Under steady contention the WAL cannot be reset; cap what stays on disk after a checkpoint.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        do {
            return try DatabasePool(path: path, configuration: config)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .unusable("\(path) is not a SQLite database (and so not a biosched store).")
        } catch {
            throw .unusable("Cannot open \(path): \(describe(error))")
        }
    }

    func checkIsBioschedStore() throws(StoreError) {
        let (appID, hasSettings): (Int32, Bool)
        do {
            (appID, hasSettings) = try pool.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try db.tableExists("settings"))
            }
        } catch {
            throw Self.map(error, context: "reading \(path)")
        }
        guard appID == Schema.applicationID, hasSettings else {
            throw .unusable("\(path) is a SQLite database but not a biosched store (wrong application id). Point --db at a store made by `biosched init`.")
        }
        do { try Schema.migrator.migrate(pool) } catch { throw Self.map(error, context: "migrating \(path)") }
    }

    // MARK: Errors

    static func run<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch let e as StoreError { throw e } catch { throw map(error, context: nil) }
    }

    static func map(_ error: any Error, context: String?) -> StoreError {
        if let e = error as? StoreError { return e }
        let prefix = context.map { "\($0): " } ?? ""
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(prefix + "another process held the write lock too long. Try again.")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .unusable(prefix + "the file is not a usable biosched store (\(db.message ?? "corrupt")).")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR:
                return .unusable(prefix + (db.message ?? "cannot read or write the store") + ".")
            default:
                return .failed(prefix + (db.message ?? "\(db)"))
            }
        }
        return .failed(prefix + describe(error))
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw Self.map(error, context: nil) }
    }

    /// One `BEGIN IMMEDIATE` transaction: all of it or none of it. Records how long it waited for
    /// the write lock (`lockWaits`), which the store benchmark reports.
    func immediate<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            let asked = DispatchTime.now().uptimeNanoseconds
            var result: T?
            try db.inTransaction(.immediate) {
                lockWaits.record(DispatchTime.now().uptimeNanoseconds - asked)
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// One write transaction (GRDB begins it IMMEDIATE): all of it or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw Self.map(error, context: nil) }
    }
}

func describe(_ error: any Error) -> String {
    if let e = error as? DatabaseError { return e.message ?? "\(e)" }
    if let e = error as? StoreError { return e.message }
    return "\(error)"
}

/// A busy handler that retries the write lock until `timeout`, more often the longer it has waited.
///
/// Under contention the write lock goes to whichever process retries in the instant it is free, and a
/// process that just committed asks again at once. SQLite's own busy timeout backs off to 100 ms
/// sleeps, and a fixed retry interval treats every waiter alike: either way a late-comer can keep
/// losing and wait seconds. Here a waiter retries every 5 ms for its first 20 ms, every 2 ms up to
/// 60 ms, every 0.5 ms up to 120 ms and then every 0.2 ms, so the longest waiters tend to win the
/// lock first (close to a queue) while the many recent ones poll rarely: every retry costs CPU,
/// which the lock holder needs on a small machine. `biosched-bench store` measures the worst wait
/// with 16 processes.
struct BusyWait: Sendable {
    let timeout: TimeInterval
    var callback: Database.BusyCallback {
        let timeout = self.timeout
        return { attempts in
            // attempts counts from 0 for one lock acquisition.
            let waited = Self.waitedSoFar(attempts)
            if waited >= timeout { return false }
            usleep(UInt32(Self.sleep(attempts) * 1_000_000))
            return true
        }
    }
    /// Retry intervals, in microseconds: `sleep` while the wait so far is below `until`.
    static let phases: [(until: Int, sleep: Int)] = [
        (20_000, 5_000), (60_000, 2_000), (120_000, 500), (Int.max, 200),
    ]
    static func sleep(_ attempt: Int) -> TimeInterval {
        let waited = waitedMicroseconds(attempt)
        return TimeInterval(phases.first { waited < $0.until }!.sleep) / 1_000_000
    }
    static func waitedSoFar(_ attempts: Int) -> TimeInterval { TimeInterval(waitedMicroseconds(attempts)) / 1_000_000 }
    static func waitedMicroseconds(_ attempts: Int) -> Int {
        var waited = 0, left = attempts
        for p in phases where left > 0 {
            let n = p.until == Int.max ? left : min(left, max(0, (p.until - waited + p.sleep - 1) / p.sleep))
            waited += n * p.sleep
            left -= n
        }
        return waited
    }
}

/// Nanoseconds each write transaction waited for the lock (thread-safe).
public final class LockWaits: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [UInt64] = []
    func record(_ ns: UInt64) { lock.lock(); samples.append(ns); lock.unlock() }
    public var all: [UInt64] { lock.lock(); defer { lock.unlock() }; return samples }
}
