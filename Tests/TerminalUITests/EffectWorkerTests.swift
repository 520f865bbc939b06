import Foundation
import Scheduling
import Testing

@testable import TerminalUI

@Suite("The effect worker: off the UI thread, answers in order, no thread kept while idle")
struct EffectWorkerTests {
    /// Waits (boundedly) until `condition` holds; what is checked is the state, not the time.
    private func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test("Effects run in the order started and wake the loop; the thread ends when none waits and the next effect starts another")
    func threadEndsWhenIdle() throws {
        let fixture = try UIFixture()
        defer { fixture.remove() }
        let now = UIFixture.now
        let woken = DispatchSemaphore(value: 0)
        let worker = EffectWorker(runner: EffectRunner(store: fixture.store, clock: { now }, writeFile: nil), wake: { woken.signal() })
        #expect(!worker.hasThread)
        let first = try ReceiptNumber(parsing: "EAC2414052317")
        let second = try ReceiptNumber(parsing: "WAC2390112345")
        worker.start(Effect.loadCase(first), actor: UIFixture.agent)
        worker.start(Effect.loadCase(second), actor: UIFixture.agent)
        var answers: [Event] = []
        #expect(
            eventually {
                answers += worker.takeAnswers()
                return answers.count == 2
            })
        #expect(woken.wait(timeout: .now() + 5) == .success)
        let loaded = answers.map { "\($0)" }
        #expect(loaded.count == 2 && loaded[0].contains("EAC2414052317") && loaded[1].contains("WAC2390112345"), "\(loaded)")
        // Idle: no thread left.
        #expect(eventually { !worker.hasThread })
        // The next effect starts a thread again and its answer comes back.
        worker.start(Effect.loadCase(first), actor: UIFixture.agent)
        #expect(eventually { worker.takeAnswers().count == 1 })
        #expect(eventually { !worker.hasThread })
        // After stop, nothing more is taken.
        worker.stop()
        worker.start(Effect.loadCase(second), actor: UIFixture.agent)
        #expect(!worker.hasThread && worker.takeAnswers().isEmpty)
    }
}
