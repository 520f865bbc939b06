import Foundation
import GRDB
import GRDBSQLite
import Scheduling

extension SQLiteBookingStore {
    /// Creates the demo training store at `path` (which must not exist): the store's schema, then
    /// `DemoData.document(seed:now:caseCount:)` loaded in one transaction, row for row what
    /// `importDocument` writes for the same document, but fast enough for a first `swift run
    /// biosched` in a debug build: the document is trusted (it is generated here, so the importer's
    /// look-up of every account a case names is not needed; the store's constraints and triggers
    /// still check every row), statements are prepared once and their values bound through SQLite's
    /// C API. If filling fails, the file this call created is removed; an existing file is never touched.
    @discardableResult
    public static func createDemo(
        path: String, createdBy: String, now: Date, seed: UInt64, caseCount: Int = 50_000,
        origin: AuditOrigin = AuditOrigin(), group: String? = nil,
        settings: [StoreSetting: String] = [:]
    ) throws(StoreError) -> ImportSummary {
        let doc = DemoData.document(seed: seed, now: now, caseCount: caseCount)
        let store = try create(path: path, training: true, createdBy: createdBy, now: now, origin: origin, group: group, settings: settings)
        do {
            let summary = try store.loadGenerated(doc, actor: Actor(role: .officer, id: createdBy), now: now)
            store.close()
            return summary
        } catch {
            store.close()
            StoreFile.remove(createdStore: path)
            throw error
        }
    }

    /// Loads a generated document (no row of it is in the store yet) in one transaction.
    func loadGenerated(_ doc: ImportDocument, actor: Actor, now: Date) throws(StoreError) -> ImportSummary {
        do {
            return try writer().writeWithoutTransaction { db in
                // A bigger page cache, and statement journals in memory: every row fires triggers
                // (the slot counters), so each INSERT keeps a statement journal, a temporary file
                // otherwise. This connection only, back to the defaults afterwards.
                try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT") }
                var summary = ImportSummary()
                try db.inTransaction(.immediate) {
                    summary = try DemoStoreLoader.load(db, doc, actor: actor, now: now, origin: origin)
                    return .commit
                }
                return summary
            }
        } catch {
            throw Self.map(error, context: .importing)
        }
    }
}

/// The bulk load of a generated document: the same statements and values as `Importer.load` for a
/// document whose records are all new and well-formed, in the same order (so the rows, their ids
/// and the audit row are the same), without the per-record look-ups the importer needs for a file
/// a person wrote. `Tests/SchedulingStoreTests/DemoStoreCreationTests.swift` compares the two.
///
/// The triggers that guard one row at a time (an account id's pattern, the slot counter kept by
/// each appointment, a new slot empty, a counter equal to its bookings) cost more than the rows
/// themselves: inside the transaction they are dropped, the slots are counted in one statement
/// (the table's CHECK still refuses a count over capacity), the same conditions are checked once
/// over the whole tables, and the triggers are created again from their own text. Nothing else can
/// see the file meanwhile: it is new, and all of this is one transaction.
enum DemoStoreLoader {
    /// The per-row guards dropped during the load, and put back.
    static let rowGuards = ["account_id_pattern_insert", "appointment_takes_station", "slot_inserted_empty", "slot_counter_is_exact"]

    static func load(_ db: Database, _ doc: ImportDocument, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        let guards = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ("
                + rowGuards.map { "'\($0)'" }.joined(separator: ", ") + ") ORDER BY name")
        guard guards.count == rowGuards.count else { throw StoreError.failed("the store's triggers are not the ones the demo load knows") }
        for g in guards { try db.execute(sql: "DROP TRIGGER " + (g["name"] as String)) }
        let summary = try insertAll(db, doc, actor: actor, now: now, origin: origin)
        // What appointment_takes_station keeps: one row per slot holding bookings, capacity the center's.
        try db.execute(
            sql: """
                INSERT INTO slots(center, start, capacity, booked)
                SELECT a.center, a.start, c.stations, count(*) FROM appointments a JOIN centers c ON c.code = a.center
                WHERE a.status IN \(Schema.holding) GROUP BY a.center, a.start
                """)
        // What account_id_pattern_insert refuses.
        if let bad = try String.fetchOne(db, sql: "SELECT id FROM accounts WHERE NOT \(TrustSchema.accountIDCheck("id")) LIMIT 1") {
            throw StoreError.failed("demo account id \(bad) does not match the account id pattern")
        }
        for g in guards { try db.execute(sql: g["sql"] as String) }
        try Audit.append(
            GRDBConnection(db), origin: origin, at: now, actor: actor, action: .imported,
            detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)")
        return summary
    }

