import Foundation
import Logging
import PostgresNIO
import Scheduling
import SchedulingStore

/// A value bound to a statement parameter (`$1`, `$2`, ...): never pasted into the SQL text.
protocol PGArgument: Sendable {
    func bind(_ b: inout PostgresBindings)
}
extension String: PGArgument { func bind(_ b: inout PostgresBindings) { b.append(self) } }
extension Int: PGArgument { func bind(_ b: inout PostgresBindings) { b.append(Int64(self)) } }
extension Int64: PGArgument { func bind(_ b: inout PostgresBindings) { b.append(self) } }
extension Array: PGArgument where Element: PGArrayElement { func bind(_ b: inout PostgresBindings) { Element.bindArray(self, &b) } }
protocol PGArrayElement: Sendable { static func bindArray(_ a: [Self], _ b: inout PostgresBindings) }
extension Int64: PGArrayElement { static func bindArray(_ a: [Int64], _ b: inout PostgresBindings) { b.append(a) } }
extension String: PGArrayElement { static func bindArray(_ a: [String], _ b: inout PostgresBindings) { b.append(a) } }

/// The parameters of one statement, in order; nil binds SQL NULL.
struct PGArgs: ExpressibleByArrayLiteral, Sendable {
    var values: [(any PGArgument)?]
    init(arrayLiteral elements: (any PGArgument)?...) { values = elements }
    init(_ values: [(any PGArgument)?]) { self.values = values }
    var bindings: PostgresBindings {
        var b = PostgresBindings(capacity: values.count)
        for v in values { if let v { v.bind(&b) } else { b.appendNull() } }
        return b
    }
}

/// A value read out of a column.
protocol PGColumn {
    static func read(_ cell: PostgresCell) throws -> Self
}
extension String: PGColumn { static func read(_ c: PostgresCell) throws -> String { try c.decode(String.self) } }
extension Int64: PGColumn { static func read(_ c: PostgresCell) throws -> Int64 { try c.decode(Int64.self) } }
extension Int: PGColumn { static func read(_ c: PostgresCell) throws -> Int { Int(try c.decode(Int64.self)) } }
extension Bool: PGColumn { static func read(_ c: PostgresCell) throws -> Bool { try c.decode(Bool.self) } }
extension Optional: PGColumn where Wrapped: PGColumn {
    static func read(_ c: PostgresCell) throws -> Wrapped? { c.bytes == nil ? nil : try Wrapped.read(c) }
}

/// One row of a result, its columns read by name or position.
struct PGRow {
    let row: PostgresRandomAccessRow
    init(_ r: PostgresRow) { row = r.makeRandomAccess() }

    subscript<T: PGColumn>(_ name: String) -> T {
        guard row.contains(name) else { fatalError("no column \(name) in the result") }
        do { return try T.read(row[name]) } catch { fatalError("column \(name) does not read as \(T.self): \(error)") }
    }
    subscript<T: PGColumn>(_ index: Int) -> T {
        do { return try T.read(row[index]) } catch { fatalError("column \(index) does not read as \(T.self): \(error)") }
    }
    func has(_ name: String) -> Bool { row.contains(name) }
    var count: Int { row.count }
    var columnNames: [String] { (0..<row.count).map { row[$0].columnName } }
}

/// One PostgreSQL connection as the store's code uses it: statements written with `?`
/// placeholders (as in the SQLite store) are numbered `$1...` and their values bound.
final class PGDB: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// Statements as sent, by their text with `?` placeholders.
    private var numbered: [String: String] = [:]
    /// Rows changed by the last statement.
    private(set) var changesCount = 0

    /// The statement waiting for its answer, failed if the connection closes first.
    private let flight = NSLock()
    private var inFlight: EventLoopPromise<PostgresQueryResult>?

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection; self.logger = logger
        // postgres-nio writes a statement to a closed channel without a promise: its answer would
        // never come, and `wait()` would wait for ever (a connection the server ended while it
        // sat in the pool). A closed connection fails the statement in flight instead.
        connection.closeFuture.whenComplete { [weak self] _ in self?.failInFlight() }
    }

    private func failInFlight() {
        flight.lock(); let p = inFlight; flight.unlock()
        p?.fail(ConnectionClosed())
    }

    /// The connection closed before or while a statement was sent (counted as connection lost).
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the connection was closed" }
    }

    @discardableResult
    func query(_ sql: String, _ arguments: PGArgs = []) throws -> [PGRow] {
        let text: String
        if let cached = numbered[sql] { text = cached } else { text = PGSQL.numbered(sql); numbered[sql] = text }
        let q = PostgresQuery(unsafeSQL: text, binds: arguments.bindings)
        if connection.isClosed { throw ConnectionClosed() }
        let promise = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        flight.lock(); inFlight = promise; flight.unlock()
        defer { flight.lock(); inFlight = nil; flight.unlock() }
        connection.query(q, logger: logger).cascade(to: promise)
        if connection.isClosed { promise.fail(ConnectionClosed()) }   // closed before the watch above was set
        let result = try promise.futureResult.wait()
        changesCount = result.metadata.rows ?? 0
        return result.rows.map(PGRow.init)
    }

    func fetchRows(sql: String, arguments: PGArgs = []) throws -> [PGRow] { try query(sql, arguments) }
    func fetchRow(sql: String, arguments: PGArgs = []) throws -> PGRow? { try query(sql, arguments).first }
    func fetchValue<T: PGColumn>(_ type: T.Type, sql: String, arguments: PGArgs = []) throws -> T? {
        guard let r = try query(sql, arguments).first else { return nil }
        let v: T? = try Optional<T>.read(r.row[0])
        return v
    }
    func fetchValues<T: PGColumn>(_ type: T.Type, sql: String, arguments: PGArgs = []) throws -> [T] {
        try query(sql, arguments).compactMap { r in try Optional<T>.read(r.row[0]) }
    }
    func run(sql: String, arguments: PGArgs = []) throws { try query(sql, arguments) }
    func execute(sql: String, arguments: PGArgs = []) throws { try query(sql, arguments) }
    /// A script of several statements with no parameters (constant text: migrations, BEGIN, SET),
    /// run one statement at a time (postgres-nio sends each as one unnamed statement).
    func script(_ sql: String) throws {
        for statement in PGSQL.statements(sql) {
            _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
        }
    }
}

extension PGColumn {
    static func fetchOne(_ db: PGDB, sql: String, arguments: PGArgs = []) throws -> Self? { try db.fetchValue(Self.self, sql: sql, arguments: arguments) }
}

enum PGSQL {
    /// Splits a script at the semicolons that end a line, outside `$$` function bodies; `--` comment lines are dropped.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = [], cur = "", inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !inBody && trimmed.hasPrefix("--") { continue }
            cur += line + "\n"
            var count = 0
            var rest = Substring(line)
            while let r = rest.range(of: "$$") { count += 1; rest = rest[r.upperBound...] }
            if count % 2 == 1 { inBody.toggle() }
            if !inBody && trimmed.hasSuffix(";") {
                let st = cur.trimmingCharacters(in: .whitespacesAndNewlines)
                if st != ";" && !st.isEmpty { out.append(String(st.dropLast())) }
                cur = ""
            }
        }
        let last = cur.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { out.append(last) }
        return out
    }

    /// `?` placeholders become `$1, $2, ...` in order, and `?N` becomes `$N`; text inside quotes is left alone.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var inQuote = false
        var it = Array(sql)
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
        it.removeAll()
        return out
    }
}
