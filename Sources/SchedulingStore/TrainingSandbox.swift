import Foundation
import Scheduling

/// A training store as `biosched demo` uses it: when its demo data was placed, a copy of its state
/// when a session starts, and a reset back to that copy while the store stays open. A SQLite store
/// keeps the copy in a file of the session's folder (online backup); a PostgreSQL store in a schema
/// of its own in the same database. A reset is refused on a production store.
public protocol TrainingSandbox: OpenedStore {
    /// When the store was created: the demo data's story cases were placed relative to it.
    func createdAt() throws(StoreError) -> Date?
    /// Keeps the store's present state; `folder` is the session's own temporary folder.
    func keepFirstState(in folder: URL) throws(StoreError) -> SandboxFirstState
    /// Puts back the state kept by `keepFirstState`, in one transaction.
    func reset(to first: SandboxFirstState) throws(StoreError)
    /// Forgets the kept state (at the end of the session).
    func discard(_ first: SandboxFirstState)
    /// Closes the store's connections or file.
    func close()
}

/// Where a sandbox's first state is kept: a file path or a schema name, made by the store itself.
public struct SandboxFirstState: Sendable, Equatable {
    public let name: String
    public init(name: String) { self.name = name }
}

extension SQLiteBookingStore: TrainingSandbox {
    public func keepFirstState(in folder: URL) throws(StoreError) -> SandboxFirstState {
        let path = folder.appendingPathComponent("first-state.sqlite").path
        try snapshot(to: path)
        return SandboxFirstState(name: path)
    }

    public func reset(to first: SandboxFirstState) throws(StoreError) { try restore(from: first.name) }

    public func discard(_ first: SandboxFirstState) { unlink(first.name) }
}