    static func insertAll(_ db: Database, _ doc: ImportDocument, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        var summary = ImportSummary()
        if let s = doc.settings {
            if let l = s.leadHours { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'lead_hours'", arguments: [String(l)]) }
            if let h = s.horizonDays { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'horizon_days'", arguments: [String(h)]) }
        }
        let center = try BulkStatement(db, "INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations)", columns: 8)
        let hours = try BulkStatement(db, "INSERT INTO center_hours(center, weekday, open_minute, close_minute)", columns: 4)
        let closure = try BulkStatement(db, "INSERT OR IGNORE INTO center_closures(center, date)", columns: 2)
        var zones: [String: ZoneRules] = [:]
        for c in doc.centers {
            center.text(c.code)
            center.text(c.name)
            center.text(c.address)
            center.text(c.city)
            center.text(c.state)
            center.text(c.timeZone)
            center.int(c.slotMinutes)
            center.int(c.stations)
            try center.row()
            zones[c.code] = ZoneRules(identifier: c.timeZone)
            summary.centers += 1
        }
        // Every table after the ones its rows refer to: a statement holds many rows, and foreign keys
        // are checked per statement.
        try center.finish()
        for c in doc.centers {
            for (wd, text) in c.hours {
                guard let h = OpeningHours(parsing: text) else { throw StoreError.failed("demo center \(c.code): hours \(text)") }
                hours.text(c.code)
                hours.text(wd.rawValue)
                hours.int(h.open.minutes)
                hours.int(h.close.minutes)
                try hours.row()
            }
            for d in c.closures {
                closure.text(c.code)
                closure.text(d)
                try closure.row()
            }
        }
        for b in [hours, closure] { try b.finish() }
        let account = try BulkStatement(db, "INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language)", columns: 9)
        var names: [String: String] = [:]
        names.reserveCapacity(doc.accounts.count)
        for a in doc.accounts {
            account.text(a.id)
            account.text(a.role)
            account.text(a.name)
            account.text(a.email)
            account.text(a.phone)
            account.text(CallerSearch.phoneDigits(a.phone))
            account.text(a.aNumber)
            account.text(a.dateOfBirth?.iso)
            account.text(a.language)
            try account.row()
            names[a.id] = a.name
            summary.accounts += 1
        }
        try account.finish()
        let insertCase = try BulkStatement(
            db, "INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key)", columns: 7)
        let representation = try BulkStatement(db, "INSERT INTO representations(receipt, account)", columns: 2)
        // Names repeat (first and family names drawn from short lists): each is folded once.
        var folded: [String: String] = [:]
        for c in doc.cases {
            var name = c.applicantName
            if let acc = c.applicant {
                guard let known = names[acc] else { throw StoreError.failed("demo case \(c.receipt): no account \(acc)") }
                if name == nil { name = known }
            }
            insertCase.text(c.receipt)
            insertCase.text(FormType(c.form).code)
            insertCase.text(c.status)
            insertCase.text(name ?? "")
            insertCase.text(c.applicant)
            insertCase.int(c.addressChangedAt.map(Records.seconds))
            let plain = name ?? ""
            if let known = folded[plain] {
                insertCase.text(known)
            } else {
                let key = NameKey.fold(plain)
                folded[plain] = key
                insertCase.text(key)
            }
            try insertCase.row()
            summary.cases += 1
        }
        try insertCase.finish()
        // After every case: a representation refers to its case (foreign keys are checked per
        // statement, and a statement holds many rows). The table has no row ids: order is no matter.
        for c in doc.cases {
            for rep in c.representatives {
                representation.text(c.receipt)
                representation.text(rep)
                try representation.row()
            }
        }
        try representation.finish()
        let appointment = try BulkStatement(db, "INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at)", columns: 7)
        let nowS = Records.seconds(now)
        for a in doc.appointments {
            guard let zone = zones[a.center], let local = LocalDateTime(iso: a.start), let instant = zone.instant(of: local) else {
                throw StoreError.failed("demo appointment \(a.receipt): \(a.center) \(a.start)")
            }
            appointment.text(a.receipt)
            appointment.text(a.center)
            appointment.int(Records.seconds(instant))
            appointment.text(a.status)
            appointment.int(a.priorReschedules)
            appointment.int(1)
            appointment.int(nowS)
            try appointment.row()
            summary.appointments += 1
        }
        try appointment.finish()
        return summary
    }
}

/// Rows for one table, inserted many to a statement (`INSERT ... VALUES (...), (...), ...`),
/// in the order given (so the row ids are those of one INSERT per row), the statement prepared
/// once and its values bound through SQLite's C API. Per row, SQLite's own work per statement
/// (the IN lists of the CHECK constraints, the statement journal) and GRDB's argument handling in
/// a debug build cost more than the row itself. A failing statement throws GRDB's `DatabaseError`,
/// as the importer's do. Call `row()` after binding each row's values, `finish()` at the end.
final class BulkStatement {
    private let db: Database
    private let head: String
    private let columns: Int32
    private let rowsPerStatement: Int32
    private var full: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// Values of the rows not yet sent, one after the other (also for a last, shorter statement).
    private var pending: [Value] = []
    private var rows: Int32 = 0
    private enum Value { case text(String), int(Int64), null }

    /// `head` is `INSERT INTO table(column, ...)`, with `columns` columns.
    init(_ db: Database, _ head: String, columns: Int32, rowsPerStatement: Int32 = 100) throws {
        self.db = db
        self.head = head
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        pending.reserveCapacity(Int(columns * rowsPerStatement))
        full = try Self.prepare(db, Self.sql(head, columns: columns, rows: rowsPerStatement))
    }

    deinit { sqlite3_finalize(full) }

    static func sql(_ head: String, columns: Int32, rows: Int32) -> String {
        let one = "(" + Array(repeating: "?", count: Int(columns)).joined(separator: ", ") + ")"
        return head + " VALUES " + Array(repeating: one, count: Int(rows)).joined(separator: ", ")
    }

    static func prepare(_ db: Database, _ sql: String) throws -> OpaquePointer? {
        var handle: OpaquePointer?
        let rc = sqlite3_prepare_v3(db.sqliteConnection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard rc == SQLITE_OK else { throw error(db, sql) }
        return handle
    }

    func text(_ value: String?) { pending.append(value.map(Value.text) ?? .null) }
    func int<I: BinaryInteger>(_ value: I?) { pending.append(value.map { .int(Int64($0)) } ?? .null) }

    /// The row's values are all given.
    func row() throws {
        rows += 1
        precondition(pending.count == Int(rows * columns), "\(head): \(pending.count) values for \(rows) rows of \(columns) columns")
        if rows == rowsPerStatement { try send(full) }
    }

    /// Sends the rows still pending.
    func finish() throws {
        guard rows > 0 else { return }
        let last = try Self.prepare(db, Self.sql(head, columns: columns, rows: rows))
        defer { sqlite3_finalize(last) }
        try send(last)
    }

    private func send(_ statement: OpaquePointer?) throws {
        var index: Int32 = 1
        for v in pending {
            switch v {
            case let .text(t): sqlite3_bind_text(statement, index, t, -1, Self.transient)
            case let .int(i): sqlite3_bind_int64(statement, index, i)
            case .null: sqlite3_bind_null(statement, index)
            }
            index += 1
        }
        let rc = sqlite3_step(statement)
        let failure = rc == SQLITE_DONE ? nil : Self.error(db, head)
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        pending.removeAll(keepingCapacity: true)
        rows = 0
        if let failure { throw failure }
    }

    private static func error(_ db: Database, _ sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
