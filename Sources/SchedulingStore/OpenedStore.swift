import Foundation
import Scheduling

/// Row counts for a summary of the store.
public protocol StoreCounting: Sendable {
    func counts() throws(StoreError) -> StoreCounts
}

/// The outbox as people manage it (the mailer's own side is `OutboxStore`).
public protocol OutboxAdministration: Sendable {
    func setting(_ key: String) throws(StoreError) -> String?
    func outboxStoreID() throws(StoreError) -> String
    func outboxEntries(status: OutboxStatus?, limit: Int) throws(StoreError) -> [OutboxEntry]
    func outboxCounts() throws(StoreError) -> [OutboxStatus: Int]
    func retryOutbox(ids: [Int64]?, actor: Actor, now: Date) throws(StoreError) -> [Int64]
    func reminderSchedule() throws(StoreError) -> ReminderSchedule
    func enqueueReminders(now: Date) throws(StoreError) -> Int
    func currentCalendarAppointment(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> (CalendarAppointment, applicantName: String)?
}

/// Everything the command line asks of an opened store, whatever the backend: the booking and
/// administration protocols, keys, the outbox, import, counts, and the few operations of a store
/// as a whole. The SQLite store implements it; a PostgreSQL store implements it the same way.
public protocol OpenedStore: BookingStore, StoreAdministration, StoreSettings, TransactionalStore, DocumentImporting, StoreCounting, KeyRegistry, OutboxStore,
    OutboxAdministration
{
    /// Where the store is, as a person would name it (a file path, a database URL without password).
    var location: String { get }
    /// A store file that must never be written by anything else (a notice saved by the UI), if any.
    var protectedFile: String? { get }
    /// Whether the store file belongs to this process's user (the service account: docs/security.md).
    var isOwnedByThisUser: Bool { get }
    /// Appends an audit row, waiting at most `seconds` for a lock (a look-up must not wait long).
    func recordEvent(
        _ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date,
        waitingAtMost seconds: TimeInterval) throws(StoreError)
    /// An online backup to `path`, checked before it is kept.
    func backup(to path: String) throws(StoreError) -> BackupReport
}

extension SQLiteBookingStore: OpenedStore, StoreCounting, OutboxAdministration {
    public var location: String { path }
    public var protectedFile: String? { path }
    public var isOwnedByThisUser: Bool { StoreFile.isOwnedByThisUser(path) }
}

/// Opens the store a `--db` names. A plain path is the SQLite store; a URL this build has no
/// backend for is refused by name.
public enum StoreOpener {
    /// Whether `text` names a PostgreSQL store rather than a file: a `postgresql://` or `postgres://`
    /// URI, a `key=value` connection string (`service=NAME`, `host=... dbname=...`), or the word
    /// `postgres` (the libpq environment). A file path is never one.
    public static func namesPostgres(_ text: String) -> Bool {
        let l = text.lowercased()
        if l == "postgres" || l.hasPrefix("postgresql://") || l.hasPrefix("postgres://") { return true }
        // `^\s*[A-Za-z_]+\s*=`, matched by hand: a regular expression here would load ICU's regex
        // engine into every session at start (about 110 kB of heap that stays).
        var rest = Substring(text).unicodeScalars.drop { $0.properties.isWhitespace }
        let name = rest.prefix { ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || $0 == "_" }
        guard !name.isEmpty else { return false }
        rest = rest.dropFirst(name.count).drop { $0.properties.isWhitespace }
        return rest.first == "="
    }

    /// `lean`: an interactive session's store (see `SQLiteBookingStore.init`).
    public static func open(_ location: String, origin: AuditOrigin, lean: Bool = false) throws(StoreError) -> any OpenedStore {
        try SQLiteBookingStore(path: location, origin: origin, lean: lean)
    }
}
