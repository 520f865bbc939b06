import Foundation
import GRDB
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// `biosched-bench store`: biosched's store against the same transactions written directly against
/// the SQLite C API (`rawsqlite`), on a store of 1,000,000 appointments. Prints figures; asserts nothing.
enum StoreBenchmark {
    struct Options {
        var appointments = 1_000_000
        var iterations = 500
        var warmup = 50
        var limit = 50
        var single = 2_000
        var workers = 16
        var perWorker = 250
        var cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("biosched-bench")
        var raw: String?
        var keep = false

        static let usage = """
            usage: biosched-bench store [--appointments N] [--iterations N] [--warmup N] [--single N]
                                        [--workers N] [--per-worker N] [--cache DIR] [--raw PATH] [--keep]
            """

        init(_ args: [String]) throws {
            var options = OptionReader(args, usage: Self.usage)
            func value() throws -> String { try options.value() }
            func number() throws -> Int { try options.number() }
            while let option = options.current {
                switch option {
                case "--appointments": appointments = try number()
                case "--iterations": iterations = try number()
                case "--warmup": warmup = try number()
                case "--single": single = try number()
                case "--workers": workers = try number()
                case "--per-worker": perWorker = try number()
                case "--cache": cache = URL(fileURLWithPath: try value())
                case "--raw": raw = try value()
                case "--keep": keep = true
                default: throw options.unknown()
                }
                options.advance()
            }
        }
    }

