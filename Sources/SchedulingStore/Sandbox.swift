import Foundation
import GRDB
import Scheduling

/// A training sandbox's store: a snapshot of its first state, and a reset that puts it back while
/// the store stays open (SQLite's online backup, page by page, in one write).
extension SQLiteBookingStore {
    /// When the store was created: the demo data's story cases were placed relative to it.
    public func createdAt() throws(StoreError) -> Date? {
        let s = try read { db in try Records.settings(db) }
        return s["created_at"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
    }

    /// Where a default demo store's one story clock resumes: its creation, or the latest moment it
    /// recorded (an audit row, an outbox message) if later, so no session's times go backwards.
    public func storyResumesAt() throws(StoreError) -> Date? {
        guard let made = try createdAt() else { return nil }
        let last = try read { db in
            try Int64.fetchOne(db, sql: "SELECT max(m) FROM (SELECT max(at) AS m FROM audit UNION ALL SELECT max(created_at) FROM outbox)")
        }
        return max(made, last.map(Records.date) ?? made)
    }

    /// Copies the whole store to a new file at `path` (which must not exist).
    public func snapshot(to path: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) { throw .invalid(Localized { $0.snapshotExists(path) }) }
        try StoreFile.createEmpty(path, group: nil)
        do {
            let copy = try DatabaseQueue(path: path)
            try pool.backup(to: copy)
            // A plain rollback-journal file: it can be read later without -wal and -shm beside it.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch { throw Self.map(error, context: .copying(self.path, to: path)) }
    }

    /// Whether the file at `path` is a training store, and when it was made, read without changing
    /// anything (a snapshot in rollback-journal mode stays so; opening it as a store would switch it to WAL).
    public static func peekTraining(_ path: String) -> (isTraining: Bool, createdAt: Date?)? {
        try? readingFile(path, doing: StoreStep.reading) { db in
            let s = try Records.settings(GRDBConnection(db))
            return (s["training"] == "1", s["created_at"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// Replaces everything in this store with the content of the store at `path` (a snapshot).
    /// Refused unless this store is a training store: a production store is never overwritten.
    public func restore(from path: String) throws(StoreError) {
        guard try storeInfo().isTraining else {
            throw .invalid(Localized { $0.onlySandboxReset(self.path) })
        }
        do {
            var config = Configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: path, configuration: config)
            try source.backup(to: try writer())
            try source.close()
        } catch { throw Self.map(error, context: .restoring(self.path, from: path)) }
    }
}
