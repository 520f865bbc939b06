// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import CLibPQLoader
import Foundation
import Scheduling
import SchedulingStore

/// Where a PostgreSQL store is, described exactly as libpq reads it: a `postgresql://` URI, a
/// `key=value` connection string (`service=NAME` included), or the word `postgres` for the `PG*`
/// environment alone. libpq parses it; biosched only looks at the result to refuse a password
/// written in it, to require TLS to a host that is not this machine, and to name the store in
/// messages. The password comes from `PGPASSWORD`, the password file or a service, as libpq finds it.
public struct PostgresLocation: Sendable, Hashable {
    /// The connection string as given; empty for the environment alone (`postgres`).
    public let conninfo: String
    /// Keywords that come after the connection string (libpq: later ones win), e.g. another
    /// database on the same server (`withDatabase`).
    public private(set) var overrides: [String: String] = [:]
    /// The options in force, as libpq resolves them (the string, then a service, then `PG*`, then
    /// its defaults), for messages and the TLS rule; never a password.
    public private(set) var resolved: [String: String]
    /// Whether the string itself says `sslmode=disable`: the operator's own word to talk in clear.
    public let clearTextAllowed: Bool

    /// Whether `text` names a PostgreSQL store rather than a file: a `postgresql://` or `postgres://`
    /// URI, a `key=value` connection string, or the word `postgres` (the libpq environment).
    public static func isPostgres(_ text: String) -> Bool { StoreOpener.namesPostgres(text) }

