#if PostgreSQL
import Foundation
import PostgresTestSupport
import Testing

/// The real `biosched` binary against a real PostgreSQL server (a private cluster, see
/// `PostgresCluster`): racing processes from two network namespaces, init, the URL rules, a lost
/// connection. Skipped loudly without the server binaries, unless BIOSCHED_REQUIRE_POSTGRES=1.
@Suite("PostgreSQL store through the biosched binary", .serialized)
struct PostgresProcessTests {
    static let now = "2026-06-15T09:00:00-04:00"

    static func cluster() throws -> PostgresCluster {
        switch PostgresCluster.shared {
        case let .success(c): return c
        case let .failure(why):
            if PostgresCluster.required { throw why }
            FileHandle.standardError.write(Data("SKIPPED (PostgreSQL): \(why)\n".utf8))
            try Test.cancel("PostgreSQL not available: \(why)")
        }
    }

    static let weekdays = ["mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"]

    /// A training store in a new database with a 5-station target center, `rounds` slots each
    /// holding 2 bookings, and `racers` cases per round elsewhere.
    static func raceStore(_ c: PostgresCluster, racers: Int, rounds: Int) throws -> String {
        let url = c.url(try c.createDatabase())
        let made = try Binary.run(["init", "--training", "--db", url, "--now", now])
        try #require(made.status == 0, "\(made.stderr)")
        var cases: [[String: Any]] = [], appts: [[String: Any]] = []
        for r in 0..<rounds {
            for i in 0..<racers {
                let receipt = "MSC\(String(format: "%02d", r))" + String(format: "%08d", i)
                cases.append(["receipt": receipt, "form": "I-765", "applicantName": "Racer \(r)-\(i)"])
                appts.append(["receipt": receipt, "center": "RAC", "start": String(format: "2026-06-%02dT%02d:%02d", 16 + r, 8 + i / 4, (i % 4) * 15)])
            }
            for k in 0..<2 {
                let receipt = "PRE\(String(format: "%02d", r))" + String(format: "%08d", k)
                cases.append(["receipt": receipt, "form": "I-90", "applicantName": "Early \(r)-\(k)"])
                appts.append(["receipt": receipt, "center": "TGT", "start": String(format: "2026-06-24T%02d:00", 9 + r)])
            }
        }
        let doc: [String: Any] = [
            "centers": [
                ["code": "RAC", "name": "Race ASC", "timeZone": "America/New_York", "slotMinutes": 15, "stations": 4, "hours": weekdays],
                ["code": "TGT", "name": "Target ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 5, "hours": weekdays]
            ],
            "cases": cases, "appointments": appts
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-pgrace-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let imported = try Binary.run(["import", file.path, "--db", url, "--now", now])
        try #require(imported.status == 0, "\(imported.stderr)")
        return url
    }

    @Test("R14 32 biosched processes from two network namespaces race for the last 3 stations of a slot, 3 rounds: exactly 3 book each round, counters exact")
    func racingProcessesFromTwoHosts() throws {
        guard geteuid() == 0 else {
            if PostgresCluster.required {
                Issue.record("the two-host race needs root (ip netns); CI runs as root")
                return
            }
            FileHandle.standardError.write(Data("SKIPPED: the two-host PostgreSQL race needs root for `ip netns add` (CI runs as root)\n".utf8))
            try Test.cancel("needs root for network namespaces")
        }
        guard PostgresCluster.binaries() != nil || PostgresCluster.required else {
            _ = try Self.cluster()
            return
        }
        let hosts = try NetworkHosts(count: 2)
        defer { hosts.remove() }
        let c = try PostgresCluster(listen: hosts.serverAddresses, hbaNetworks: hosts.networks)
        defer { c.stop() }
        let racers = 32, rounds = 3
        let url = try Self.raceStore(c, racers: racers, rounds: rounds)
        let database = String(url.split(separator: "/").last!)
        for r in 0..<rounds {
            var running: [(Process, Pipe, Pipe)] = []
            for i in 0..<racers {
                let host = i % 2
                let receipt = "MSC\(String(format: "%02d", r))" + String(format: "%08d", i)
                let remote = "postgresql://\(c.superuser)@\(hosts.serverAddresses[host]):\(c.port)/\(database)?sslmode=verify-full&sslrootcert=\(c.caFile)"
                running.append(
                    Binary.process(
                        [
                            "reschedule", receipt, "--db", remote, "--now", Self.now, "--as", "agent", "--center", "TGT",
                            "--to", String(format: "2026-06-24T%02d:00", 9 + r), "--reason", "travel", "--json"
                        ],
                        env: ["PGPASSWORD": c.password], wrap: ["/usr/sbin/ip", "netns", "exec", hosts.names[host]]))
            }
            for p in running { try p.0.run() }
            var statuses: [Int32] = [], results: [String] = []
            for (p, out, err) in running {
                let o = out.fileHandleForReading.readDataToEndOfFile()
                let e = err.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                statuses.append(p.terminationStatus)
                let obj = (try? JSONSerialization.jsonObject(with: o)) as? [String: Any]
                results.append((obj?["result"] as? String) ?? "no-json: \(String(decoding: e, as: UTF8.self))")
            }
            #expect(results.filter { $0 == "booked" }.count == 3, "round \(r): \(results)")
            #expect(results.filter { $0 == "slot-full" }.count == racers - 3, "round \(r): \(results)")
            #expect(statuses.filter { $0 == 0 }.count == 3 && statuses.filter { $0 == 3 }.count == racers - 3, "round \(r): \(statuses)")
        }
        // Every counter equals the bookings it counts; each target slot is full at 5; the clients came over both hosts' addresses.
        let wrong = try c.psql(
            """
            SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start
              AND a.status IN ('scheduled','attended','missed'))
            """, database: database)
        #expect(wrong == "0")
        #expect(try c.psql("SELECT string_agg(booked::text, ',' ORDER BY start) FROM slots WHERE center = 'TGT'", database: database) == "5,5,5")
        #expect(try c.psql("SELECT count(*) FROM requests WHERE decision = 'booked'", database: database) == "\(3 * rounds)")
        #expect(try c.psql("SELECT count(*) FROM appointments WHERE status = 'rescheduled'", database: database) == "\(3 * rounds)")
        let verify = try Binary.run(["audit", "verify", "--db", url, "--now", Self.now, "--as", "officer"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test(
        "init makes the schema in an empty database and refuses one that holds a store; a password in the URL is refused; --db postgres reads PGHOST and friends"
    )
    func initAndURLs() throws {
        let c = try Self.cluster()
        let db = try c.createDatabase()
        let first = try Binary.run(["init", "--db", c.url(db)])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("postgresql://\(c.superuser)@127.0.0.1:\(c.port)/\(db)"))
        let again = try Binary.run(["init", "--db", c.url(db)])
        #expect(again.status != 0 && again.stderr.contains("already holds a biosched store"), "\(again.stderr)")
        let withPassword = try Binary.run(["summary", "--db", "postgresql://\(c.superuser):secret@127.0.0.1:\(c.port)/\(db)"])
        #expect(
            withPassword.status == 2 && withPassword.stderr.contains("password never goes on a command line"), "\(withPassword.status) \(withPassword.stderr)")
        #expect(!withPassword.stderr.contains("secret"))
        // A database name is a protocol parameter, never SQL: an odd one is simply not there.
        let odd = try Binary.run(["summary", "--db", "postgresql://\(c.superuser)@127.0.0.1:\(c.port)/x;drop"])
        #expect(odd.status == 4 && odd.stderr.contains("There is no database x;drop"), "\(odd.stderr)")
        let env = try Binary.run(
            ["summary", "--db", "postgres"], env: ["PGHOST": c.socketDirectory, "PGPORT": String(c.port), "PGUSER": c.superuser, "PGDATABASE": db])
        #expect(env.status == 0, "\(env.stdout)\(env.stderr)")
        let empty = try c.createDatabase()
        let notAStore = try Binary.run(["summary", "--db", c.socketURL(empty)])
        #expect(notAStore.status == 4 && notAStore.stderr.contains("holds no biosched store"), "\(notAStore.stderr)")
    }

    @Test(
        "demo without --db: $BIOSCHED_DB naming a PostgreSQL training store is the sandbox; naming a production store or an empty database, a temporary file, saying why; nothing written there"
    )
    func demoReadsTheEnvironment() throws {
        let c = try Self.cluster()
        let training = try Self.raceStore(c, racers: 1, rounds: 1) // holds case MSC0000000000
        let production = c.url(try c.createDatabase())
        let made = try Binary.run(["init", "--db", production])
        try #require(made.status == 0, "\(made.stderr)")
        let empty = c.url(try c.createDatabase())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-pgdemo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shared = dir.appendingPathComponent("shared.flow")
        try Data("caption \"The class's shared training store.\"\nopen MSC0000000000\nexpect \"MSC0000000000\"\n".utf8).write(to: shared)
        let look = dir.appendingPathComponent("look.flow")
        try Data("caption \"A look at the sandbox.\"\nexpect \"EAC2414052317\"\n".utf8).write(to: look) // the find screen's example, in both languages

        let onShared = try Binary.run(["demo", "--check", shared.path, "--now", Self.now], env: ["BIOSCHED_DB": training])
        #expect(onShared.status == 0, "\(onShared.stdout)\(onShared.stderr)")
        #expect(onShared.stderr.contains("Using the training store that $BIOSCHED_DB names: \(training)"), "\(onShared.stderr)")
        #expect(!onShared.stderr.contains("Creating a training store"))
        #expect(
            try c.psql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'biosched_first_state_%'", database: String(training.split(separator: "/").last!))
                == "0")

        let audit = try c.psql("SELECT count(*) FROM audit", database: String(production.split(separator: "/").last!))
        let onProduction = try Binary.run(["demo", "--check", look.path], env: ["BIOSCHED_DB": production])
        #expect(onProduction.status == 0, "\(onProduction.stdout)\(onProduction.stderr)")
        #expect(
            onProduction.stderr.contains(
                "$BIOSCHED_DB names a production store (\(production)); biosched demo never opens one, so this sandbox is a temporary file."),
            "\(onProduction.stderr)")
        #expect(try c.psql("SELECT count(*) FROM audit", database: String(production.split(separator: "/").last!)) == audit, "the production store untouched")

        let onEmpty = try Binary.run(["demo", "--check", look.path, "--lang", "es"], env: ["BIOSCHED_DB": empty])
        #expect(onEmpty.status == 0, "\(onEmpty.stdout)\(onEmpty.stderr)")
        #expect(onEmpty.stderr.contains("$BIOSCHED_DB indica \(empty), que no contiene ningún sistema de biosched"), "\(onEmpty.stderr)")
        #expect(
            try c.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: String(empty.split(separator: "/").last!)) == "0",
            "an empty database named only by the environment is not filled")
    }

    @Test("Two hosts running init on one empty database at once: one creates the store, the other refuses, and the schema is applied once")
    func concurrentInit() throws {
        let c = try Self.cluster()
        let db = try c.createDatabase()
        let ps = (0..<4).map { _ in Binary.process(["init", "--db", c.url(db)]) }
        for p in ps { try p.0.run() }
        var ok = 0, refused = 0
        for (p, out, err) in ps {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if p.terminationStatus == 0 { ok += 1 } else if e.contains("already holds a biosched store") { refused += 1 }
        }
        #expect(ok == 1 && refused == 3)
        #expect(try c.psql("SELECT count(*) FROM biosched_migrations", database: db) == "7") // pg1 to pg7, each once
        #expect(try c.psql("SELECT count(*) FROM audit", database: db) == "1")
    }

    @Test("A connection lost in the middle of a command: exit 4 with 'unreachable', nothing half committed, and the next command works")
    func lostConnection() throws {
        let c = try Self.cluster()
        let url = try Self.raceStore(c, racers: 8, rounds: 1)
        let db = String(url.split(separator: "/").last!)
        let before = try c.psql(
            "SELECT (SELECT count(*) FROM appointments) || '/' || (SELECT count(*) FROM audit) || '/' || (SELECT sum(booked) FROM slots)", database: db)
        // Hold the audit lock in another session so the command waits inside its transaction, then end its backend.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "\(c.bin)/psql")
        holder.arguments = [
            "-X", "-q", "-h", c.socketDirectory, "-p", String(c.port), "-U", c.superuser, "-d", db, "-c",
            "BEGIN; SELECT pg_advisory_xact_lock(\(0x4249_4F54)); SELECT pg_sleep(4); COMMIT;"
        ]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        Thread.sleep(forTimeInterval: 0.7)
        let receipt = try c.psql("SELECT receipt FROM appointments WHERE status = 'scheduled' ORDER BY id LIMIT 1", database: db)
        let (p, out, err) = Binary.process(["users", "add", "temp.agent", "--role", "agent", "--db", url, "--now", Self.now, "--as", "officer"])
        try p.run()
        Thread.sleep(forTimeInterval: 1.0)
        _ = try c.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'biosched' AND datname = '\(db)'")
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        holder.waitUntilExit()
        #expect(p.terminationStatus == 4, "\(p.terminationStatus) \(e)")
        #expect(e.contains("unreachable"), "\(e)")
        #expect(!e.contains("57P01") && !e.contains("SQLSTATE"), "no raw SQLSTATE: \(e)")
        #expect(try c.psql("SELECT count(*) FROM staff WHERE \"user\" = 'temp.agent'", database: db) == "0", "nothing half committed")
        let after = try c.psql(
            "SELECT (SELECT count(*) FROM appointments) || '/' || (SELECT count(*) FROM audit) || '/' || (SELECT sum(booked) FROM slots)", database: db)
        #expect(after == before)
        let next = try Binary.run(["status", receipt, "--db", url, "--now", Self.now, "--as", "agent"])
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        // The server itself gone: the same message and exit code.
        let gone = try Binary.run(["summary", "--db", "postgresql://\(c.superuser)@127.0.0.1:1/\(db)"])
        #expect(gone.status == 4 && gone.stderr.contains("unreachable"), "\(gone.stderr)")
    }
}

