import Foundation

/// A value bound to a statement parameter or read out of a column, the same for every database:
/// SQLite gives integers and text as they are stored; PostgreSQL (libpq's text format) gives text,
/// which reads as an integer, a flag or a list on demand.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    /// A list, bound as an array (PostgreSQL's `= ANY(?)`); SQLite takes none.
    case texts([String])
    case integers([Int64])
}

/// A Swift value that binds to a parameter (`?` in the SQL).
public protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Int32: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
/// What a list bound as one parameter may hold.
public protocol SQLListElement: Sendable { static func list(_ items: [Self]) -> SQLValue }
extension String: SQLListElement { public static func list(_ items: [String]) -> SQLValue { .texts(items) } }
extension Int64: SQLListElement { public static func list(_ items: [Int64]) -> SQLValue { .integers(items) } }
extension Array: SQLBindable where Element: SQLListElement { public var sqlValue: SQLValue { Element.list(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable { public var sqlValue: SQLValue { self?.sqlValue ?? .null } }

/// The parameters of one statement, in order; nil binds SQL NULL.
public struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    public var values: [SQLValue]
    public init(arrayLiteral elements: (any SQLBindable)?...) { values = elements.map { $0?.sqlValue ?? .null } }
    public init(_ elements: [(any SQLBindable)?]) { values = elements.map { $0?.sqlValue ?? .null } }
    public init(values: [SQLValue]) { self.values = values }
}

/// A column's value as a Swift value.
public protocol SQLColumn {
    static func read(_ value: SQLValue) throws -> Self
}

public struct SQLDecodingError: Error, CustomStringConvertible {
    public let value: SQLValue, type: String
    public var description: String { "\(String(describing: value).prefix(60)) does not read as \(type)" }
}

extension String: SQLColumn {
    public static func read(_ v: SQLValue) throws -> String {
        switch v {
        case let .text(s): return s
        case let .integer(i): return String(i)
        default: throw SQLDecodingError(value: v, type: "String")
        }
    }
}
extension Int64: SQLColumn {
    public static func read(_ v: SQLValue) throws -> Int64 {
        switch v {
        case let .integer(i): return i
        case let .text(s): if let i = Int64(s) { return i }
        default: break
        }
        throw SQLDecodingError(value: v, type: "Int64")
    }
}
extension Int: SQLColumn { public static func read(_ v: SQLValue) throws -> Int { Int(try Int64.read(v)) } }
extension Int32: SQLColumn { public static func read(_ v: SQLValue) throws -> Int32 { Int32(truncatingIfNeeded: try Int64.read(v)) } }
extension Bool: SQLColumn {
    public static func read(_ v: SQLValue) throws -> Bool {
        switch v {
        case let .integer(i): return i != 0
        case .text("t"), .text("true"), .text("1"): return true
        case .text("f"), .text("false"), .text("0"): return false
        default: throw SQLDecodingError(value: v, type: "Bool")
        }
    }
}
extension Array: SQLColumn where Element == String {
    /// A list: PostgreSQL's one-dimensional array literal (`{a,"b c",NULL}`; NULL elements left out).
    public static func read(_ v: SQLValue) throws -> [String] {
        switch v {
        case let .texts(a): return a
        case let .text(t): return try SQLArrayLiteral.parse(t)
        default: throw SQLDecodingError(value: v, type: "[String]")
        }
    }
}
extension Optional: SQLColumn where Wrapped: SQLColumn {
    public static func read(_ v: SQLValue) throws -> Wrapped? {
        if case .null = v { return nil }
        return try Wrapped.read(v)
    }
}

/// PostgreSQL's array literals, both ways (the text format libpq sends and receives).
public enum SQLArrayLiteral {
    /// Every element quoted, `"` and `\` escaped.
    public static func make(_ items: [String]) -> String {
        "{"
            + items.map { item in
                var out = "\""
                for ch in item.unicodeScalars {
                    if ch == "\"" || ch == "\\" { out.unicodeScalars.append("\\") }
                    out.unicodeScalars.append(ch)
                }
                return out + "\""
            }.joined(separator: ",") + "}"
    }

    public static func parse(_ t: String) throws -> [String] {
        var s = Substring(t)
        if s.first == "[", let eq = s.firstIndex(of: "=") { s = s[s.index(after: eq)...] } // [1:2]={...}
        guard s.first == "{", s.last == "}" else { throw SQLDecodingError(value: .text(t), type: "[String]") }
        s = s.dropFirst().dropLast()
        var out: [String] = []
        var cur = "", quoted = false, inQuotes = false, escaped = false, any = false
        for ch in s {
            if escaped {
                cur.append(ch)
                escaped = false
                continue
            }
            if inQuotes {
                if ch == "\\" { escaped = true } else if ch == "\"" { inQuotes = false } else { cur.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                inQuotes = true
                quoted = true
                any = true
            case "\\":
                escaped = true
                any = true
            case ",":
                if quoted || cur != "NULL" { out.append(cur) }
                cur = ""
                quoted = false
            default:
                cur.append(ch)
                any = true
            }
        }
        if any, quoted || cur != "NULL" { out.append(cur) }
        return out
    }
}
