import Foundation
import Testing

@testable import Scheduling
@testable import TerminalUI

/// The full-screen loop with effects on the worker: an answer wakes the device (its waker), so
/// the loop sleeps until it comes instead of polling every `answerPoll` ms; a device without a
/// waker is still polled.
@Suite("The effect worker wakes the loop", .serialized)
@MainActor
struct EffectWakeTests {
    static let receipt = "EAC2414052317"
    static var typing: [TerminalInput] { receipt.map { .key(.char($0)) } + [.key(.enter)] }

    @Test("A case looked up on the worker: the loop waits without polling and is woken by the answer")
    func wokenByTheAnswer() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        let device = WakingDevice(inputs: Self.typing)
        let now = UIFixture.now
        let reason = TerminalLoop.run(&p, device: device, theme: .builtInDefault, clock: { now }, effects: .background)
        #expect(reason == "answered")
        #expect(device.woken == 1)
        #expect(!device.waits.isEmpty)
        #expect(device.waits.allSatisfy { $0 > TerminalLoop.answerPoll }, "waits: \(device.waits)")
        #expect(p.state.snapshot?.caseFile.receipt.value == Self.receipt)
    }

    @Test("A device without a waker: the loop looks for the answer every answerPoll ms while it is in flight")
    func polledWithoutWaker() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        let device = PollingDevice(inputs: Self.typing)
        let now = UIFixture.now
        let reason = TerminalLoop.run(&p, device: device, theme: .builtInDefault, clock: { now }, effects: .background)
        #expect(reason == "answered")
        #expect(device.waits.first == TerminalLoop.answerPoll, "waits: \(device.waits)")
        #expect(p.state.snapshot?.caseFile.receipt.value == Self.receipt)
    }
}

/// Gives its inputs, then sleeps until woken (at most 5 s, then hangs up); after a wake-up it
/// hangs up at the next call, once the loop has taken the answer.
@MainActor
final class WakingDevice: TerminalDevice {
    var inputs: [TerminalInput]
    var waits: [Int] = []
    var woken = 0
    nonisolated let bell = DispatchSemaphore(value: 0)
    init(inputs: [TerminalInput]) { self.inputs = inputs }
    var size: Size { Size(columns: 100, rows: 30) }
    func present(_ screen: Screen, theme: Theme) {}
    nonisolated var waker: (@Sendable () -> Void)? {
        let bell = bell
        return { bell.signal() }
    }
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        if !inputs.isEmpty { return inputs.removeFirst() }
        if woken > 0 { return .hangUp(reason: "answered") }
        waits.append(timeoutMilliseconds)
        guard bell.wait(timeout: .now() + .milliseconds(min(timeoutMilliseconds, 5000))) == .success else {
            return .hangUp(reason: "not woken")
        }
        woken += 1
        return nil
    }
}

/// Gives its inputs, then times out at once (no waker) until the case is on the screen.
@MainActor
final class PollingDevice: TerminalDevice {
    var inputs: [TerminalInput]
    var waits: [Int] = []
    var shown = ""
    init(inputs: [TerminalInput]) { self.inputs = inputs }
    var size: Size { Size(columns: 100, rows: 30) }
    func present(_ screen: Screen, theme: Theme) { shown = screen.text }
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        if !inputs.isEmpty { return inputs.removeFirst() }
        if shown.contains("Boston") || waits.count > 200 { return .hangUp(reason: shown.contains("Boston") ? "answered" : "never answered") }
        waits.append(timeoutMilliseconds)
        usleep(UInt32(min(timeoutMilliseconds, 100)) * 1000)
        return nil
    }
}
