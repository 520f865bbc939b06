#if PostgreSQL
import Foundation
import PostgresTestSupport
import Testing

/// How biosched reaches a PostgreSQL server, through the real binary and libpq: TLS with the
/// tests' own CA, pg_service.conf and .pgpass from the process's HOME, hostssl-only servers, and
/// the rule that nothing goes to another host without TLS.
@Suite("PostgreSQL connections: TLS, services, the password file", .serialized)
struct PostgresConnectionTests {
    static let now = "2026-06-15T09:00:00-04:00"

    /// A HOME of its own with a service file and a password file (mode 0600), as an operator writes them.
    static func home(service: String, password: String, port: Int) throws -> String {
        let home = NSTemporaryDirectory() + "biosched-pghome-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try service.write(toFile: home + "/.pg_service.conf", atomically: false, encoding: .utf8)
        try "localhost:\(port):*:biosched_admin:\(password)\n".write(toFile: home + "/.pgpass", atomically: false, encoding: .utf8)
        chmod(home + "/.pgpass", 0o600)
        return home
    }

    @Test(
        "verify-full with the test CA, named by service=NAME in ~/.pg_service.conf, the password from ~/.pgpass; a certificate for another host name and a plain connection to a hostssl-only server are refused, saying why"
    )
    func tlsServiceAndPasswordFile() throws {
        guard PostgresCluster.binaries() != nil || PostgresCluster.required else {
            _ = try PostgresProcessTests.cluster()
            return
        }
        let c = try PostgresCluster(listen: [], tlsOnly: true, loopbackPassword: true)
        defer { c.stop() }
        let db = try c.createDatabase()
        let service = """
            # biosched's store, as an operator names it
            [biosched]
            host=localhost
            port=\(c.port)
            user=\(c.superuser)
            dbname=\(db)
            sslmode=verify-full
            sslrootcert=\(c.caFile)

            """
        let home = try Self.home(service: service, password: c.password, port: c.port)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let env = ["HOME": home, "PGPASSWORD": "", "PGSERVICEFILE": "", "PGSERVICE": ""].filter { !$0.value.isEmpty }
        let made = try Binary.run(["init", "--db", "service=biosched"], env: env)
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        let summary = try Binary.run(["summary", "--db", "service=biosched"], env: env)
        #expect(summary.status == 0, "\(summary.stdout)\(summary.stderr)")
        // PGSERVICE names the same service for --db postgres.
        let viaEnv = try Binary.run(["summary", "--db", "postgres"], env: env.merging(["PGSERVICE": "biosched"]) { $1 })
        #expect(viaEnv.status == 0, "\(viaEnv.stdout)\(viaEnv.stderr)")
        // The server saw TLS on biosched's connections.
        let tlsRows = try c.psql("SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'biosched' AND NOT s.ssl")
        #expect(tlsRows == "0")

        // The certificate names localhost: asking for db.example (on the same address) is refused before any login.
        let wrongName = try Binary.run(["summary", "--db", "service=biosched host=db.example hostaddr=127.0.0.1"], env: env)
        #expect(wrongName.status == 4, "\(wrongName.stderr)")
        #expect(wrongName.stderr.contains("does not match host name \"db.example\""), "\(wrongName.stderr)")
        // An unknown CA: the default root store of the HOME is empty.
        let noCA = try Binary.run(["summary", "--db", "service=biosched sslrootcert=\(home)/none.crt"], env: env)
        #expect(noCA.status == 4 && noCA.stderr.contains("none.crt"), "\(noCA.stderr)")
        // hostssl only: the operator's own sslmode=disable is honoured by biosched and refused by the server.
        let plain = try Binary.run(["summary", "--db", "service=biosched sslmode=disable"], env: env)
        #expect(plain.status == 4 && plain.stderr.contains("no encryption"), "\(plain.stderr)")
        // Without the password file the login is refused, in the server's words.
        try FileManager.default.removeItem(atPath: home + "/.pgpass")
        let noPassword = try Binary.run(["summary", "--db", "service=biosched"], env: env)
        #expect(noPassword.status == 4 && noPassword.stderr.contains("refused the login") && noPassword.stderr.contains("password"), "\(noPassword.stderr)")
        let missing = try Binary.run(["summary", "--db", "service=nosuch"], env: env)
        #expect(missing.status != 0 && missing.stderr.contains("nosuch"), "\(missing.stderr)")
    }

    @Test(
        "To a host that is not this machine, biosched sends nothing without TLS: a server without TLS is refused before the password goes out; sslmode=disable written in --db itself allows it"
    )
    func noClearTextToAnotherHost() throws {
        guard geteuid() == 0 else {
            if PostgresCluster.required {
                Issue.record("the test host needs root (ip netns); CI runs as root")
                return
            }
            try Test.cancel("needs root for network namespaces")
        }
        guard PostgresCluster.binaries() != nil || PostgresCluster.required else {
            _ = try PostgresProcessTests.cluster()
            return
        }
        let hosts = try NetworkHosts(count: 1)
        defer { hosts.remove() }
        let c = try PostgresCluster(listen: hosts.serverAddresses, hbaNetworks: hosts.networks, tls: false)
        defer { c.stop() }
        let db = try c.createDatabase()
        #expect(try Binary.run(["init", "--db", c.socketURL(db)]).status == 0)
        let remote = "postgresql://\(c.superuser)@\(hosts.serverAddresses[0]):\(c.port)/\(db)"
        func run(_ url: String) throws -> Binary.Result {
            let (p, out, err) = Binary.process(
                ["summary", "--db", url], env: ["PGPASSWORD": c.password, "PGSSLMODE": "disable"],
                wrap: ["/usr/sbin/ip", "netns", "exec", hosts.names[0]])
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return Binary.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
        }
        let refused = try run(remote)
        #expect(refused.status == 4, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("over TLS only") && refused.stderr.contains("sslmode=disable"), "\(refused.stderr)")
        // Nothing reached authentication: the server logged no login for the role.
        #expect(!c.log.contains("password authentication"), "\(c.log)")
        let allowed = try run(remote + "?sslmode=disable")
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
    }
}
#endif
