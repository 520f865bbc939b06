import Foundation

/// Finding a caller: who may search, what one case must hold to match, and what the audit log
/// records. The stores run the search itself (SQL, or a scan in memory) and follow these rules.
public enum CallerSearch {
    /// The most matches a search lists; more means "add a first name or a date of birth".
    public static let limit = 20

    /// Only staff search (R5): an applicant or representative sees their own cases, never a list
    /// of other people's. Checked before anything else, so a refusal reveals nothing.
    public static func authorize(_ actor: Actor) throws(StoreError) {
        guard actor.role.isStaff else { throw .notAuthorized }
    }

    /// What the audit row says: the kind, the search as understood (normalized) and how many
    /// cases it listed. Who and when are the row's own columns.
    public static func auditDetail(_ result: CallerSearchResult) -> String {
        let what: String
        switch result.query {
        case let .receipt(r): what = r.value
        case let .aNumber(a): what = a.value
        case let .email(e): what = e
        case let .phone(p): what = p
        case let .name(words, dob): what = words.joined(separator: " ") + (dob.map { " born \($0.iso)" } ?? "")
        }
        let shown = result.matches.map(\.receipt.value).joined(separator: ",")
        return "\(result.query.kind) \"\(Echo.show(what, limit: 100))\": \(result.matches.count)\(result.more ? "+" : "") listed"
            + (shown.isEmpty ? "" : " (\(shown))")
    }

    /// The digits a phone number is compared by: the last 10 (a leading 1 dropped), or nil.
    public static func phoneDigits(_ phone: String?) -> String? {
        guard var d = phone?.filter({ $0.isASCII && $0.isNumber }), !d.isEmpty else { return nil }
        if d.count == 11 && d.hasPrefix("1") { d.removeFirst() }
        return d.count == 10 ? d : nil
    }

    /// Whether one case matches: the in-memory store's rule, and the one the SQL follows.
    public static func matches(
        _ query: CallerQuery, receipt: ReceiptNumber, name: String, aNumber: String?, dateOfBirth: LocalDate?,
        email: String?, phone: String?
    ) -> Bool {
        switch query {
        case let .receipt(r): return r == receipt
        case let .aNumber(a): return aNumber == a.value
        case let .email(e): return email?.lowercased() == e
        case let .phone(p): return phoneDigits(phone) == p
        case let .name(words, dob):
            return NameKey.matches(NameKey.fold(name), words: words) && (dob == nil || dob == dateOfBirth)
        }
    }
}
