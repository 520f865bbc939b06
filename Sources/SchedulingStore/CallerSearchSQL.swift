import Foundation
import GRDB
import Scheduling

extension SQLiteBookingStore {
    public func findCallers(_ query: CallerQuery, for actor: Actor, limit: Int, now: Date) throws(StoreError) -> CallerSearchResult {
        do { try CallerSearch.authorize(actor) } catch {
            try? recordEvent(.notAuthorized, actor: actor, receipt: nil, detail: "caller search refused: \(query.kind)", now: now, waitingAtMost: 2)
            throw error
        }
        let origin = self.origin
        // The search and its audit row in one transaction: no row, no answer.
        return try write { db in
            let result = try Self.search(db, query, limit: max(1, min(limit, 200)))
            try Audit.append(db, origin: origin, at: now, actor: actor, action: .callersSearched, detail: CallerSearch.auditDetail(result))
            return result
        }
    }

    static func search(_ db: Database, _ query: CallerQuery, limit: Int) throws -> CallerSearchResult {
        var conditions: [String] = [], arguments = StatementArguments()
        switch query {
        case let .receipt(r): conditions.append("c.receipt = ?"); arguments += [r.value]
        case let .aNumber(a): conditions.append("a.a_number = ?"); arguments += [a.value]
        case let .email(e): conditions.append("lower(a.email) = ?"); arguments += [e]
        case let .phone(p): conditions.append("a.phone_digits = ?"); arguments += [p]
        case let .name(words, dob):
            // Each word starts a word of the folded name. Folded words hold only letters and
            // digits, so LIKE's own % and _ never come from the person typing.
            for w in words { conditions.append("(' ' || c.name_key) LIKE ?"); arguments += ["% " + w + "%"] }
            if let dob { conditions.append("a.date_of_birth = ?"); arguments += [dob.iso] }
        }
        arguments += [limit + 1]
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.receipt, c.form, c.applicant_name, a.date_of_birth FROM cases c
            LEFT JOIN accounts a ON a.id = c.applicant_account
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY c.name_key, c.receipt LIMIT ?
            """, arguments: arguments)
        var matches: [CallerMatch] = []
        for row in rows.prefix(limit) {
            let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
            let appt = try Records.currentAppointment(db, receipt: receipt).flatMap { $0.status == .scheduled ? $0 : nil }
            let zone = try appt.flatMap { try String.fetchOne(db, sql: "SELECT time_zone FROM centers WHERE code = ?", arguments: [$0.centerCode]) }
            matches.append(CallerMatch(receipt: receipt, name: row["applicant_name"], dateOfBirth: (row["date_of_birth"] as String?).flatMap(LocalDate.init(iso:)),
                                       form: row["form"], next: appt, centerTimeZone: zone))
        }
        return CallerSearchResult(query: query, matches: matches, more: rows.count > limit)
    }
}
