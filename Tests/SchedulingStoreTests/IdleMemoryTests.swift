import Foundation
import GRDB
import GRDBSQLite
import Scheduling
import Testing
@testable import SchedulingStore

/// An idle terminal session asks its store to give back what it keeps only to be faster.
@Suite("The SQLite store gives back its caches when the session goes idle")
struct IdleMemoryTests {
    static func cacheUsed(_ db: Database) -> Int32 {
        var current: Int32 = 0, highest: Int32 = 0
        sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0)
        return current
    }

    @Test("releaseIdleMemory empties the writer's page cache; the store works as before afterwards")
    func releases() throws {
        let f = try StoreFixture(extraCases: 60); defer { f.remove() }
        // Fill the writer's cache: a booking reads and writes several tables.
        let before = try f.store.pool.writeWithoutTransaction { db -> Int32 in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments a JOIN cases c ON c.receipt = a.receipt")
            return Self.cacheUsed(db)
        }
        #expect(before > 0)
        f.store.releaseIdleMemory()
        let after = try f.store.pool.writeWithoutTransaction { db in Self.cacheUsed(db) }
        #expect(after < before, "cache \(before) bytes before, \(after) after")
        // Reads and writes still work (a reader is opened again).
        #expect(try f.count("SELECT count(*) FROM cases") == 64)
        let snap = try f.store.caseSnapshot(StoreFixture.receipt("EAC2414052317"), for: StoreFixture.agent)
        #expect(snap.caseFile.receipt.value == "EAC2414052317")
    }
}
