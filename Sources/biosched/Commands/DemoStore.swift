import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// Creates a training store filled with the demo data.
enum DemoStore {
    /// Refuses an existing file (nothing is ever overwritten or removed); if filling the new store
    /// fails, only the file this call created is removed.
    static func create(path: String, user: String, now: Date, seed: UInt64, quiet: Bool, _ t: Catalog = .en) throws(Failure) {
        if !quiet { FileHandle.standardError.write(Data((t.creatingDemoStore(path) + "\n").utf8)) }
        let store: SQLiteBookingStore
        do { store = try SQLiteBookingStore.create(path: path, training: true, createdBy: user, now: now) } catch {
            throw Failure(storeError: error)
        }
        do {
            _ = try store.importDocument(DemoData.document(seed: seed, now: now), actor: Actor(role: .officer, id: user), now: now)
        } catch {
            store.close()
            StoreFile.remove(createdStore: path)
            throw Failure(storeError: error)
        }
    }
}
