import CLibPQ
import Foundation
import Scheduling
import SchedulingStore

/// A value bound to a statement parameter (`$1`, `$2`, ...): never pasted into the SQL text. Sent
/// in libpq's text format with the type PostgreSQL would give it (`text`, `int8`, their arrays).
protocol PGArgument: Sendable {
    var pgText: String { get }
    static var pgType: Oid { get }
}
extension String: PGArgument {
    var pgText: String { self }
    static var pgType: Oid { 25 }   // text
}
extension Int: PGArgument {
    var pgText: String { String(self) }
    static var pgType: Oid { 20 }   // int8
}
extension Int64: PGArgument {
    var pgText: String { String(self) }
    static var pgType: Oid { 20 }
}
extension Array: PGArgument where Element: PGArrayElement {
    var pgText: String { "{" + map(\.pgArrayItem).joined(separator: ",") + "}" }
    static var pgType: Oid { Element.pgArrayType }
}
protocol PGArrayElement: Sendable {
    var pgArrayItem: String { get }
    static var pgArrayType: Oid { get }
}
extension Int64: PGArrayElement {
    var pgArrayItem: String { String(self) }
    static var pgArrayType: Oid { 1016 }   // int8[]
}
extension String: PGArrayElement {
    /// Every element quoted, `"` and `\` escaped: an array literal's own grammar.
    var pgArrayItem: String {
        var out = "\""
        for ch in unicodeScalars {
            if ch == "\"" || ch == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out + "\""
    }
    static var pgArrayType: Oid { 1009 }   // text[]
}

/// The parameters of one statement, in order; nil binds SQL NULL.
struct PGArgs: ExpressibleByArrayLiteral, Sendable {
    var values: [(any PGArgument)?]
    init(arrayLiteral elements: (any PGArgument)?...) { values = elements }
    init(_ values: [(any PGArgument)?]) { self.values = values }
}

/// A value read out of a column (libpq's text format).
protocol PGColumn {
    static func read(_ text: String) throws -> Self
}
struct PGDecodingError: Error, CustomStringConvertible {
    let text: String, type: String
    var description: String { "\"\(text.prefix(40))\" does not read as \(type)" }
}
extension String: PGColumn { static func read(_ t: String) throws -> String { t } }
extension Int64: PGColumn {
    static func read(_ t: String) throws -> Int64 {
        guard let v = Int64(t) else { throw PGDecodingError(text: t, type: "Int64") }
        return v
    }
}
extension Int: PGColumn { static func read(_ t: String) throws -> Int { Int(try Int64.read(t)) } }
extension Bool: PGColumn {
    static func read(_ t: String) throws -> Bool {
        switch t { case "t", "true": return true; case "f", "false": return false
        default: throw PGDecodingError(text: t, type: "Bool") }
    }
}
extension Array: PGColumn where Element == String {
    /// A one-dimensional array literal (`{a,"b c",NULL}`); NULL elements are left out.
    static func read(_ t: String) throws -> [String] {
        var s = Substring(t)
        if s.first == "[", let eq = s.firstIndex(of: "=") { s = s[s.index(after: eq)...] }   // [1:2]={...}
        guard s.first == "{", s.last == "}" else { throw PGDecodingError(text: t, type: "[String]") }
        s = s.dropFirst().dropLast()
        var out: [String] = []
        var cur = "", quoted = false, inQuotes = false, escaped = false, any = false
        for ch in s {
            if escaped { cur.append(ch); escaped = false; continue }
            if inQuotes {
                if ch == "\\" { escaped = true } else if ch == "\"" { inQuotes = false } else { cur.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuotes = true; quoted = true; any = true
            case "\\": escaped = true; any = true
            case ",":
                if quoted || cur != "NULL" { out.append(cur) }
                cur = ""; quoted = false
            default: cur.append(ch); any = true
            }
        }
        if any { if quoted || cur != "NULL" { out.append(cur) } }
        return out
    }
}
extension Optional: PGColumn where Wrapped: PGColumn {
    static func read(_ t: String) throws -> Wrapped? { try Wrapped.read(t) }
}

/// The column names of one result, shared by its rows.
final class PGColumns: @unchecked Sendable {
    let names: [String]
    let types: [Oid]
    let index: [String: Int]
    init(names: [String], types: [Oid]) {
        self.names = names; self.types = types
        var idx: [String: Int] = [:]
        for (i, n) in names.enumerated() where idx[n] == nil { idx[n] = i }
        index = idx
    }
}

/// One row of a result, its columns read by name or position.
struct PGRow {
    let columns: PGColumns
    let values: [String?]