    static func run(_ args: [String]) throws {
        if args.contains("--db") {
            #if PostgreSQL
            return try PostgresStoreBenchmark.run(args)
            #else
            throw BenchFailure("this biosched-bench was built without the PostgreSQL store (--disable-default-traits)")
            #endif
        }
        let o = try Options(args)
        let started = monotonicNS()
        let raw = o.raw ?? URL(fileURLWithPath: executablePath()).deletingLastPathComponent().appendingPathComponent("rawsqlite").path
        guard FileManager.default.isExecutableFile(atPath: raw) else {
            throw BenchFailure("no rawsqlite program at \(raw): build it with `swift build -c release --product biosched-bench` (or pass --raw PATH)")
        }
        let paths = try BenchStore.ensure(appointments: o.appointments, cacheRoot: o.cache)
        let plan = try String(contentsOf: paths.plan, encoding: .utf8).split(separator: "\n").map(String.init)
        let needed = 2 * o.single + 2 * o.workers * o.perWorker
        guard plan.count >= needed else {
            throw BenchFailure("the plan has \(plan.count) reschedules; these options need \(needed)")
        }

        // Every run works on a fresh copy of the cached store.
        let work = o.cache.appendingPathComponent("run-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        for s in ["", "-wal", "-shm", "-queue"] { try? FileManager.default.removeItem(atPath: work + s) }
        try FileManager.default.copyItem(atPath: paths.store.path, toPath: work)
        // The copy on the disk before anything is timed: otherwise its write-back (the whole file,
        // dirty in the page cache) falls on the first checkpoint's sync, and every commit's sync
        // meanwhile waits for the disk, inside a request of the first run.
        let copied = open(work, O_RDONLY | O_CLOEXEC)
        if copied >= 0 {
            fsync(copied)
            close(copied)
        }
        defer { if !o.keep { for s in ["", "-wal", "-shm", "-queue"] { try? FileManager.default.removeItem(atPath: work + s) } } }
        note("Store: \(work) (copy of \(paths.store.path))")

        let store = try SQLiteBookingStore(path: work)
        let info = try store.storeInfo()
        let counts = try DatabaseQueue(path: work, configuration: readOnly()).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM centers") ?? 0)
        }
        note(
            "\(counts.0) appointments, \(counts.1) centers; now = \(ISO8601DateFormatter().string(from: BenchStore.now)), window \(info.window.leadHours) h to \(info.window.horizonDays) days"
        )

        // 1. Slot search: the first 50 offered slots of a center, the same centers for both.
        let codes = try store.centers().map(\.code)
        var rng = BenchRandom(seed: 0x5107_5EA2)
        let sequence = (0..<(o.warmup + o.iterations)).map { _ in rng.pick(codes) }
        note("Slot search: \(o.warmup) warm-up + \(o.iterations) searches each ...")
        var bioTimes: [UInt64] = [], bioResults: [(Int, Int64)] = []
        for code in sequence {
            let t0 = monotonicNS()
            guard let center = try store.center(code: code) else { throw BenchFailure("no center \(code)") }
            let offered = try store.offeredSlots(center: center, now: BenchStore.now, limit: o.limit)
            let t1 = monotonicNS()
            bioTimes.append(t1 - t0)
            bioResults.append((offered.count, offered.reduce(0) { $0 + Int64($1.slot.start.timeIntervalSince1970) }))
        }
        let slotChild = Child(raw, [work, "slots", sequence.joined(separator: ","), String(BenchStore.nowSeconds), String(o.limit)], label: "rawsqlite slots")
        try slotChild.start()
        let rawLines = try slotChild.finish().split(separator: "\n")
        guard rawLines.count == sequence.count else { throw BenchFailure("rawsqlite slots printed \(rawLines.count) lines for \(sequence.count) searches") }
        var rawTimes: [UInt64] = [], mismatches: [String] = []
        var emptyResults = 0
        for (i, line) in rawLines.enumerated() {
            let f = line.split(separator: " ")
            guard f.count == 4, let ns = UInt64(f[1]), let n = Int(f[2]), let sum = Int64(f[3]) else { throw BenchFailure("bad rawsqlite line: \(line)") }
            rawTimes.append(ns)
            if n != bioResults[i].0 || sum != bioResults[i].1 {
                mismatches.append("\(sequence[i]): biosched \(bioResults[i].0) slots (sum \(bioResults[i].1)), raw C \(n) (sum \(sum))")
            }
            if n < o.limit { emptyResults += 1 }
        }
        bioTimes.removeFirst(o.warmup)
        rawTimes.removeFirst(o.warmup)
        if !mismatches.isEmpty { note("WARNING: the two slot searches differ in \(mismatches.count) of \(sequence.count) searches, e.g. \(mismatches[0])") }

        // 2. Reschedules: 1 process, then `workers` processes at once, each implementation.
        let me = executablePath()
        var next = 0
        func range(_ n: Int) -> Int {
            defer { next += n }
            return next
        }
        func launch(_ label: String, tag: String, processes: Int, each: Int, biosched: Bool) throws -> Run {
            let first = range(processes * each)
            note("Reschedules: \(label), \(processes) process\(processes == 1 ? "" : "es") × \(each) ...")
            var children: [Child] = []
            for p in 0..<processes {
                let args = [work, paths.plan.path, String(first + p * each), String(each), String(BenchStore.nowSeconds), tag]
                children.append(
                    biosched
                        ? Child(me, ["store-worker"] + args, label: "\(label) worker \(p)")
                        : Child(raw, [args[0], "worker"] + args.dropFirst(), label: "\(label) worker \(p)"))
            }
            for c in children { try c.start() }
            for c in children {
                guard c.readLine() == "READY" else { throw BenchFailure("\(c.label) did not start") }
            }
            for c in children { c.send("go") }
            let results = try children.map { try WorkerResult(parsing: try $0.finish(), from: $0.label) }
            let wal = (try? FileManager.default.attributesOfItem(atPath: work + "-wal")[.size] as? Int) ?? 0
            return Run(
                tag: tag, label: "\(label), \(processes) process\(processes == 1 ? "" : "es")", results: results, walBytes: wal,
                planned: processes * each)
        }
        let bio1 = try launch("biosched", tag: "bench-biosched-single", processes: 1, each: o.single, biosched: true)
        let raw1 = try launch("raw C", tag: "bench-rawc-single", processes: 1, each: o.single, biosched: false)
        let bioN = try launch("biosched", tag: "bench-biosched-multi", processes: o.workers, each: o.perWorker, biosched: true)
        let rawN = try launch("raw C", tag: "bench-rawc-multi", processes: o.workers, each: o.perWorker, biosched: false)

        // 3. No overbooking, every booking where it was reported, an intact file.
        note("Checking the store: slot counters, bookings, integrity_check ...")
        let check = try StoreCheck.run(path: work, runs: [bio1, raw1, bioN, rawN])

        // 4. The table.
        let bioP50 = percentile(bioTimes, 50), bioP99 = percentile(bioTimes, 99)
        let rawP50 = percentile(rawTimes, 50), rawP99 = percentile(rawTimes, 99)
        func yes(_ b: Bool) -> String { b ? "yes" : "NO" }
        // A ratio only between two sides that booked everything they were given.
        let complete = [bio1, raw1, bioN, rawN].allSatisfy(\.bookedAll)
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? fmt(a / b) + "×" : "—" }
        func runRatio(_ a: Double, _ b: Double) -> String { complete ? ratio(a, b) : "— (incomplete)" }
        let multiRatio = bioN.rate / max(rawN.rate, 1e-9)
        let slotRatio = Double(bioP99) / Double(max(rawP99, 1))
        let singleRatio = bio1.rate / max(raw1.rate, 1e-9)
        let worstOK = ms(bioN.maxWait) <= 500
        let overbookOK = check.overCapacity == 0 && check.counterMismatches == 0 && check.lostBookings == 0
        let rows: [[String]] = [
            ["metric", "biosched", "raw C", "ratio", "target", "met?"],
            ["slot search p50, first \(o.limit) of 1 center (ms)", fmt(ms(bioP50), 3), fmt(ms(rawP50), 3), ratio(ms(bioP50), ms(rawP50)), "—", "—"],
            ["slot search p99 (ms)", fmt(ms(bioP99), 3), fmt(ms(rawP99), 3), ratio(ms(bioP99), ms(rawP99)), "≤ 2× raw C", yes(slotRatio <= 2)],
            [
                "reschedules/s, 1 process", fmt(bio1.rate, 0), fmt(raw1.rate, 0), runRatio(bio1.rate, raw1.rate), "≥ 1× raw C",
                complete ? yes(singleRatio >= 1) : "—"
            ],
            [
                "reschedules/s, \(o.workers) processes", fmt(bioN.rate, 0), fmt(rawN.rate, 0), runRatio(bioN.rate, rawN.rate), "≥ 0.8× raw C",
                complete ? yes(multiRatio >= 0.8) : "—"
            ],
            [
                "worst wait (biosched: whole request), \(o.workers) processes (ms)", fmt(ms(bioN.maxWait), 1), fmt(ms(rawN.maxWait), 1),
                runRatio(ms(bioN.maxWait), ms(rawN.maxWait)), "≤ 500 ms", yes(worstOK)
            ],
            [
                "p99 wait (biosched: whole request), \(o.workers) processes (ms)", fmt(ms(bioN.p99Wait), 1), fmt(ms(rawN.p99Wait), 1),
                runRatio(ms(bioN.p99Wait), ms(rawN.p99Wait)), "—", "—"
            ],
            [
                "overbooked slots / counter mismatches / lost bookings", "\(check.overCapacity) / \(check.counterMismatches) / \(check.lostBookings)",
                "(same store)", "", "0 / 0 / 0", yes(overbookOK)
            ],
            ["PRAGMA integrity_check", check.integrity, "(same store)", "", "ok", yes(check.integrity == "ok")]
        ]
        print("")
        print(
            "biosched store benchmark: \(counts.0) appointments, \(counts.1) centers, \(ProcessInfo.processInfo.activeProcessorCount) cores, SQLite \(check.sqliteVersion), synchronous=FULL, WAL"
        )
        print(table(rows))
        print("")
        print(
            "Slot search: \(o.iterations) searches per side after \(o.warmup) warm-up, centers drawn with a fixed seed; biosched = store.center(code:) + store.offeredSlots(limit: \(o.limit)), in process; raw C = the same SELECTs and slot generation, timed inside rawsqlite. Same slots returned in \(sequence.count - mismatches.count) of \(sequence.count) searches (\(emptyResults) searches found fewer than \(o.limit))."
        )
        for r in [bio1, raw1, bioN, rawN] {
            print(
                "Reschedules, \(r.label) (request ids \(r.tag)-N): \(r.booked) booked, \(r.other) other, \(r.errors) errors in \(fmt(r.seconds, 2)) s = \(fmt(r.rate, 0))/s; "
                    + "lock wait p50 \(fmt(ms(r.p50Wait), 2)) ms, p99 \(fmt(ms(r.p99Wait), 2)) ms, max \(fmt(ms(r.maxWait), 2)) ms "
                    + "(first transaction of a process: max \(fmt(ms(r.maxFirstWait), 1)) ms; later ones: max \(fmt(ms(r.maxLaterWait), 1)) ms); "
                    + "a process's first reschedule took up to \(fmt(ms(r.maxFirst), 1)) ms; WAL file \(r.walBytes / 1_048_576) MiB at the end.")
        }
        print("Checks: \(check.summary). Total run \(fmt(Double(monotonicNS() - started) / 1e9, 1)) s.")
        // A side that did not book every reschedule it was given is no measure of the other: say
        // which and why, and fail.
        let incomplete = [bio1, raw1, bioN, rawN].filter { !$0.bookedAll }
        if !incomplete.isEmpty {
            print("")
            for r in incomplete {
                print("INCOMPLETE: \(r.label) booked \(r.booked) of \(r.planned) (\(r.other) not booked, \(r.errors) failed); first reasons:")
                for p in Set(r.problems).sorted().prefix(4) { print("  \(p)") }
            }
            throw BenchFailure(
                "\(incomplete.count) of 4 reschedule runs did not book every planned reschedule (above): the figures compare nothing, no ratio is given")
        }
        if check.overCapacity != 0 || check.counterMismatches != 0 || check.lostBookings != 0 || check.integrity != "ok" {
            throw BenchFailure("the store's checks failed: \(check.summary)")
        }
    }

    static func readOnly() -> Configuration {
        var c = Configuration()
        c.readonly = true
        return c
    }

    /// One reschedule run: several workers started together.
    struct Run {
        let tag: String
        let label: String
        let results: [WorkerResult]
        /// The size of the WAL file when the run ended.
        let walBytes: Int
        /// How many reschedules the run was given (each to a free slot: every one should book).
        let planned: Int
        /// Whether every planned reschedule booked.
        var bookedAll: Bool { booked == planned && errors == 0 }
        /// Why some did not: the first reason each worker gave.
        var problems: [String] { results.compactMap(\.problem) }
        var booked: Int { results.reduce(0) { $0 + $1.booked } }
        var other: Int { results.reduce(0) { $0 + $1.other } }
        var errors: Int { results.reduce(0) { $0 + $1.errors } }
        var seconds: Double {
            let start = results.map(\.startNS).min() ?? 0, end = results.map(\.endNS).max() ?? 0
            return Double(end &- start) / 1e9
        }
        /// Reschedules booked per second of wall time, first start to last end.
        var rate: Double { seconds > 0 ? Double(booked) / seconds : 0 }
        var waits: [UInt64] { results.flatMap(\.waits) }
        /// Per reschedule: round trips to the database, and the client's CPU (ms).
        var roundTripsEach: Double { Double(results.reduce(0) { $0 + $1.roundTrips }) / Double(max(1, booked + other + errors)) }
        var cpuMSEach: Double { Double(results.reduce(0) { $0 + $1.cpuNS }) / 1e6 / Double(max(1, booked + other + errors)) }
        var maxWait: UInt64 { waits.max() ?? 0 }
        var p99Wait: UInt64 { percentile(waits, 99) }
        var p50Wait: UInt64 { percentile(waits, 50) }
        /// The worst wait of each process's first transaction, and of the others.
        var maxFirstWait: UInt64 { results.compactMap(\.waits.first).max() ?? 0 }
        var maxLaterWait: UInt64 { results.flatMap { $0.waits.dropFirst() }.max() ?? 0 }
        var maxFirst: UInt64 { results.map(\.firstNS).max() ?? 0 }
    }

    // MARK: Worker

    /// `biosched-bench store-worker STORE PLAN FROM COUNT NOW TAG`: reschedules plan lines
    /// [FROM, FROM+COUNT) through `SQLiteBookingStore.reschedule` as an agent, after a `go` line on stdin.
    static func worker(_ args: [String]) throws {
        guard args.count == 6, let from = Int(args[2]), let count = Int(args[3]), let nowS = Int64(args[4]) else {
            throw BenchFailure("usage: biosched-bench store-worker STORE PLAN FROM COUNT NOW_EPOCH TAG")
        }
        // A postgresql:// URL is the PostgreSQL store (`store --db`), anything else a SQLite file.
        #if PostgreSQL
        let store: any BookingStore =
            PostgresLocation.isPostgres(args[0])
            ? try PostgresBookingStore.open(try PostgresLocation.parse(args[0])) : try SQLiteBookingStore(path: args[0])
        #else
        let store: any BookingStore = try SQLiteBookingStore(path: args[0])
        #endif
        let lines = try String(contentsOf: URL(fileURLWithPath: args[1]), encoding: .utf8).split(separator: "\n")
        guard lines.count >= from + count else { throw BenchFailure("the plan has \(lines.count) lines") }
        let actor = Actor(role: .agent, id: "bench.agent")
        let requests = try (from..<(from + count)).map { i -> RescheduleRequest in
            let f = lines[i].split(separator: " ")
            guard f.count == 4, let to = LocalDateTime(iso: String(f[2])) else { throw BenchFailure("bad plan line \(i)") }
            return RescheduleRequest(
                requestID: "\(args[5])-\(i)", receipt: try ReceiptNumber(parsing: String(f[0])), actor: actor,
                goodCause: GoodCause(reason: .medical), centerCode: String(f[1]), to: to)
        }
        let now = Date(timeIntervalSince1970: TimeInterval(nowS))
        try? FileHandle.standardOutput.write(contentsOf: Data("READY\n".utf8))
        _ = readLine()
        var r = WorkerResult()
        let cpuBefore = processCPUNS()
        r.startNS = monotonicNS()
        for (i, request) in requests.enumerated() {
            defer { if i == 0 { r.firstNS = monotonicNS() - r.startNS } }
            let asked = monotonicNS()
            defer { r.waits.append(monotonicNS() - asked) }
            do {
                let outcome = try store.reschedule(request, clock: { now })
                #if PostgreSQL
                r.roundTrips += (store as? PostgresBookingStore)?.roundTripsOfLastTransaction ?? 0
                #endif
                if outcome.result == .booked {
                    r.booked += 1
                } else {
                    r.other += 1
                    if r.problem == nil { r.problem = "\(request.requestID): not booked: \(outcome.result.rawValue): \(outcome.verdict.message)" }
                }
            } catch {
                r.errors += 1
                if r.problem == nil { r.problem = "\(request.requestID): failed: \(error.message)" }
            }
        }
        r.endNS = monotonicNS()
        r.cpuNS = processCPUNS() - cpuBefore
        try? FileHandle.standardOutput.write(contentsOf: Data((r.lines + "\n").utf8))
    }
}

