import Foundation
import GRDB
import GRDBSQLite
import Scheduling

extension SQLiteBookingStore {
    /// Creates the demo training store at `path` (which must not exist): the store's schema, then
    /// `DemoData.document(seed:now:caseCount:)` loaded in one transaction, row for row what
    /// `importDocument` writes for the same document, but fast enough for a first `swift run
    /// biosched` in a debug build (`DemoStoreLoader`). The file is built beside `path` and linked
    /// into place whole (`StoreFile.createAtomically`): no process ever sees a part of it, and a
    /// creation that fails or dies leaves no store. An existing file is never touched.
    @discardableResult
    public static func createDemo(
        path: String, createdBy: String, now: Date, seed: UInt64, caseCount: Int = 50_000,
        origin: AuditOrigin = AuditOrigin(), group: String? = nil,
        settings: [StoreSetting: String] = [:]
    ) throws(StoreError) -> ImportSummary {
        let made = try buildDemo(
            path: path, keepExisting: false, waiting: {}, createdBy: createdBy, now: now, seed: seed, caseCount: caseCount,
            origin: origin, group: group, settings: settings)
        guard let made else { throw .invalid(Localized { $0.storeFileExists(path) }) }
        return made
    }

    /// The default store's first use: creates the demo store at `path` as `createDemo` does, unless a
    /// store is there. If another process is creating it at that moment, calls `waiting`, waits for
    /// it, and keeps what it made. Returns nil when this call made nothing.
    public static func createDemoIfMissing(
        path: String, createdBy: String, now: Date, seed: UInt64, caseCount: Int = 50_000,
        origin: AuditOrigin = AuditOrigin(), waiting: () -> Void
    ) throws(StoreError) -> ImportSummary? {
        try buildDemo(
            path: path, keepExisting: true, waiting: waiting, createdBy: createdBy, now: now, seed: seed, caseCount: caseCount,
            origin: origin, group: nil, settings: [:])
    }

    /// Cases to a part of the document handed from the thread that generates it to the one that loads it.
    static let demoPartSize = 2_000

    private static func buildDemo(
        path: String, keepExisting: Bool, waiting: () -> Void, createdBy: String, now: Date, seed: UInt64, caseCount: Int,
        origin: AuditOrigin, group: String?, settings: [StoreSetting: String]
    ) throws(StoreError) -> ImportSummary? {
        let checked = try StoreSetting.checked(settings)
        return try StoreFile.createAtomically(path, group: group, keepExisting: keepExisting, waiting: waiting) { (file: String) throws(StoreError) in
            // The data is generated on another thread, part by part, while this one makes the schema
            // and then loads each part as it comes.
            let parts = DemoParts()
            DispatchQueue.global(qos: .userInitiated).async {
                DemoData.parts(seed: seed, now: now, caseCount: caseCount, partSize: demoPartSize) { parts.put($0) }
                parts.finish()
            }
            defer { parts.abandon() }
            do {
                let queue = try DatabaseQueue(path: file, configuration: buildingConfiguration)
                try initialize(queue, training: true, createdBy: createdBy, now: now, window: .standard, origin: origin, settings: checked)
                let actor = Actor(role: .officer, id: createdBy)
                let summary = try queue.writeWithoutTransaction { db in
                    // Foreign keys are checked once, over every table, before the commit (parts
                    // mix the tables' rows, and a statement holds many rows).
                    try db.execute(sql: "PRAGMA foreign_keys = OFF")
                    var summary = ImportSummary()
                    try db.inTransaction(.immediate) {
                        summary = try DemoStoreLoader.load(db, next: parts.next, actor: actor, now: now, origin: origin)
                        return .commit
                    }
                    try db.execute(sql: "PRAGMA foreign_keys = ON")
                    // The finished file in the mode of every store: write-ahead logging.
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    return summary
                }
                try queue.close()
                return summary
            } catch {
                throw map(error, context: .importing)
            }
        }
    }

    /// The connection that builds a new store's file, which no other process sees: no journal (a
    /// failure removes the file), no waiting for the disk (the finished file is flushed once before it
    /// is linked into place), a big page cache, statement journals in memory.
    private static var buildingConfiguration: Configuration {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
        }
        return config
    }
}

/// The parts of the demo document, from the thread that generates them to the one that loads them.
private final class DemoParts: @unchecked Sendable {
    private let ready = NSCondition()
    private var waiting: [ImportDocument] = []
    private var done = false

    func put(_ part: ImportDocument) {
        ready.lock()
        if !done { waiting.append(part) }
        ready.signal()
        ready.unlock()
    }

    /// No more parts come.
    func finish() {
        ready.lock()
        done = true
        ready.signal()
        ready.unlock()
    }

    /// The loader stopped: parts still made are dropped.
    func abandon() {
        ready.lock()
        done = true
        waiting.removeAll()
        ready.unlock()
    }

