import Foundation
import GRDB
import Scheduling

extension SQLiteBookingStore: KeyRegistry {
    /// The key in force with this blob, read through one read-only connection and nothing else
    /// (no pool, no WAL set-up, no migration check): sshd's AuthorizedKeysCommand runs this for
    /// every login, so it is kept short. A store that is not a biosched store, or whose schema has
    /// no keys yet, answers an error (the caller admits nobody).
    public static func lookUpKey(path: String, blob: String) throws(StoreError) -> StoredKey? {
        try readingFile(path, doing: StoreStep.lookingUpKey) { db in
            try db.fetchRow(sql: "SELECT * FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [blob]).flatMap {
                try storedKey(GRDBConnection(db), GRDBConnection.row($0))
            }
        }
    }
}
