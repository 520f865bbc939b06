// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Foundation
import GRDB
import Scheduling
import SchedulingStore

/// `biosched store copy`: every table of a store, the settings and the audit log included, from a
/// SQLite file into an empty PostgreSQL database, or from a PostgreSQL store into a new SQLite
/// file, in one transaction on the destination, with the counts of every table compared before
/// it commits. Both schemas have the same tables and columns; the destination's own invariants
/// (capacity, counters, the audit chain, identifier checks) check every row as it arrives.
public enum StoreCopy {
    public struct Report: Sendable {
        public var counts: [(table: String, rows: Int)]
    }

    /// A column value as both stores keep them (whole numbers and text; no store column is real or blob).
    enum Cell { case null, int(Int64), text(String) }
    typealias Table = (columns: [String], rows: [[Cell]])

    static let tables = PostgresSchema.tables
    static let identityTables = ["appointments", "outbox", "ssh_keys", "enrollment_codes", "enrollment_attempts"]

    static func orderColumn(_ table: String) -> String {
        switch table {
        case "settings": "key"
        case "centers": "code"
        case "center_hours": "center, weekday"
        case "center_closures": "center, date"
        case "staff": "\"user\""
        case "cases", "representations": "receipt"
        case "slots": "center, start"
        case "notices": "number"
        default: "id"
        }
    }

    // MARK: SQLite to PostgreSQL

