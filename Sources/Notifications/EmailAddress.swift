/// An email address checked before it reaches sendmail or a header: a conservative
/// `local@domain` (letters, digits and `._%+-` before the @, dot-separated labels after it), no
/// spaces, no control characters, never starting with `-` (so no program reads it as an option).
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let t = text
        guard t.utf8.count <= 254, let at = t.firstIndex(of: "@"), t.lastIndex(of: "@") == at else { return nil }
        let local = t[..<at], domain = t[t.index(after: at)...]
        let localOK =
            !local.isEmpty && local.utf8.count <= 64 && !local.hasPrefix("-") && !local.hasPrefix(".") && !local.hasSuffix(".")
            && !local.contains("..") && local.unicodeScalars.allSatisfy { EmailAddress.isAlnum($0) || "._%+-".unicodeScalars.contains($0) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainOK =
            labels.count >= 2
            && labels.allSatisfy { l in
                !l.isEmpty && l.utf8.count <= 63 && !l.hasPrefix("-") && !l.hasSuffix("-")
                    && l.unicodeScalars.allSatisfy { EmailAddress.isAlnum($0) || $0 == "-" }
            }
        guard localOK, domainOK else { return nil }
        value = t
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    public var description: String { value }
}
