/// A USCIS receipt number: three letters and ten digits, e.g. `EAC2414052317` (R15).
///
/// Input is normalized first (upper case, spaces and dashes removed), so
/// `eac-24-140-52317` parses to `EAC2414052317`.
public struct ReceiptNumber: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The normalized form: three upper-case letters and ten digits.
    public let value: String

    /// The prefixes of the service centers that issue receipts.
    public static let knownPrefixes: Set<String> = [
        "EAC", "VSC", "WAC", "CSC", "LIN", "NSC", "SRC", "TSC", "MSC", "NBC", "IOE", "YSC"
    ]

    /// The shape a receipt must have, shown with every parse error.
    public static var expectedShape: String { Catalog.en.receiptShapeSentence }

    /// Parses and normalizes `input`. Throws ``ReceiptNumberError`` naming what was wrong.
    public init(parsing input: String) throws(ReceiptNumberError) {
        let normalized = ReceiptNumber.normalize(input)
        if normalized.isEmpty { throw .empty }
        let chars = Array(normalized.unicodeScalars)
        guard chars.count == 13 else { throw .wrongLength(normalized: normalized, count: chars.count) }
        for (i, c) in chars.enumerated() {
            let isLetter = c.value >= 65 && c.value <= 90
            let isDigit = c.value >= 48 && c.value <= 57
            if i < 3 && !isLetter { throw .badCharacter(normalized: normalized, position: i + 1, expected: "a letter") }
            if i >= 3 && !isDigit { throw .badCharacter(normalized: normalized, position: i + 1, expected: "a digit") }
        }
        value = normalized
    }

    /// Upper case, spaces and dashes removed. Does not validate.
    public static func normalize(_ input: String) -> String {
        String(input.uppercased().filter { $0 != " " && $0 != "-" && $0 != "\t" })
    }

    /// For input still being typed: the first problem already certain (a wrong character, or too
    /// many characters), or nil while the text can still become a valid receipt.
    public static func problemSoFar(_ input: String) -> ReceiptNumberError? {
        let n = normalize(input)
        for (i, c) in n.unicodeScalars.enumerated() {
            if i >= 13 { return .wrongLength(normalized: n, count: n.unicodeScalars.count) }
            let isLetter = c.value >= 65 && c.value <= 90
            let isDigit = c.value >= 48 && c.value <= 57
            if i < 3 && !isLetter { return .badCharacter(normalized: n, position: i + 1, expected: "a letter") }
            if i >= 3 && !isDigit { return .badCharacter(normalized: n, position: i + 1, expected: "a digit") }
        }
        return nil
    }

    public var prefix: String { String(value.prefix(3)) }
    /// An unknown prefix is a warning, not a refusal (R15).
    public var hasKnownPrefix: Bool { ReceiptNumber.knownPrefixes.contains(prefix) }
    public var description: String { value }
    public static func < (a: ReceiptNumber, b: ReceiptNumber) -> Bool { a.value < b.value }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try ReceiptNumber(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// Why a receipt number was rejected: `INVALID_RECEIPT`, with the expected shape.
public enum ReceiptNumberError: Error, Equatable, Sendable {
    case empty
    case wrongLength(normalized: String, count: Int)
    case badCharacter(normalized: String, position: Int, expected: String)

    public var code: VerdictCode { .invalidReceipt }

    public var message: String { message(in: .en) }

    public func message(in language: Language) -> String {
        let t = Catalog(language)
        switch self {
        case .empty: return t.receiptEmpty
        case let .wrongLength(n, count): return t.receiptWrongLength(Echo.show(n, limit: 20), count)
        case let .badCharacter(n, position, expected):
            return t.receiptBadCharacter(Echo.show(n, limit: 20), position, letter: expected == "a letter")
        }
    }
}
