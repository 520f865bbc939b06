import GRDB

/// Migration `v4-keys`: SSH keys and enrollment codes are rows of the store.
enum KeySchema {
    static let sql = SharedTables.keys(.sqlite)
}
