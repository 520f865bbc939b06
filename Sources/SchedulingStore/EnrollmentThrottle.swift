import Foundation
import Scheduling

/// How wrong enrollment codes are slowed down without letting a stranger lock out the person who
/// holds the right code, and without telling a known receipt from an unknown one.
///
/// - Wrong tries are counted per *scope*: the receipt number typed together with the client's
///   network (an IPv4 address, an IPv6 /64), and the network alone across every receipt. The
///   receipt typed, never the account it belongs to, so a receipt that exists and one that does
///   not are counted, answered and paused alike (no oracle).
/// - Past a scope's limit in its window, a wrong code starts a pause; during it, wrong codes from
///   that scope get only the pause (nothing written: no audit row, no attempt row), and each new
///   pause lasts twice the one before (15 minutes, 30, 60, ... up to a day). A stranger elsewhere
///   cannot pause the holder's network; and the right code is never paused.
/// - Each scope is one row, updated in place: flooding never grows the store.
public enum EnrollmentThrottle {
    public static let window: TimeInterval = 3600
    public static let perReceiptAndNetwork = 5
    public static let perNetwork = 20
    public static let firstPause: TimeInterval = 15 * 60
    public static let longestPause: TimeInterval = 86_400

    public struct State: Sendable, Hashable {
        public var wrong: Int
        public var windowStart: Date
        public var pausedUntil: Date?
        public var pauses: Int
        public init(wrong: Int = 0, windowStart: Date, pausedUntil: Date? = nil, pauses: Int = 0) {
            self.wrong = wrong
            self.windowStart = windowStart
            self.pausedUntil = pausedUntil
            self.pauses = pauses
        }
    }

    public struct Scope: Sendable, Hashable {
        public var key: String
        public var limit: Int
    }

    /// The scopes a try is counted in.
    public static func scopes(receipt: ReceiptNumber, client: String) -> [Scope] {
        let net = network(of: client)
        return [Scope(key: "receipt=\(receipt.value) net=\(net)", limit: perReceiptAndNetwork), Scope(key: "net=\(net)", limit: perNetwork)]
    }

    /// An IPv4 address as it is (IPv4-mapped IPv6 read as IPv4); an IPv6 address's /64; anything
    /// else (a name, "local") as it is, cut to 64 characters.
    public static func network(of client: String) -> String {
        var v4 = in_addr()
        if inet_pton(AF_INET, client, &v4) == 1 { return client }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, client, &v6) == 1 else { return String(client.prefix(64)) }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map { String($0) }.joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }

    /// The state as it stands at `now`: a window that ended (and no pause running) starts again;
    /// the backoff is forgotten a day after the last pause ended.
    public static func current(_ s: State?, now: Date) -> State {
        guard var s else { return State(windowStart: now) }
        if let until = s.pausedUntil, until > now { return s }
        if let until = s.pausedUntil, now >= until.addingTimeInterval(longestPause) {
            s.pauses = 0
            s.pausedUntil = nil
        }
        if now >= s.windowStart.addingTimeInterval(window) {
            s.wrong = 0
            s.windowStart = now
        }
        return s
    }

    /// The latest end of a pause running at `now` in any of these states.
    public static func pausedUntil(_ states: [State], now: Date) -> Date? {
        states.compactMap(\.pausedUntil).filter { $0 > now }.max()
    }

    /// One more wrong try counted in `s` (not paused); past the limit a pause starts.
    public static func countWrong(_ s: State, limit: Int, now: Date) -> (state: State, pauseStarted: Bool) {
        var s = s
        s.wrong += 1
        guard s.wrong >= limit else { return (s, false) }
        let length = min(longestPause, firstPause * pow(2, Double(min(s.pauses, 20))))
        s.pausedUntil = now.addingTimeInterval(length)
        s.pauses += 1
        s.wrong = 0
        s.windowStart = s.pausedUntil!
        return (s, true)
    }

    /// Tries left before a pause, across scopes (after this try was counted).
    public static func triesLeft(_ counted: [(State, Scope, Bool)]) -> Int {
        counted.map { $0.2 ? 0 : $0.1.limit - $0.0.wrong }.min() ?? 0
    }
}