    /// The next part, waiting for it; nil after the last.
    func next() -> ImportDocument? {
        ready.lock()
        defer { ready.unlock() }
        while waiting.isEmpty && !done { ready.wait() }
        return waiting.isEmpty ? nil : waiting.removeFirst()
    }
}

/// The bulk load of a generated document: the same statements and values as `Importer.load` for a
/// document whose records are all new and well-formed, in the same order within each table (so the
/// rows, their ids and the audit row are the same), without the per-record look-ups the importer
/// needs for a file a person wrote. `Tests/SchedulingStoreTests/DemoStoreCreationTests.swift`
/// compares the two.
///
/// What SQLite does per row costs more than the rows themselves, so inside the one transaction:
/// - the triggers that guard one row at a time (an account id's pattern, the slot counter kept by
///   each appointment, a new slot empty, a counter equal to its bookings) are dropped, the slots are
///   counted in one statement (the table's CHECK still refuses a count over capacity), the same
///   conditions are checked once over the whole tables, and the triggers are created again from
///   their own text;
/// - the loaded tables' own indexes (not their keys') are dropped and made again from their own
///   text after the rows, each in one sorted pass (a unique one still refuses a duplicate);
/// - foreign keys are off (the caller's `PRAGMA foreign_keys`, outside the transaction) and checked
///   once over every table at the end (`PRAGMA foreign_key_check`).
/// Nothing else can see the file meanwhile: it is new, and not yet in its place.
enum DemoStoreLoader {
    /// The per-row guards dropped during the load, and put back.
    static let rowGuards = ["account_id_pattern_insert", "appointment_takes_station", "slot_inserted_empty", "slot_counter_is_exact"]
    /// The tables the load fills.
    static let loadedTables = ["centers", "center_hours", "center_closures", "accounts", "cases", "representations", "appointments", "slots"]

    /// Loads the parts `next` gives (the first with the centers; nil after the last).
    static func load(_ db: Database, next: () -> ImportDocument?, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        let guards = try schemaItems(db, "trigger", named: rowGuards)
        guard guards.count == rowGuards.count else { throw StoreError.failed("the store's triggers are not the ones the demo load knows") }
        let indexes = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + loadedTables.map { "'\($0)'" }.joined(separator: ", ") + ") ORDER BY name")
        for g in guards { try db.execute(sql: "DROP TRIGGER " + (g["name"] as String)) }
        for i in indexes { try db.execute(sql: "DROP INDEX " + (i["name"] as String)) }
        var rows = try Rows(db, now: now)
        while let part = next() { try rows.insert(part) }
        let summary = try rows.finish()
        for i in indexes { try db.execute(sql: i["sql"] as String) }
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
        if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            throw StoreError.failed(
                "demo row \(broken[1] as Int64? ?? 0) of \(broken[0] as String? ?? "?") refers to a missing row of \(broken[2] as String? ?? "?")")
        }
        for g in guards { try db.execute(sql: g["sql"] as String) }
        try Audit.append(
            GRDBConnection(db), origin: origin, at: now, actor: actor, action: .imported,
            detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)")
        return summary
    }

    private static func schemaItems(_ db: Database, _ type: String, named names: [String]) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = ? AND name IN (" + names.map { "'\($0)'" }.joined(separator: ", ") + ") ORDER BY name",
            arguments: [type])
    }

    /// The rows of the parts, each table's in the order given, many to a statement.
    struct Rows {
        let db: Database
        /// Every appointment's `created_at`, in seconds.
        let nowSeconds: Int64
        var summary = ImportSummary()
        let center: BulkStatement
        let hours: BulkStatement
        let closure: BulkStatement
        let account: BulkStatement
        let insertCase: BulkStatement
        let representation: BulkStatement
        let appointment: BulkStatement
        var zones: [String: ZoneRules] = [:]
        /// Account names, for a case that names its applicant's account and not the name.
        var names: [String: String] = [:]
        // Values that repeat (names drawn from short lists, a dozen forms, phone numbers from a few
        // area codes), each worked out once.
        var folded: [String: String] = [:]
        var forms: [String: String] = [:]
        var digits: [String: String?] = [:]

        init(_ db: Database, now: Date) throws {
            self.db = db
            nowSeconds = Records.seconds(now)
            center = try BulkStatement(db, "INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations)", columns: 8)
            hours = try BulkStatement(db, "INSERT INTO center_hours(center, weekday, open_minute, close_minute)", columns: 4)
            closure = try BulkStatement(db, "INSERT OR IGNORE INTO center_closures(center, date)", columns: 2)
            account = try BulkStatement(
                db, "INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language)", columns: 9)
            insertCase = try BulkStatement(
                db, "INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key)", columns: 7)
            representation = try BulkStatement(db, "INSERT INTO representations(receipt, account)", columns: 2)
            appointment = try BulkStatement(
                db, "INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at)", columns: 7)
        }

        mutating func insert(_ doc: ImportDocument) throws {
            if let s = doc.settings {
                if let l = s.leadHours { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'lead_hours'", arguments: [String(l)]) }
                if let h = s.horizonDays { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'horizon_days'", arguments: [String(h)]) }
            }
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
            for a in doc.accounts {
                account.text(a.id)
                account.text(a.role)
                account.text(a.name)
                account.text(a.email)
                account.text(a.phone)
                if let p = a.phone {
                    if let known = digits[p] {
                        account.text(known)
                    } else {
                        let d = CallerSearch.phoneDigits(p)
                        digits[p] = d
                        account.text(d)
                    }
                } else {
                    account.text(nil)
                }
                account.text(a.aNumber)
                account.text(a.dateOfBirth?.iso)
                account.text(a.language)
                try account.row()
                names[a.id] = a.name
                summary.accounts += 1
            }
            for c in doc.cases {
                var name = c.applicantName
                if let acc = c.applicant {
                    guard let known = names[acc] else { throw StoreError.failed("demo case \(c.receipt): no account \(acc)") }
                    if name == nil { name = known }
                }
                insertCase.text(c.receipt)
                if let known = forms[c.form] {
                    insertCase.text(known)
                } else {
                    let code = FormType(c.form).code
                    forms[c.form] = code
                    insertCase.text(code)
                }
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
                // The table has no row ids: the order of its rows is no matter.
                for rep in c.representatives {
                    representation.text(c.receipt)
                    representation.text(rep)
                    try representation.row()
                }
            }
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
                appointment.int(nowSeconds)
                try appointment.row()
                summary.appointments += 1
            }
        }

        /// Sends the rows still pending.
        func finish() throws -> ImportSummary {
            for b in [center, hours, closure, account, insertCase, representation, appointment] { try b.finish() }
            return summary
        }
    }
}

