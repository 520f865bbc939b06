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
            guard let n = Int(p), (1...65535).contains(n) else { throw .invalidInput("PGPORT \"\(Echo.show(p))\" is not a port number (1 to 65535).") }
            port = n
        }
        guard isPlainName(user) else { throw .invalidInput("PGUSER \"\(Echo.show(user))\" is not a role name biosched takes (letters, digits, _ . -, starting with a letter or _).") }
        guard isPlainName(database) else { throw .invalidInput("PGDATABASE \"\(Echo.show(database))\" is not a database name biosched takes (letters, digits, _ . -, starting with a letter or _).") }
        let host = value("PGHOST") ?? "/var/run/postgresql"
        if host.hasPrefix("/") {
            guard isSocketDirectory(host) else { throw .invalidInput("PGHOST \"\(Echo.show(host))\" is not a socket folder biosched takes (an absolute path of letters, digits, _ . / -).") }
            return PostgresLocation(host: nil, socketDirectory: host, port: port, user: user, database: database)
        }
        guard isHostName(host) else { throw .invalidInput("PGHOST \"\(Echo.show(host))\" is not a host name or IPv4 address.") }
        return PostgresLocation(host: host, socketDirectory: nil, port: port, user: user, database: database)
    }

    static func parseURL(_ text: String, osUser: String, environment env: [String: String]) throws(StoreError) -> PostgresLocation {
        let shape = "Expected postgresql://USER@HOST:PORT/DATABASE (or postgresql://USER@/DATABASE?host=/socket/folder)."
        guard let schemeEnd = text.range(of: "://") else { throw .invalidInput("--db \"\(Echo.show(text))\" is not a PostgreSQL URL. \(shape)") }
        var rest = String(text[schemeEnd.upperBound...])
        var query = ""
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = String(rest[..<q]) }
        guard let slash = rest.firstIndex(of: "/") else { throw .invalidInput("--db \"\(Echo.show(text))\" names no database. \(shape)") }
        let authority = String(rest[..<slash])
        let database = String(rest[rest.index(after: slash)...])
        var user = osUser
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = String(authority[..<at])
            hostPort = String(authority[authority.index(after: at)...])
            if userInfo.contains(":") {
                throw .invalidInput("--db holds a password: a password never goes on a command line (other users see it in the process list). Give the URL without it and put the password in ~/.pgpass (mode 0600) or PGPASSWORD, or use peer authentication on the server's unix socket.")
            }
            user = userInfo
        }
        guard isPlainName(user) else { throw .invalidInput("The role \"\(Echo.show(user))\" in --db is not a name biosched takes (letters, digits, _ . -, starting with a letter or _). \(shape)") }
        guard isPlainName(database) else { throw .invalidInput("The database \"\(Echo.show(database))\" in --db is not a name biosched takes (letters, digits, _ . -, starting with a letter or _). \(shape)") }
        var host: String?
        var port = 5432
        if !hostPort.isEmpty {
            var h = hostPort
            if let colon = hostPort.lastIndex(of: ":") {
                h = String(hostPort[..<colon])
                let p = String(hostPort[hostPort.index(after: colon)...])
                guard let n = Int(p), (1...65535).contains(n), String(n) == p else { throw .invalidInput("The port \"\(Echo.show(p))\" in --db is not a port number (1 to 65535).") }
                port = n
            }
            guard isHostName(h) else { throw .invalidInput("The host \"\(Echo.show(h))\" in --db is not a host name or IPv4 address. \(shape)") }
            host = h
        }
        var socket: String?
        if !query.isEmpty {
            for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2 else { throw .invalidInput("--db: \"\(Echo.show(String(pair)))\" is not a key=value parameter.") }
                let (k, v) = (String(kv[0]), String(kv[1]))
                switch k {
                case "host":
                    guard isSocketDirectory(v) else { throw .invalidInput("--db: host=\"\(Echo.show(v))\" is not a socket folder (an absolute path of letters, digits, _ . / -).") }
                    socket = v
                case "port":
                    guard let n = Int(v), (1...65535).contains(n), String(n) == v else { throw .invalidInput("--db: port=\"\(Echo.show(v))\" is not a port number.") }
                    port = n
                case "password":
                    throw .invalidInput("--db holds a password: a password never goes on a command line. Put it in ~/.pgpass (mode 0600) or PGPASSWORD, or use peer authentication on the server's unix socket.")
                default:
                    throw .invalidInput("--db: the parameter \"\(Echo.show(k))\" is not one biosched takes (host, port).")
                }
            }
        }
        if socket != nil && host != nil { throw .invalidInput("--db names both a host and a socket folder; give one.") }
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
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .invalidInput("The password file \(path) is not a plain file.") }
        if st.st_mode & 0o077 != 0 {
            throw .invalidInput("The password file \(path) can be read by group or others (mode \(String(st.st_mode & 0o777, radix: 8))); biosched, like libpq, ignores it then. Run `chmod 0600 \(path)`.")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .invalidInput("The password file \(path) cannot be read.") }
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
