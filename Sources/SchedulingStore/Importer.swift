import Foundation
import GRDB
import Scheduling

/// Counts of what an import wrote.
public struct ImportSummary: Sendable, Hashable {
    public var centers = 0, accounts = 0, cases = 0, appointments = 0
    public init() {}
}

extension SQLiteBookingStore {
    /// Loads a document in one transaction: all of it or none of it. Errors name the record and field.
    public func importDocument(_ doc: ImportDocument, actor: Actor, now: Date) throws(StoreError) -> ImportSummary {
        do {
            return try writer().writeWithoutTransaction { db in
                // A bigger page cache for the bulk load (this connection only), then back to the default.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                var summary = ImportSummary()
                try queued {
                    try db.inTransaction(.immediate) {
                        summary = try Importer.load(db, doc, actor: actor, now: now, origin: origin)
                        return .commit
                    }
                }
                return summary
            }
        } catch let e as ImportError {
            throw .invalid(Localized { $0.importRefused(e.description(in: $0.language)) })
        } catch {
            throw Self.map(error, context: .importing)
        }
    }
}

enum Importer {
    static func load(_ db: Database, _ doc: ImportDocument, actor: Actor, now: Date, origin: AuditOrigin) throws -> ImportSummary {
        var summary = ImportSummary()
        var zones = try ImportCenters.load(GRDBConnection(db), doc, summary: &summary, guarded: guarded)
        // Accounts are upserted, so a document can be loaded again; an account never changes role.
        let insertAccount = try db.makeStatement(
            sql: """
                INSERT INTO accounts(id, role, name, email, phone, phone_digits, a_number, date_of_birth, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                  phone_digits = excluded.phone_digits,
                  a_number = coalesce(excluded.a_number, a_number), date_of_birth = coalesce(excluded.date_of_birth, date_of_birth),
                  language = excluded.language
                """)
        for (i, a) in doc.accounts.enumerated() {
            if let role = try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [a.id]), role != a.role {
                throw ImportError("accounts[\(i)] (id \"\(a.id)\").role") { $0.importRoleChange(role) }
            }
            try guarded("accounts[\(i)] (id \"\(a.id)\")") {
                try insertAccount.execute(arguments: [
                    a.id, a.role, a.name, a.email, a.phone, CallerSearch.phoneDigits(a.phone),
                    a.aNumber, a.dateOfBirth?.iso, a.language
                ])
            }
            summary.accounts += 1
        }
        let insertCase = try db.makeStatement(
            sql: """
                INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let insertRep = try db.makeStatement(sql: "INSERT INTO representations(receipt, account) VALUES (?, ?)")
        for (i, c) in doc.cases.enumerated() {
            let at = "cases[\(i)] (receipt \(c.receipt))"
            var name = c.applicantName
            if let acc = c.applicant {
                guard let row = try db.fetchRow(sql: "SELECT role, name FROM accounts WHERE id = ?", arguments: [acc]) else {
                    throw ImportError(at + ".applicant") { $0.importNoAccount(acc) }
                }
                guard (row["role"] as String) == "applicant" else { throw ImportError(at + ".applicant") { $0.importNotApplicant(acc, row["role"] as String) } }
                if name == nil { name = row["name"] }
            }
            try guarded(at) {
                try insertCase.execute(arguments: [
                    c.receipt, FormType(c.form).code, c.status, name ?? "", c.applicant,
                    c.addressChangedAt.map(Records.seconds), NameKey.fold(name ?? "")
                ])
            }
            for (j, rep) in c.representatives.enumerated() {
                guard let role = try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [rep]) else {
                    throw ImportError(at + ".representatives[\(j)]") { $0.importNoAccount(rep) }
                }
                guard role == "representative" else { throw ImportError(at + ".representatives[\(j)]") { $0.importNotRepresentative(rep, role) } }
                try guarded(at + ".representatives[\(j)]") { try insertRep.execute(arguments: [c.receipt, rep]) }
            }
            summary.cases += 1
        }
        let insertAppt = try db.makeStatement(
            sql: """
                INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)
                """)
        let nowS = Records.seconds(now)
        for (i, a) in doc.appointments.enumerated() {
            let at = "appointments[\(i)] (receipt \(a.receipt))"
            let start = try ImportCenters.start(of: a, at: at, zones: &zones, in: GRDBConnection(db))
            do {
                try insertAppt.execute(arguments: [a.receipt, a.center, start, a.status, a.priorReschedules, nowS])
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                switch (e.extendedResultCode, StoreConstraint.named(e)) {
                case (.SQLITE_CONSTRAINT_CHECK, StoreConstraint.slotCapacity):
                    throw ImportError(at + ".start") { $0.importSlotFull(a.start, a.center) }
                case (.SQLITE_CONSTRAINT_UNIQUE, StoreConstraint.oneScheduledPerCase):
                    throw ImportError(at + ".status") { $0.importOneScheduled }
                case (.SQLITE_CONSTRAINT_FOREIGNKEY, _):
                    throw ImportError(at + ".receipt") { $0.importNoCase(a.receipt) }
                default:
                    throw ImportError(at) { e.message ?? $0.importConstraint }
                }
            }
            summary.appointments += 1
        }
        try Audit.append(
            GRDBConnection(db), origin: origin, at: now, actor: actor, action: .imported,
            detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)")
        return summary
    }

    static func guarded(_ at: String, _ body: () throws -> Void) throws {
        do { try body() } catch let e as ImportError { throw e } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            if e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || e.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw ImportError(at) { $0.importDuplicate }
            }
            throw ImportError(at) { e.message ?? $0.importConstraint }
        }
    }
}
