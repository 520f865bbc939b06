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
///
/// Round trips are what a remote database costs, so a transaction sends as few as it can, in
/// libpq's pipeline mode: `BEGIN` and the writes whose results nobody reads (`runLater`,
/// `expect`) wait and go with the next statement that needs an answer, or with `COMMIT`; the
/// reads a transaction will make are fetched together up front (`prefetch`) and answered from
/// what came back. An error in a pipeline is the transaction's error, as it would have been.
final class PGDB: SQLDatabase, @unchecked Sendable {
    let conn: OpaquePointer
    /// Statements as sent, by their text with `?` placeholders.
    private var numbered: [String: Statement] = [:]
    /// Whether a pipeline's statements are prepared by name on this connection (parsed and
    /// planned once, then run by name). Off for the rest of the connection's life once the server
    /// has forgotten one of ours or already had one: a pgbouncer in transaction mode hands each
    /// transaction a server connection of its own choosing (see `isPreparedStatementGone`).
    private(set) var preparesStatements = true
    /// Rows changed by the last statement.
    private(set) var changesCount = 0
    /// Statements waiting to be sent with the next one that needs an answer.
    private var waiting: [Queued] = []
    /// Rows fetched ahead by `prefetch`, by statement and values, for this transaction.
    private var prefetched: [Key: [SQLRow]] = [:]
    /// Round trips to the server on this connection so far (a pipeline is one).
    private(set) var roundTrips = 0
    /// This transaction's COMMIT has been sent (a connection lost since may have committed it).
    private(set) var commitSent = false

    /// A statement's text as sent (`$N` placeholders) and its names as a prepared statement,
    /// one per list of parameter types, once the server has it.
    private final class Statement {
        let text: String
        var prepared: [[Oid]: String] = [:]
        init(text: String) { self.text = text }

        /// The name the statement has on every connection, whichever process prepared it: a
        /// digest of its text and parameter types, so that one name always means one statement
        /// (two clients of a pgbouncer may meet on one server connection).
        func name(for types: [Oid]) -> String {
            let digest = SHA256.hash(Array((text + "\u{0}" + types.map(String.init).joined(separator: ",")).utf8))
            return "biosched_" + SHA256.hexString(Array(digest.prefix(12)))
        }
    }

    private struct Key: Hashable {
        let sql: String
        let values: [SQLValue]
    }
    private struct Queued {
        let sql: String
        let arguments: SQLArguments
        /// Rows it must change (or return), else the transaction fails with `failure`.
        var expected: (rows: Int, failure: StoreError)?
    }

