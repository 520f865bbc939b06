import Foundation
import Testing

@testable import TerminalUI

/// The theme file's watch: a change to the watched file wakes the caller, other files do not.
@Suite("FileWatch (inotify)")
struct FileWatchTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func bump() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }

    @Test(
        "Writing or replacing the watched file calls back and is taken once; another file in the folder does not",
        .enabled(if: FileWatch(changed: {}) != nil))
    func watchesOneFile() throws {
        InotifyTests.lock.lock()
        defer { InotifyTests.lock.unlock() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.toml")
        try Data("a".utf8).write(to: file)
        let calls = Count()
        let made = FileWatch(changed: { calls.bump() })
        guard let watch = made else {
            Issue.record("no inotify")
            return
        }
        watch.watch(file.path)
        #expect(watch.isWatching && watch.path == file.path)

        func settle() {
            for _ in 0..<40 where calls.value == 0 { usleep(25_000) }
            usleep(50_000)
        }
        try Data("other".utf8).write(to: dir.appendingPathComponent("other.toml"))
        usleep(200_000)
        #expect(calls.value == 0, "another file is not ours")
        #expect(!watch.takeChange())

        try Data("b".utf8).write(to: file, options: .atomic) // replaced, as editors do
        settle()
        #expect(calls.value >= 1)
        #expect(watch.takeChange())
        #expect(!watch.takeChange(), "taken once")

        watch.watch(nil)
        let before = calls.value
        try Data("c".utf8).write(to: file)
        usleep(200_000)
        #expect(calls.value == before, "no watch, no call")
    }
}
