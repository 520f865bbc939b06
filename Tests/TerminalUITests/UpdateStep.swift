import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// `App.update` driven one event at a time, the way The Composable Architecture's `TestStore`
/// does it: each step says exactly how the state changes and which effects come out, and any
/// other change fails the test. Nothing runs the effects; answers are sent by the test.
struct UpdateStep {
    var state: AppState

    /// Sends `event`: the new state must equal the old one changed by `change`, and the effects
    /// must be `effects`, in order.
    @discardableResult
    mutating func send(
        _ event: Event, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) -> [Effect] {
        let (next, fx) = App.update(state, event)
        var expected = state
        change(&expected)
        #expect(fx == effects, "effects", sourceLocation: sourceLocation)
        if next != expected {
            let diff = Mirror(reflecting: next).children.compactMap { child -> String? in
                guard let label = child.label else { return nil }
                let other = Mirror(reflecting: expected).children.first { $0.label == label }?.value
                return "\(child.value)" == "\(other ?? "nil")" ? nil : "\(label): got \(child.value), expected \(other ?? "nil")"
            }
            Issue.record("state differs: \(diff.joined(separator: "; "))", sourceLocation: sourceLocation)
        }
        state = next
        return fx
    }

    mutating func key(
        _ key: Key, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) {
        send(.key(key), effects: effects, sourceLocation: sourceLocation, change)
    }

    /// The message `update` logs at the state's clock.
    func message(_ level: Message.Level, _ text: String) -> Message { Message(at: state.now, level: level, text: text) }
}
