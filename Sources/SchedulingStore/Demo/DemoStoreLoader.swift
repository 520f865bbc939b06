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
    public static func createDemo(path: String, createdBy: String, now: Date, seed: UInt64, caseCount: Int = 50_000,
                                  origin: AuditOrigin = AuditOrigin(), group: String? = nil) throws(StoreError) -> ImportSummary {
        let doc = DemoData.document(seed: seed, now: now, caseCount: caseCount)
        let store = try create(path: path, training: true, createdBy: createdBy, now: now, origin: origin, group: group)
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
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
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
enum DemoStoreLoader {
    static func load(_ db: Database, _ doc: ImportDocument, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        var summary = ImportSummary()
        if let s = doc.settings {
            if let l = s.leadHours { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'lead_hours'", arguments: [String(l)]) }
            if let h = s.horizonDays { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'horizon_days'", arguments: [String(h)]) }
        }
        let center = try BulkStatement(db, "INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let hours = try BulkStatement(db, "INSERT INTO center_hours(center, weekday, open_minute, close_minute) VALUES (?, ?, ?, ?)")
        let closure = try BulkStatement(db, "INSERT OR IGNORE INTO center_closures(center, date) VALUES (?, ?)")
        var zones: [String: ZoneRules] = [:]
        for c in doc.centers {
            center.text(1, c.code); center.text(2, c.name); center.text(3, c.address); center.text(4, c.city); center.text(5, c.state)
            center.text(6, c.timeZone); center.int(7, c.slotMinutes); center.int(8, c.stations)
            try center.run()
            for (wd, text) in c.hours {
                guard let h = OpeningHours(parsing: text) else { throw StoreError.failed("demo center \(c.code): hours \(text)") }
                hours.text(1, c.code); hours.text(2, wd.rawValue); hours.int(3, h.open.minutes); hours.int(4, h.close.minutes)
                try hours.run()
            }
            for d in c.closures { closure.text(1, c.code); closure.text(2, d); try closure.run() }
            zones[c.code] = ZoneRules(identifier: c.timeZone)
            summary.centers += 1
        }
        let account = try BulkStatement(db, """
            INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var names: [String: String] = [:]
        names.reserveCapacity(doc.accounts.count)
        for a in doc.accounts {
            account.text(1, a.id); account.text(2, a.role); account.text(3, a.name); account.text(4, a.email); account.text(5, a.phone)
            account.text(6, CallerSearch.phoneDigits(a.phone)); account.text(7, a.aNumber); account.text(8, a.dateOfBirth?.iso)
            account.text(9, a.language)
            try account.run()
            names[a.id] = a.name
            summary.accounts += 1
        }
        let insertCase = try BulkStatement(db, """
            INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let representation = try BulkStatement(db, "INSERT INTO representations(receipt, account) VALUES (?, ?)")
        for c in doc.cases {
            var name = c.applicantName
            if let acc = c.applicant {
                guard let known = names[acc] else { throw StoreError.failed("demo case \(c.receipt): no account \(acc)") }
                if name == nil { name = known }
            }
            insertCase.text(1, c.receipt); insertCase.text(2, FormType(c.form).code); insertCase.text(3, c.status)
            insertCase.text(4, name ?? ""); insertCase.text(5, c.applicant); insertCase.int(6, c.addressChangedAt.map(Records.seconds))
            insertCase.text(7, NameKey.fold(name ?? ""))
            try insertCase.run()
            for rep in c.representatives { representation.text(1, c.receipt); representation.text(2, rep); try representation.run() }
            summary.cases += 1
        }
        let appointment = try BulkStatement(db, """
            INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)
            """)
        let nowS = Records.seconds(now)
        for a in doc.appointments {
            guard let zone = zones[a.center], let local = LocalDateTime(iso: a.start), let instant = zone.instant(of: local) else {
                throw StoreError.failed("demo appointment \(a.receipt): \(a.center) \(a.start)")
            }
            appointment.text(1, a.receipt); appointment.text(2, a.center); appointment.int(3, Records.seconds(instant))
            appointment.text(4, a.status); appointment.int(5, a.priorReschedules); appointment.int(6, nowS)
            try appointment.run()
            summary.appointments += 1
        }
        try Audit.append(db, origin: origin, at: now, actor: actor, action: .imported,
                         detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)")
        return summary
    }
}

/// One INSERT prepared once on the connection, its values bound through SQLite's C API and
/// cleared after each row (GRDB's argument handling costs far more per row in a debug build).
/// A failing row throws GRDB's `DatabaseError`, as the importer's statements do.
final class BulkStatement {
    private let db: Database
    private let sql: String
    private var handle: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        self.sql = sql
        let rc = sqlite3_prepare_v3(db.sqliteConnection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard rc == SQLITE_OK else { throw Self.error(db, rc, sql) }
    }

    deinit { sqlite3_finalize(handle) }

    func text(_ index: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(handle, index, value, -1, Self.transient) } else { sqlite3_bind_null(handle, index) }
    }

    func int<I: BinaryInteger>(_ index: Int32, _ value: I?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    func run() throws {
        let rc = sqlite3_step(handle)
        let failure = rc == SQLITE_DONE ? nil : Self.error(db, rc, sql)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let failure { throw failure }
    }

    private static func error(_ db: Database, _ rc: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
                      message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