/// Rows for one table, inserted many to a statement (`INSERT ... VALUES (...), (...), ...`),
/// in the order given (so the row ids are those of one INSERT per row), the statement prepared
/// once and its values bound through SQLite's C API. Per row, SQLite's own work per statement
/// (the IN lists of the CHECK constraints, the statement journal) and GRDB's argument handling in
/// a debug build cost more than the row itself. A failing statement throws GRDB's `DatabaseError`,
/// as the importer's do. Call `row()` after binding each row's values, `finish()` at the end.
/// Texts are kept as UTF-8 bytes in one buffer and bound where they lie (SQLite copies them into
/// the row): no C string made, and no copy SQLite allocates, per value.
final class BulkStatement {
    private let db: Database
    private let head: String
    private let columns: Int32
    private let rowsPerStatement: Int32
    private var full: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLITE_STATIC: the bytes stay where they are until the statement has run.
    private static let unchanging = unsafeBitCast(0, to: sqlite3_destructor_type.self)
    /// Values of the rows not yet sent, one after the other (also for a last, shorter statement).
    private var pending: [Value] = []
    /// The texts of the pending rows, one after the other.
    private var bytes: [UInt8] = []
    private var rows: Int32 = 0
    private enum Value { case text(start: Int, count: Int), int(Int64), null }

    /// `head` is `INSERT INTO table(column, ...)`, with `columns` columns.
    init(_ db: Database, _ head: String, columns: Int32, rowsPerStatement: Int32 = 100) throws {
        self.db = db
        self.head = head
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        pending.reserveCapacity(Int(columns * rowsPerStatement))
        bytes.reserveCapacity(Int(columns * rowsPerStatement) * 16)
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

    func text(_ value: String?) {
        guard let value else { return pending.append(.null) }
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        pending.append(.text(start: start, count: bytes.count - start))
    }
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
        let failure = bytes.withUnsafeBufferPointer { texts in
            texts.withMemoryRebound(to: CChar.self) { texts in
                var index: Int32 = 1
                for v in pending {
                    switch v {
                    case .text(_, 0):
                        // An empty text still needs a pointer that is not NULL (NULL would bind SQL NULL); SQLite copies it.
                        sqlite3_bind_text(statement, index, "", 0, Self.transient)
                    case let .text(start, count):
                        sqlite3_bind_text(statement, index, texts.baseAddress! + start, Int32(count), Self.unchanging)
                    case let .int(i): sqlite3_bind_int64(statement, index, i)
                    case .null: sqlite3_bind_null(statement, index)
                    }
                    index += 1
                }
                let failure = sqlite3_step(statement) == SQLITE_DONE ? nil : Self.error(db, head)
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
                return failure
            }
        }
        pending.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        rows = 0
        if let failure { throw failure }
    }

    private static func error(_ db: Database, _ sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
