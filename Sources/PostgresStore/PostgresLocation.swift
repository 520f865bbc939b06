import Foundation
import Scheduling
import SchedulingStore

/// Where a PostgreSQL store is: a server (host and port, or a unix socket folder), a database and
/// a role. Parsed strictly from `postgresql://user@host:port/dbname` (or `postgres://`), or from the
/// libpq environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`) when `--db postgres` is given.
/// A password is never part of it: it comes from `PGPASSWORD`, the password file, or not at all
/// (peer or trust authentication).
public struct PostgresLocation: Sendable, Hashable {
    /// A host name or IPv4 address; nil when `socketDirectory` is set.
    public var host: String?
    /// The folder of the server's unix socket (`.s.PGSQL.<port>` inside it).
    public var socketDirectory: String?
    public var port: Int
    public var user: String
    public var database: String

    public init(host: String?, socketDirectory: String?, port: Int, user: String, database: String) {
        self.host = host; self.socketDirectory = socketDirectory; self.port = port; self.user = user; self.database = database
    }

    /// The URL without any password, as a person would name the store.
    public var display: String {
        if let dir = socketDirectory {
            return "postgresql://\(user)@/\(database)?host=\(dir)&port=\(port)"
        }
        return "postgresql://\(user)@\(host ?? "localhost"):\(port)/\(database)"
    }

    /// The host name the password file is matched against (libpq: `localhost` for a socket in the default place).
    var passwordFileHost: String { host ?? "localhost" }

    /// Whether `text` names a PostgreSQL store rather than a file: a `postgresql://` or `postgres://`
    /// URL, or the word `postgres` (the libpq environment).
    public static func isPostgres(_ text: String) -> Bool {
        let l = text.lowercased()
        return l == "postgres" || l.hasPrefix("postgresql://") || l.hasPrefix("postgres://")
    }

