/// What one pass of the mailer did.
public struct MailerReport: Sendable, Hashable {
    public var sent = 0
    /// Failed tries that will be retried.
    public var retrying = 0
    /// Given up: `failed`, for a person.
    public var failed = 0
    public var skipped = 0
    /// One line per message handled: `42 sent`, `43 retry at ...: reason`.
    public var lines: [String] = []
    public init() {}
    public var handled: Int { sent + retrying + failed + skipped }
}
