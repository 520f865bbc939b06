import Foundation
import Scheduling

/// What truly differs between the databases the store runs on; everything else is written once.
public enum SQLDialect: Sendable {
    case sqlite, postgresql

    /// Appended to a sub-select that picks one row to claim: PostgreSQL locks it and skips rows
    /// another transaction holds; SQLite's one writer needs nothing.
    public var skipLocked: String { self == .postgresql ? " FOR UPDATE SKIP LOCKED" : "" }
    /// Appended to a SELECT whose rows the transaction is about to change.
    public var forUpdate: String { self == .postgresql ? " FOR UPDATE" : "" }
    /// A sub-select's values as one list column: `ARRAY(...)` on PostgreSQL, a JSON array on SQLite;
    /// read back with `readList`.
    public func list(_ expression: String, from: String) -> String {
        self == .postgresql ? "ARRAY(SELECT \(expression) FROM \(from))" : "(SELECT json_group_array(\(expression)) FROM \(from))"
    }
    public func readList(_ value: SQLValue) throws -> [String] {
        switch (self, value) {
        case (_, .null): return []
        case (.sqlite, let .text(json)):
            guard let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] else {
                throw SQLDecodingError(value: value, type: "[String]")
            }
            return items.map { "\($0)" }
        default: return try [String].read(value)
        }
    }
    /// Whether the schema's triggers move `slots.booked` with each appointment (SQLite), or the
    /// booking transaction does, under row locks (PostgreSQL; see `SQLTransaction`).
    public var slotsCountedByTriggers: Bool { self == .sqlite }
}

/// One connection inside one transaction, as the store's shared SQL uses it: statements with `?`
/// placeholders and their values, rows back. GRDB's `Database` (SQLite) and libpq's connection
/// (PostgreSQL) each implement it; the SQL is written once over it.
public protocol SQLDatabase: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement and returns its rows (none for a statement that returns none).
    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow]
    /// Runs one statement, its rows (if any) dropped.
    func run(sql: String, arguments: SQLArguments) throws
    /// Rows changed by the last statement.
    var changesCount: Int { get }
    /// A write whose result nobody reads: a database across a network sends it with the next
    /// statement that needs an answer (or with the commit); its error, if any, fails the
    /// transaction then. Local databases run it at once.
    func runLater(sql: String, arguments: SQLArguments) throws
    /// A statement that must change (or, a SELECT, return) exactly `rows` rows, else the
    /// transaction fails with `failure` before it commits: at once, or with the next round trip.
    func expect(sql: String, arguments: SQLArguments, rows: Int, otherwise failure: StoreError) throws
    /// Fetches `statements` together (one round trip to a remote database) and answers the same
    /// statements with the same values from what came back, until the transaction ends. Only for
    /// reads whose answer the transaction's own writes do not change before it asks. Local
    /// databases ignore it.
    func prefetch(_ statements: [SQLStatement]) throws
    /// Whether `prefetch` saves anything here (a database across a network).
    var fetchesAhead: Bool { get }
}

/// One statement and its values.
public struct SQLStatement: Sendable {
    public let sql: String
    public let arguments: SQLArguments
    public init(_ sql: String, _ arguments: SQLArguments = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension SQLDatabase {
    public func runLater(sql: String, arguments: SQLArguments) throws { try run(sql: sql, arguments: arguments) }
    public func expect(sql: String, arguments: SQLArguments, rows: Int, otherwise failure: StoreError) throws {
        let selected = try fetchRows(sql: sql, arguments: arguments)
        if (sql.hasPrefix("SELECT") ? selected.count : changesCount) != rows { throw failure }
    }
    public func prefetch(_ statements: [SQLStatement]) throws {}
    public var fetchesAhead: Bool { false }
    public func fetchRows(sql: String) throws -> [SQLRow] { try fetchRows(sql: sql, arguments: []) }
    public func fetchRow(sql: String, arguments: SQLArguments = []) throws -> SQLRow? { try fetchRows(sql: sql, arguments: arguments).first }
    public func fetchValue<T: SQLColumn>(_ type: T.Type, sql: String, arguments: SQLArguments = []) throws -> T? {
        guard let r = try fetchRows(sql: sql, arguments: arguments).first, let v = r.values.first else { return nil }
        if case .null = v { return nil }
        return try T.read(v)
    }
    public func fetchValues<T: SQLColumn>(_ type: T.Type, sql: String, arguments: SQLArguments = []) throws -> [T] {
        try fetchRows(sql: sql, arguments: arguments).compactMap { r in
            guard let v = r.values.first else { return nil }
            if case .null = v { return nil }
            return try T.read(v)
        }
    }
    public func run(sql: String) throws { try run(sql: sql, arguments: []) }
    public func execute(sql: String, arguments: SQLArguments = []) throws { try run(sql: sql, arguments: arguments) }
}

extension SQLColumn {
    public static func fetchOne(_ db: any SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.fetchValue(Self.self, sql: sql, arguments: arguments)
    }
}

/// A store whose primitives run as SQL on one of the databases: the shared code of every store
/// protocol (outbox, reads, bookings...) is written once over this.
public protocol SQLStore: AnyObject, Sendable {
    /// One write transaction: committed when `body` returns, rolled back when it throws.
    func sqlWrite<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T
    /// One read, on one snapshot.
    func sqlRead<T>(_ body: (any SQLDatabase) throws -> T) throws(StoreError) -> T
    /// Where this process's actions come from, written on every audit row.
    var origin: AuditOrigin { get }
    /// Appends an audit row, waiting at most `seconds` for another writer's lock (a look-up's row
    /// must not hold its answer up long): each database waits its own way.
    func recordEvent(
        _ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date,
        waitingAtMost seconds: TimeInterval) throws(StoreError)
}

extension SQLStore {
    /// The store's transaction over `db` (the booking primitives; reads of a case, for `CaseSnapshot`).
    package func transaction(on db: any SQLDatabase) -> SQLTransaction {
        SQLTransaction(db: db, origin: origin) { db, account, actor, now, origin in
            try Self.issueCode(db, account: account, actor: actor, now: now, origin: origin)
        }
    }
}
