import Foundation
import Scheduling

/// Runs effects off the UI thread, one at a time in the order given, and keeps their answers until
/// the loop takes them. A store that waits (another process holding the write lock) keeps only this
/// worker waiting; the loop goes on reading keys and drawing.
///
/// The worker is a thread of its own, started by an effect when none is running, that blocks every
/// signal: a resize or a terminating signal always reaches the UI thread, whose wait it must
/// interrupt. It ends when no effect waits, so an idle session keeps no second thread (nor its
/// stack's pages).
/// Each answer calls `wake` (the terminal device's waker), so the loop sleeps until it comes
/// instead of polling.
public final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let wake: (@Sendable () -> Void)?
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [(Effect, Actor)] = []
    private var answers: [Event] = []
    private var running = 0
    private var started = false
    private var stopping = false

    public init(runner: EffectRunner, wake: (@Sendable () -> Void)? = nil) {
        self.runner = runner
        self.wake = wake
    }

    /// Starts `effect` behind the ones already started.
    public func start(_ effect: Effect, actor: Actor) {
        condition.withLock {
            guard !stopping else { return }
            queue.append((effect, actor))
            running += 1
            if !started {
                started = true
                let thread = Thread { [self] in
                    Self.blockSignals()
                    work()
                }
                thread.name = "biosched.effects"
                thread.start()
            }
            condition.signal()
        }
    }

    /// Whether the worker's thread is running (it ends when no effect waits).
    public var hasThread: Bool { condition.withLock { started } }

    /// Takes no more effects; those started still run (their answers are dropped).
    public func stop() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
    }

    private func work() {
        while true {
            condition.lock()
            if queue.isEmpty {
                // Nothing waits: the thread ends; the next effect starts another.
                started = false
                condition.unlock()
                return
            }
            let (effect, actor) = queue.removeFirst()
            condition.unlock()
            let answer = runner.run(effect, actor: actor)
            condition.withLock {
                running -= 1
                if let answer { answers.append(answer) }
            }
            wake?()
        }
    }

    /// The answers that came back since the last call, in order.
    public func takeAnswers() -> [Event] {
        condition.withLock {
            defer { answers = [] }
            return answers
        }
    }

    /// True while an effect runs or waits to run.
    public var isBusy: Bool { condition.withLock { running > 0 } }

    /// Signals go to the UI thread, never to this one.
    static func blockSignals() {
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
    }
}
