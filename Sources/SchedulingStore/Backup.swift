import Foundation
import GRDB
import Scheduling

/// What a backup holds, checked in the copy itself.
public struct BackupReport: Sendable, Hashable {
    public var path: String
    public var integrity: String
    /// Rows per table, in the copy; for a new backup equal to the store's at the instant copied.
    public var rows: [String: Int]
    /// Whether the audit log's hash chain links up in the copy (a broken chain is the store's own,
    /// reported, not a reason to refuse the copy: the backup keeps the evidence).
    public var auditIntact: Bool
    public var isGood: Bool { integrity == "ok" }
}

extension SQLiteBookingStore {
    /// The tables a backup is counted by.
    static let backupTables = [
        "settings", "centers", "center_hours", "center_closures", "accounts", "staff", "cases", "representations",
        "slots", "appointments", "requests", "notices", "outbox", "audit"
    ]

    /// Copies the store with SQLite's online backup API while it stays in use: the copy is one
    /// consistent snapshot (taken inside a read transaction, so writers go on), written to a new
    /// temporary file beside `path` (0600), checked (`integrity_check`, row counts equal to the
    /// snapshot's, the audit chain), synced, and only then renamed to `path`. An existing `path`
    /// is refused; on any failure nothing is left behind.
    public func backup(to path: String) throws(StoreError) -> BackupReport {
        if FileManager.default.fileExists(atPath: path) {
            throw .invalid(Localized { $0.backupExists(path) })
        }
        let dir = StoreFile.parent(of: path)
        Self.removeStaleBackupFiles(in: dir.isEmpty ? "." : dir)
        let tmp = (dir.isEmpty ? "." : dir) + "/.biosched-backup-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        try StoreFile.createEmpty(tmp, group: nil)
        var sourceCounts: [String: Int] = [:]
        do {
            let copy = try DatabaseQueue(path: tmp)
            try pool.read { db in
                for t in Self.backupTables { sourceCounts[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0 }
                try copy.writeWithoutTransaction { dest in try db.backup(to: dest) }
            }
            // One self-contained file: no -wal or -shm needed beside it to read it later.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch {
            StoreFile.removeCreated(tmp)
            throw Self.map(error, context: .backingUp(self.path))
        }
        let report: BackupReport
        do { report = try Self.checkBackup(tmp) } catch {
            StoreFile.removeCreated(tmp)
            throw error
        }
        guard report.isGood, report.rows == sourceCounts else {
            StoreFile.removeCreated(tmp)
            let differ = Self.backupTables.filter { report.rows[$0] != sourceCounts[$0] }
            let integrity = report.integrity, tables = differ.joined(separator: ", ")
            throw .unusableStore(Localized { $0.storeFailed($0.backupDidNotCheck(integrity, tables.isEmpty ? nil : tables, path)) })
        }
        let fd = open(tmp, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            Glibc.close(fd)
        }
        // link() never replaces a file that appeared meanwhile.
        guard link(tmp, path) == 0 else {
            let e = errno
            StoreFile.removeCreated(tmp)
            let why = String(cString: strerror(e))
            throw .unusableStore(Localized { $0.storeFailed($0.backupCouldNotCreate(path, why)) })
        }
        unlink(tmp)
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            Glibc.close(dfd)
        }
        return BackupReport(path: path, integrity: report.integrity, rows: report.rows, auditIntact: report.auditIntact)
    }

    /// A backup killed half way (kill -9, a power cut) leaves its temporary file: removed here by
    /// the next backup into the same folder, once the process that made it is gone.
    static func removeStaleBackupFiles(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(".biosched-backup-") {
            let parts = name.dropFirst(".biosched-backup-".count).split(separator: "-")
            guard let pid = parts.first.flatMap({ Int32($0) }), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { StoreFile.removeCreated(dir + "/" + name) }
        }
    }

    /// Checks a backup file (or any store file) without changing it: integrity, counts, audit chain.
    public static func checkBackup(_ path: String) throws(StoreError) -> BackupReport {
        try readingFile(path, doing: StoreStep.checking) { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            var rows: [String: Int] = [:]
            for t in backupTables { rows[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0 }
            let audit = try AuditChain.verify(GRDBConnection(db))
            return BackupReport(path: path, integrity: integrity, rows: rows, auditIntact: audit.firstBroken == nil)
        }
    }
}
