/// Where an action came from, written on every audit row beside the actor: the local OS user
/// that ran biosched (for SSH sessions, the gateway account), the SSH client's address and port
/// (`SSH_CONNECTION`), and the fingerprint of the key that let the session in (named by the
/// forced command). Empty strings when unknown (a local terminal has no client address).
public struct AuditOrigin: Sendable, Hashable, Codable {
    public var osUser: String
    public var client: String
    public var keyFingerprint: String
    public init(osUser: String = "", client: String = "", keyFingerprint: String = "") {
        self.osUser = osUser
        self.client = client
        self.keyFingerprint = keyFingerprint
    }

    /// `SSH_CONNECTION` is "client-address client-port server-address server-port": the first two,
    /// kept only when they look like an address and a port (it is text a peer influences).
    public static func client(fromSSHConnection value: String?) -> String {
        guard let value else { return "" }
        let parts = value.split(separator: " ")
        guard parts.count >= 2, parts[0].count <= 45, parts[0].allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }),
            let port = Int(parts[1]), (0...65535).contains(port)
        else { return "" }
        return "\(parts[0]) \(port)"
    }
}

/// What `audit verify` found: how many rows link up, and the first that does not.
public struct AuditVerification: Sendable, Hashable {
    public var rows: Int
    public var firstBroken: Int64?
    /// What is wrong with the first broken row, in every language (`problem` is the English, as JSON gives it).
    public var problemText: Localized?
    public var problem: String? { problemText?.english }
    public init(rows: Int, firstBroken: Int64?, problem: String?) {
        self.rows = rows
        self.firstBroken = firstBroken
        self.problemText = problem.map { p in Localized { _ in p } }
    }
    public init(rows: Int, firstBroken: Int64, _ make: (Catalog) -> String) {
        self.rows = rows
        self.firstBroken = firstBroken
        self.problemText = Localized(make)
    }
    /// The problem in `language`.
    public func problem(in language: Language) -> String? { problemText.map { $0(language) ?? $0.english } }
}
