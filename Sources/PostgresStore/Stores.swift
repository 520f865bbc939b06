import Foundation
import Scheduling
import SchedulingStore

/// Opens the store a `--db` names, whatever its backend: a `postgresql://` URL (or `postgres`, the
/// libpq environment) is the PostgreSQL store; anything else is a SQLite store file.
public enum Stores {
    public static func isPostgres(_ location: String) -> Bool { PostgresLocation.isPostgres(location) }

    public static func postgresLocation(_ text: String) throws(StoreError) -> PostgresLocation {
        try PostgresLocation.parse(text)
    }

    public static func open(_ location: String, origin: AuditOrigin) throws(StoreError) -> any OpenedStore {
        if isPostgres(location) { return try PostgresBookingStore.open(try postgresLocation(location), origin: origin) }
        return try StoreOpener.open(location, origin: origin)
    }

    /// A short fingerprint of the PostgreSQL schema's migrations (FNV-1a over their SQL): names the
    /// benchmark's cached database, so a changed schema is never benchmarked on an old copy.
    public static var postgresSchemaFingerprint: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for m in PostgresSchema.migrations { for b in (m.version + m.sql).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        return String(h, radix: 16)
    }
}
