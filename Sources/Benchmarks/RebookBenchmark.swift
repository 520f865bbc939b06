import Foundation
import Scheduling
import SchedulingStore
#if PostgreSQL
import PostgresStore
#endif

/// `biosched-bench rebook [--centers N] [--per-day N]`: a storm closes N busy centers for a day
/// (each with `--per-day` appointments that day, 20 stations, the other days half full) and every
/// appointment is rebooked by the agency, one center per transaction, through
/// `AgencyRebooking.close` on the SQLite store, or with `--db postgresql://...` on an empty
/// PostgreSQL database. Prints the time of the first center and of all.
enum RebookBenchmark {
    static func run(_ args: [String]) throws {
        var centers = 12, perDay = 300
        var database: String?
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--centers": centers = Int(args[i + 1]) ?? centers; i += 2
            case "--per-day": perDay = Int(args[i + 1]) ?? perDay; i += 2
            case "--db": database = args[i + 1]; i += 2
            default: throw BenchFailure("unknown option \(args[i]); usage: biosched-bench rebook [--centers N] [--per-day N] [--db postgresql://...]")
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-rebook-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Date(timeIntervalSince1970: 1_780_000_000)   // a fixed clock
        let store: any OpenedStore
        if let database {
            #if PostgreSQL
            guard PostgresLocation.isPostgres(database) else { throw BenchFailure("--db takes a postgresql:// URL of an empty database") }
            store = try PostgresBookingStore.create(try PostgresLocation.parse(database), training: true, createdBy: "bench", now: now)
            #else
            throw BenchFailure("this biosched-bench was built without the PostgreSQL store (--disable-default-traits)")
            #endif
        } else {
            store = try SQLiteBookingStore.create(path: dir.appendingPathComponent("storm.sqlite").path, training: true, createdBy: "bench", now: now)
        }
        let backend = database == nil ? "SQLite" : "PostgreSQL"
        let zone = ZoneRules(identifier: "America/Chicago")!
        let today = zone.local(now).date
        var closed = today.adding(days: 5)
        while closed.weekday == .sat || closed.weekday == .sun { closed = closed.adding(days: 1) }
        var doc = ImportDocument()
        let hours: [Weekday: String] = [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"]
        let stations = 20
        var n = 0
        for c in 0..<centers {
            let code = "ST" + String(format: "%02d", c)
            doc.centers.append(.init(code: code, name: "Storm \(c) ASC", address: "\(c) Main St", city: "Town \(c)", state: "S\(c)",
                                     timeZone: zone.identifier, slotMinutes: 30, stations: stations, hours: hours))
            for d in 2...28 {
                let day = today.adding(days: d)
                guard day.weekday != .sat && day.weekday != .sun else { continue }
                let count = day == closed ? perDay : stations * 16 / 2
                for k in 0..<count {
                    let slot = k % 16
                    let r = String(format: "SRC%02d%08d", c, n); n += 1
                    doc.cases.append(.init(receipt: r, form: "I-90", applicant: nil, applicantName: "Storm \(n)"))
                    doc.appointments.append(.init(receipt: r, center: code, start: String(format: "%@T%02d:%02d", day.iso, 8 + slot / 2, slot % 2 * 30)))
                }
            }
        }
        let t0 = monotonicNS()
        _ = try store.importDocument(doc, actor: Actor(role: .officer, id: "bench"), now: now)
        note("imported \(doc.appointments.count) appointments at \(centers) centers in \(fmt(ms(monotonicNS() - t0) / 1000, 1)) s; closing \(closed.iso)")
        var perCenter: [Double] = []
        var moved = 0, stranded = 0
        let all = monotonicNS()
        for c in 0..<centers {
            let start = monotonicNS()
            let report = try AgencyRebooking.close(center: "ST" + String(format: "%02d", c), on: closed, reason: "storm", rebook: true,
                                                   by: Actor(role: .officer, id: "bench"), in: store, clock: { now })
            perCenter.append(ms(monotonicNS() - start))
            moved += report.rebooked; stranded += report.stranded
        }
        let total = ms(monotonicNS() - all)
        print("rebook on \(backend): \(centers) centers x \(perDay) appointments closed on \(closed.iso) (20 stations, other days half full)")
        print("  first center (\(perDay) appointments): \(fmt(perCenter.first ?? 0, 1)) ms   target < 2000 ms")
        print("  all \(centers) centers (\(moved) moved, \(stranded) not moved): \(fmt(total, 1)) ms   target < 30000 ms")
        print("  per center: min \(fmt(perCenter.min() ?? 0, 1)) ms, max \(fmt(perCenter.max() ?? 0, 1)) ms")
    }
}