extension PostgresProcessTests {
    @Test("R14 plain mode on PostgreSQL: an applicant reschedules through a pipe (TERM=dumb), the notice is shown, and status reads the new appointment")
    func plainModeOnPostgres() throws {
        let c = try Self.cluster()
        let url = c.url(try c.createDatabase())
        #expect(try Binary.run(["init", "--training", "--db", url, "--now", Self.now]).status == 0)
        let doc: [String: Any] = [
            "centers": [["code": "BOS", "name": "Boston ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2, "hours": Self.weekdays]],
            "accounts": [["id": "ana.perez", "role": "applicant", "name": "Ana Perez", "email": "ana@example.org"]],
            "cases": [["receipt": "EAC2414052317", "form": "I-485", "applicant": "ana.perez"]],
            "appointments": [["receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"]]
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-pgplain-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        #expect(try Binary.run(["import", file.path, "--db", url, "--now", Self.now]).status == 0)
        let before = try Binary.run(["status", "EAC2414052317", "--db", url, "--now", Self.now, "--as", "agent", "--json"])
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["tui", "--db", url, "--now", Self.now, "--as", "applicant", "--account", "ana.perez"]
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        env["BIOSCHED_DB"] = nil
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        // Case 1; its first day; its first time; reason 1 (medical); confirmation by email; yes; then quit.
        input.fileHandleForWriting.write(Data("1\n1\n1\n1\n1\n1\nq\n".utf8))
        try input.fileHandleForWriting.close()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(transcript)")
        #expect(transcript.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"), "\(transcript)")
        #expect(!transcript.contains("\u{1B}["))
        let after = try Binary.run(["status", "EAC2414052317", "--db", url, "--now", Self.now, "--as", "agent", "--json"])
        let a0 = (before.json["appointment"] as? [String: Any])?["local"] as? String
        let a1 = (after.json["appointment"] as? [String: Any])?["local"] as? String
        #expect(a0 == "2026-06-18T09:00" && a1 != nil && a1 != a0, "\(before.stdout) \(after.stdout)")
        #expect(try c.psql("SELECT count(*) FROM appointments WHERE status = 'scheduled'", database: String(url.split(separator: "/").last!)) == "1")
    }
}

/// Test hosts: a network namespace each, joined to this one by a veth pair on its own /24
/// (iproute2). The server listens on this side's addresses; processes run in the namespaces.
final class NetworkHosts {
    let names: [String]
    let serverAddresses: [String]
    let networks: [String]
    private let links: [String]

    init(count: Int) throws {
        let tag = String(UInt32.random(in: 0...0xFFFF), radix: 16)
        let base = Int.random(in: 0...120) * 2
        var names: [String] = [], servers: [String] = [], nets: [String] = [], links: [String] = []
        for i in 0..<count {
            let name = "bs\(tag)\(i)", host = "bs\(tag)\(i)h", peer = "bs\(tag)\(i)n"
            let octet = 10 + base + i
            let net = "10.213.\(octet)"
            names.append(name)
            servers.append("\(net).1")
            nets.append("\(net).0/24")
            links.append(host)
            for cmd in [
                ["netns", "add", name], ["link", "add", host, "type", "veth", "peer", "name", peer], ["link", "set", peer, "netns", name],
                ["addr", "add", "\(net).1/24", "dev", host], ["link", "set", host, "up"],
                ["-n", name, "addr", "add", "\(net).2/24", "dev", peer], ["-n", name, "link", "set", peer, "up"], ["-n", name, "link", "set", "lo", "up"]
            ] {
                try Self.ip(cmd)
            }
        }
        self.names = names
        self.serverAddresses = servers
        self.networks = nets
        self.links = links
    }

    func remove() {
        for l in links { try? Self.ip(["link", "del", l]) }
        for n in names { try? Self.ip(["netns", "del", n]) }
    }

    static func ip(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw PostgresCluster.Unavailable.failed("ip \(args.joined(separator: " ")): \(String(decoding: e, as: UTF8.self))")
        }
    }
}
#endif
