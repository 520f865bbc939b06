import Foundation
import Scheduling

/// Runs effects off the UI thread, one at a time in the order given, and keeps their answers until
/// the loop takes them. A store that waits (another process holding the write lock) keeps only this
/// worker waiting; the loop goes on reading keys and drawing.
public final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let queue = DispatchQueue(label: "biosched.effects", qos: .userInitiated)
    private let lock = NSLock()
    // Guarded by `lock`.
    private var answers: [Event] = []
    private var running = 0

    public init(runner: EffectRunner) { self.runner = runner }

    /// Starts `effect` behind the ones already started.
    public func start(_ effect: Effect, actor: Actor) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let answer = runner.run(effect, actor: actor)
            lock.withLock {
                running -= 1
                if let answer { answers.append(answer) }
            }
        }
    }

    /// The answers that came back since the last call, in order.
    public func takeAnswers() -> [Event] {
        lock.withLock {
            defer { answers = [] }
            return answers
        }
    }

    /// True while an effect runs or waits to run.
    public var isBusy: Bool { lock.withLock { running > 0 } }
}
