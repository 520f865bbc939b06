import Foundation
import Scheduling

/// A running program: state, update and effects, without a terminal. The full-screen loop, plain
/// mode, the headless tests and the flow player all drive this.
///
/// By default every effect runs at once, inside `send`, and its answer is fed back until the
/// program is quiet (plain mode, tests, flows). With `defersEffects` (the full-screen loop's
/// background mode) `send` only collects the effects; the loop hands them to an `EffectWorker` and
/// sends the answers back as they arrive.
public struct Program: Sendable {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// Collect effects in `pending` instead of running them.
    public var defersEffects = false
    /// Effects asked for and not yet handed to a worker (only with `defersEffects`).
    public private(set) var pending: [Effect] = []

    public init(state: AppState, runner: EffectRunner, defersEffects: Bool = false) {
        self.runner = runner
        self.defersEffects = defersEffects
        let (first, effects) = App.start(state)
        self.state = first
        for fx in effects { perform(fx) }
    }

    /// Sends one event. Its effects run at once (and their answers are sent, until quiet), or wait
    /// in `pending` when effects are deferred.
    public mutating func send(_ event: Event) {
        let (next, effects) = App.update(state, event)
        state = next
        for fx in effects { perform(fx) }
    }

    mutating func perform(_ effect: Effect) {
        if effect == .quit { return }
        if defersEffects {
            pending.append(effect)
            return
        }
        if let result = runner.run(effect, actor: state.config.actor) { send(result) }
    }

    /// The deferred effects, in the order asked; `pending` is empty afterwards.
    public mutating func takePending() -> [Effect] {
        defer { pending = [] }
        return pending
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
