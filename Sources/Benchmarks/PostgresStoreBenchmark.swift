#if PostgreSQL
import Foundation
import GRDB
import PostgresStore
import Scheduling
import SchedulingStore

/// `biosched-bench store --db postgresql://...`: biosched's PostgreSQL store on 1,000,000
/// appointments, side by side in one run with the raw PostgreSQL floor (the same transactions,
/// statement for statement, as a pgbench script) and with biosched on SQLite: reschedules per
/// second from 1, 16 and 64 processes, p50/p99/worst wait, the first 50 free slots p50/p99, and
/// the checks (no slot over capacity, every counter exact, every reported booking stored, the
/// audit chain whole). Prints figures; asserts nothing.
///
/// The URL names a server and a database to connect to for administration; the benchmark makes
/// its own databases there (the role needs CREATEDB): a cache (`biosched_bench_v1_N_SCHEMA`, filled once
/// by `store copy` from the SQLite benchmark store) and, for each run, a copy of it
/// (`CREATE DATABASE ... TEMPLATE`), dropped at the end unless --keep.
enum PostgresStoreBenchmark {
    struct Options {
        var db = ""
        var appointments = 1_000_000
        var iterations = 500
        var warmup = 50
        var limit = 50
        var concurrency = [1, 16, 64]
        /// Reschedules per process at each concurrency (each side).
        var perProcess: [Int: Int] = [1: 1_000, 16: 100, 64: 50]
        var sqliteWorkers = 16
        var sqlitePerWorker = 250
        var cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("biosched-bench")
        var keep = false

        static let usage = """
            usage: biosched-bench store --db postgresql://USER@HOST:PORT/DB [--appointments N] [--iterations N] [--warmup N]
                                        [--processes 1,16,64] [--per-process N] [--cache DIR] [--keep]
            """

        init(_ args: [String]) throws {
            var options = OptionReader(args, usage: Self.usage)
            while let option = options.current {
                switch option {
                case "--db": db = try options.value()
                case "--appointments": appointments = try options.number()
                case "--iterations": iterations = try options.number()
                case "--warmup": warmup = try options.number()
                case "--processes":
                    let text = try options.value()
                    let list = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 && $0 <= 500 }
                    guard !list.isEmpty, list.count == text.split(separator: ",").count else {
                        throw BenchFailure("--processes \(text): expected a comma-separated list of process counts (1 to 500), e.g. 1,16,64")
                    }
                    concurrency = list
                case "--per-process":
                    let n = try options.number()
                    perProcess = [:]
                    for c in concurrency { perProcess[c] = n }
                case "--cache": cache = URL(fileURLWithPath: try options.value())
                case "--keep": keep = true
                default: throw options.unknown()
                }
                options.advance()
            }
            guard PostgresLocation.isPostgres(db) else { throw BenchFailure("--db takes a postgresql:// URL (or postgres for the libpq environment)") }
        }

