/// Identifiers that reach a command line, a config line (`authorized_keys`) or a log: account ids
/// and staff login names. They are checked against a strict pattern where they enter (import, the
/// command line, the store's own triggers), so that none of them ever needs quoting.
public enum Identifier {
    /// The most characters an account id may have.
    public static let maxAccountLength = 64
    /// The most characters a login name may have (POSIX logins are at most 32).
    public static let maxLoginLength = 32

    /// What an account id looks like, said to a person: shown with every refusal.
    public static var accountShape: String { Catalog.en.accountShape }
    /// What a login name looks like, said to a person.
    public static var loginShape: String { Catalog.en.loginShape }

    /// An applicant's or representative's account id: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
    public static func isAccountID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isAlnum(first) else { return false }
        return text.unicodeScalars.count <= maxAccountLength && text.unicodeScalars.allSatisfy { isAlnum($0) || "._-".unicodeScalars.contains($0) }
    }

    /// A local login name: `[A-Za-z0-9_][A-Za-z0-9._-]{0,31}`.
    public static func isLoginName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isAlnum(first) || first == "_" else { return false }
        return text.unicodeScalars.count <= maxLoginLength && text.unicodeScalars.allSatisfy { isAlnum($0) || "._-".unicodeScalars.contains($0) }
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}
