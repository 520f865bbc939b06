import Foundation
import Scheduling

// Training mode (`biosched demo`): a sandbox store, a clock the trainer moves, role switching and
// story cases. Everything here is inert unless `AppState.training` is set, which only the demo
// command and the flow tests do.

/// The sandbox's clock. It stands still where the trainer puts it (a presenter needs the screen to
/// stay as explained), and it is the clock of the runner and of every store transaction, so a
/// booking made after the clock moved is checked at the moved time (R14).
public final class TrainingClock: @unchecked Sendable {
    private let lock = NSLock()
    /// The sandbox's first instant: the demo data were placed relative to it.
    public let start: Date
    private var current: Date

    public init(start: Date) {
        self.start = start
        current = start
    }

    public func now() -> Date { lock.withLock { current } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public func reset() { set(start) }

    /// The clock as the runner and the terminal loop take it.
    public var closure: @Sendable () -> Date { { [self] in self.now() } }
}

/// What the runtime can do to the sandbox: move its clock, put its store back to the first state.
public struct TrainingControl: Sendable {
    public let clock: TrainingClock
    /// Restores the store's first state (the demo command copies it back from a snapshot).
    public let resetStore: @Sendable () throws -> Void
    public init(clock: TrainingClock, resetStore: @escaping @Sendable () throws -> Void) {
        self.clock = clock
        self.resetStore = resetStore
    }
}

/// A story case as the trainer sees it: one situation of the rules, and who to show it as.
public struct TrainingStory: Sendable, Hashable {
    public var receipt: String
    public var title: String
    public var description: String
    public var role: Role
    /// The applicant's or representative's account; nil for staff.
    public var account: String?
    public init(receipt: String, title: String, description: String, role: Role, account: String? = nil) {
        self.receipt = receipt
        self.title = title
        self.description = description
        self.role = role
        self.account = account
    }
}

/// What a sandbox session starts from; reset returns to it.
public struct TrainingSettings: Sendable, Hashable {
    /// The login shown for agents and officers.
    public var staffID: String
    public var firstActor: Actor
    public var start: Date
    public var stories: [TrainingStory]
    public init(staffID: String, firstActor: Actor, start: Date, stories: [TrainingStory]) {
        self.staffID = staffID
        self.firstActor = firstActor
        self.start = start
        self.stories = stories
    }
}

/// The training part of the UI state: the trainer panel and the story list.
public struct TrainingState: Sendable, Hashable {
    public enum Panel: Sendable, Hashable { case trainer, stories }
    public var settings: TrainingSettings
    public var panel: Panel?
    public var storyIndex = 0
    public init(settings: TrainingSettings, panel: Panel? = nil) {
        self.settings = settings
        self.panel = panel
    }

    var focusContext: FocusContext? {
        switch panel {
        case .trainer?: .trainer
        case .stories?: .stories
        case nil: nil
        }
    }
}

/// Where to put the clock.
public enum ClockTarget: Sendable, Hashable {
    /// An instant.
    case at(Date)
    /// Forward (positive) or back from the clock's current time.
    case by(TimeInterval)
    /// Relative to the open case's appointment start: `-13 h` is 13 hours before it.
    case appointment(TimeInterval)
    /// The sandbox's first instant.
    case start
}

/// What a trainer (a key of the trainer panel, or a flow step) asks of the sandbox.
public enum TrainingCommand: Sendable, Hashable {
    case clock(ClockTarget)
    /// Act as this role: for applicants and representatives the account, else the open case's own.
    case role(Role, account: String?)
    /// The next role of applicant → representative → agent → officer that can see the open case.
    case nextRole
    /// Opens a case as the current role (a story, or any receipt).
    case open(ReceiptNumber)
    case openStory(Int)
    case showStories
    case showPanel
    case closePanel
    case reset
}

public enum TrainingEvent: Sendable {
    case command(TrainingCommand)
    /// The clock was moved.
    case clockSet(Date)
    /// The sandbox was reset (or could not be: `error`).
    case sandboxReset(now: Date, error: String?)
    /// A line for the status pane from the trainer's tools (a flow's failed expectation).
    case log(Message.Level, Localized)
}

public enum TrainingEffect: Sendable, Hashable {
    case setClock(Date)
    case reset
}

extension EffectRunner {
    func runTraining(_ effect: TrainingEffect) -> Event? {
        guard let t = training else {
            return .training(.log(.error, Localized { $0.notASandbox }))
        }
        switch effect {
        case let .setClock(date):
            t.clock.set(date)
            return .training(.clockSet(t.clock.now()))
        case .reset:
            do {
                try t.resetStore()
                t.clock.reset()
                return .training(.sandboxReset(now: t.clock.now(), error: nil))
            } catch {
                return .training(.sandboxReset(now: t.clock.now(), error: "\(error)"))
            }
        }
    }
}

/// Durations as trainers read and write them: `1 d 2 h`, `13 h`, `30 m`; flows write `1d2h`.
public enum TrainingDuration {
    /// `1 d 2 h 5 m` (spaced) or `1d2h5m` (compact); seconds only when there are some.
    public static func text(_ seconds: TimeInterval, compact: Bool = false) -> String {
        var s = Int(abs(seconds).rounded())
        if s == 0 { return compact ? "0m" : "0 m" }
        let d = s / 86_400
        s %= 86_400
        let h = s / 3600
        s %= 3600
        let m = s / 60
        s %= 60
        var parts: [String] = []
        if d > 0 { parts.append("\(d)\(compact ? "" : " ")d") }
        if h > 0 { parts.append("\(h)\(compact ? "" : " ")h") }
        if m > 0 { parts.append("\(m)\(compact ? "" : " ")m") }
        if s > 0 { parts.append("\(s)\(compact ? "" : " ")s") }
        return parts.joined(separator: compact ? "" : " ")
    }

    /// Parses `1d2h30m`, `90s`, `13h` (units d, h, m, s; at least one).
    public static func parse(_ text: String) -> TimeInterval? {
        var total = 0.0, number = "", any = false
        for c in text {
            if c.isNumber {
                number.append(c)
                continue
            }
            guard let n = Double(number) else { return nil }
            switch c {
            case "d": total += n * 86_400
            case "h": total += n * 3600
            case "m": total += n * 60
            case "s": total += n
            default: return nil
            }
            number = ""
            any = true
        }
        return any && number.isEmpty ? total : nil
    }
}

extension Program {
    /// A program on a training sandbox: the runner's clock is the sandbox's (so store transactions
    /// see the moved time), the runner can reset the store, and the state carries the stories.
    public static func sandbox(
        store: any BookingStore, config: AppConfig, clock: TrainingClock, settings: TrainingSettings,
        size: Size, writeFile: (@Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void)?,
        resetStore: @escaping @Sendable () throws -> Void
    ) -> Program {
        var runner = EffectRunner(store: store, clock: clock.closure, writeFile: writeFile)
        runner.training = TrainingControl(clock: clock, resetStore: resetStore)
        var state = AppState(config: config, now: clock.now(), size: size)
        state.training = TrainingState(settings: settings)
        return Program(state: state, runner: runner)
    }
}
