import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// The backend picker: what `--db` names, opened by the store that keeps it. A plain path is the
/// SQLite store; a PostgreSQL connection string is the PostgreSQL store when this biosched was
/// built with it (the package trait `PostgreSQL`, on by default), and refused by name otherwise.
enum StoreBackends {
    static func isPostgres(_ location: String) -> Bool { StoreOpener.namesPostgres(location) }

    /// Whether this build has the PostgreSQL store.
    static var hasPostgres: Bool {
        #if PostgreSQL
        true
        #else
        false
        #endif
    }

    /// `lean`: an interactive session's SQLite store, one connection and a small cache (PostgreSQL: no difference).
    static func open(_ location: String, origin: AuditOrigin, lean: Bool = false) throws(StoreError) -> any OpenedStore {
        guard isPostgres(location) else { return try StoreOpener.open(location, origin: origin, lean: lean) }
        #if PostgreSQL
        return try PostgresBookingStore.open(try PostgresLocation.parse(location), origin: origin)
        #else
        throw withoutPostgres
        #endif
    }

    /// Checks a PostgreSQL `--db` as libpq reads it, without connecting.
    static func check(_ location: String) throws(StoreError) {
        #if PostgreSQL
        _ = try PostgresLocation.parse(location)
        #else
        throw withoutPostgres
        #endif
    }

    /// How a PostgreSQL store is named in messages (never with a password).
    static func display(_ location: String) -> String {
        #if PostgreSQL
        (try? PostgresLocation.parse(location).display) ?? Echo.show(location, limit: 200)
        #else
        Echo.show(location, limit: 200)
        #endif
    }

    static var withoutPostgres: StoreError { .unusableStore(Localized { $0.builtWithoutPostgres }) }
}
