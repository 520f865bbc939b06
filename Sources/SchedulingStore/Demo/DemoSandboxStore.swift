import Foundation
import Scheduling

/// Why a demo sandbox could not be made.
public enum DemoSandboxError: Error {
    /// The session's temporary folder could not be made (where, why).
    case noTemporaryFolder(String, String)
    /// The store refused or failed.
    case store(StoreError)
    /// `--db` names a production store: the demo never opens one (its location; whether a database).
    case notTraining(String, database: Bool)

    public func message(_ t: Catalog) -> String {
        switch self {
        case let .noTemporaryFolder(path, why): t.demoNoTempFolder(path, why)
        case let .store(e): e.message(in: t.language)
        case let .notTraining(location, database): database ? t.demoNotProductionDatabase(location) : t.demoNotProduction(location)
        }
    }
}

/// The store behind `biosched demo`: a SQLite file (a temporary one unless `--db` names one,
/// copied from the prepared template when it can be) or a PostgreSQL database, always a training
/// store, with its first state kept for reset and the moment its story cases hold from.
public struct DemoSandboxStore: Sendable {
    public let store: any TrainingSandbox
    public let info: StoreInfo
    /// The sandbox clock's first instant.
    public let start: Date
    public let seed: UInt64
    /// True when this run made the store (fresh request ids can start from 1).
    public let created: Bool
    /// True when the store is a copy of the prepared template (its clock starts at the template's moment).
    public let fromTemplate: Bool
    /// The session's own folder: the temporary store, the first state; removed at the end.
    public let folder: URL
    public let pristine: SandboxFirstState
    /// When the story cases were placed (the stories are told relative to it).
    public let storiesPlacedAt: Date

    /// How the sandbox is opened where this library cannot: a PostgreSQL database (opened, or
    /// filled with demo data when empty; says whether it made it), and a fatal signal's clean-up.
    public struct Hooks {
        public var isDatabase: (String) -> Bool
        public var openDatabase: (_ location: String, _ now: Date, _ seed: UInt64) throws(StoreError) -> (any TrainingSandbox, Bool)
        /// Said before the demo data is written (it takes seconds).
        public var creating: (String) -> Void
        /// While the sandbox is built: a fatal signal removes this folder.
        public var guardFolder: (String) -> Void
        public var unguardFolder: () -> Void
        public init(
            isDatabase: @escaping (String) -> Bool,
            openDatabase: @escaping (String, Date, UInt64) throws(StoreError) -> (any TrainingSandbox, Bool),
            creating: @escaping (String) -> Void = { _ in }, guardFolder: @escaping (String) -> Void = { _ in },
            unguardFolder: @escaping () -> Void = {}
        ) {
            self.isDatabase = isDatabase
            self.openDatabase = openDatabase
            self.creating = creating
            self.guardFolder = guardFolder
            self.unguardFolder = unguardFolder
        }
    }

    /// Opens (or makes) the sandbox. `db`: `--db` (nil: a temporary file); `now`: `--now`;
    /// `flowStart`: a recorded flow's own start; `template`: where the prepared store is kept
    /// (used only for the usual run: no --db, no clock, no flow start). A store that is not a
    /// training store is refused and left as it was.
    public static func open(
        db: String?, now: Date?, flowStart: Date?, seed: UInt64, user: String, template: DemoTemplate?,
        hooks: Hooks
    ) throws(DemoSandboxError) -> DemoSandboxStore {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("biosched-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .noTemporaryFolder(fm.temporaryDirectory.path, error.localizedDescription)
        }
        // A signal while the sandbox is built (it takes seconds) removes the folder, not only the process.
        hooks.guardFolder(folder.path)
        defer { hooks.unguardFolder() }
        let onDatabase = db.map(hooks.isDatabase) ?? false
        let path = db ?? folder.appendingPathComponent("sandbox.sqlite").path
        var created = false
        var start = now ?? flowStart ?? Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60)
        // The usual run (no --db, no clock, no flow of its own) copies the prepared demo store.
        let ordinary = db == nil && now == nil && flowStart == nil
        var fromTemplate = false
        func createFile() throws(StoreError) {
            hooks.creating(path)
            try SQLiteBookingStore.createDemo(path: path, createdBy: user, now: start, seed: seed)
            created = true
        }
        do throws(DemoSandboxError) {
            let store: any TrainingSandbox
            do throws(StoreError) {
                if onDatabase {
                    (store, created) = try hooks.openDatabase(path, start, seed)
                } else {
                    if ordinary, let template, template.isUsable(now: start), (try? fm.copyItem(atPath: template.path, toPath: path)) != nil {
                        fromTemplate = true
                    } else if !fm.fileExists(atPath: path) {
                        try createFile()
                    }
                    do { store = try SQLiteBookingStore(path: path) } catch {
                        // A cached template this build cannot open (made by another build of the same
                        // version): it is dropped, and the sandbox made afresh, as with no template.
                        guard fromTemplate, let template else { throw error }
                        unlink(path)
                        unlink(template.path)
                        fromTemplate = false
                        try createFile()
                        store = try SQLiteBookingStore(path: path)
                    }
                }
            } catch { throw .store(error) }
            let info: StoreInfo
            let createdAt: Date?
            do {
                info = try store.storeInfo()
                createdAt = try store.createdAt()
            } catch { throw .store(error) }
            guard info.isTraining else {
                store.close()
                throw .notTraining(onDatabase ? store.location : path, database: onDatabase)
            }
            if !created, now == nil, flowStart == nil, let createdAt { start = createdAt }
            if created && ordinary, let template, let sqlite = store as? SQLiteBookingStore { template.save(sqlite) }
            let pristine: SandboxFirstState
            do { pristine = try store.keepFirstState(in: folder) } catch { throw .store(error) }
            return DemoSandboxStore(
                store: store, info: info, start: start, seed: seed, created: created, fromTemplate: fromTemplate,
                folder: folder, pristine: pristine, storiesPlacedAt: createdAt ?? start)
        } catch {
            try? fm.removeItem(at: folder)
            throw error
        }
    }

    /// Forgets the first state and removes the session's folder (and with it the sandbox, unless
    /// it is a --db file or database).
    public func remove() {
        store.discard(pristine)
        store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
