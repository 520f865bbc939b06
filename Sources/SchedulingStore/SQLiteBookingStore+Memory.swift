import GRDB

extension SQLiteBookingStore {
    /// Gives back what the store's connections keep between transactions: SQLite's page cache
    /// and GRDB's prepared statements (prepared again when next used, a few microseconds each).
    /// For an interactive session that sits idle between keys (`biosched tui` calls it after a
    /// frame, with no effect in flight); waits for a transaction in progress, if any, to end.
    public func releaseMemory() {
        pool.releaseMemory()
    }
}
