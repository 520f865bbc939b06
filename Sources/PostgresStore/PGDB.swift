// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import CLibPQLoader
import Foundation
import Scheduling
import SchedulingStore

// The shared SQL layer's types under the names the PostgreSQL-only code reads best with.
typealias PGArgs = SQLArguments
typealias PGRow = SQLRow
typealias PGColumn = SQLColumn
typealias PGArgument = SQLBindable

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
final class PGDB: SQLDatabase, @unchecked Sendable {
    let conn: OpaquePointer
    /// Statements as sent, by their text with `?` placeholders.
    private var numbered: [String: String] = [:]
    /// Rows changed by the last statement.
    private(set) var changesCount = 0

    var dialect: SQLDialect { .postgresql }

    init(conn: OpaquePointer) {
        self.conn = conn
        biosched_pq_quiet(conn)
    }

    deinit { bpq_finish(conn) }

    /// Whether libpq still takes the connection to be open (a server that ended it while it sat
    /// idle is found out by the next statement, which fails as `connectionLost`).
    var isOpen: Bool { bpq_status(conn) == CONNECTION_OK }

    /// Whether the session is encrypted (TLS).
    var usesTLS: Bool { bpq_sslInUse(conn) != 0 }

    @discardableResult
    func query(_ sql: String, _ arguments: SQLArguments = []) throws -> [SQLRow] {
        let text: String
        if let cached = numbered[sql] { text = cached } else { text = PGSQL.numbered(sql); numbered[sql] = text }
        let n = arguments.values.count
        var types = [Oid](repeating: 0, count: max(n, 1))
        var values = [UnsafeMutablePointer<CChar>?](repeating: nil, count: max(n, 1))
        defer { for v in values { free(v) } }
        for (i, a) in arguments.values.enumerated() {
            switch a {
            case .null: continue
            case let .integer(v): types[i] = 20; values[i] = strdup(String(v))                      // int8
            case let .text(v): types[i] = 25; values[i] = strdup(v)                                 // text
            case let .texts(v): types[i] = 1009; values[i] = strdup(SQLArrayLiteral.make(v))        // text[]
            case let .integers(v): types[i] = 1016; values[i] = strdup("{" + v.map(String.init).joined(separator: ",") + "}")   // int8[]
            }
        }
        let result: OpaquePointer? = types.withUnsafeBufferPointer { tp in
            values.withUnsafeBufferPointer { vp in
                vp.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: vp.count) { cvalues in
                    bpq_execParams(conn, text, Int32(n), tp.baseAddress, cvalues, nil, nil, 0)
                }
            }
        }
        return try rows(of: result)
    }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow] { try query(sql, arguments) }
    func run(sql: String, arguments: SQLArguments) throws { try query(sql, arguments) }

    /// A script of statements with no parameters (constant text: migrations, BEGIN, SET), sent at
    /// once (libpq's simple query protocol runs each statement in turn).
    func script(_ sql: String) throws {
        _ = try rows(of: bpq_exec(conn, sql))
    }

    /// The rows of a result, or the error it carries; the result is freed.
    private func rows(of result: OpaquePointer?) throws -> [SQLRow] {
        guard let result else { throw connectionError() }
        defer { bpq_clear(result) }
        switch bpq_resultStatus(result) {
        case PGRES_COMMAND_OK:
            changesCount = Int(String(cString: bpq_cmdTuples(result))) ?? 0
            return []
        case PGRES_TUPLES_OK:
            let nrows = Int(bpq_ntuples(result)), ncols = Int(bpq_nfields(result))
            changesCount = nrows
            let columns = SQLColumns(names: (0..<ncols).map { String(cString: bpq_fname(result, Int32($0))) },
                                     integerColumns: Set((0..<ncols).filter { [20, 21, 23].contains(bpq_ftype(result, Int32($0))) }))
            var out: [SQLRow] = []
            out.reserveCapacity(nrows)
            for r in 0..<Int32(nrows) {
                var values: [SQLValue] = []
                values.reserveCapacity(ncols)
                for c in 0..<Int32(ncols) {
                    values.append(bpq_getisnull(result, r, c) != 0 ? .null : .text(String(cString: bpq_getvalue(result, r, c))))
                }
                out.append(SQLRow(columns: columns, values: values))
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
            guard let p = bpq_resultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: p)
        }
        let state = field("C")
        let message = field("M") ?? Self.trimmed(String(cString: bpq_resultErrorMessage(result)))
        let lost = bpq_status(conn) == CONNECTION_BAD || (state.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? false)
        return PGError(sqlState: state, message: message.isEmpty ? "the connection was closed" : message,
                       constraint: field("n"), detail: field("D"), connectionLost: lost)
    }

    private func connectionError() -> PGError {
        let m = Self.trimmed(String(cString: bpq_errorMessage(conn)))
        return PGError(sqlState: nil, message: m.isEmpty ? "the connection was closed" : m, constraint: nil,
                       connectionLost: bpq_status(conn) == CONNECTION_BAD)
    }

    /// libpq's messages end with a line break and may span lines: one line, for a sentence of ours.
    static func trimmed(_ m: String) -> String {
        m.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

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
#endif
