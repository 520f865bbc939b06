import Foundation
import Scheduling

/// Runs effects against a store and the file system, and gives back their events.
public struct EffectRunner: Sendable {
    public let store: any BookingStore
    public let clock: @Sendable () -> Date
    /// Writes a notice to a file (path, text, replacing); nil where files may not be written (SSH sessions).
    public let writeFile: (@Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void)?
    /// Training sandbox only (`biosched demo`): the movable clock and the store's reset.
    public var training: TrainingControl?

    public init(store: any BookingStore, clock: @escaping @Sendable () -> Date,
                writeFile: (@Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void)?) {
        self.store = store; self.clock = clock; self.writeFile = writeFile
    }

    /// Saves notices with `NoticeFile`, never over the store at `storePath`.
    public static func writingFiles(protecting storePath: String?) -> @Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void {
        let file = NoticeFile(protecting: storePath)
        return { (path, text, replacing) throws(NoticeFile.Problem) in try file.write(text, to: path, replacing: replacing) }
    }

    public func run(_ effect: Effect, actor: Actor) -> Event? {
        func attempt<T>(_ body: () throws(StoreError) -> T) -> Result<T, StoreError> {
            do { return .success(try body()) } catch { return .failure(error) }
        }
        switch effect {
        case .loadCases:
            return .casesLoaded(attempt { () throws(StoreError) in try store.cases(for: actor) })
        case let .loadCase(r):
            let result = attempt { () throws(StoreError) in try store.caseSnapshot(r, for: actor) }
            // Who looked at what, when: staff look-ups and refused attempts go to the audit log.
            switch result {
            case .success where actor.role.isStaff: store.recordLookup(r, by: actor, refused: false, detail: "opened in the terminal UI", now: clock())
            case .failure(.notAuthorized): store.recordLookup(r, by: actor, refused: true, detail: "terminal UI: not authorized or no such case", now: clock())
            default: break
            }
            return .caseLoaded(result)
        case let .loadBookings(center):
            let now = clock()
            return .bookingsLoaded(center: center, attempt { () throws(StoreError) in
                let w = try store.storeInfo().window
                return try store.bookedCounts(center: center, from: w.earliest(after: now).addingTimeInterval(-86_400),
                                              to: w.latest(after: now).addingTimeInterval(86_400 * 2))
            })
        case .loadCenters:
            return .centersLoaded(attempt { () throws(StoreError) in try store.centers() })
        case let .submit(draft):
            return .submitted(attempt { () throws(StoreError) in try store.reschedule(draft.request, clock: clock) })
        case .loadReviews:
            return .reviewsLoaded(attempt { () throws(StoreError) in try store.pendingReviews() })
        case let .review(id, approve, note, center, to):
            return .reviewed(attempt { () throws(StoreError) in
                try store.review(ReviewDecision(requestID: id, kind: approve ? .approve : .deny, officer: actor.id, note: note,
                                                centerCode: center, to: to), clock: clock)
            })
        case let .saveNotice(path, text, replacing):
            guard let writeFile else { return .noticeSaved(path: path, error: "saving files is not available here") }
            do { try writeFile(path, text, replacing); return .noticeSaved(path: path, error: nil) } catch {
                if error == .exists { return .noticeFileExists(path: path) }
                return .noticeSaved(path: path, error: error.message)
            }
        case .quit:
            return nil
        case let .training(t):
            return runTraining(t)
        }
    }
}

/// A running program: state, update and effects, without a terminal. The full-screen loop, the
/// headless tests and the flow player all drive this.
public struct Program: Sendable {
    public private(set) var state: AppState
    public let runner: EffectRunner

    public init(state: AppState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
        for fx in App.initialEffects(state) { perform(fx) }
    }

    /// Sends one event and runs every effect it causes, feeding results back, until quiet.
    public mutating func send(_ event: Event) {
        let (next, effects) = App.update(state, event)
        state = next
        for fx in effects { perform(fx) }
    }

    mutating func perform(_ effect: Effect) {
        if let result = runner.run(effect, actor: state.config.actor) { send(result) }
    }

    public mutating func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    public mutating func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    public func render() -> Screen { Render.screen(state, size: state.size) }

    /// A click at a screen cell, resolved against what is drawn there now.
    public mutating func click(at p: Point) {
        let screen = render()
        if let spot = screen.hotspots.last(where: { $0.rect.contains(p) }) { send(.click(spot.target)) }
    }
}

/// The full-screen loop over a terminal device.
@MainActor
public enum TerminalLoop {
    /// Runs until the person quits or the terminal hangs up. Returns why it ended.
    public static func run(_ program: inout Program, device: any TerminalDevice, theme: Theme,
                           clock: @escaping @Sendable () -> Date, tickMilliseconds: Int = 1000,
                           idle: IdlePolicy? = nil, themes: ThemeSwitcher? = nil,
                           onFrame: ((Screen) -> Void)? = nil) -> String {
        program.send(.resize(device.size))
        program.send(.tick(clock()))
        var lastInput = DispatchTime.now().uptimeNanoseconds
        var warned = false
        while true {
            let screen = program.render()
            device.present(screen, theme: themes?.theme ?? theme)
            onFrame?(screen)
            if program.state.quit { return "quit" }
            guard let input = device.nextInput(timeoutMilliseconds: tickMilliseconds) else {
                program.send(.tick(clock()))
                for n in themes?.poll() ?? [] { program.send(.notice(n.level, n.text)) }   // an edited theme file
                if let idle {
                    let idleFor = TimeInterval(DispatchTime.now().uptimeNanoseconds - lastInput) / 1e9
                    if idleFor >= idle.timeout { return "idle for \(Int(idle.timeout)) s" }
                    if !warned && idleFor >= idle.timeout - idle.warning {
                        warned = true
                        program.send(.notice(.warning, "No activity: this session ends in \(Int(idle.timeout - idleFor + 0.5)) seconds unless you press a key."))
                    }
                }
                continue
            }
            lastInput = DispatchTime.now().uptimeNanoseconds
            if warned { warned = false; program.send(.notice(.info, "Still here: the session stays open.")) }
            if case let .key(k) = input, let themes, Keymap.action(for: k, in: program.state.focusContext) == .cycleTheme {
                for n in themes.next() { program.send(.notice(n.level, n.text)) }   // F2: the next theme
                continue
            }
            switch input {
            case let .key(k): program.send(.key(k))
            case let .click(p): program.click(at: p)
            case let .resize(size): program.send(.resize(size))
            case let .hangUp(reason): return reason
            }
        }
    }
}

/// Ends a session nobody uses: a warning `warning` seconds before `timeout` seconds of no input.
public struct IdlePolicy: Sendable, Hashable {
    public var timeout: TimeInterval
    public var warning: TimeInterval
    public init(timeout: TimeInterval, warning: TimeInterval = 60) {
        self.timeout = timeout; self.warning = min(warning, timeout / 2)
    }
}
