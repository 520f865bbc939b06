import Foundation

/// A phone number checked before it reaches the SMS gateway, in E.164 form (`+16175550142`).
///
/// Accepted: digits with the usual separators (spaces, `-`, `.`, parentheses) and an optional
/// leading `+`. Ten digits are a North American number (+1 is added); eleven starting with 1
/// too; anything else needs its `+` and country code, 8 to 15 digits in all. Letters, control
/// characters or anything else: refused.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let e164: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let plus = trimmed.hasPrefix("+")
        var digits = ""
        for s in (plus ? String(trimmed.dropFirst()) : trimmed).unicodeScalars {
            if ("0"..."9").contains(s) { digits.unicodeScalars.append(s) } else if !" -.()".unicodeScalars.contains(s) { return nil }
        }
        if !plus && digits.count == 10 { digits = "1" + digits }
        guard plus || (digits.count == 11 && digits.hasPrefix("1")), (8...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        if digits.hasPrefix("1") && digits.count != 11 { return nil }
        e164 = "+" + digits
    }

    public var description: String { e164 }
}
