import Foundation
import Scheduling
import SchedulingStore

/// The prepared demo store: built once (50,000 cases take seconds), then copied for each
/// `biosched demo` run. Its story cases were placed relative to the moment it was built, so a
/// sandbox made from it runs the training clock from that moment (and says so). It is rebuilt
/// when older than a week or made by another version of the schema.
enum DemoTemplate {
    static let maxAge: TimeInterval = 7 * 86_400

    static func path(seed: UInt64) -> String {
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return cache + "/biosched/demo-template-seed\(seed)-\(BioschedVersion.current).sqlite"
    }

    /// A usable template: a training store, young enough.
    static func usable(_ path: String, now: Date) -> Bool {
        guard let peek = SQLiteBookingStore.peekTraining(path), peek.isTraining, let made = peek.createdAt else { return false }
        return now.timeIntervalSince(made) < maxAge && made <= now
    }

    /// Copies a freshly built sandbox into the cache (a new file, then renamed: never half there).
    static func save(_ store: SQLiteBookingStore, seed: UInt64) {
        let target = path(seed: seed)
        let dir = StoreFile.parent(of: target)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let tmp = dir + "/.demo-template-\(getpid()).sqlite"
        unlink(tmp)
        do { try store.snapshot(to: tmp) } catch { unlink(tmp); return }
        if rename(tmp, target) != 0 { unlink(tmp) }
    }
}
