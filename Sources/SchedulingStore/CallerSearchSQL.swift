import Foundation
import Scheduling

extension SQLStore {
    public func findCallers(_ query: CallerQuery, for actor: Actor, limit: Int, now: Date) throws(StoreError) -> CallerSearchResult {
        do { try CallerSearch.authorize(actor) } catch {
            let origin = self.origin
            try? sqlWrite { db in
                try Audit.append(db, origin: origin, at: now, actor: actor, action: .notAuthorized, detail: "caller search refused: \(query.kind)")
            }
            throw error
        }
        let origin = self.origin
        // The search and its audit row in one transaction: no row, no answer.
        return try sqlWrite { db in
            let result = try Self.search(db, query, limit: max(1, min(limit, 200)))
            try Audit.append(db, origin: origin, at: now, actor: actor, action: .callersSearched, detail: CallerSearch.auditDetail(result))
            return result
        }
    }

    static func search(_ db: any SQLDatabase, _ query: CallerQuery, limit: Int) throws -> CallerSearchResult {
        var conditions: [String] = [], arguments: [(any SQLBindable)?] = []
        switch query {
        case let .receipt(r):
            conditions.append("c.receipt = ?")
            arguments.append(r.value)
        case let .aNumber(a):
            conditions.append("a.a_number = ?")
            arguments.append(a.value)
        case let .email(e):
            conditions.append("lower(a.email) = ?")
            arguments.append(e)
        case let .phone(p):
            conditions.append("a.phone_digits = ?")
            arguments.append(p)
        case let .name(words, dob):
            // Folded words hold only letters and digits: LIKE's % and _ never come from the person typing.
            for w in words {
                conditions.append("(' ' || c.name_key) LIKE ?")
                arguments.append("% " + w + "%")
            }
            if let dob {
                conditions.append("a.date_of_birth = ?")
                arguments.append(dob.iso)
            }
        }
        arguments.append(Int64(limit + 1))
        let rows = try db.fetchRows(
            sql: """
                SELECT c.receipt, c.form, c.applicant_name, a.date_of_birth FROM cases c
                LEFT JOIN accounts a ON a.id = c.applicant_account
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY c.name_key, c.receipt LIMIT ?
                """, arguments: SQLArguments(arguments))
        var matches: [CallerMatch] = []
        for row in rows.prefix(limit) {
            let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
            let appt = try Records.currentAppointment(db, receipt: receipt).flatMap { $0.status == .scheduled ? $0 : nil }
            let zone = try appt.flatMap { try db.fetchValue(String.self, sql: "SELECT time_zone FROM centers WHERE code = ?", arguments: [$0.centerCode]) }
            matches.append(
                CallerMatch(
                    receipt: receipt, name: row["applicant_name"], dateOfBirth: (row["date_of_birth"] as String?).flatMap(LocalDate.init(iso:)),
                    form: row["form"], next: appt, centerTimeZone: zone))
        }
        return CallerSearchResult(query: query, matches: matches, more: rows.count > limit)
    }
}