/// The checks after the reschedule runs.
enum StoreCheck {
    struct Result {
        var overCapacity = 0
        var counterMismatches = 0
        var lostBookings = 0
        var integrity = ""
        var sqliteVersion = ""
        var summary = ""
    }

    static let holding = "('scheduled','attended','missed')"

    static func run(path: String, runs: [StoreBenchmark.Run]) throws -> Result {
        let queue = try DatabaseQueue(path: path, configuration: StoreBenchmark.readOnly())
        return try queue.read { db in
            var r = Result()
            r.sqliteVersion = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?"
            r.overCapacity = try Int.fetchOne(db, sql: "SELECT count(*) FROM slots WHERE booked > capacity") ?? -1
            // Every counter equals the bookings that hold a station, both ways.
            let wrongCounters =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM slots s WHERE s.booked <> (SELECT count(*) FROM appointments a
                          WHERE a.center = s.center AND a.start = s.start AND a.status IN \(holding))
                        """) ?? -1
            let uncounted =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM (SELECT center, start, count(*) AS n FROM appointments WHERE status IN \(holding) GROUP BY center, start) g
                        WHERE NOT EXISTS (SELECT 1 FROM slots s WHERE s.center = g.center AND s.start = g.start AND s.booked = g.n)
                        """) ?? -1
            r.counterMismatches = wrongCounters + uncounted
            // Each booking reported by a worker is a request whose new appointment is scheduled.
            var parts: [String] = []
            for run in runs {
                let stored =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM requests q JOIN appointments a ON a.id = q.new_appointment_id
                            WHERE q.id LIKE ? AND q.decision = 'booked' AND a.status = 'scheduled' AND a.center = q.preferred_center
                            """, arguments: [run.tag + "-%"]) ?? -1
                r.lostBookings += abs(stored - run.booked)
                parts.append("\(run.tag) \(stored) stored of \(run.booked) reported")
            }
            let started = monotonicNS()
            r.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            r.summary =
                "\(r.overCapacity) slots over capacity, \(wrongCounters) counters differing from their bookings, \(uncounted) booked slots without an exact counter; "
                + parts.joined(separator: ", ") + "; integrity_check \(r.integrity) (\(fmt(Double(monotonicNS() - started) / 1e9, 1)) s)"
            return r
        }
    }
}
