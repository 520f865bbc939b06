import Foundation
import Scheduling

/// The prepared demo store: built once (50,000 cases take seconds), then copied for each
/// `biosched demo` run. Its story cases were placed relative to the moment it was built, so a
/// sandbox made from it runs the training clock from that moment (and says so). It is rebuilt
/// when older than a week or made by another version (`version` is in its name).
public struct DemoTemplate: Sendable {
    public static let maxAge: TimeInterval = 7 * 86_400
    /// The template's file.
    public let path: String

    public init(path: String) { self.path = path }

    /// The template of `seed` for this `version`, in $XDG_CACHE_HOME/biosched (else ~/.cache/biosched).
    public init(seed: UInt64, version: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        path = cache + "/biosched/demo-template-seed\(seed)-\(version).sqlite"
    }

    /// A usable template: a training store, young enough.
    public func isUsable(now: Date) -> Bool {
        guard let peek = SQLiteBookingStore.peekTraining(path), peek.isTraining, let made = peek.createdAt else { return false }
        return now.timeIntervalSince(made) < Self.maxAge && made <= now
    }

    /// Copies a freshly built sandbox into the cache (a new file, then renamed: never half there).
    public func save(_ store: SQLiteBookingStore) {
        let dir = StoreFile.parent(of: path)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let tmp = dir + "/.demo-template-\(getpid()).sqlite"
        unlink(tmp)
        do { try store.snapshot(to: tmp) } catch {
            unlink(tmp)
            return
        }
        if rename(tmp, path) != 0 { unlink(tmp) }
    }
}
