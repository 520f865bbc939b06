import Foundation
import GRDB
import Testing

/// The default demo store (no --db) has one clock: every session resumes its story time where the
/// store's last recorded moment left it, so audit times never go backwards.
@Suite("One clock per default demo store")
struct StoryClockTests {
    @Test("A later session on an older default demo store never records a time before an earlier one's")
    func neverBackwards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-story-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("default.sqlite").path
        let env = ["BIOSCHED_DB": path]
        let first = try Binary.run(["status", "IOE0923456781", "--as", "agent"], env: env) // makes the demo store, then a look-up
        try #require(first.status == 0, "\(first.stderr)")
        // The store was made an hour ago (as a class's store is, by the time its second session opens).
        try DatabaseQueue(path: path).write { db in
            let made =
                try Int64.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'created_at'").map { $0 - 3600 }
                ?? Int64(Date().timeIntervalSince1970) - 3600
            try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'created_at'", arguments: [String(made)])
        }
        let second = try Binary.run(["status", "IOE0923456781", "--as", "agent"], env: env)
        try #require(second.status == 0, "\(second.stderr)")
        let times = try DatabaseQueue(path: path).read { db in try Int64.fetchAll(db, sql: "SELECT at FROM audit ORDER BY id") }
        #expect(times.count >= 3)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "audit times go backwards: \(times)")
    }
}
