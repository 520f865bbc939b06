import Foundation
import GRDB

/// GRDB's `Database` (SQLite) as a `SQLDatabase`: statements compiled once per connection and
/// reused (SQLite otherwise recompiles the appointment triggers and asks GRDB's authorizer about
/// every column each time), rows copied out as `SQLRow`s.
final class GRDBConnection: SQLDatabase {
    let db: Database
    init(_ db: Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        var columns: SQLColumns?
        var out: [SQLRow] = []
        while let row = try cursor.next() {
            let names = columns ?? SQLColumns(names: Array(row.columnNames))
            columns = names
            out.append(SQLRow(columns: names, values: row.databaseValues.map(Self.value)))
        }
        return out
    }

    func run(sql: String, arguments: SQLArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
    }

    var changesCount: Int { db.changesCount }

    static func arguments(_ a: SQLArguments) -> StatementArguments {
        StatementArguments(
            a.values.map { v -> DatabaseValue in
                switch v {
                case .null: return .null
                case let .integer(i): return i.databaseValue
                case let .text(s): return s.databaseValue
                case let .texts(l): return (String(decoding: (try? JSONSerialization.data(withJSONObject: l)) ?? Data("[]".utf8), as: UTF8.self)).databaseValue
                case let .integers(l): return ("[" + l.map(String.init).joined(separator: ",") + "]").databaseValue
                }
            })
    }

    /// A row GRDB read, as a `SQLRow`.
    static func row(_ r: Row) -> SQLRow {
        SQLRow(columns: SQLColumns(names: Array(r.columnNames)), values: r.databaseValues.map(value))
    }

    static func value(_ v: DatabaseValue) -> SQLValue {
        switch v.storage {
        case .null: return .null
        case let .int64(i): return .integer(i)
        case let .string(s): return .text(s)
        case let .double(d): return .integer(Int64(d))
        case let .blob(b): return .text(String(decoding: b, as: UTF8.self))
        }
    }
}
