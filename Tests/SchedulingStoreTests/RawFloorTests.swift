import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// The store benchmark's floor (`rawsqlite`, Sources/RawSQLite/main.c) must write what biosched
/// writes: the same reschedules on two copies of one store, one through `SQLiteBookingStore`, the
/// other through `rawsqlite`, leave the same rows, the audit chain's hashes included.
@Suite("The raw SQLite floor writes what the store writes (R14)")
struct RawFloorTests {
    /// Monday 2026-06-15 09:00 EDT.
    static let now = StoreFixture.now
    static let rawsqlite = Binary.sibling("rawsqlite")

    /// A store whose cases have no online account (as the benchmark's): one with two
    /// representatives (an email, a phone only), one with none.
    static func makeStore(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("floor.sqlite").path
        let store = try SQLiteBookingStore.create(path: path, training: true, createdBy: "bench", now: now)
        var doc = ImportDocument()
        let weekdays: [Weekday: String] = [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"]
        doc.centers = [
            .init(
                code: "BOS", name: "Boston \"Tremont\" ASC", address: "170 Tremont St", city: "Boston", state: "MA", timeZone: "America/New_York",
                slotMinutes: 30, stations: 2, hours: weekdays, closures: ["2026-06-19"]),
            .init(
                code: "PHX", name: "Phoenix ASC", address: "1 N Central Ave", city: "Phoenix", state: "AZ", timeZone: "America/Phoenix",
                slotMinutes: 20, stations: 3, hours: weekdays)
        ]
        doc.accounts = [
            .init(id: "attorney.lee", role: "representative", name: "Jordan Lee, Esq.", email: "lee@law.example.com"),
            .init(id: "aid.ortiz", role: "representative", name: "Rosa Ortiz", phone: "(602) 555-0142")
        ]
        doc.cases = [
            .init(receipt: "EAC2414052317", form: "I-485", applicant: nil, applicantName: "María José Núñez", representatives: ["attorney.lee", "aid.ortiz"]),
            .init(receipt: "WAC2390112345", form: "I-765", applicant: nil, applicantName: "李小龙"),
            .init(receipt: "LIN2501234567", form: "N-400", applicant: nil, applicantName: "Sam O'Brien")
        ]
        doc.appointments = [
            .init(receipt: "EAC2414052317", center: "BOS", start: "2026-06-18T09:00"),
            .init(receipt: "WAC2390112345", center: "BOS", start: "2026-06-18T09:30", priorReschedules: 1),
            .init(receipt: "LIN2501234567", center: "PHX", start: "2026-06-22T10:00")
        ]
        _ = try store.importDocument(doc, actor: Actor(role: .officer, id: "bench"), now: now)
        // Everything into the main file, so that a copy of it is the whole store.
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        store.close()
        return path
    }

    /// The benchmark's plan lines: RECEIPT CENTER LOCAL EPOCH (to another center, the same one, a morning in Phoenix).
    static let plan = [
        ("EAC2414052317", "PHX", "2026-06-23T10:20"),
        ("WAC2390112345", "BOS", "2026-06-24T14:30"),
        ("LIN2501234567", "BOS", "2026-07-01T08:00")
    ]

    /// Every row of the tables a reschedule writes, as text; JSON columns parsed (a dictionary's
    /// keys come out of Swift's JSONEncoder in no fixed order).
    static func rows(_ path: String) throws -> [String: [[String: String]]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let tables = [
            "appointments": "id", "slots": "center, start", "notices": "number", "outbox": "id", "requests": "id",
            "audit": "id", "enrollment_codes": "rowid"
        ]
        return try queue.read { db in
            var out: [String: [[String: String]]] = [:]
            for (table, order) in tables {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { row in
                    var r: [String: String] = [:]
                    for (column, value) in row {
                        var text = value.isNull ? "NULL" : String(describing: value)
                        if column == "json" || column == "outcome_json", let s = String.fromDatabaseValue(value) {
                            text = canonicalJSON(s)
                        }
                        r[column] = text
                    }
                    return r
                }
            }
            return out
        }
    }

    static func canonicalJSON(_ s: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(s.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return "NOT JSON: " + s }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("R14: the same three reschedules leave the same rows: appointments, slot counters, notices, outbox, requests, the audit chain")
    func sameRows() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.rawsqlite.path), "rawsqlite is built beside biosched by swift build")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-floor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try Self.makeStore(dir)
        let viaStore = dir.appendingPathComponent("store.sqlite").path, viaFloor = dir.appendingPathComponent("raw.sqlite").path
        try FileManager.default.copyItem(atPath: original, toPath: viaStore)
        try FileManager.default.copyItem(atPath: original, toPath: viaFloor)

