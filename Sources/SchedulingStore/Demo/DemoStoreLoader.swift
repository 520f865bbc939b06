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
            // The data is generated on another thread, part by part, and made into the values to bind
            // there too, while this one makes the schema and then loads each part as it comes.
            let parts = DemoParts()
            DispatchQueue.global(qos: .userInitiated).async {
                var rows = DemoStoreLoader.Rows(now: now)
                DemoData.parts(seed: seed, now: now, caseCount: caseCount, partSize: demoPartSize) { part in
                    parts.put(Result { try rows.encode(part) })
                }
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
    private var waiting: [Result<DemoStoreLoader.Part, any Error>] = []
    private var done = false

    func put(_ part: Result<DemoStoreLoader.Part, any Error>) {
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
    func next() throws -> DemoStoreLoader.Part? {
        ready.lock()
        defer { ready.unlock() }
        while waiting.isEmpty && !done { ready.wait() }
        return try waiting.isEmpty ? nil : waiting.removeFirst().get()
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
    static func load(_ db: Database, next: () throws -> Part?, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        let guards = try schemaItems(db, "trigger", named: rowGuards)
        guard guards.count == rowGuards.count else { throw StoreError.failed("the store's triggers are not the ones the demo load knows") }
        let indexes = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + loadedTables.map { "'\($0)'" }.joined(separator: ", ") + ") ORDER BY name")
        for g in guards { try db.execute(sql: "DROP TRIGGER " + (g["name"] as String)) }
        for i in indexes { try db.execute(sql: "DROP INDEX " + (i["name"] as String)) }
        let tables = try Tables(db)
        var summary = ImportSummary()
        while let part = try next() {
            try tables.insert(part)
            summary.centers += part.summary.centers
            summary.accounts += part.summary.accounts
            summary.cases += part.summary.cases
            summary.appointments += part.summary.appointments
        }
        try tables.finish()
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

    /// One part of the document as the values to bind, table by table, in the order given.
    struct Part: Sendable {
        var settings: ImportDocument.Settings?
        var summary = ImportSummary()
        var centers = BoundRows(columns: 8)
        var hours = BoundRows(columns: 4)
        var closures = BoundRows(columns: 2)
        var accounts = BoundRows(columns: 9)
        var cases = BoundRows(columns: 7)
        var representations = BoundRows(columns: 2)
        var appointments = BoundRows(columns: 7)
    }

    /// The statements the parts' rows go through, one per table, many rows to a statement.
    final class Tables {
        let db: Database
        let centers: BulkStatement
        let hours: BulkStatement
        let closures: BulkStatement
        let accounts: BulkStatement
        let cases: BulkStatement
        let representations: BulkStatement
        let appointments: BulkStatement

        init(_ db: Database) throws {
            self.db = db
            centers = try BulkStatement(db, "INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations)", columns: 8)
            hours = try BulkStatement(db, "INSERT INTO center_hours(center, weekday, open_minute, close_minute)", columns: 4)
            closures = try BulkStatement(db, "INSERT OR IGNORE INTO center_closures(center, date)", columns: 2)
            accounts = try BulkStatement(
                db, "INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language)", columns: 9)
            cases = try BulkStatement(
                db, "INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key)", columns: 7)
            representations = try BulkStatement(db, "INSERT INTO representations(receipt, account)", columns: 2)
            appointments = try BulkStatement(
                db, "INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at)", columns: 7)
        }

        func insert(_ part: Part) throws {
            if let s = part.settings {
                if let l = s.leadHours { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'lead_hours'", arguments: [String(l)]) }
                if let h = s.horizonDays { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'horizon_days'", arguments: [String(h)]) }
            }
            try centers.add(part.centers)
            try hours.add(part.hours)
            try closures.add(part.closures)
            try accounts.add(part.accounts)
            try cases.add(part.cases)
            try representations.add(part.representations)
            try appointments.add(part.appointments)
        }

        /// Sends the rows still pending.
        func finish() throws {
            for b in [centers, hours, closures, accounts, cases, representations, appointments] { try b.finish() }
        }
    }

    /// Makes the document's parts into the values to bind (on the thread that generates them), as
    /// the importer makes a record into a row.
    struct Rows {
        /// Every appointment's `created_at`, in seconds.
        let nowSeconds: Int64
        var zones: [String: ZoneRules] = [:]
        /// Account names, for a case that names its applicant's account and not the name.
        var names: [String: String] = [:]
        // Values that repeat (names drawn from short lists, a dozen forms, phone numbers from a few
        // area codes), each worked out once.
        var folded: [String: String] = [:]
        var forms: [String: String] = [:]
        var digits: [String: String?] = [:]

        init(now: Date) { nowSeconds = Records.seconds(now) }

        /// `make(key)`, worked out once for each key.
        private static func once<V>(_ cache: inout [String: V], _ key: String, _ make: (String) -> V) -> V {
            if let known = cache[key] { return known }
            let value = make(key)
            cache[key] = value
            return value
        }

        mutating func encode(_ doc: ImportDocument) throws -> Part {
            var p = Part(settings: doc.settings)
            for c in doc.centers {
                p.centers.text(c.code)
                p.centers.text(c.name)
                p.centers.text(c.address)
                p.centers.text(c.city)
                p.centers.text(c.state)
                p.centers.text(c.timeZone)
                p.centers.int(c.slotMinutes)
                p.centers.int(c.stations)
                zones[c.code] = ZoneRules(identifier: c.timeZone)
                p.summary.centers += 1
                for (wd, text) in c.hours {
                    guard let h = OpeningHours(parsing: text) else { throw StoreError.failed("demo center \(c.code): hours \(text)") }
                    p.hours.text(c.code)
                    p.hours.text(wd.rawValue)
                    p.hours.int(h.open.minutes)
                    p.hours.int(h.close.minutes)
                }
                for d in c.closures {
                    p.closures.text(c.code)
                    p.closures.text(d)
                }
            }
            for a in doc.accounts {
                p.accounts.text(a.id)
                p.accounts.text(a.role)
                p.accounts.text(a.name)
                p.accounts.text(a.email)
                p.accounts.text(a.phone)
                p.accounts.text(a.phone.flatMap { Self.once(&digits, $0, CallerSearch.phoneDigits) })
                p.accounts.text(a.aNumber)
                p.accounts.text(a.dateOfBirth?.iso)
                p.accounts.text(a.language)
                names[a.id] = a.name
                p.summary.accounts += 1
            }
            for c in doc.cases {
                var name = c.applicantName
                if let acc = c.applicant {
                    guard let known = names[acc] else { throw StoreError.failed("demo case \(c.receipt): no account \(acc)") }
                    if name == nil { name = known }
                }
                p.cases.text(c.receipt)
                p.cases.text(Self.once(&forms, c.form) { FormType($0).code })
                p.cases.text(c.status)
                p.cases.text(name ?? "")
                p.cases.text(c.applicant)
                p.cases.int(c.addressChangedAt.map(Records.seconds))
                p.cases.text(Self.once(&folded, name ?? "", NameKey.fold))
                p.summary.cases += 1
                // The table has no row ids: the order of its rows is no matter.
                for rep in c.representatives {
                    p.representations.text(c.receipt)
                    p.representations.text(rep)
                }
            }
            for a in doc.appointments {
                guard let zone = zones[a.center], let local = LocalDateTime(iso: a.start), let instant = zone.instant(of: local) else {
                    throw StoreError.failed("demo appointment \(a.receipt): \(a.center) \(a.start)")
                }
                p.appointments.text(a.receipt)
                p.appointments.text(a.center)
                p.appointments.int(Records.seconds(instant))
                p.appointments.text(a.status)
                p.appointments.int(a.priorReschedules)
                p.appointments.int(1)
                p.appointments.int(nowSeconds)
                p.summary.appointments += 1
            }
            return p
        }
    }
}

/// The values of rows for one table, in order, ready to bind: integers as they are, texts as their
/// UTF-8 bytes one after the other in one buffer, bound where they lie (SQLite copies them into the
/// row): no C string made, and no copy SQLite allocates, per value.
struct BoundRows: Sendable {
    enum Value: Sendable { case text(start: Int, count: Int), int(Int64), null }
    let columns: Int
    private(set) var values: [Value] = []
    private(set) var bytes: [UInt8] = []
    var rows: Int { values.count / columns }

    init(columns: Int) { self.columns = columns }

    mutating func text(_ value: String?) {
        guard let value else { return values.append(.null) }
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        values.append(.text(start: start, count: bytes.count - start))
    }

    mutating func int<I: BinaryInteger>(_ value: I?) { values.append(value.map { .int(Int64($0)) } ?? .null) }

    /// Rows `range` of `other`, after these.
    mutating func append(_ other: BoundRows, rows range: Range<Int>) {
        for v in other.values[range.lowerBound * columns..<range.upperBound * columns] {
            if case let .text(start, count) = v {
                bytes.append(contentsOf: other.bytes[start..<start + count])
                values.append(.text(start: bytes.count - count, count: count))
            } else {
                values.append(v)
            }
        }
    }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Rows for one table, inserted many to a statement (`INSERT ... VALUES (...), (...), ...`),
/// in the order given (so the row ids are those of one INSERT per row), the statement prepared
/// once and its values bound through SQLite's C API. Per row, SQLite's own work per statement
/// (the IN lists of the CHECK constraints, the statement journal) and GRDB's argument handling in
/// a debug build cost more than the row itself. A failing statement throws GRDB's `DatabaseError`,
/// as the importer's do. `add` the rows as they come, `finish()` at the end.
final class BulkStatement {
    private let db: Database
    private let head: String
    private let columns: Int
    private let rowsPerStatement: Int
    private var full: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLITE_STATIC: the bytes stay where they are until the statement has run.
    private static let unchanging = unsafeBitCast(0, to: sqlite3_destructor_type.self)
    /// The rows not yet sent (fewer than a statement holds).
    private var pending: BoundRows

    /// `head` is `INSERT INTO table(column, ...)`, with `columns` columns.
    init(_ db: Database, _ head: String, columns: Int, rowsPerStatement: Int = 100) throws {
        self.db = db
        self.head = head
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        pending = BoundRows(columns: columns)
        full = try Self.prepare(db, Self.sql(head, columns: columns, rows: rowsPerStatement))
    }

    deinit { sqlite3_finalize(full) }

    static func sql(_ head: String, columns: Int, rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " VALUES " + Array(repeating: one, count: rows).joined(separator: ", ")
    }

    static func prepare(_ db: Database, _ sql: String) throws -> OpaquePointer? {
        var handle: OpaquePointer?
        let rc = sqlite3_prepare_v3(db.sqliteConnection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard rc == SQLITE_OK else { throw error(db, sql) }
        return handle
    }

    /// Sends every full statement's worth of rows; keeps the rest for the next rows.
    func add(_ rows: BoundRows) throws {
        precondition(rows.columns == columns, "\(head): rows of \(rows.columns) columns, not \(columns)")
        var next = 0
        if pending.rows > 0 {
            next = min(rowsPerStatement - pending.rows, rows.rows)
            pending.append(rows, rows: 0..<next)
            if pending.rows == rowsPerStatement {
                try send(full, pending, from: 0, count: rowsPerStatement)
                pending.removeAll()
            }
        }
        while rows.rows - next >= rowsPerStatement {
            try send(full, rows, from: next, count: rowsPerStatement)
            next += rowsPerStatement
        }
        pending.append(rows, rows: next..<rows.rows)
    }

    /// Sends the rows still pending.
    func finish() throws {
        guard pending.rows > 0 else { return }
        let last = try Self.prepare(db, Self.sql(head, columns: columns, rows: pending.rows))
        defer { sqlite3_finalize(last) }
        try send(last, pending, from: 0, count: pending.rows)
        pending.removeAll()
    }

    private func send(_ statement: OpaquePointer?, _ rows: BoundRows, from first: Int, count: Int) throws {
        let failure = rows.bytes.withUnsafeBufferPointer { texts in
            texts.withMemoryRebound(to: CChar.self) { texts in
                var index: Int32 = 1
                for v in rows.values[first * columns..<(first + count) * columns] {
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
        if let failure { throw failure }
    }

    private static func error(_ db: Database, _ sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