    /// Parses `--db` text with libpq (`PQconninfoParse`), and resolves it as libpq would connect.
    public static func parse(_ text: String) throws(StoreError) -> PostgresLocation {
        try loadLibrary()
        let conninfo = text.lowercased() == "postgres" ? "" : text
        var explicit: [String: String] = [:]
        if !conninfo.isEmpty {
            guard conninfo.utf8.count <= 4096, !conninfo.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
                throw .invalid(Localized { $0.pgNotConnectionString(Echo.show(text), "") })
            }
            var err: UnsafeMutablePointer<CChar>?
            guard let opts = bpq_conninfoParse(conninfo, &err) else {
                let message = err.map { PGDB.trimmed(String(cString: $0)) } ?? ""
                if let err { bpq_freemem(err) }
                throw .invalid(Localized { $0.pgNotConnectionString(Echo.show(text), message) })
            }
            explicit = options(opts)
            bpq_conninfoFree(opts)
        }
        if let p = explicit["password"], !p.isEmpty { throw .invalid(Localized { $0.pgPasswordInURL }) }
        let resolved = resolve(explicit)
        // libpq checks these only when it connects, and its failure would read as "unreachable".
        for (key, valid) in [
            ("sslmode", ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]),
            ("target_session_attrs", ["any", "read-write", "read-only", "primary", "standby", "prefer-standby"])
        ] {
            if let v = resolved[key], !v.isEmpty, !valid.contains(v) {
                throw .invalid(Localized { $0.pgNotConnectionString(Echo.show(text), "\(key)=\(Echo.show(v)): " + valid.joined(separator: ", ")) })
            }
        }
        return PostgresLocation(conninfo: conninfo, resolved: resolved, clearTextAllowed: explicit["sslmode"] == "disable")
    }

    init(conninfo: String, resolved: [String: String], clearTextAllowed: Bool) {
        self.conninfo = conninfo
        self.resolved = resolved.filter { $0.key != "password" }
        self.clearTextAllowed = clearTextAllowed
    }

    /// The same server, another database.
    public func withDatabase(_ database: String) -> PostgresLocation {
        var l = self
        l.overrides["dbname"] = database
        l.resolved["dbname"] = database
        return l
    }

    public var user: String { resolved["user"] ?? "" }
    public var database: String { resolved["dbname"] ?? user }
    /// The hosts libpq tries, in order: names, addresses, or socket folders (`/...`).
    public var hosts: [String] {
        let h = (resolved["host"] ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return h.isEmpty ? [""] : h
    }
    public var port: String { resolved["port"] ?? "5432" }

    /// As a person would name the store: the text given (it never holds a password), or what the
    /// environment resolves to; made safe for a terminal.
    public var display: String {
        var shown = conninfo
        if shown.isEmpty {
            let host = hosts.map { $0.isEmpty ? "/var/run/postgresql" : $0 }.joined(separator: ",")
            shown = "host=\(host) port=\(port) dbname=\(database) user=\(user)"
        }
        if let db = overrides["dbname"] { shown += " (dbname=\(db))" }
        return Echo.show(shown, limit: 200)
    }

    /// The whole connection as one `key=value` string (what libpq resolved, the overrides applied,
    /// never a password): for another process that must reach the same database (a benchmark's
    /// workers). Values are quoted for libpq's grammar.
    public var connectionString: String {
        var all = resolved
        for (k, v) in overrides { all[k] = v }
        if requiresTLSUpgrade { all["sslmode"] = "require" }
        return all.filter { !$0.value.isEmpty && $0.key != "password" }.sorted { $0.key < $1.key }.map { k, v in
            "\(k)='" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }.joined(separator: " ")
    }

    /// Whether every host libpq may try is on this machine (a unix socket, loopback): only there may
    /// a password or any data travel without TLS.
    public var isLocal: Bool {
        let addrs = (resolved["hostaddr"] ?? "").split(separator: ",").map(String.init)
        if !addrs.isEmpty { return addrs.allSatisfy(Self.isLoopback) }
        return hosts.allSatisfy { $0.isEmpty || $0.hasPrefix("/") || $0.hasPrefix("@") || Self.isLoopback($0) }
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" || h.hasSuffix(".localhost") { return true }
        let parts = h.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The TLS rule: to a host that is not this machine, a connection without TLS is refused unless
    /// the string itself says `sslmode=disable`. A weaker mode (`prefer`, `allow`, or `disable` from
    /// the environment or a service) is raised to `require`, so that libpq never sends a password
    /// or a query before TLS is up.
    public var requiresTLSUpgrade: Bool {
        guard !clearTextAllowed, !isLocal else { return false }
        return !["require", "verify-ca", "verify-full"].contains(resolved["sslmode"] ?? "prefer")
    }

    /// The keywords and values for `PQconnectdbParams` (with `expand_dbname`): biosched's defaults
    /// where nothing else sets them, the connection string, then what must win.
    var connectionParameters: [(String, String)] {
        var p: [(String, String)] = [("fallback_application_name", "biosched"), ("client_encoding", "UTF8")]
        // A dead peer is noticed in seconds, not after the kernel's two hours.
        for (k, v) in [("connect_timeout", "10"), ("keepalives_idle", "10"), ("keepalives_interval", "5"), ("keepalives_count", "3")]
        where (resolved[k] ?? "").isEmpty { p.append((k, v)) }
        if !conninfo.isEmpty { p.append(("dbname", conninfo)) }
        for (k, v) in overrides.sorted(by: { $0.key < $1.key }) { p.append((k, v)) }
        if requiresTLSUpgrade { p.append(("sslmode", "require")) }
        return p
    }

    /// Loads libpq (dlopen, once per process: see `CLibPQ/shim.h`), or says it is not installed.
    static func loadLibrary() throws(StoreError) {
        if let why = bpq_load() {
            let text = String(cString: why)
            throw .unusableStore(Localized { $0.pgLibraryMissing(text) })
        }
    }

    /// libpq's options as a dictionary, unset ones left out.
    static func options(_ opts: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        var out: [String: String] = [:]
        var o = opts
        while let k = o.pointee.keyword {
            if let v = o.pointee.val { out[String(cString: k)] = String(cString: v) }
            o += 1
        }
        return out
    }

    /// The options as libpq would connect with them: the string's own, then a service's (the
    /// string's `service`, else `PGSERVICE`), then the environment and libpq's defaults. libpq
    /// gives its defaults (with a service applied) through `PQconndefaults`, which reads the
    /// service from `PGSERVICE`: for a service named in the string, it is set for that call.
    static func resolve(_ explicit: [String: String]) -> [String: String] {
        resolveLock.lock()
        defer { resolveLock.unlock() }
        let service = explicit["service"]
        let saved = getenv("PGSERVICE").map { String(cString: $0) }
        if let service { setenv("PGSERVICE", service, 1) }
        defer { if service != nil { if let saved { setenv("PGSERVICE", saved, 1) } else { unsetenv("PGSERVICE") } } }
        var out: [String: String] = [:]
        if let d = bpq_conndefaults() {
            out = options(d)
            bpq_conninfoFree(d)
        }
        for (k, v) in explicit { out[k] = v }
        // `dbname` defaults to the user (libpq fills it at connect time).
        if (out["dbname"] ?? "").isEmpty, let u = out["user"] { out["dbname"] = u }
        return out
    }
    private static let resolveLock = NSLock()
}
#endif
