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
        var options = OptionReader(args, usage: "usage: biosched-bench rebook [--centers N] [--per-day N] [--db postgresql://...]")
        while let option = options.current {
            switch option {
            case "--centers": centers = try options.number()
            case "--per-day": perDay = try options.number()
            case "--db": database = try options.value()
            default: throw options.unknown()
            }
            options.advance()
        }
        let fresh = try FreshStore(database: database, file: "storm.sqlite", tag: "rebook")
        defer { fresh.cleanup() }
        let (store, backend, now) = (fresh.store, fresh.backend, FreshStore.now)
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
            doc.centers.append(
                .init(
                    code: code, name: "Storm \(c) ASC", address: "\(c) Main St", city: "Town \(c)", state: "S\(c)",
                    timeZone: zone.identifier, slotMinutes: 30, stations: stations, hours: hours))
            for d in 2...28 {
                let day = today.adding(days: d)
                guard day.weekday != .sat && day.weekday != .sun else { continue }
                let count = day == closed ? perDay : stations * 16 / 2
                for k in 0..<count {
                    let slot = k % 16
                    let r = String(format: "SRC%02d%08d", c, n)
                    n += 1
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
            let report = try AgencyRebooking.close(
                center: "ST" + String(format: "%02d", c), on: closed, reason: "storm", rebook: true,
                by: Actor(role: .officer, id: "bench"), in: store, clock: { now })
            perCenter.append(ms(monotonicNS() - start))
            moved += report.rebooked
            stranded += report.stranded
        }
        let total = ms(monotonicNS() - all)
        print("rebook on \(backend): \(centers) centers x \(perDay) appointments closed on \(closed.iso) (20 stations, other days half full)")
        print("  first center (\(perDay) appointments): \(fmt(perCenter.first ?? 0, 1)) ms   target < 2000 ms")
        print("  all \(centers) centers (\(moved) moved, \(stranded) not moved): \(fmt(total, 1)) ms   target < 30000 ms")
        print("  per center: min \(fmt(perCenter.min() ?? 0, 1)) ms, max \(fmt(perCenter.max() ?? 0, 1)) ms")
    }
}
