import Foundation
import GRDB
import Scheduling
import SchedulingStore

/// The benchmark's store: 130 centers in eleven zones and N appointments (one case each) spread
/// over past and future slots, plus a plan of reschedules (cases with a future appointment, each to
/// a distinct slot with a free station in the booking window). Built once and cached; every run
/// works on a copy.
enum BenchStore {
    /// Bump when the generated data changes, so an old cache is not reused.
    static let formatVersion = 1
    /// The fixed clock of every run: Monday 2026-10-19 14:00 UTC. The booking window (24 hours to
    /// 30 days) then crosses the end of daylight saving time (Nov 1) and Veterans Day (Nov 11).
    static let nowSeconds: Int64 = 1_792_418_400
    static var now: Date { Date(timeIntervalSince1970: TimeInterval(nowSeconds)) }
    /// Lines of the reschedule plan: enough for the default runs (2 × 2,000 + 2 × 16 × 250 = 12,000).
    static let planLines = 20_000

    struct Paths {
        let directory: URL
        var store: URL { directory.appendingPathComponent("store.sqlite") }
        var plan: URL { directory.appendingPathComponent("plan.txt") }
    }

    /// The cached store for `appointments`, built when missing.
    static func ensure(appointments: Int, cacheRoot: URL) throws -> Paths {
        let paths = Paths(directory: cacheRoot.appendingPathComponent("store-v\(formatVersion)-\(appointments)"))
        let fm = FileManager.default
        if fm.fileExists(atPath: paths.store.path) && fm.fileExists(atPath: paths.plan.path) { return paths }
        try? fm.removeItem(at: paths.directory)
        try fm.createDirectory(at: paths.directory, withIntermediateDirectories: true)
        let started = monotonicNS()
        note("Building the benchmark store (\(appointments) appointments) in \(paths.directory.path) ...")
        let building = paths.directory.appendingPathComponent("building.sqlite")
        let plan = try build(at: building.path, appointments: appointments)
        try plan.joined(separator: "\n").appending("\n").write(to: paths.plan, atomically: true, encoding: .utf8)
        try fm.moveItem(at: building, to: paths.store)
        let size = (try? fm.attributesOfItem(atPath: paths.store.path)[.size] as? Int) ?? 0
        note("Built in \(fmt(Double(monotonicNS() - started) / 1e9, 1)) s: \(size / 1_048_576) MiB, \(plan.count) planned reschedules.")
        return paths
    }

    // MARK: Centers

    struct CenterSpec {
        var code: String
        var address: String
        var city: String
        var state: String
        var zone: String
        var slotMinutes: Int
        var stations: Int
        var hours: [Weekday: OpeningHours]
        var closures: [LocalDate]
        var center: Center {
            Center(
                code: code, name: "\(city) ASC", address: address, city: city,
                state: state, zone: ZoneRules(identifier: zone)!, hours: hours, slotMinutes: slotMinutes, stations: stations,
                closures: Set(closures))
        }
    }

    /// 130 centers: (zone, state, how many).
    static let zones: [(String, String, Int)] = [
        ("America/New_York", "NY", 40), ("America/Detroit", "MI", 4), ("America/Chicago", "IL", 32),
        ("America/Denver", "CO", 8), ("America/Boise", "ID", 2), ("America/Phoenix", "AZ", 5),
        ("America/Los_Angeles", "CA", 26), ("America/Anchorage", "AK", 3), ("Pacific/Honolulu", "HI", 4),
        ("America/Puerto_Rico", "PR", 4), ("Pacific/Guam", "GU", 2)
    ]

    static let holidays = [
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
        "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"
    ].compactMap(LocalDate.init(iso:))

