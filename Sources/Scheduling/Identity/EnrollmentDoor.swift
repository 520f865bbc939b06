/// Where applicants and representatives let their own SSH key in, once, with an enrollment code:
/// `ssh USER@HOST` (or `ssh -p PORT USER@HOST`). Two settings of the store: `enroll_host` (set by
/// `biosched init --enroll-host` or `biosched settings set enroll-host`) and `enroll_user`, the
/// service account sshd admits (`biosched` unless the deployment named another with
/// `scripts/install.sh --user`). Every notice, message and screen that gives an enrollment code
/// says this command; with no host set it names the account and says the host is the agency's,
/// never a made-up name.
///
/// Both values are checked against strict patterns where they enter (the command line, the
/// store's read of its settings), so a value printed in a notice or a message never needs quoting.
public struct EnrollmentDoor: Hashable, Sendable, Codable {
    /// The service account of docs/deployment.md and `scripts/install.sh` (its `--user` default).
    public static let defaultUser = "biosched"
    /// The longest host a setting may hold: a DNS name (253) and a port.
    public static let maxHostLength = 253 + 6

    /// The login sshd admits (`[a-z_][a-z0-9_-]{0,31}`, as `scripts/install.sh --user` accepts).
    public var user: String
    /// As the setting holds it (normalized): a DNS name or IPv4 address, or an IPv6 address in
    /// brackets, with `:PORT` when the port is not 22. Nil: not set.
    public var host: String?

    public init(user: String = EnrollmentDoor.defaultUser, host: String? = nil) {
        self.user = user
        self.host = host
    }

    /// The door the store's two settings describe; a value that does not pass its pattern (a row
    /// written by hand) is read as unset, never printed.
    public init(hostSetting: String?, userSetting: String?) {
        user = userSetting.flatMap { try? Self.parseUser($0) } ?? Self.defaultUser
        host = hostSetting.flatMap { $0.isEmpty ? nil : try? Self.parseHost($0) }
    }

    /// The exact command, e.g. `ssh biosched@gateway.uscis.example` or
    /// `ssh -p 2222 biosched@2001:db8::7`; nil when no host is set.
    public var command: String? {
        guard let host, let parts = Self.split(host) else { return nil }
        let address = parts.host.hasPrefix("[") ? String(parts.host.dropFirst().dropLast()) : parts.host
        return "ssh " + (parts.port.map { "-p \($0) " } ?? "") + "\(user)@\(address)"
    }

    // MARK: Patterns

    /// Checks and normalizes a host: `NAME`, `IPV4` or `[IPV6]`, each with an optional `:PORT`
    /// (1-65535; `:22` is dropped). Letters are lowercased. Anything else is refused with what
    /// was expected, in every language.
    public static func parseHost(_ text: String) throws(StoreError) -> String {
        let shown = Echo.show(text, limit: 80)
        func refuse() -> StoreError { .invalid(Localized { $0.badEnrollHost(shown) }) }
        guard !text.isEmpty, text.utf8.count <= maxHostLength, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { throw refuse() }
        guard let parts = split(text) else { throw refuse() }
        var port = parts.port
        if port == 22 { port = nil }
        let host: String
        if parts.host.hasPrefix("[") {
            let inner = String(parts.host.dropFirst().dropLast())
            guard isIPv6(inner) else { throw refuse() }
            host = "[" + inner.lowercased() + "]"
        } else {
            guard isIPv4(parts.host) || isDNSName(parts.host) else { throw refuse() }
            host = parts.host.lowercased()
        }
        return host + (port.map { ":\($0)" } ?? "")
    }

    /// Checks a login name for the door: `[a-z_][a-z0-9_-]{0,31}`.
    public static func parseUser(_ text: String) throws(StoreError) -> String {
        let ok =
            !text.isEmpty && text.utf8.count <= Identifier.maxLoginLength
            && text.unicodeScalars.first.map { ("a"..."z").contains($0) || $0 == "_" } == true
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        guard ok else {
            let shown = Echo.show(text, limit: 40)
            throw .invalid(Localized { $0.badEnrollUser(shown) })
        }
        return text
    }

    /// `host` and its port: `[v6]:p`, `[v6]`, `name:p`, `name`. Nil when the shape is wrong
    /// (an IPv6 address without brackets, an empty or non-decimal port, a port out of range).
    static func split(_ text: String) -> (host: String, port: Int?)? {
        var host = Substring(text), portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[...close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else { return nil }
        guard let portText else { return (String(host), nil) }
        guard (1...5).contains(portText.count), portText.first != "0", portText.allSatisfy({ ("0"..."9").contains($0) }),
            let port = Int(portText), (1...65535).contains(port)
        else { return nil }
        return (String(host), port)
    }

    /// Dotted quad, each part 0-255 without a leading zero.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { p in
                (1...3).contains(p.count) && p.allSatisfy { ("0"..."9").contains($0) } && (p.count == 1 || p.first != "0") && Int(p)! <= 255
            }
    }

    /// A DNS name: labels of letters, digits and hyphens (1-63, no hyphen at either end), at most
    /// 253 characters, no trailing dot, and not all digits in its last label (that would be a
    /// mistyped IPv4 address).
    static func isDNSName(_ text: String) -> Bool {
        guard (1...253).contains(text.utf8.count) else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        for l in labels {
            guard (1...63).contains(l.count), l.first != "-", l.last != "-",
                l.unicodeScalars.allSatisfy({ Identifier.isAlnum($0) || $0 == "-" })
            else { return false }
        }
        return !labels.last!.allSatisfy { ("0"..."9").contains($0) }
    }

    /// An IPv6 address (RFC 4291 text form: eight groups of 1-4 hex digits, one `::` for a run of
    /// zero groups, an IPv4 address as the last 32 bits); no zone (`%eth0`).
    static func isIPv6(_ text: String) -> Bool {
        guard (2...45).contains(text.count) else { return false }
        var body = Substring(text)
        var groupsWanted = 8
        // An IPv4 tail counts for two groups.
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
            body = body[...lastColon]
            if !body.hasSuffix("::") { body = body.dropLast() }
            groupsWanted = 6
        }
        func groups(_ s: Substring) -> Int? {
            if s.isEmpty { return 0 }
            let g = s.split(separator: ":", omittingEmptySubsequences: false)
            for p in g where !(1...4).contains(p.count) || !p.allSatisfy(\.isHexDigit) { return nil }
            return g.count
        }
        let halves = body.components(separatedBy: "::")
        switch halves.count {
        case 1:
            return groups(body) == groupsWanted
        case 2:
            guard let a = groups(Substring(halves[0])), let b = groups(Substring(halves[1])) else { return false }
            return a + b < groupsWanted
        default:
            return false
        }
    }
}
