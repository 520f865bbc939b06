#if PostgreSQL
import Foundation
import PostgresStore

/// The PostgreSQL server a benchmark runs against, through its own client programs: `psql` for
/// statements that cannot run in a transaction (CREATE DATABASE ... TEMPLATE, DROP DATABASE) and
/// `pgbench` for the raw floor. Connection details come from the `--db` URL; a password, if the
/// server wants one, from PGPASSWORD or ~/.pgpass, as for biosched.
struct PGServer {
    let location: PostgresLocation
    let bin: String

    init(_ url: String) throws {
        location = try PostgresLocation.parse(url)
        let env = ProcessInfo.processInfo.environment
        let candidates =
            (env["PATH"] ?? "").split(separator: ":").map(String.init)
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        guard let dir = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/pgbench") }) else {
            throw BenchFailure("no pgbench found (in PATH or /usr/lib/postgresql/*/bin): apt-get install postgresql-client")
        }
        bin = dir
    }

    /// The same server, another database.
    func url(_ database: String) -> PostgresLocation { location.withDatabase(database) }

    /// psql's and pgbench's connection options: the first host libpq would try, its port, the role.
    var connection: [String] {
        let host = location.hosts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "/var/run/postgresql"
        return ["-h", host, "-p", location.port.split(separator: ",").first.map(String.init) ?? "5432", "-U", location.user]
    }

    /// Runs SQL through psql (one statement per -c), on `database` (default: the URL's).
    @discardableResult
    func psql(_ sql: String, database: String? = nil) throws -> String {
        try run(bin + "/psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"] + connection + ["-d", database ?? location.database, "-c", sql])
    }

    func exists(_ database: String) throws -> Bool {
        try psql("SELECT 1 FROM pg_database WHERE datname = '\(database)'") == "1"
    }

    @discardableResult
    func run(_ program: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: o, as: UTF8.self)
        guard p.terminationStatus == 0 else {
            throw BenchFailure(
                "\((program as NSString).lastPathComponent) \(args.suffix(2).joined(separator: " ")) exited \(p.terminationStatus): \(String(decoding: e, as: UTF8.self))\(text)"
            )
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
#endif
