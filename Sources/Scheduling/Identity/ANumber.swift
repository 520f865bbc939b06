import Foundation

/// An alien registration number (A-number): `A` and 8 or 9 digits, written with or without spaces,
/// dashes or dots (`A-123-456-789`, `a 12345678`). Normalized like receipts: upper case, no
/// separators, and an 8-digit number padded to 9 with a leading zero (USCIS's own form), so
/// `A12345678` and `A012345678` are the same person.
public struct ANumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public static var shape: String { Catalog.en.aNumberShape }

    public init(parsing text: String) throws(Problem) {
        let compact = text.uppercased().filter { !" -.".contains($0) }
        guard compact.count <= 12, compact.first == "A" else {
            throw Problem(message: Catalog.en.notANumber(Echo.show(text, limit: 40)))
        }
        let digits = compact.dropFirst()
        guard (8...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem(message: Catalog.en.notANumber(Echo.show(text, limit: 40)))
        }
        value = "A" + (digits.count == 8 ? "0" : "") + digits
    }

    /// Whether the text is meant as an A-number (an A then only digits and separators).
    public static func looksLike(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !" -.".contains($0) }
        return compact.count >= 2 && compact.first == "A" && compact.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    public struct Problem: Error, Sendable { public var message: String }
}
