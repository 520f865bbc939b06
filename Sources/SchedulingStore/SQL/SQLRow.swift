import Foundation

/// The column names of one result, shared by its rows.
public final class SQLColumns: @unchecked Sendable {
    public let names: [String]
    /// Columns the database says hold integers (for copying rows between databases as they are).
    public let integerColumns: Set<Int>
    let index: [String: Int]
    public init(names: [String], integerColumns: Set<Int> = []) {
        self.names = names
        self.integerColumns = integerColumns
        var idx: [String: Int] = [:]
        for (i, n) in names.enumerated() where idx[n] == nil { idx[n] = i }
        index = idx
    }
}

/// One row of a result, its columns read by name or position as any `SQLColumn`. A column that
/// is missing or does not read as asked is a programming error (the SQL is ours), and traps.
public struct SQLRow: Sendable {
    public let columns: SQLColumns
    public let values: [SQLValue]
    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript<T: SQLColumn>(_ name: String) -> T {
        guard let i = columns.index[name] else { fatalError("no column \(name) in the result") }
        return self[i]
    }
    public subscript<T: SQLColumn>(_ index: Int) -> T {
        do { return try T.read(values[index]) } catch { fatalError("column \(columns.names[index]) does not read as \(T.self): \(error)") }
    }
    /// The value of a column as stored.
    public func value(_ name: String) -> SQLValue { columns.index[name].map { values[$0] } ?? .null }
    public func has(_ name: String) -> Bool { columns.index[name] != nil }
    public func isInteger(_ name: String) -> Bool {
        guard let i = columns.index[name] else { return false }
        if case .integer = values[i] { return true }
        return columns.integerColumns.contains(i)
    }
    public var count: Int { values.count }
    public var columnNames: [String] { columns.names }
}
