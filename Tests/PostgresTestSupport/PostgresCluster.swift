import Foundation

/// A private PostgreSQL cluster for the tests: `initdb` and `pg_ctl` from Debian's `postgresql`
/// package (`/usr/lib/postgresql/*/bin`), a data folder and socket folder in /tmp, a free port on
/// 127.0.0.1 (and any other addresses given), trust authentication on loopback and the socket,
/// SCRAM passwords from anywhere else listed. As root the server runs as the `postgres` OS user
/// (initdb refuses root). Stopped and removed by `stop()`, or when the test process exits.
public final class PostgresCluster: @unchecked Sendable {
    public let bin: String
    public let dir: String
    public let port: Int
    public let superuser = "biosched_admin"
    /// The password of `superuser` for connections over the other addresses (SCRAM).
    public let password = "pw-" + UUID().uuidString.prefix(8).lowercased()
    public var socketDirectory: String { dir }
    private let runAs: String?

    /// Why PostgreSQL tests cannot run here, if they cannot.
    public enum Unavailable: Error, CustomStringConvertible {
        case noBinaries, failed(String)
        public var description: String {
            switch self {
            case .noBinaries:
                "the PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/initdb): install Debian's package `postgresql` (apt-get install postgresql)"
            case let .failed(m): "the private PostgreSQL cluster did not start: \(m)"
            }
        }
    }

    /// Whether CI (or a developer) asked that these tests never be skipped.
    public static var required: Bool { ProcessInfo.processInfo.environment["BIOSCHED_REQUIRE_POSTGRES"] == "1" }

    /// One cluster per test process, started on first use.
    public static let shared: Result<PostgresCluster, Unavailable> = {
        do {
            let c = try PostgresCluster(listen: [])
            atexit { PostgresCluster.stopAll() }
            return .success(c)
        } catch let e as Unavailable { return .failure(e) } catch { return .failure(.failed("\(error)")) }
    }()

    nonisolated(unsafe) private static var running: [PostgresCluster] = []
    private static let runningLock = NSLock()
    static func stopAll() {
        runningLock.lock()
        let all = running
        running = []
        runningLock.unlock()
        for c in all { c.stop() }
    }

