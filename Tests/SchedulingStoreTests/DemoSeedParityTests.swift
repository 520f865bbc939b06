#if PostgreSQL
import Foundation
import PostgresTestSupport
import Testing

/// `init --demo` with the same seed gives the same demo data on SQLite and PostgreSQL: a class's
/// handout (receipts, names, appointments, what find lists) works on both.
@Suite("Same seed, same demo data on SQLite and PostgreSQL", .serialized)
struct DemoSeedParityTests {
    @Test("init --demo --seed 7: the story cases' status and a find by name read the same on both stores")
    func sameData() throws {
        let c = try PostgresProcessTests.cluster()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = "2026-11-30T15:00:00Z"
        let sqlite = dir.appendingPathComponent("demo.sqlite").path
        let pg = c.url(try c.createDatabase())
        for db in [sqlite, pg] {
            let made = try Binary.run(["init", "--demo", "--seed", "7", "--db", db, "--now", now])
            try #require(made.status == 0, "\(db): \(made.stderr)")
        }
        func canonical(_ o: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        func read(_ db: String, _ args: [String]) throws -> String {
            let r = try Binary.run(args + ["--as", "agent", "--json", "--db", db, "--now", now])
            var o = r.json
            o.removeValue(forKey: "now")
            if var a = o["appointment"] as? [String: Any] {
                a.removeValue(forKey: "id")
                a.removeValue(forKey: "version")
                o["appointment"] = a
            }
            return try canonical(o)
        }
        for receipt in ["IOE0923456781", "EAC2414052317", "WAC2390112345", "LIN2501234567", "SRC2418854321", "NBC2412345678"] {
            let a = try read(sqlite, ["status", receipt]), b = try read(pg, ["status", receipt])
            #expect(a == b, "\(receipt):\nSQLite \(a)\nPostgreSQL \(b)")
        }
        let a = try read(sqlite, ["find", "garcia"]), b = try read(pg, ["find", "garcia"])
        #expect(a == b, "find garcia:\nSQLite \(a)\nPostgreSQL \(b)")
    }
}
#endif
