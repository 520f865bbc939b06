import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// Creates a training store filled with the demo data.
enum DemoStore {
    /// Refuses an existing file (nothing is ever overwritten or removed); if filling the new store
    /// fails, only the file this call created is removed.
    static func create(
        path: String, user: String, now: Date, seed: UInt64, quiet: Bool, _ t: Catalog = .en,
        origin: AuditOrigin = AuditOrigin(), group: String? = nil, settings: [StoreSetting: String] = [:]
    ) throws(Failure) {
        if !quiet { StandardStreams.err(t.creatingDemoStore(path) + "\n") }
        // One transaction, statements prepared once (SchedulingStore/Demo/DemoStoreLoader.swift): the
        // same rows as `import` of the same document, in well under the time.
        do {
            try SQLiteBookingStore.createDemo(path: path, createdBy: user, now: now, seed: seed, origin: origin, group: group, settings: settings)
        } catch {
            throw Failure(storeError: error)
        }
    }

    /// The default store's first use: the demo store, unless it is there. Another process creating it
    /// at the same moment is waited for (and said), and what it made is used.
    static func createIfMissing(path: String, user: String, now: Date, seed: UInt64, quiet: Bool, _ t: Catalog = .en) throws(Failure) {
        if !quiet { StandardStreams.err(t.creatingDemoStore(path) + "\n") }
        do {
            _ = try SQLiteBookingStore.createDemoIfMissing(path: path, createdBy: user, now: now, seed: seed) {
                StandardStreams.err(t.waitingForDemoStore(path) + "\n")
            }
        } catch { throw Failure(storeError: error) }
    }

    /// A PostgreSQL sandbox: the store in the database, or, in an empty database (as `createdb`
    /// makes it), a new training store with the demo data (one transaction: a failure leaves the
    /// database empty). Says whether it made it.
    static func openOrCreatePostgres(_ url: String, user: String, now: Date, seed: UInt64, _ t: Catalog = .en) throws(StoreError) -> (any TrainingSandbox, Bool)
    {
        #if PostgreSQL
        let location = try PostgresLocation.parse(url)
        guard try PostgresBookingStore.isEmptyDatabase(location) else { return (try PostgresBookingStore.open(location), false) }
        StandardStreams.err(t.creatingDemoDatabase(location.display) + "\n")
        let store = try PostgresBookingStore.create(
            location, training: true, createdBy: user, now: now,
            contents: DemoData.document(seed: seed, now: now))
        return (store, true)
        #else
        throw StoreBackends.withoutPostgres
        #endif
    }
}
