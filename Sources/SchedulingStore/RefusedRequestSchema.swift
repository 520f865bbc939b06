import Foundation
import GRDB

/// Migration v7-refused-requests: a refused request is kept as a request row (decision
/// `refused`), so an officer or an auditor sees every attempt. SQLite cannot change a CHECK in
/// place, so the table is rebuilt from its own definition with one more decision allowed, its
/// rows copied and its indexes made again, all inside the migration's transaction.
enum RefusedRequestSchema {
    static let migrationName = "v7-refused-requests"
    static let oldCheck = "CHECK (decision IN ('booked','escalated','approved','denied'))"
    static let newCheck = "CHECK (decision IN ('booked','escalated','approved','denied','refused'))"

    static func migrate(_ db: Database) throws {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'requests'"),
            sql.contains(oldCheck)
        else {
            throw DatabaseError(message: "the requests table is not the one migration \(migrationName) expects")
        }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL")
        let rebuilt = sql.replacingOccurrences(of: oldCheck, with: newCheck)
            .replacingOccurrences(of: "CREATE TABLE requests", with: "CREATE TABLE requests_v7")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO requests_v7 SELECT * FROM requests")
        try db.execute(sql: "DROP TABLE requests")
        try db.execute(sql: "ALTER TABLE requests_v7 RENAME TO requests")
        for index in indexes { try db.execute(sql: index) }
    }
}