    subscript<T: PGColumn>(_ name: String) -> T {
        guard let i = columns.index[name] else { fatalError("no column \(name) in the result") }
        return self[i]
    }
    subscript<T: PGColumn>(_ index: Int) -> T {
        do {
            if let v = values[index] { return try T.read(v) }
            if let n = T.self as? any ExpressibleByNilLiteral.Type, let none = n.init(nilLiteral: ()) as? T { return none }
            fatalError("column \(columns.names[index]) is NULL, read as \(T.self)")
        } catch { fatalError("column \(columns.names[index]) does not read as \(T.self): \(error)") }
    }
    /// The text of a column, nil for NULL.
    func text(_ name: String) -> String? { columns.index[name].flatMap { values[$0] } }
    /// Whether a column holds an integer (int2, int4, int8).
    func isInteger(_ name: String) -> Bool { columns.index[name].map { [20, 21, 23].contains(columns.types[$0]) } ?? false }
    func has(_ name: String) -> Bool { columns.index[name] != nil }
    var count: Int { values.count }
    var columnNames: [String] { columns.names }
}

/// What the server or libpq said when a statement or a connection failed.
struct PGError: Error, CustomStringConvertible {
    /// The SQLSTATE, when the server sent one.
    var sqlState: String?
    /// The server's primary message, or libpq's own (a connection that failed).
    var message: String
    var constraint: String?
    /// The server's detail line (which row, which key), if any.
    var detail: String?
    /// The connection is gone (closed by the server, the network, or never made).
    var connectionLost: Bool
    /// biosched asked libpq for TLS (the host is not this machine) when this happened.
    var tlsRequired = false
    var description: String { message }
}

/// One PostgreSQL connection (libpq's `PGconn`) as the store's code uses it: statements written
/// with `?` placeholders (as in the SQLite store) are numbered `$1...` and their values bound.
/// Synchronous, as libpq is; one thread at a time (the store's pool hands it out).
final class PGDB: @unchecked Sendable {
    let conn: OpaquePointer
    /// Statements as sent, by their text with `?` placeholders.
    private var numbered: [String: String] = [:]
    /// Rows changed by the last statement.
    private(set) var changesCount = 0

    init(conn: OpaquePointer) {
        self.conn = conn
        biosched_pq_quiet(conn)
    }

    deinit { PQfinish(conn) }

    /// Whether libpq still takes the connection to be open (a server that ended it while it sat
    /// idle is found out by the next statement, which fails as `connectionLost`).
    var isOpen: Bool { PQstatus(conn) == CONNECTION_OK }

    /// Whether the session is encrypted (TLS).
    var usesTLS: Bool { PQsslInUse(conn) != 0 }

    @discardableResult
    func query(_ sql: String, _ arguments: PGArgs = []) throws -> [PGRow] {
        let text: String
        if let cached = numbered[sql] { text = cached } else { text = PGSQL.numbered(sql); numbered[sql] = text }
        let n = arguments.values.count
        var types = [Oid](repeating: 0, count: n)
        var values = [UnsafeMutablePointer<CChar>?](repeating: nil, count: n)
        defer { for v in values { free(v) } }
        for (i, a) in arguments.values.enumerated() {
            guard let a else { continue }
            types[i] = type(of: a).pgType
            values[i] = strdup(a.pgText)
        }
        let result: OpaquePointer? = values.withUnsafeBufferPointer { vp in
            vp.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(n, 1)) { cvalues in
                PQexecParams(conn, text, Int32(n), n == 0 ? nil : types, n == 0 ? nil : cvalues, nil, nil, 0)
            }
        }
        return try rows(of: result)
    }

