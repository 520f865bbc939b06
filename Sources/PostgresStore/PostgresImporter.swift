// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Foundation
import Scheduling
import SchedulingStore

extension PostgresBookingStore: DocumentImporting {
    /// Loads a document in one transaction: all of it or none of it. Errors name the record and field.
    public func importDocument(_ doc: ImportDocument, actor: Actor, now: Date) throws(StoreError) -> ImportSummary {
        let origin = self.origin
        return try write { db in try PostgresImporter.load(db, doc, actor: actor, now: now, origin: origin) }
    }
}

/// The PostgreSQL store's bulk import: the settings and centers as every store loads them
/// (`ImportCenters`), then accounts, cases and appointments checked in Swift first and inserted
/// 1,000 rows a statement (a round trip per row would cost a 50,000-case import minutes), the slot
/// counters brought up in one statement at the end (SQLite's triggers count them row by row).
enum PostgresImporter {
    static func load(_ db: PGDB, _ doc: ImportDocument, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        var summary = ImportSummary()
        var zones = try ImportCenters.load(db, doc, summary: &summary, guarded: guarded)
        // Accounts are upserted, so a document can be loaded again; an account never changes role.
        var existingRoles: [String: String] = [:]
        let ids = doc.accounts.map(\.id)
        var k = 0
        while k < ids.count {
            let chunk = Array(ids[k..<min(ids.count, k + 5000)])
            for r in try db.fetchRows(sql: "SELECT id, role FROM accounts WHERE id = ANY(?)", arguments: [chunk]) { existingRoles[r["id"]] = r["role"] }
            k += chunk.count
        }
        var lastIndex: [String: Int] = [:]
        for (i, a) in doc.accounts.enumerated() {
            if let role = existingRoles[a.id] ?? doc.accounts[lastIndex[a.id] ?? i].role as String?, role != a.role {
                throw ImportError("accounts[\(i)] (id \"\(a.id)\").role") { $0.importRoleChange(role) }
            }
            guard Identifier.isAccountID(a.id) else {
                throw ImportError("accounts[\(i)] (id \"\(Echo.show(a.id))\")") { $0.importAccountIDRule }
            }
            lastIndex[a.id] = i
            summary.accounts += 1
        }
        let accountRows: [[(any PGArgument)?]] = doc.accounts.enumerated().filter { lastIndex[$0.element.id] == $0.offset }.map {
            [
                $0.element.id, $0.element.role, $0.element.name, $0.element.email, $0.element.phone,
                CallerSearch.phoneDigits($0.element.phone), $0.element.aNumber, $0.element.dateOfBirth?.iso, $0.element.language
            ]
        }
        var offset0 = 0
        while offset0 < accountRows.count {
            let batch = accountRows[offset0..<min(accountRows.count, offset0 + 1000)]
            do {
                try db.run(
                    sql: "INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language) VALUES "
                        + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: batch.count).joined(separator: ", ")
                        + " ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone, phone_digits = excluded.phone_digits,"
                        + " a_number = coalesce(excluded.a_number, accounts.a_number), date_of_birth = coalesce(excluded.date_of_birth, accounts.date_of_birth),"
                        + " language = excluded.language",
                    arguments: PGArgs(batch.flatMap { $0 }))
            } catch let e as PGError where PostgresBookingStore.sqlState(e)?.hasPrefix("23") == true {
                throw ImportError("accounts", untranslated: "\(e.message) \(e.detail ?? "")")
            }
            offset0 += batch.count
        }
        // Cases: each record checked against the accounts it names, read first in a few statements
        // of 5,000 ids each (not one round trip per account), then inserted in batches.
        var accountCache: [String: (role: String, name: String)] = [:]
        let named = Array(Set(doc.cases.flatMap { c in (c.applicant.map { [$0] } ?? []) + c.representatives }))
        var n = 0
        while n < named.count {
            let chunk = Array(named[n..<min(named.count, n + 5000)])
            for r in try db.fetchRows(sql: "SELECT id, role, name FROM accounts WHERE id = ANY(?)", arguments: [chunk]) {
                accountCache[r["id"]] = (role: r["role"], name: r["name"])
            }
            n += chunk.count
        }
        func account(_ id: String) -> (role: String, name: String)? { accountCache[id] }
        var caseRows: [[(any PGArgument)?]] = []
        var repRows: [[(any PGArgument)?]] = []
        var receiptsInFile = Set<String>()
        for (i, c) in doc.cases.enumerated() {
            let at = "cases[\(i)] (receipt \(c.receipt))"
            var name = c.applicantName
            if let acc = c.applicant {
                guard let a = account(acc) else { throw ImportError(at + ".applicant") { $0.importNoAccount(acc) } }
                guard a.role == "applicant" else { throw ImportError(at + ".applicant") { $0.importNotApplicant(acc, a.role) } }
                if name == nil { name = a.name }
            }
            guard receiptsInFile.insert(c.receipt).inserted else { throw ImportError(at) { $0.importDuplicate } }
            caseRows.append([
                c.receipt, FormType(c.form).code, c.status, name ?? "", c.applicant, c.addressChangedAt.map(Records.seconds), NameKey.fold(name ?? "")
            ])
            for (j, rep) in c.representatives.enumerated() {
                guard let a = account(rep) else { throw ImportError(at + ".representatives[\(j)]") { $0.importNoAccount(rep) } }
                guard a.role == "representative" else { throw ImportError(at + ".representatives[\(j)]") { $0.importNotRepresentative(rep, a.role) } }
                repRows.append([c.receipt, rep])
            }
            summary.cases += 1
        }
        try insertBatches(db, "cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key)", caseRows, what: "cases")
        try insertBatches(db, "representations(receipt, account)", repRows, what: "cases (representatives)")
        // Appointments: every record checked here first (center, local time, capacity, one scheduled per
        // case within the file), then inserted in batches and the slot counters brought up in one statement.
        let nowS = Records.seconds(now)
        let holding: Set<String> = ["scheduled", "attended", "missed"]
        var rows: [(receipt: String, center: String, start: Int64, status: String, prior: Int)] = []
        rows.reserveCapacity(doc.appointments.count)
        var stations: [String: Int] = [:]
        var booked: [String: [Int64: Int]] = [:]
        for (i, a) in doc.appointments.enumerated() {
            let at = "appointments[\(i)] (receipt \(a.receipt))"
            let start = try ImportCenters.start(of: a, at: at, zones: &zones, in: db)
            if holding.contains(a.status) {
                if stations[a.center] == nil {
                    stations[a.center] = try Int.fetchOne(db, sql: "SELECT stations FROM centers WHERE code = ?", arguments: [a.center]) ?? 0
                    var existing: [Int64: Int] = [:]
                    // The center's counters, locked: no booking changes them until this import commits.
                    for r in try db.fetchRows(sql: "SELECT start, booked FROM slots WHERE center = ? FOR UPDATE", arguments: [a.center]) {
                        existing[r["start"] as Int64] = r["booked"] as Int
                    }
                    booked[a.center] = existing
                }
                let n = (booked[a.center]?[start] ?? 0) + 1
                if n > stations[a.center]! { throw ImportError(at + ".start") { $0.importSlotFull(a.start, a.center) } }
                booked[a.center]![start] = n
            }
            rows.append((a.receipt, a.center, start, a.status, a.priorReschedules))
        }
        var newIDs: [Int64] = []
        newIDs.reserveCapacity(rows.count)
        var offset = 0
        while offset < rows.count {
            let batch = rows[offset..<min(rows.count, offset + 1000)]
            var args: [(any PGArgument)?] = []
            args.reserveCapacity(batch.count * 6)
            for r in batch { args += [r.receipt, r.center, r.start, r.status, r.prior, nowS] }
            let values = Array(repeating: "(?, ?, ?, ?, ?, 1, ?)", count: batch.count).joined(separator: ", ")
            do {
                newIDs += try db.fetchValues(
                    Int64.self,
                    sql: """
                        INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at) VALUES \(values) RETURNING id
                        """, arguments: PGArgs(args))
            } catch let e as PGError where PostgresBookingStore.sqlState(e)?.hasPrefix("23") == true {
                let detail = e.detail ?? ""
                switch (PostgresBookingStore.sqlState(e), e.constraint) {
                case ("23505", "one_scheduled_per_case"?):
                    throw ImportError("appointments") { $0.importTwoScheduled(detail) }
                case ("23503", _):
                    throw ImportError("appointments") { $0.importAppointmentNoCase(detail) }
                default:
                    throw ImportError("appointments") { _ in e.message }
                }
            }
            offset += batch.count
        }
        try db.run(
            sql: """
                INSERT INTO slots(center, start, capacity, booked)
                SELECT a.center, a.start, c.stations, count(*) FROM appointments a JOIN centers c ON c.code = a.center
                WHERE a.id = ANY(?) AND a.status IN ('scheduled','attended','missed') GROUP BY a.center, a.start, c.stations
                ON CONFLICT (center, start) DO UPDATE SET booked = slots.booked + EXCLUDED.booked
                """, arguments: [newIDs])
        summary.appointments = rows.count
        try Audit.append(
            db, origin: origin, at: now, actor: actor, action: .imported,
            detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)")
        return summary
    }

    /// Inserts rows 1000 at a time; a violated key or check names the table and the row's key.
    static func insertBatches(_ db: PGDB, _ target: String, _ rows: [[(any PGArgument)?]], what: String) throws {
        guard let width = rows.first?.count else { return }
        let one = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var offset = 0
        while offset < rows.count {
            let batch = rows[offset..<min(rows.count, offset + 1000)]
            do {
                try db.run(
                    sql: "INSERT INTO \(target) VALUES " + Array(repeating: one, count: batch.count).joined(separator: ", "),
                    arguments: PGArgs(batch.flatMap { $0 }))
            } catch let e as PGError where PostgresBookingStore.sqlState(e)?.hasPrefix("23") == true {
                if PostgresBookingStore.sqlState(e) == "23505" {
                    let detail = e.detail ?? ""
                    throw ImportError(what) { $0.importDuplicate + " (\(detail))" }
                }
                throw ImportError(what, untranslated: "\(e.message) \(e.detail ?? "")")
            }
            offset += batch.count
        }
    }

    static func guarded(_ at: String, _ body: () throws -> Void) throws {
        do { try body() } catch let e as ImportError { throw e } catch let e as PGError where PostgresBookingStore.sqlState(e)?.hasPrefix("23") == true {
            if PostgresBookingStore.sqlState(e) == "23505" {
                throw ImportError(at) { $0.importDuplicate }
            }
            throw ImportError(at) { _ in e.message }
        }
    }
}
#endif
