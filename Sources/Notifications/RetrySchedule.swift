import Foundation

/// When a failed message is tried again: 1 minute after the first failed try, 5 minutes after the
/// second, 30 minutes after the third; the fourth failure makes it `failed`, for a person (pure).
public struct RetrySchedule: Sendable, Hashable {
    public let delays: [TimeInterval]
    public init(delays: [TimeInterval]) { self.delays = delays }
    public static let standard = RetrySchedule(delays: [60, 300, 1800])

    /// Tries in all: the first and one per delay.
    public var maxAttempts: Int { delays.count + 1 }

    /// After failed try number `attempt` (1 for the first) at `now`: the next try, or nil to give up.
    public func nextAttempt(after attempt: Int, now: Date) -> Date? {
        guard attempt >= 1, attempt <= delays.count else { return nil }
        return now.addingTimeInterval(delays[attempt - 1])
    }
}
