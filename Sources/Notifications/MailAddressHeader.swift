import Foundation

/// Header-safe text (pure): refuses CR, LF and other control characters (header injection), and
/// encodes non-ASCII text as RFC 2047 encoded words.
public enum MailAddressHeader {
    public struct Injection: Error, Sendable, Hashable { public var header: String }

    /// The value as it may stand in a header, or `Injection` when it holds a line break or control character.
    public static func checked(_ value: String, header: String) throws(Injection) -> String {
        guard !value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else { throw Injection(header: header) }
        return value
    }

    /// `Name <address>`: the name quoted when ASCII, as encoded words otherwise.
    public static func mailbox(name: String, address: EmailAddress, header: String) throws(Injection) -> String {
        let n = try checked(name, header: header).trimmingCharacters(in: .whitespaces)
        if n.isEmpty { return "<\(address.value)>" }
        return "\(phrase(n)) <\(address.value)>"
    }

    /// Unstructured text (Subject): as it is when printable ASCII, else encoded words.
    public static func unstructured(_ value: String, header: String) throws(Injection) -> String {
        let v = try checked(value, header: header)
        // RFC 5322 2.1.1: a line is at most 998 octets. A longer ASCII value goes as encoded words,
        // which fold into lines of at most 76.
        return v.unicodeScalars.allSatisfy({ $0.value < 0x7F }) && header.utf8.count + 2 + v.utf8.count <= maxLine ? v : encodedWords(v)
    }

    /// RFC 5322's limit of a line, in octets, without its line break.
    public static let maxLine = 998

    static func phrase(_ name: String) -> String {
        // A long name goes as encoded words too, so the line with the address stays under 998 octets.
        guard name.unicodeScalars.allSatisfy({ $0.value < 0x7F }), name.utf8.count <= 600 else { return encodedWords(name) }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `=?UTF-8?B?...?=` words of at most 75 characters, separated by folding white space; a
    /// UTF-8 character (a Unicode scalar) is never split between two words; a letter with many
    /// combining marks may be, so no word is ever longer than 75.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = [], chunk = Data()
        for scalar in text.unicodeScalars {
            let bytes = Data(String(scalar).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk.base64EncodedString())
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append(chunk.base64EncodedString()) }
        return words.map { "=?UTF-8?B?\($0)?=" }.joined(separator: "\n ")
    }
}