    /// Names of roles and databases this biosched accepts: no quoting is ever needed.
    static func isPlainName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 63 && s.range(of: #"^[A-Za-z_][A-Za-z0-9_.-]*$"#, options: .regularExpression) != nil
    }
    static func isHostName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 253 && s.range(of: #"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"#, options: .regularExpression) != nil
    }
    static func isSocketDirectory(_ s: String) -> Bool {
        s.hasPrefix("/") && s.count <= 90 && s.range(of: #"^/[A-Za-z0-9_./-]*$"#, options: .regularExpression) != nil && !s.contains("..")
    }

    /// Parses `--db` text: a URL, or `postgres` with the environment given.
    public static func parse(_ text: String, environment env: [String: String], osUser: String) throws(StoreError) -> PostgresLocation {
        if text.lowercased() == "postgres" { return try fromEnvironment(env, osUser: osUser) }
        return try parseURL(text, osUser: osUser, environment: env)
    }

    static func fromEnvironment(_ env: [String: String], osUser: String) throws(StoreError) -> PostgresLocation {
        func value(_ k: String) -> String? { env[k].flatMap { $0.isEmpty ? nil : $0 } }
        let user = value("PGUSER") ?? osUser
        let database = value("PGDATABASE") ?? user
        var port = 5432
        if let p = value("PGPORT") {
            guard let n = Int(p), (1...65535).contains(n) else { throw .invalid(Localized { $0.pgEnvPort(Echo.show(p)) }) }
            port = n
        }
        guard isPlainName(user) else { throw .invalid(Localized { $0.pgEnvUser(Echo.show(user)) }) }
        guard isPlainName(database) else { throw .invalid(Localized { $0.pgEnvDatabase(Echo.show(database)) }) }
        let host = value("PGHOST") ?? "/var/run/postgresql"
        if host.hasPrefix("/") {
            guard isSocketDirectory(host) else { throw .invalid(Localized { $0.pgEnvSocket(Echo.show(host)) }) }
            return PostgresLocation(host: nil, socketDirectory: host, port: port, user: user, database: database)
        }
        guard isHostName(host) else { throw .invalid(Localized { $0.pgEnvHost(Echo.show(host)) }) }
        return PostgresLocation(host: host, socketDirectory: nil, port: port, user: user, database: database)
    }

    static func parseURL(_ text: String, osUser: String, environment env: [String: String]) throws(StoreError) -> PostgresLocation {
        guard let schemeEnd = text.range(of: "://") else { throw .invalid(Localized { $0.pgNotURL(Echo.show(text)) }) }
        var rest = String(text[schemeEnd.upperBound...])
        var query = ""
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = String(rest[..<q]) }
        guard let slash = rest.firstIndex(of: "/") else { throw .invalid(Localized { $0.pgNoDatabaseInURL(Echo.show(text)) }) }
        let authority = String(rest[..<slash])
        let database = String(rest[rest.index(after: slash)...])
        var user = osUser
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = String(authority[..<at])
            hostPort = String(authority[authority.index(after: at)...])
            if userInfo.contains(":") {
                throw .invalid(Localized { $0.pgPasswordInURL })
            }
            user = userInfo
        }
        guard isPlainName(user) else { throw .invalid(Localized { $0.pgRoleInURL(Echo.show(user)) }) }
        guard isPlainName(database) else { throw .invalid(Localized { $0.pgDatabaseInURL(Echo.show(database)) }) }
        var host: String?
        var port = 5432
        if !hostPort.isEmpty {
            var h = hostPort
            if let colon = hostPort.lastIndex(of: ":") {
                h = String(hostPort[..<colon])
                let p = String(hostPort[hostPort.index(after: colon)...])
                guard let n = Int(p), (1...65535).contains(n), String(n) == p else { throw .invalid(Localized { $0.pgPortInURL(Echo.show(p)) }) }
                port = n
            }
            guard isHostName(h) else { throw .invalid(Localized { $0.pgHostInURL(Echo.show(h)) }) }
            host = h
        }
        var socket: String?
        if !query.isEmpty {
            for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2 else { throw .invalid(Localized { $0.pgNotKeyValue(Echo.show(String(pair))) }) }
                let (k, v) = (String(kv[0]), String(kv[1]))
                switch k {
                case "host":
                    guard isSocketDirectory(v) else { throw .invalid(Localized { $0.pgSocketParameter(Echo.show(v)) }) }
                    socket = v
                case "port":
                    guard let n = Int(v), (1...65535).contains(n), String(n) == v else { throw .invalid(Localized { $0.pgPortParameter(Echo.show(v)) }) }
                    port = n
                case "password":
                    throw .invalid(Localized { $0.pgPasswordParameter })
                default:
                    throw .invalid(Localized { $0.pgUnknownParameter(Echo.show(k)) })
                }
            }
        }
        if socket != nil && host != nil { throw .invalid(Localized { $0.pgHostAndSocket }) }
        if host == nil && socket == nil {
            let h = env["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/run/postgresql"
            if h.hasPrefix("/") { socket = h } else { host = h }
        }
        return PostgresLocation(host: host, socketDirectory: socket, port: port, user: user, database: database)
    }
}

/// The password of a connection: `PGPASSWORD`, else the password file (`PGPASSFILE`, else
/// `~/.pgpass`), parsed as libpq does: `host:port:database:user:password` lines, `*` matching
/// anything, `\:` and `\\` escapes; a file that group or others can read is refused.
enum PasswordFile {
    static func password(for l: PostgresLocation, environment env: [String: String], home: String) throws(StoreError) -> String? {
        if let p = env["PGPASSWORD"], !p.isEmpty { return p }
        let path = env["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? (home as NSString).appendingPathComponent(".pgpass")
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .invalid(Localized { $0.pgPasswordFileNotPlain(path) }) }
        if st.st_mode & 0o077 != 0 {
            throw .invalid(Localized { [mode = String(st.st_mode & 0o777, radix: 8)] in $0.pgPasswordFileOpen(path, mode) })
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .invalid(Localized { $0.pgPasswordFileUnreadable(path) }) }
        return match(text, host: l.passwordFileHost, port: String(l.port), database: l.database, user: l.user)
    }

    /// The password of the first line that matches, if any.
    static func match(_ text: String, host: String, port: String, database: String, user: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let l = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if l.hasPrefix("#") { continue }
            let f = fields(l)
            guard f.count == 5 else { continue }
            func ok(_ pattern: String, _ value: String) -> Bool { pattern == "*" || pattern == value }
            if ok(f[0], host) && ok(f[1], port) && ok(f[2], database) && ok(f[3], user) { return f[4] }
        }
        return nil
    }

    /// Splits a line at unescaped colons; `\:` is a colon and `\\` a backslash.
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], cur = "", escaped = false
        for ch in line {
            if escaped { cur.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == ":" && out.count < 4 { out.append(cur); cur = ""; continue }
            cur.append(ch)
        }
        out.append(cur)
        return out
    }
}
