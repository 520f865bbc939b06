import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// A new training store for one benchmark run, at a fixed clock: a SQLite file `file` in a
/// folder of its own (removed by `cleanup`), or the empty PostgreSQL database `database` names.
struct FreshStore {
    let store: any OpenedStore
    /// "SQLite" or "PostgreSQL", for the report.
    let backend: String
    let folder: URL
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    init(database: String?, file: String, tag: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-\(tag)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let database {
            #if PostgreSQL
            guard PostgresLocation.isPostgres(database) else { throw BenchFailure("--db takes a postgresql:// URL of an empty database") }
            store = try PostgresBookingStore.create(try PostgresLocation.parse(database), training: true, createdBy: "bench", now: Self.now)
            backend = "PostgreSQL"
            #else
            throw BenchFailure("this biosched-bench was built without the PostgreSQL store (--disable-default-traits)")
            #endif
        } else {
            store = try SQLiteBookingStore.create(path: folder.appendingPathComponent(file).path, training: true, createdBy: "bench", now: Self.now)
            backend = "SQLite"
        }
    }

    func cleanup() { try? FileManager.default.removeItem(at: folder) }
}