    static func makeCenters(_ rng: inout BenchRandom) -> [CenterSpec] {
        var out: [CenterSpec] = []
        let today = LocalDate(epochDay: Int(nowSeconds / 86_400))
        for (zone, state, count) in zones {
            for i in 1...count {
                let open = rng.pick([420, 450, 480, 480, 540])
                let length = rng.pick([420, 480, 480, 510])
                var hours: [Weekday: OpeningHours] = [:]
                for wd in [Weekday.mon, .tue, .wed, .thu, .fri] {
                    hours[wd] = OpeningHours(open: LocalTime(minutes: open)!, close: LocalTime(minutes: open + length)!)
                }
                if rng.chance(0.25) { hours[.sat] = OpeningHours(open: LocalTime(minutes: 480)!, close: LocalTime(minutes: 720)!) }
                var closures = holidays
                for _ in 0..<rng.int(3) { closures.append(today.adding(days: 2 + rng.int(28))) } // local closures in the window
                out.append(
                    CenterSpec(
                        code: "\(state)\(i < 10 ? "0" : "")\(i)", address: "\(100 + rng.int(800)) Federal Plaza",
                        city: "\(zone.split(separator: "/").last!.replacingOccurrences(of: "_", with: " ")) \(i)",
                        state: state, zone: zone, slotMinutes: rng.pick([15, 20, 30, 30]), stations: 2 + rng.int(7),
                        hours: hours, closures: closures))
            }
        }
        return out.sorted { $0.code < $1.code }
    }

    // MARK: Build

    static let forms = ["I-485", "I-485", "I-765", "I-765", "I-131", "I-90", "N-400", "N-400", "I-751", "I-821D", "I-589"]
    static let firstNames = [
        "María", "James", "Wei", "Fatima", "José", "Priya", "Olga", "Kwame", "Sofía", "Minh", "Aisha", "Mateo",
        "Yuki", "Chinedu", "Zoë", "Łukasz", "Nadia", "Santiago", "Leilani", "Omar"
    ]
    static let lastNames = [
        "García", "Smith", "Nguyễn", "Patel", "Kowalski", "Okafor", "Chen", "Rodríguez", "Haddad", "Kim",
        "Müller", "Santos", "Ivanov", "Tanaka", "O'Brien", "Reyes", "Rahman", "Cohen", "Silva", "Jones"
    ]

    struct Booking {
        var start: Int64
        var count: Int
    }