    /// A script of statements with no parameters (constant text: migrations, BEGIN, SET), sent at
    /// once (libpq's simple query protocol runs each statement in turn).
    func script(_ sql: String) throws {
        _ = try rows(of: PQexec(conn, sql))
    }

    /// The rows of a result, or the error it carries; the result is freed.
    private func rows(of result: OpaquePointer?) throws -> [PGRow] {
        guard let result else { throw connectionError() }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK:
            changesCount = Int(String(cString: PQcmdTuples(result))) ?? 0
            return []
        case PGRES_TUPLES_OK:
            let nrows = Int(PQntuples(result)), ncols = Int(PQnfields(result))
            changesCount = nrows
            let columns = PGColumns(names: (0..<ncols).map { String(cString: PQfname(result, Int32($0))) },
                                    types: (0..<ncols).map { PQftype(result, Int32($0)) })
            var out: [PGRow] = []
            out.reserveCapacity(nrows)
            for r in 0..<Int32(nrows) {
                var values: [String?] = []
                values.reserveCapacity(ncols)
                for c in 0..<Int32(ncols) {
                    values.append(PQgetisnull(result, r, c) != 0 ? nil : String(cString: PQgetvalue(result, r, c)))
                }
                out.append(PGRow(columns: columns, values: values))
            }
            return out
        case PGRES_EMPTY_QUERY:
            changesCount = 0
            return []
        default:
            throw error(of: result)
        }
    }

    private func error(of result: OpaquePointer) -> PGError {
        func field(_ code: Character) -> String? {
            guard let p = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: p)
        }
        let state = field("C")
        let message = field("M") ?? Self.trimmed(String(cString: PQresultErrorMessage(result)))
        let lost = PQstatus(conn) == CONNECTION_BAD || (state.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? false)
        return PGError(sqlState: state, message: message.isEmpty ? "the connection was closed" : message,
                       constraint: field("n"), detail: field("D"), connectionLost: lost)
    }

    private func connectionError() -> PGError {
        let m = Self.trimmed(String(cString: PQerrorMessage(conn)))
        return PGError(sqlState: nil, message: m.isEmpty ? "the connection was closed" : m, constraint: nil,
                       connectionLost: PQstatus(conn) == CONNECTION_BAD)
    }

    /// libpq's messages end with a line break and may span lines: one line, for a sentence of ours.
    static func trimmed(_ m: String) -> String {
        m.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    func fetchRows(sql: String, arguments: PGArgs = []) throws -> [PGRow] { try query(sql, arguments) }
    func fetchRow(sql: String, arguments: PGArgs = []) throws -> PGRow? { try query(sql, arguments).first }
    func fetchValue<T: PGColumn>(_ type: T.Type, sql: String, arguments: PGArgs = []) throws -> T? {
        guard let r = try query(sql, arguments).first, let v = r.values.first, let v else { return nil }
        return try T.read(v)
    }
    func fetchValues<T: PGColumn>(_ type: T.Type, sql: String, arguments: PGArgs = []) throws -> [T] {
        try query(sql, arguments).compactMap { r in try r.values.first.flatMap { $0 }.map(T.read) }
    }
    func run(sql: String, arguments: PGArgs = []) throws { try query(sql, arguments) }
    func execute(sql: String, arguments: PGArgs = []) throws { try query(sql, arguments) }
}

extension PGColumn {
    static func fetchOne(_ db: PGDB, sql: String, arguments: PGArgs = []) throws -> Self? { try db.fetchValue(Self.self, sql: sql, arguments: arguments) }
}

enum PGSQL {
    /// `?` placeholders become `$1, $2, ...` in order, and `?N` becomes `$N`; text inside quotes is left alone.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var inQuote = false
        let it = Array(sql)
        var i = 0
        while i < it.count {
            let ch = it[i]
            if ch == "'" { inQuote.toggle(); out.append(ch); i += 1; continue }
            if ch == "?" && !inQuote {
                var j = i + 1
                var digits = ""
                while j < it.count, it[j].isASCII, it[j].isNumber { digits.append(it[j]); j += 1 }
                if digits.isEmpty { n += 1; out += "$\(n)" } else { out += "$" + digits }
                i = j
                continue
            }
            out.append(ch)
            i += 1
        }
        return out
    }
}