    public static func sqliteToPostgres(from path: String, to location: PostgresLocation) throws(StoreError) -> Report {
        // Opening it checks it is a biosched store and brings its schema up to date.
        let source = try SQLiteBookingStore(path: path)
        source.close()
        let queue: DatabaseQueue
        do {
            var config = Configuration()
            config.readonly = true
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch { throw .unusable("Cannot read \(path): \(error)") }
        defer { try? queue.close() }

        let dest = PostgresBookingStore(location: location, origin: AuditOrigin())
        defer { dest.close() }
        // One read of the source (one snapshot) around one transaction on the destination; rows
        // stream through in batches, so a store of millions of rows is never all in memory.
        var outcome: Result<Report, StoreError> = .failure(.failed("store copy did not run"))
        do {
            try queue.read { src in
                outcome = Result { () throws(StoreError) -> Report in
                    try dest.write { db in try copyRows(from: src, path: path, into: db, location: location) }
                }
            }
        } catch { throw .unusable("Cannot read \(path): \(error)") }
        return try outcome.get()
    }

    /// Rows per INSERT: as many as fit in 30,000 parameters (PostgreSQL allows 65,535), at most 2,000.
    static func batchRows(columns: Int) -> Int { max(1, min(2_000, 30_000 / max(columns, 1))) }

    static func copyRows(from src: GRDB.Database, path: String, into db: PGDB, location: PostgresLocation) throws -> Report {
        try db.run(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [PostgresSchema.migrationLock])
        if try db.fetchValue(String.self, sql: "SELECT to_regclass('public.biosched_migrations')::text") != nil {
            throw StoreError.invalid(Localized { $0.pgAlreadyHoldsStoreCopy(location.display) })
        }
        let others = try db.fetchValues(String.self, sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1 LIMIT 5")
        if !others.isEmpty { throw StoreError.invalid(Localized { [tables = others.joined(separator: ", ")] in $0.pgNotEmptyCopy(location.display, tables) }) }
        try db.script("CREATE TABLE biosched_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
        try PostgresBookingStore.applyMigrations(db, now: Date())
        // The migrations wrote their default settings (pg4's enrollment door); the store's own replace them.
        try db.run(sql: "DELETE FROM settings")
        // Answered offers arrive as they were left (pg7-offer-copy), in this transaction only.
        try db.script("SET LOCAL biosched.store_copy = 'on'")
        var copied: [String: Int] = [:]
        for t in tables {
            let columns = try src.columns(in: t).map(\.name)
            let successorColumn = t == "appointments" ? columns.firstIndex(of: "rescheduled_to") : nil
            let idIndex = columns.firstIndex(of: "id")
            let head = "INSERT INTO \(t)(\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
            let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
            let perBatch = batchRows(columns: columns.count)
            var batch: [(any PGArgument)?] = []
            var rowsInBatch = 0
            var successors: [(id: Int64, to: Int64)] = []
            var n = 0
            func flush() throws {
                guard rowsInBatch > 0 else { return }
                try db.run(sql: head + Array(repeating: tuple, count: rowsInBatch).joined(separator: ", "), arguments: PGArgs(batch))
                batch.removeAll(keepingCapacity: true)
                rowsInBatch = 0
            }
            let rows = try GRDB.Row.fetchCursor(src, sql: "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(t) ORDER BY \(orderColumn(t))")
            while let r = try rows.next() {
                for (i, _) in columns.enumerated() {
                    var c = cell(r[i] as DatabaseValue)
                    // A successor is newer than its appointment: linked once both are in.
                    if i == successorColumn {
                        if case let .int(to) = c, let idIndex, case let .int(id) = cell(r[idIndex] as DatabaseValue) { successors.append((id, to)) }
                        c = .null
                    }
                    batch.append(argument(c))
                }
                rowsInBatch += 1
                n += 1
                if rowsInBatch == perBatch { try flush() }
            }
            try flush()
            // Linked in batches too: one UPDATE ... FROM unnest per batch.
            var i = 0
            while i < successors.count {
                let part = successors[i..<min(successors.count, i + 10_000)]
                try db.run(
                    sql: """
                        UPDATE appointments a SET rescheduled_to = l.to_id FROM unnest(?::bigint[], ?::bigint[]) AS l(id, to_id) WHERE a.id = l.id
                        """, arguments: [part.map(\.id), part.map(\.to)])
                i += part.count
            }
            copied[t] = n
        }
        for t in identityTables {
            try db.run(sql: "SELECT setval(pg_get_serial_sequence('\(t)', 'id'), coalesce((SELECT max(id) FROM \(t)), 0) + 1, false)")
        }
        var counts: [(String, Int)] = []
        for t in tables {
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? -1
            let expected = copied[t] ?? 0
            guard n == expected else {
                throw StoreError.failed("store copy: \(t) has \(n) rows in \(location.display), \(expected) in \(path); nothing was written.")
            }
            counts.append((t, n))
        }
        let v = try AuditChain.verify(db)
        guard v.firstBroken == nil else { throw StoreError.failed("store copy: the audit chain does not verify in \(location.display): \(v.problem ?? "")") }
        return Report(counts: counts)
    }

    // MARK: PostgreSQL to SQLite

    public static func postgresToSQLite(from location: PostgresLocation, to path: String) throws(StoreError) -> Report {
        let source = try PostgresBookingStore.open(location)
        defer { source.close() }
        let data: [String: Table] = try source.read { db in
            var out: [String: Table] = [:]
            for t in tables {
                let columns = try db.fetchValues(
                    String.self,
                    sql: """
                        SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position
                        """, arguments: [t])
                let rows = try db.fetchRows(sql: "SELECT * FROM \(t) ORDER BY \(orderColumn(t))")
                out[t] = (columns, try rows.map { r in try columns.map { c in try pgCell(r, c) } })
            }
            return out
        }
        try SQLiteBookingStore.createSchemaOnly(path: path)
        var result: Report?
        do {
            let q = try DatabaseQueue(path: path)
            defer { try? q.close() }
            try q.inTransaction(.immediate) {
                // The migrations wrote their default settings; the store's own replace them.
                try $0.execute(sql: "DELETE FROM settings")
                for t in tables where t != "slots" {
                    guard let table = data[t] else { continue }
                    let cols = table.columns
                    let successorColumn = t == "appointments" ? cols.firstIndex(of: "rescheduled_to") : nil
                    let sql = "INSERT INTO \(t)(\(cols.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(cols.map { _ in "?" }.joined(separator: ", ")))"
                    let statement = try $0.makeStatement(sql: sql)
                    // Answered offers arrive as they were left: the triggers that make an offer start
                    // open and hold its station are set aside for them, in this transaction only, and
                    // put back as they were before the open offers (which hold their stations) go in.
                    var rows = table.rows[...]
                    if t == "offers", let state = cols.firstIndex(of: "state") {
                        let answered = rows.filter { if case .text("open") = $0[state] { false } else { true } }
                        rows = rows.filter { if case .text("open") = $0[state] { true } else { false } }[...]
                        try SQLiteBookingStore.withoutTriggers(["offer_starts_open", "offer_holds_station"], in: $0) { _ in
                            for row in answered { try statement.execute(arguments: StatementArguments(row.map(databaseValue))) }
                        }
                    }
                    for row in rows {
                        var values = row
                        if let i = successorColumn { values[i] = .null }
                        try statement.execute(arguments: StatementArguments(values.map(databaseValue)))
                    }
                    if let i = successorColumn, let idIndex = cols.firstIndex(of: "id") {
                        for row in table.rows {
                            if case let .int(to) = row[i], case let .int(id) = row[idIndex] {
                                try $0.execute(sql: "UPDATE appointments SET rescheduled_to = ? WHERE id = ?", arguments: [to, id])
                            }
                        }
                    }
                }
                // SQLite's triggers count the slots from the appointments; they must agree with PostgreSQL's counters.
                var counts: [(String, Int)] = []
                for t in tables {
                    let n: Int
                    let expected: Int
                    if t == "slots" {
                        n = try Int.fetchOne($0, sql: "SELECT count(*) FROM slots WHERE booked > 0") ?? -1
                        let booked =
                            data[t].map { table in
                                table.rows.filter { row in
                                    if let i = table.columns.firstIndex(of: "booked"), case let .int(b) = row[i] { return b > 0 } else { return false }
                                }.count
                            } ?? 0
                        expected = booked
                    } else {
                        n = try Int.fetchOne($0, sql: "SELECT count(*) FROM \(t)") ?? -1
                        expected = data[t]?.rows.count ?? 0
                    }
                    guard n == expected else {
                        throw StoreError.failed("store copy: \(t) has \(n) rows in \(path), \(expected) in \(location.display); nothing was kept.")
                    }
                    counts.append((t, n))
                }
                result = Report(counts: counts)
                return .commit
            }
        } catch {
            StoreFile.remove(createdStore: path)
            if let e = error as? StoreError { throw e }
            throw .failed("store copy into \(path): \(error)")
        }
        let copied = try SQLiteBookingStore(path: path)
        defer { copied.close() }
        let v = try copied.verifyAudit()
        guard v.firstBroken == nil else { throw .failed("store copy: the audit chain does not verify in \(path): \(v.problem ?? "")") }
        return result ?? Report(counts: [])
    }

    static func cell(_ v: DatabaseValue) -> Cell {
        switch v.storage {
        case .null: .null
        case let .int64(i): .int(i)
        case let .string(s): .text(s)
        case let .double(d): .int(Int64(d))
        case let .blob(b): .text(String(decoding: b, as: UTF8.self))
        }
    }

    static func pgCell(_ r: PGRow, _ column: String) throws -> Cell {
        let v = r.value(column)
        if case .null = v { return .null }
        if r.isInteger(column) { return .int(try Int64.read(v)) }
        return .text(try String.read(v))
    }

    static func argument(_ c: Cell) -> (any PGArgument)? {
        switch c {
        case .null: nil
        case let .int(i): i
        case let .text(s): s
        }
    }

    static func databaseValue(_ c: Cell) -> (any DatabaseValueConvertible)? {
        switch c {
        case .null: nil
        case let .int(i): i
        case let .text(s): s
        }
    }
}
#endif
