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
