import Foundation

/// Ends a session nobody uses: a warning `warning` seconds before `timeout` seconds of no input.
public struct IdlePolicy: Sendable, Hashable {
    public var timeout: TimeInterval
    public var warning: TimeInterval
    public init(timeout: TimeInterval, warning: TimeInterval = 60) {
        self.timeout = timeout
        self.warning = min(warning, timeout / 2)
    }
}
