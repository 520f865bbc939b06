import GRDB

/// Statements of the hot paths are compiled once per connection and reused: SQLite otherwise
/// recompiles the appointment triggers and asks GRDB's authorizer about every column each time.
extension Database {
    func fetchRow(sql: String, arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
    func fetchRows(sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }
    func fetchValue<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, sql: String, arguments: StatementArguments = []) throws -> T? {
        try T.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
    func fetchValues<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, sql: String, arguments: StatementArguments = []) throws -> [T] {
        try T.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }
    func run(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