        // biosched, as the benchmark's worker does it.
        let store = try SQLiteBookingStore(path: viaStore)
        for (i, p) in Self.plan.enumerated() {
            let request = RescheduleRequest(
                requestID: "floor-\(i)", receipt: StoreFixture.receipt(p.0), actor: Actor(role: .agent, id: "bench.agent"),
                goodCause: GoodCause(reason: .medical), centerCode: p.1, to: LocalDateTime(iso: p.2)!)
            let outcome = try store.reschedule(request, clock: { Self.now })
            #expect(outcome.result == .booked, "\(p): \(outcome.verdict.message)")
        }
        store.close()

        // rawsqlite, on the other copy.
        let planFile = dir.appendingPathComponent("plan.txt")
        try Self.plan.map { "\($0.0) \($0.1) \($0.2) 0" }.joined(separator: "\n").appending("\n").write(to: planFile, atomically: true, encoding: .utf8)
        let seconds = String(Int64(Self.now.timeIntervalSince1970))
        let raw = try Binary.run([viaFloor, "reschedule", planFile.path, "0", "3", seconds, "floor"], executable: Self.rawsqlite)
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stdout.contains("RESULT booked=3 other=0 errors=0"), "\(raw.stdout)\(raw.stderr)")
        #expect(!raw.stdout.contains("PROBLEM"), "\(raw.stdout)")

        let a = try Self.rows(viaStore), b = try Self.rows(viaFloor)
        for table in a.keys.sorted() {
            let left = a[table] ?? [], right = b[table] ?? []
            #expect(left.count == right.count, "\(table): \(left.count) rows through the store, \(right.count) through the floor")
            for (x, y) in zip(left, right) where x != y {
                let differing = x.keys.sorted().filter { x[$0] != y[$0] }
                Issue.record("\(table): \(differing.map { "\($0): store \(x[$0] ?? "-") | floor \(y[$0] ?? "-")" }.joined(separator: "; "))")
                break
            }
        }
        // Something was written at all, and the floor's chain verifies.
        #expect(b["outbox"]?.count == 2, "the two representatives' messages")
        #expect((b["audit"]?.count ?? 0) >= 4)
        let check = try SQLiteBookingStore(path: viaFloor)
        defer { check.close() }
        #expect(try check.verifyAudit().firstBroken == nil)
    }

    @Test("A reschedule the floor cannot book is reported with its reason (PROBLEM), never counted as booked")
    func reportsWhy() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.rawsqlite.path), "rawsqlite is built beside biosched by swift build")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-floor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.makeStore(dir)
        let planFile = dir.appendingPathComponent("plan.txt")
        // A closed day (Friday 2026-06-19 is a closure at BOS): not an offered slot.
        try "EAC2414052317 BOS 2026-06-19T10:00 0\n".write(to: planFile, atomically: true, encoding: .utf8)
        let raw = try Binary.run(
            [path, "reschedule", planFile.path, "0", "1", String(Int64(Self.now.timeIntervalSince1970)), "closed"],
            executable: Self.rawsqlite)
        #expect(raw.stdout.contains("PROBLEM closed-0: not booked: not an offered slot"), "\(raw.stdout)")
        #expect(raw.stdout.contains("RESULT booked=0 other=1 errors=0"), "\(raw.stdout)")
    }
}