    /// Creates the store with biosched, then fills it with direct SQL in one transaction (the
    /// triggers keep the slot counters). Returns the reschedule plan.
    static func build(at path: String, appointments: Int) throws -> [String] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
            _ = try SQLiteBookingStore.create(path: path, training: true, createdBy: "bench", now: now)
        }
        var rng = BenchRandom(seed: 0xB105_C4ED_2026)
        let specs = makeCenters(&rng)
        let earliest = nowSeconds + Int64(SlotWindow.defaultLeadHours * 3600), latest = nowSeconds + Int64(SlotWindow.defaultHorizonDays * 86_400)
        let quota = appointments / specs.count, extra = appointments % specs.count

        var config = Configuration()
        config.foreignKeysEnabled = false // the generated rows are consistent; the store's triggers still run
        let queue = try DatabaseQueue(path: path, configuration: config)
        var targets: [(center: String, local: String, start: Int64)] = []
        var movable: [(receipt: Int, center: String, start: Int64)] = []
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -1000000")
            try db.inTransaction {
                let insertCenter = try db.makeStatement(
                    sql: """
                        INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let insertHours = try db.makeStatement(sql: "INSERT INTO center_hours(center, weekday, open_minute, close_minute) VALUES (?, ?, ?, ?)")
                let insertClosure = try db.makeStatement(sql: "INSERT OR IGNORE INTO center_closures(center, date) VALUES (?, ?)")
                for s in specs {
                    let c = s.center
                    try insertCenter.execute(arguments: [c.code, c.name, c.address, c.city, c.state, s.zone, c.slotMinutes, c.stations])
                    for (wd, h) in s.hours { try insertHours.execute(arguments: [c.code, wd.rawValue, h.open.minutes, h.close.minutes]) }
                    for d in s.closures { try insertClosure.execute(arguments: [c.code, d.iso]) }
                }
                let insertCase = try db.makeStatement(
                    sql: """
                        INSERT INTO cases(receipt, form, status, applicant_name, applicant_account, address_changed_at) VALUES (?, ?, ?, ?, NULL, NULL)
                        """)
                let insertAppointment = try db.makeStatement(
                    sql: """
                        INSERT INTO appointments(receipt, center, start, status, prior_reschedules, version, created_at) VALUES (?, ?, ?, ?, 0, 1, ?)
                        """)
                var serial = 0
                for (index, s) in specs.enumerated() {
                    let c = s.center
                    let want = quota + (index < extra ? 1 : 0)
                    let today = c.zone.local(now).date
                    var future: [Booking] = [], past: [Booking] = []
                    var total = 0
                    // Future slots up to 45 days: the first week nearly full, then emptier.
                    for d in 0...45 {
                        for slot in SlotCalendar.slots(of: c, on: today.adding(days: d)) {
                            let start = Int64(slot.start.timeIntervalSince1970)
                            guard start > nowSeconds else { continue }
                            let ahead = Double(start - nowSeconds) / 86_400
                            let p = ahead < 8 ? 0.93 : ahead < 16 ? 0.6 : ahead < 31 ? 0.35 : 0.15
                            var n = 0
                            for _ in 0..<c.stations where rng.chance(p) { n += 1 }
                            future.append(Booking(start: start, count: n))
                            total += n
                        }
                    }
                    // Past slots, most recent first, about 80% of stations, until the quota.
                    var d = 0
                    while total < want && d < 5_000 {
                        for slot in SlotCalendar.slots(of: c, on: today.adding(days: -d)).reversed() {
                            let start = Int64(slot.start.timeIntervalSince1970)
                            guard start <= nowSeconds, total < want else { continue }
                            var n = 0
                            for _ in 0..<c.stations where rng.chance(0.8) { n += 1 }
                            n = min(n, want - total)
                            past.append(Booking(start: start, count: n))
                            total += n
                        }
                        d += 1
                    }
                    // Too many future bookings for a small quota: drop the farthest.
                    var i = future.count - 1
                    while total > want && i >= 0 {
                        let cut = min(future[i].count, total - want)
                        future[i].count -= cut
                        total -= cut
                        i -= 1
                    }
                    for b in future where b.start > earliest && b.start <= latest && b.count < c.stations {
                        targets.append((c.code, c.zone.local(Date(timeIntervalSince1970: TimeInterval(b.start))).iso, b.start))
                    }
                    for b in past.reversed() + future {
                        let isFuture = b.start > nowSeconds
                        for _ in 0..<b.count {
                            serial += 1
                            let receipt = receiptText(serial)
                            let form = rng.pick(forms)
                            let status = isFuture ? "scheduled" : (rng.chance(0.12) ? "missed" : "attended")
                            try insertCase.execute(arguments: [
                                receipt, form, !isFuture && rng.chance(0.2) ? "approved" : "pending",
                                "\(rng.pick(firstNames)) \(rng.pick(lastNames))"
                            ])
                            try insertAppointment.execute(arguments: [receipt, c.code, b.start, status, b.start - 30 * 86_400])
                            if isFuture && form != "I-589" { movable.append((serial, c.code, b.start)) }
                            if serial % 100_000 == 0 { note("  \(serial) appointments") }
                        }
                    }
                }
                guard serial == appointments else { throw BenchFailure("generated \(serial) appointments, expected \(appointments)") }
                return .commit
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try queue.close()

        // The plan: distinct cases with a future appointment, each to a distinct slot of the window
        // that has a free station (and is not the case's own slot).
        rng.shuffle(&targets)
        rng.shuffle(&movable)
        var plan: [String] = []
        var m = 0
        for t in targets {
            guard plan.count < planLines else { break }
            while m < movable.count && movable[m].center == t.center && movable[m].start == t.start { m += 1 }
            guard m < movable.count else { break }
            plan.append("\(receiptText(movable[m].receipt)) \(t.center) \(t.local) \(t.start)")
            m += 1
        }
        guard plan.count >= 1_000 else { throw BenchFailure("only \(plan.count) reschedules could be planned") }
        return plan
    }

    static func receiptText(_ serial: Int) -> String {
        let digits = String(serial)
        return "IOE" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}
