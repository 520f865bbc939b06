import GRDB
import Scheduling

extension SQLiteBookingStore {
    /// A new store file at `path` (which must not exist yet) with the schema and no rows at all:
    /// the target of `biosched store copy`, which brings every row, the settings and the audit log
    /// included. Only the file this call created is removed when it fails.
    public static func createSchemaOnly(path: String) throws(StoreError) {
        try StoreFile.createEmpty(path, group: nil)
        do throws(StoreError) {
            let pool = try openPool(path: path, busyWait: BusyWait(timeout: defaultBusyTimeout), readOnly: false)
            try run { try Schema.migrator.migrate(pool) }
            try? pool.close()
        } catch {
            StoreFile.removeCreated(path)
            throw error
        }
    }
}

extension SQLiteBookingStore {
    /// Runs `body` with the named triggers set aside, inside the caller's transaction, and puts them
    /// back exactly as they were (their own SQL, read from the schema) before returning, whatever
    /// `body` did: for `store copy` to bring rows in the state they were left in (answered offers).
    /// A failure rolls the whole transaction back, the triggers with it.
    public static func withoutTriggers(_ names: [String], in db: Database, _ body: (Database) throws -> Void) throws {
        var kept: [String] = []
        for name in names {
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name]) else {
                throw StoreError.failed("store copy: the trigger \(name) is missing from the schema")
            }
            kept.append(sql)
            try db.execute(sql: "DROP TRIGGER \"\(name)\"")
        }
        try body(db)
        for sql in kept { try db.execute(sql: sql) }
    }
}
