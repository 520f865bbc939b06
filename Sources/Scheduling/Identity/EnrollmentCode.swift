/// A one-time enrollment code: three groups of four characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L), e.g. `K7QM-9X4P-2WHT`: 31^12, about 2^59 codes, and a guess limit
/// on top. Only its hash is stored (salted with the account id).
public enum EnrollmentCode {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let groups = 3, groupLength = 4
    public static var shape: String { Catalog.en.enrollmentCodeShape }

    public static func generate<G: RandomNumberGenerator>(using rng: inout G) -> String {
        (0..<groups).map { _ in String((0..<groupLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }) }
            .joined(separator: "-")
    }

    /// Upper case, spaces and dashes removed, look-alikes read as what they resemble (O→0 is not in
    /// the alphabet, so O and 0 are both refused); nil unless it has the shape.
    public static func normalize(_ text: String) -> String? {
        let s = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard s.count == groups * groupLength, s.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return stride(from: 0, to: s.count, by: groupLength).map { i in
            String(s[s.index(s.startIndex, offsetBy: i)..<s.index(s.startIndex, offsetBy: i + groupLength)])
        }.joined(separator: "-")
    }

    /// What the store keeps: SHA-256 of the account and the normalized code.
    public static func hash(_ code: String, account: String) -> String { SHA256.hex("biosched-enrollment\u{1F}\(account)\u{1F}\(code)") }
}