    var dialect: SQLDialect { .postgresql }
    var fetchesAhead: Bool { true }

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
        if !waiting.isEmpty {
            return try pipeline(take() + [Queued(sql: sql, arguments: arguments)]).last ?? []
        }
        roundTrips += 1
        let result: OpaquePointer? = withParameters(sql, arguments) { statement, n, types, values in
            bpq_execParams(conn, statement.text, n, types, values, nil, nil, 0)
        }
        return try rows(of: result)
    }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        if !prefetched.isEmpty, let rows = prefetched[Key(sql: sql, values: arguments.values)] { return rows }
        return try query(sql, arguments)
    }

    func run(sql: String, arguments: SQLArguments) throws { try query(sql, arguments) }

    func runLater(sql: String, arguments: SQLArguments) throws {
        waiting.append(Queued(sql: sql, arguments: arguments))
    }

    func expect(sql: String, arguments: SQLArguments, rows: Int, otherwise failure: StoreError) throws {
        waiting.append(Queued(sql: sql, arguments: arguments, expected: (rows, failure)))
    }

    /// Sends what waits and `statements` in one round trip; their rows answer the same statements
    /// asked again until the transaction ends.
    func prefetch(_ statements: [SQLStatement]) throws {
        guard !statements.isEmpty else { return }
        let results = try pipeline(take() + statements.map { Queued(sql: $0.sql, arguments: $0.arguments) })
        for (s, rows) in zip(statements, results.suffix(statements.count)) {
            prefetched[Key(sql: s.sql, values: s.arguments.values)] = rows
        }
    }

    /// Begins a transaction: `begin` (and `settings`, e.g. `SET LOCAL`) go with the first statement.
    func begin(_ begin: String, then settings: [String] = []) {
        waiting = [Queued(sql: begin, arguments: [])] + settings.map { Queued(sql: $0, arguments: []) }
        prefetched = [:]
        commitSent = false
    }

    /// Commits: what waits goes with `COMMIT` in one round trip, unless some of it carries a
    /// check, which must pass before `COMMIT` is sent (one round trip more).
    func commit() throws {
        defer { prefetched = [:] }
        if waiting.contains(where: { $0.expected != nil }) { _ = try pipeline(take()) }
        commitSent = true
        if waiting.isEmpty { try script("COMMIT") } else { _ = try pipeline(take() + [Queued(sql: "COMMIT", arguments: [])]) }
    }

    /// Rolls back, dropping what waits (nothing to send when `BEGIN` itself is still waiting).
    func rollback() throws {
        let begun = !(waiting.first.map { $0.sql.hasPrefix("BEGIN") } ?? false)
        waiting = []
        prefetched = [:]
        if begun { try script("ROLLBACK") }
    }

    private func take() -> [Queued] {
        defer { waiting = [] }
        return waiting
    }

    /// A script of statements with no parameters (constant text: migrations, BEGIN, SET), sent at
    /// once (libpq's simple query protocol runs each statement in turn).
    func script(_ sql: String) throws {
        if !waiting.isEmpty { _ = try pipeline(take()) }
        roundTrips += 1
        _ = try rows(of: bpq_exec(conn, sql))
    }

    /// Sends `statements` in pipeline mode and reads their results: one round trip. The first
    /// failure (an error, or a check not met) is thrown once every result has been read.
    private func pipeline(_ statements: [Queued]) throws -> [[SQLRow]] {
        guard bpq_enterPipelineMode(conn) == 1 else { throw connectionError() }
        roundTrips += 1
        // Statements sent with their Prepare first (new on this connection): (statement, types, name).
        var preparing: [Int: (Statement, [Oid], String)] = [:]
        var preparingNow: Set<String> = []
        for (i, s) in statements.enumerated() {
            let sent = withParameters(s.sql, s.arguments) { statement, n, types, values -> Int32 in
                guard preparesStatements else {
                    return bpq_sendQueryParams(conn, statement.text, n, types, values, nil, nil, 0)
                }
                let key = Array(UnsafeBufferPointer(start: types, count: Int(n)))
                if let name = statement.prepared[key] {
                    return bpq_sendQueryPrepared(conn, name, n, values, nil, nil, 0)
                }
                let name = statement.name(for: key)
                // Prepared once, though the pipeline may run it several times (two centers read).
                if preparingNow.insert(name).inserted {
                    preparing[i] = (statement, key, name)
                    guard bpq_sendPrepare(conn, name, statement.text, n, types) == 1 else { return 0 }
                }
                return bpq_sendQueryPrepared(conn, name, n, values, nil, nil, 0)
            }
            guard sent == 1 else { throw connectionError() }
        }
        guard bpq_pipelineSync(conn) == 1 else { throw connectionError() }
        var out: [[SQLRow]] = []
        var failure: (any Error)?
        for (i, s) in statements.enumerated() {
            if let (statement, key, name) = preparing[i] {
                // The Prepare's own result: the name is the connection's from now on.
                guard let result = bpq_getResult(conn) else { throw connectionError() }
                while let extra = bpq_getResult(conn) { bpq_clear(extra) }
                switch bpq_resultStatus(result) {
                case PGRES_COMMAND_OK: statement.prepared[key] = name
                case PGRES_PIPELINE_ABORTED: break
                default: if failure == nil { failure = error(of: result) }
                }
                bpq_clear(result)
            }
            guard let result = bpq_getResult(conn) else { throw connectionError() }
            while let extra = bpq_getResult(conn) { bpq_clear(extra) }
            if bpq_resultStatus(result) == PGRES_PIPELINE_ABORTED {
                bpq_clear(result)
                out.append([])
                continue
            }
            do {
                let rows = try self.rows(of: result)
                out.append(rows)
                if failure == nil, let e = s.expected, changesCount != e.rows { failure = e.failure }
            } catch {
                out.append([])
                if failure == nil { failure = error }
            }
        }
        // The sync point's own result, then the connection leaves pipeline mode.
        var sync = bpq_getResult(conn)
        if sync == nil { sync = bpq_getResult(conn) }
        guard let sync else { throw connectionError() }
        let synced = bpq_resultStatus(sync) == PGRES_PIPELINE_SYNC
        bpq_clear(sync)
        guard synced, bpq_exitPipelineMode(conn) == 1 else { throw failure ?? connectionError() }
        if let failure { throw failure }
        return out
    }

    /// Stops preparing statements by name on this connection (the server forgot one of ours, or
    /// had one already): what runs on it from now on is parsed and planned each time, as before.
    func stopPreparingStatements() {
        preparesStatements = false
        for s in numbered.values { s.prepared = [:] }
    }

    /// The server no longer has (26000) or already has (42P05) a statement of ours by its name, or
    /// a table it reads changed shape since it was prepared (0A000, "cached plan must not change
    /// result type"): the transaction failed at once, before it changed anything, and runs again
    /// on the same connection without named statements.
    static func isPreparedStatementGone(_ error: any Error) -> Bool {
        guard let s = (error as? PGError)?.sqlState else { return false }
        return s == "26000" || s == "42P05" || s == "0A000"
    }

    /// Calls `body` with the statement and its values as libpq takes them
    /// (typed text parameters: int8, text, text[], int8[]).
    private func withParameters<R>(
        _ sql: String, _ arguments: SQLArguments,
        _ body: (Statement, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let statement: Statement
        if let cached = numbered[sql] {
            statement = cached
        } else {
            statement = Statement(text: PGSQL.numbered(sql))
            numbered[sql] = statement
        }
        let n = arguments.values.count
        var types = [Oid](repeating: 0, count: max(n, 1))
        var values = [UnsafeMutablePointer<CChar>?](repeating: nil, count: max(n, 1))
        defer { for v in values { free(v) } }
        for (i, a) in arguments.values.enumerated() {
            switch a {
            case .null: continue
            case let .integer(v):
                types[i] = 20
                values[i] = strdup(String(v)) // int8
            case let .text(v):
                types[i] = 25
                values[i] = strdup(v) // text
            case let .texts(v):
                types[i] = 1009
                values[i] = strdup(SQLArrayLiteral.make(v)) // text[]
            case let .integers(v):
                types[i] = 1016
                values[i] = strdup("{" + v.map(String.init).joined(separator: ",") + "}") // int8[]
            }
        }
        return types.withUnsafeBufferPointer { tp in
            values.withUnsafeBufferPointer { vp in
                vp.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: vp.count) { cvalues in
                    body(statement, Int32(n), tp.baseAddress, cvalues)
                }
            }
        }
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
            let columns = SQLColumns(
                names: (0..<ncols).map { String(cString: bpq_fname(result, Int32($0))) },
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
        return PGError(
            sqlState: state, message: message.isEmpty ? "the connection was closed" : message,
            constraint: field("n"), detail: field("D"), connectionLost: lost)
    }

    private func connectionError() -> PGError {
        let m = Self.trimmed(String(cString: bpq_errorMessage(conn)))
        return PGError(
            sqlState: nil, message: m.isEmpty ? "the connection was closed" : m, constraint: nil,
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
            if ch == "'" {
                inQuote.toggle()
                out.append(ch)
                i += 1
                continue
            }
            if ch == "?" && !inQuote {
                var j = i + 1
                var digits = ""
                while j < it.count, it[j].isASCII, it[j].isNumber {
                    digits.append(it[j])
                    j += 1
                }
                if digits.isEmpty {
                    n += 1
                    out += "$\(n)"
                } else {
                    out += "$" + digits
                }
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
