/// What the terminal gives the program.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    /// A mouse click (button 1 press or release), at a screen cell.
    case click(Point)
    /// The window changed size.
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived, or the terminal went away: leave now, cleanly.
    case hangUp(reason: String)
}

/// A terminal the program runs on: ncurses in production, an in-memory one in tests.
/// `present` shows a frame; `nextInput` waits at most `timeoutMilliseconds` (nil on time-out).
@MainActor
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    func present(_ screen: Screen, theme: Theme)
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput?
    /// Ends a `nextInput` that is waiting, from any thread (it returns nil as on a time-out);
    /// nil when the device cannot be woken.
    var waker: (@Sendable () -> Void)? { get }
}

extension TerminalDevice {
    public var waker: (@Sendable () -> Void)? { nil }
}