        func each(_ processes: Int) -> Int { perProcess[processes] ?? max(10, 3_200 / processes) }
    }

    static func run(_ args: [String]) throws {
        let o = try Options(args)
        let started = monotonicNS()
        let server = try PGServer(o.db)
        let paths = try BenchStore.ensure(appointments: o.appointments, cacheRoot: o.cache)
        let plan = try String(contentsOf: paths.plan, encoding: .utf8).split(separator: "\n").map(String.init)
        let needed = 2 * o.concurrency.reduce(0) { $0 + $1 * o.each($1) } + o.sqliteWorkers * o.sqlitePerWorker
        guard plan.count >= needed else { throw BenchFailure("the plan has \(plan.count) reschedules; these options need \(needed)") }

        // The cached database, then this run's copy of it.
        let cacheDB = "biosched_bench_v\(BenchStore.formatVersion)_\(o.appointments)_\(PostgresSchema.fingerprint.prefix(8))"
        if try !server.exists(cacheDB) {
            let building = cacheDB + "_building"
            note("Copying the benchmark store into PostgreSQL database \(cacheDB) (once; store copy in one transaction) ...")
            let t0 = monotonicNS()
            try server.psql("DROP DATABASE IF EXISTS \(building)")
            try server.psql("CREATE DATABASE \(building)")
            _ = try StoreCopy.sqliteToPostgres(from: paths.store.path, to: server.url(building))
            try server.psql("VACUUM ANALYZE", database: building)
            try server.psql("ALTER DATABASE \(building) RENAME TO \(cacheDB)")
            note("Copied in \(fmt(Double(monotonicNS() - t0) / 1e9, 1)) s.")
        }
        let runDB = "biosched_bench_run_\(getpid())"
        try server.psql("DROP DATABASE IF EXISTS \(runDB)")
        try server.psql("CREATE DATABASE \(runDB) TEMPLATE \(cacheDB)")
        defer { if !o.keep { _ = try? server.psql("DROP DATABASE IF EXISTS \(runDB)") } }
        let location = server.url(runDB)
        let url = location.connectionString
        note("Store: \(location.display) (a copy of \(cacheDB))")
        let store = try PostgresBookingStore.open(location)
        defer { store.close() }
        let serverVersion = try server.psql("SHOW server_version", database: runDB)
        let settings = try server.psql(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('synchronous_commit','fsync','shared_buffers','max_connections')",
            database: runDB)
        let counts = (try server.psql("SELECT count(*) FROM appointments", database: runDB), try server.psql("SELECT count(*) FROM centers", database: runDB))

        // 1. Slot search: the first 50 offered slots of a center, the same centers on both stores.
        let codes = try store.centers().map(\.code)
        var rng = BenchRandom(seed: 0x5107_5EA2)
        let sequence = (0..<(o.warmup + o.iterations)).map { _ in rng.pick(codes) }
        let sqliteWork = o.cache.appendingPathComponent("pgrun-\(getpid()).sqlite").path
        for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqliteWork + s) }
        try FileManager.default.copyItem(atPath: paths.store.path, toPath: sqliteWork)
        defer { if !o.keep { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqliteWork + s) } } }
        let sqlite = try SQLiteBookingStore(path: sqliteWork)
        note("Slot search: \(o.warmup) warm-up + \(o.iterations) searches on each store ...")
        func search(_ s: any BookingStore) throws -> ([UInt64], [Int64]) {
            var times: [UInt64] = [], sums: [Int64] = []
            for code in sequence {
                let t0 = monotonicNS()
                guard let center = try s.center(code: code) else { throw BenchFailure("no center \(code)") }
                let offered = try s.offeredSlots(center: center, now: BenchStore.now, limit: o.limit)
                times.append(monotonicNS() - t0)
                sums.append(offered.reduce(0) { $0 + Int64($1.slot.start.timeIntervalSince1970) } * 1000 + Int64(offered.count))
            }
            return (Array(times.dropFirst(o.warmup)), sums)
        }
        let (pgTimes, pgSums) = try search(store)
        let (sqTimes, sqSums) = try search(sqlite)
        let sameSlots = zip(pgSums, sqSums).filter { $0 == $1 }.count

        // 2. The plan in the run's database, for the raw floor's script to take lines from.
        try PGBenchScript.loadPlan(plan, into: runDB, server: server, store: store)

        // 3. Reschedules: biosched then raw at each concurrency, and biosched on SQLite at 16.
        let me = executablePath()
        var next = 0
        func take(_ n: Int) -> Int {
            defer { next += n }
            return next
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-pgbench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("reschedule.sql")
        try PGBenchScript.text.write(to: script, atomically: true, encoding: .utf8)

        func biosched(_ storeArg: String, tag: String, processes: Int, each: Int, label: String) throws -> StoreBenchmark.Run {
            let first = take(processes * each)
            note("Reschedules: \(label), \(processes) process\(processes == 1 ? "" : "es") × \(each) ...")
            let children = (0..<processes).map { p in
                Child(
                    me, ["store-worker", storeArg, paths.plan.path, String(first + p * each), String(each), String(BenchStore.nowSeconds), tag],
                    label: "\(label) worker \(p)")
            }
            for c in children { try c.start() }
            for c in children { guard c.readLine() == "READY" else { throw BenchFailure("\(c.label) did not start") } }
            for c in children { c.send("go") }
            let results = try children.map { try WorkerResult(parsing: try $0.finish(), from: $0.label) }
            return StoreBenchmark.Run(
                tag: tag, label: "\(label), \(processes) process\(processes == 1 ? "" : "es")", results: results, walBytes: 0,
                planned: processes * each)
        }
        var rows: [(processes: Int, bio: StoreBenchmark.Run, raw: PGBenchScript.RawRun)] = []
        for n in o.concurrency {
            let each = o.each(n)
            let bio = try biosched(url, tag: "bench-pg-biosched-\(n)", processes: n, each: each, label: "biosched on PostgreSQL")
            note("Reschedules: raw PostgreSQL (pgbench), \(n) client\(n == 1 ? "" : "s") × \(each) ...")
            let raw = try PGBenchScript.run(
                server: server, database: runDB, script: script, clients: n, each: each,
                firstLine: take(n * each), tag: "bench-pg-raw-\(n)", logDir: dir)
            rows.append((n, bio, raw))
        }
        let sqliteRun = try biosched(
            sqliteWork, tag: "bench-sqlite-biosched-\(o.sqliteWorkers)", processes: o.sqliteWorkers,
            each: o.sqlitePerWorker, label: "biosched on SQLite")

        // 4. Checks, on the PostgreSQL store: counters, bookings where reported, the audit chain.
        note("Checking the store: slot counters, bookings, the audit chain ...")
        let over = try server.psql("SELECT count(*) FROM slots WHERE booked > capacity", database: runDB)
        let wrong = try server.psql(
            """
            SELECT count(*) FROM slots s WHERE s.booked <> (SELECT count(*) FROM appointments a
              WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))
            """, database: runDB)
        let doubled = try server.psql(
            "SELECT count(*) FROM (SELECT receipt FROM appointments WHERE status = 'scheduled' GROUP BY receipt HAVING count(*) > 1) d",
            database: runDB)
        var lost = 0
        var stored: [String] = []
        for r in rows {
            for (tag, reported) in [(r.bio.tag, r.bio.booked), (r.raw.tag, r.raw.booked)] {
                let n =
                    Int(
                        try server.psql(
                            """
                            SELECT count(*) FROM requests q JOIN appointments a ON a.id = q.new_appointment_id
                            WHERE q.id LIKE '\(tag)-%' AND q.decision = 'booked' AND a.status = 'scheduled' AND a.center = q.preferred_center
                            """, database: runDB)) ?? -1
                lost += abs(n - reported)
                stored.append("\(tag) \(n) of \(reported)")
            }
        }
        let audit = try store.verifyAudit()
        let checksOK = over == "0" && wrong == "0" && doubled == "0" && lost == 0 && audit.firstBroken == nil

        // 5. The table.
        func yes(_ b: Bool) -> String { b ? "yes" : "NO" }
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? fmt(a / b) + "×" : "—" }
        var grid: [[String]] = [["metric", "biosched on PostgreSQL", "raw PostgreSQL (pgbench)", "ratio", "target", "met?"]]
        grid.append([
            "first \(o.limit) free slots of 1 center, p50 (ms)", fmt(ms(percentile(pgTimes, 50)), 2), "—",
            "SQLite \(fmt(ms(percentile(sqTimes, 50)), 2))", "—", "—"
        ])
        grid.append([
            "first \(o.limit) free slots of 1 center, p99 (ms)", fmt(ms(percentile(pgTimes, 99)), 2), "—",
            "SQLite \(fmt(ms(percentile(sqTimes, 99)), 2))", "—", "—"
        ])
        for r in rows {
            let p = "\(r.processes) process\(r.processes == 1 ? "" : "es")"
            grid.append([
                "reschedules/s, \(p)", fmt(r.bio.rate, 0), fmt(r.raw.rate, 0), ratio(r.bio.rate, r.raw.rate), "≥ 0.8× raw", yes(r.bio.rate >= 0.8 * r.raw.rate)
            ])
            grid.append([
                "  round trips / client CPU (ms) per reschedule, \(p)", "\(fmt(r.bio.roundTripsEach, 2)) / \(fmt(r.bio.cpuMSEach, 2))", "4 (the script's)", "",
                "≤ 5 / ≤ 1 ms", yes(r.bio.roundTripsEach <= 5 && r.bio.cpuMSEach <= 1)
            ])
            grid.append([
                "  wait p50 / p99 / worst, \(p) (ms)",
                "\(fmt(ms(r.bio.p50Wait), 1)) / \(fmt(ms(r.bio.p99Wait), 1)) / \(fmt(ms(r.bio.maxWait), 1))",
                "\(fmt(ms(r.raw.p50), 1)) / \(fmt(ms(r.raw.p99), 1)) / \(fmt(ms(r.raw.worst), 1))", "",
                r.processes >= 64 ? "worst ≤ 1 s" : "—", r.processes >= 64 ? yes(ms(r.bio.maxWait) <= 1000) : "—"
            ])
        }
        let sqliteRate = sqliteRun.rate
        if let top = rows.last {
            grid.append([
                "\(top.processes) processes on PostgreSQL vs \(o.sqliteWorkers) on SQLite (reschedules/s)", fmt(top.bio.rate, 0),
                "SQLite \(fmt(sqliteRate, 0))", ratio(top.bio.rate, sqliteRate), "≥ 4× SQLite", yes(top.bio.rate >= 4 * sqliteRate)
            ])
        }
        grid.append([
            "over capacity / counters wrong / cases doubled / bookings lost", "\(over) / \(wrong) / \(doubled) / \(lost)", "(same store)", "",
            "0 / 0 / 0 / 0", yes(checksOK)
        ])
        grid.append([
            "audit chain", audit.firstBroken == nil ? "verifies (\(audit.rows) rows)" : "BROKEN at \(audit.firstBroken!)", "(same store)", "", "verifies",
            yes(audit.firstBroken == nil)
        ])
        print("")
        print(
            "biosched store benchmark on PostgreSQL \(serverVersion): \(counts.0) appointments, \(counts.1) centers, \(ProcessInfo.processInfo.activeProcessorCount) cores, server on the same machine (\(location.hosts.allSatisfy { $0.isEmpty || $0.hasPrefix("/") } ? "unix socket" : "TCP")); \(settings)"
        )
        print(table(grid))
        print("")
        print(
            "Slot search: \(o.iterations) searches per store after \(o.warmup) warm-up, centers drawn with a fixed seed; store.center(code:) + store.offeredSlots(limit: \(o.limit)) in process. Same slots from both stores in \(sameSlots) of \(sequence.count) searches."
        )
        for r in rows {
            for run in [r.bio] {
                print(
                    "\(run.label) (request ids \(run.tag)-N): \(run.booked) booked, \(run.other) other, \(run.errors) errors in \(fmt(run.seconds, 2)) s = \(fmt(run.rate, 0))/s; whole request p50 \(fmt(ms(run.p50Wait), 2)) ms, p99 \(fmt(ms(run.p99Wait), 2)) ms, worst \(fmt(ms(run.maxWait), 2)) ms; a process's first took up to \(fmt(ms(run.maxFirst), 1)) ms."
                )
            }
            print(
                "raw PostgreSQL, \(r.processes) pgbench client\(r.processes == 1 ? "" : "s") (request ids \(r.raw.tag)-N): \(r.raw.booked) booked, \(r.raw.failed) failed in \(fmt(r.raw.seconds, 2)) s = \(fmt(r.raw.rate, 0))/s; transaction p50 \(fmt(ms(r.raw.p50), 2)) ms, p99 \(fmt(ms(r.raw.p99), 2)) ms, worst \(fmt(ms(r.raw.worst), 2)) ms."
            )
        }
        print(
            "\(sqliteRun.label) (request ids \(sqliteRun.tag)-N): \(sqliteRun.booked) booked, \(sqliteRun.other) other, \(sqliteRun.errors) errors in \(fmt(sqliteRun.seconds, 2)) s = \(fmt(sqliteRate, 0))/s; worst \(fmt(ms(sqliteRun.maxWait), 1)) ms."
        )
        print("Checks: \(stored.joined(separator: ", ")). Total run \(fmt(Double(monotonicNS() - started) / 1e9, 1)) s.")
    }
}
#endif
