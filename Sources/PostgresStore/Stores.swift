import Foundation
import Scheduling
import SchedulingStore

/// Opens the store a `--db` names, whatever its backend: a `postgresql://` URL (or `postgres`, the
/// libpq environment) is the PostgreSQL store; anything else is a SQLite store file.
public enum Stores {
    public static func isPostgres(_ location: String) -> Bool { PostgresLocation.isPostgres(location) }

    public static func postgresLocation(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> PostgresLocation {
        try PostgresLocation.parse(text, environment: environment, osUser: osUser())
    }

    public static func open(_ location: String, origin: AuditOrigin) throws(StoreError) -> any OpenedStore {
        if isPostgres(location) { return try PostgresBookingStore.open(try postgresLocation(location), origin: origin) }
        return try StoreOpener.open(location, origin: origin)
    }

    static func osUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