    public static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") {
            return "\(root)/\(v)/bin"
        }
        return nil
    }

    /// The test CA that signed the server's certificate (for `sslrootcert`).
    public var caFile: String { dir + "/ca.crt" }

    /// Starts a cluster listening on 127.0.0.1 and on `listen` (addresses that must exist already),
    /// with TLS on (a test CA and a server certificate for localhost, 127.0.0.1 and `listen`, made
    /// with openssl). `hbaNetworks` (CIDR) may connect with the password over TLS only. With
    /// `tlsOnly`, TCP on 127.0.0.1 is `hostssl` too: a connection without TLS is refused; with
    /// `loopbackPassword`, TCP on 127.0.0.1 asks for the password (SCRAM) instead of trusting; with
    /// `tls` false the server has no TLS at all.
    public init(
        listen: [String], hbaNetworks: [String] = [], tls: Bool = true, tlsOnly: Bool = false, loopbackPassword: Bool = false,
        certificateNames: [String] = ["localhost"]
    ) throws {
        guard let bin = Self.binaries() else { throw Unavailable.noBinaries }
        self.bin = bin
        dir = "/tmp/biosched-pg-" + UUID().uuidString.prefix(8).lowercased()
        port = Self.freePort()
        runAs = geteuid() == 0 ? "postgres" : nil
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let u = runAs {
            guard let pw = getpwnam(u) else {
                throw Unavailable.failed("running as root, but there is no OS user \(u) to run the server as (the postgresql package makes it)")
            }
            chown(dir, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        chmod(dir, 0o700)
        let pwfile = dir + "/pw"
        _ = FileManager.default.createFile(atPath: pwfile, contents: Data(password.utf8))
        if let u = runAs, let pw = getpwnam(u) { chown(pwfile, pw.pointee.pw_uid, pw.pointee.pw_gid) }
        chmod(pwfile, 0o600)
        try run(["\(bin)/initdb", "-D", dir + "/data", "-U", superuser, "--pwfile=\(pwfile)", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        try TestCertificates.make(in: dir, names: certificateNames, addresses: ["127.0.0.1"] + listen, owner: runAs)
        var hba =
            "local all all trust\nhost replication all 127.0.0.1/32 trust\n\(tlsOnly ? "hostssl" : "host") all all 127.0.0.1/32 \(loopbackPassword ? "scram-sha-256" : "trust")\n"
        for n in hbaNetworks { hba += "\(tls ? "hostssl" : "host") all all \(n) scram-sha-256\n" }
        try hba.write(toFile: dir + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        let conf = """
            listen_addresses = '\((["127.0.0.1"] + listen).joined(separator: ","))'
            port = \(port)
            unix_socket_directories = '\(dir)'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 200
            shared_buffers = 64MB
            password_encryption = 'scram-sha-256'
            ssl = \(tls ? "on" : "off")
            ssl_cert_file = '\(dir)/server.crt'
            ssl_key_file = '\(dir)/server.key'

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/data/postgresql.conf"))
        handle.seekToEndOfFile()
        handle.write(Data(conf.utf8))
        try handle.close()
        try run(["\(bin)/pg_ctl", "-D", dir + "/data", "-l", dir + "/server.log", "-w", "-t", "60", "start"])
        Self.runningLock.lock()
        Self.running.append(self)
        Self.runningLock.unlock()
    }

    /// A streaming standby of this cluster (pg_basebackup -R) on a port of its own, read-only
    /// until `promote()`; stopped with it at exit.
    public func standby() throws -> PostgresCluster { try PostgresCluster(standbyOf: self) }

    private init(standbyOf primary: PostgresCluster) throws {
        bin = primary.bin
        dir = "/tmp/biosched-pg-" + UUID().uuidString.prefix(8).lowercased()
        port = Self.freePort()
        runAs = primary.runAs
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let u = runAs, let pw = getpwnam(u) { chown(dir, pw.pointee.pw_uid, pw.pointee.pw_gid) }
        chmod(dir, 0o700)
        try run([
            "\(bin)/pg_basebackup", "-h", "127.0.0.1", "-p", String(primary.port), "-U", superuser, "-D", dir + "/data", "-R", "-X", "stream", "-c", "fast"
        ])
        for f in ["server.crt", "server.key", "ca.crt"] { try run(["/bin/cp", "-p", primary.dir + "/" + f, dir + "/" + f]) }
        let conf = "port = \(port)\nunix_socket_directories = '\(dir)'\nssl_cert_file = '\(dir)/server.crt'\nssl_key_file = '\(dir)/server.key'\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/data/postgresql.conf"))
        handle.seekToEndOfFile()
        handle.write(Data(conf.utf8))
        try handle.close()
        try run(["\(bin)/pg_ctl", "-D", dir + "/data", "-l", dir + "/server.log", "-w", "-t", "60", "start"])
        Self.runningLock.lock()
        Self.running.append(self)
        Self.runningLock.unlock()
    }

    /// Makes a standby the primary (pg_ctl promote, waiting until it accepts writes).
    public func promote() throws { try run(["\(bin)/pg_ctl", "-D", dir + "/data", "-w", "-t", "60", "promote"]) }

    /// Stops the server at once (as a crash would), keeping its files.
    public func stopImmediately() throws { try run(["\(bin)/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop"]) }

    /// The server's log, for a failure message.
    public var log: String { (try? String(contentsOfFile: dir + "/server.log", encoding: .utf8)) ?? "" }

    public func stop() {
        _ = try? run(["\(bin)/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Runs SQL as the superuser through psql on the socket; returns its output (tuples only).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try run(
            ["\(bin)/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", String(port), "-U", superuser, "-d", database, "-c", sql],
            asServer: false)
    }

    /// Runs psql as `role` on the socket with extra arguments (a file, variables); the status and
    /// what it printed, standard error included, so a test can read a refusal.
    public func psql(as role: String, database: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let (status, out, err) = try Self.spawn(
            [
                "\(bin)/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", String(port),
                "-U", role, "-d", database
            ] + arguments)
        return (status, out + err)
    }

    /// A new empty database (as `createdb` makes it); returns its name.
    public func createDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql("CREATE DATABASE \(name)")
        return name
    }

    /// The URL of `database` over TCP on 127.0.0.1.
    public func url(_ database: String, host: String = "127.0.0.1") -> String { "postgresql://\(superuser)@\(host):\(port)/\(database)" }
    /// The URL of `database` over the unix socket.
    public func socketURL(_ database: String) -> String { "postgresql://\(superuser)@/\(database)?host=\(dir)&port=\(port)" }

    @discardableResult
    func run(_ argv: [String], asServer: Bool = true) throws -> String {
        let full = (asServer && runAs != nil) ? ["/usr/sbin/runuser", "-u", runAs!, "--"] + argv : argv
        let (status, out, err) = try Self.spawn(full)
        guard status == 0 else {
            throw Unavailable.failed("\(argv.joined(separator: " ")) exited \(status): \(err)\(out)")
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// posix_spawn and waitpid, output to files: the server that pg_ctl starts would hold a pipe
    /// open for as long as it runs (and Foundation's Process was seen to miss runuser's exit).
    static func spawn(_ argv: [String]) throws -> (Int32, String, String) {
        let base = NSTemporaryDirectory() + "biosched-pg-run-" + UUID().uuidString
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of this process goes to the server: a pipe another test made for its own
        // child at that moment would stay open in the server, and its reader never see the end.
        // (glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not show.)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3)
        }
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "PGPASSWORD")
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw Unavailable.failed("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        return (code, out, err)
    }

    static func freePort() -> Int {
        for _ in 0..<50 {
            let candidate = Int.random(in: 20_000...45_000)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(candidate).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            if ok { return candidate }
        }
        return 54_321
    }
}
