import Foundation
import Scheduling

/// An `expect` (or `wait`) that did not hold: where, what, and the screen at that moment.
public struct FlowFailure: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var screen: String
    public var description: String { "line \(line): \(message)" }
}

/// Plays a flow's steps on a `Program`: the same events the keys and the trainer panel send. The
/// headless tests play every step at once (`wait` checks at once, `pause` is skipped); the
/// terminal player (`FlowTerminalPlayer`) paces them and shows the captions.
public struct FlowPlayer: Sendable {
    public let flow: Flow
    public private(set) var index = 0
    /// The caption shown now.
    public private(set) var caption: String?
    public private(set) var captions: [String] = []
    public private(set) var failures: [FlowFailure] = []
    public private(set) var expectationsChecked = 0

    public init(flow: Flow) { self.flow = flow }

    public var isFinished: Bool { index >= flow.steps.count }
    public var next: FlowStep? { flow.steps[safe: index] }

    /// Applies the next step and moves past it. Keys are all sent; `pause` does nothing and `wait`
    /// checks at once (a terminal player handles those two itself and calls `skip`).
    public mutating func step(_ p: inout Program) {
        guard let step = next else { return }
        index += 1
        switch step.action {
        case let .clock(target): p.send(.training(.command(.clock(target))))
        case let .role(role, account): p.send(.training(.command(.role(role, account: account))))
        case let .open(receipt): p.send(.training(.command(.open(receipt))))
        case .stories: p.send(.training(.command(.showStories)))
        case .reset: p.send(.training(.command(.reset)))
        case let .caption(text):
            caption = text
            captions.append(text)
        case let .keys(keys): for k in keys { p.send(.key(k)) }
        case let .type(text): p.type(text)
        case .pause: break
        case let .wait(text, _): check(p, text, present: true, line: step.line, verb: "wait")
        case let .expect(text, present): check(p, text, present: present, line: step.line, verb: "expect")
        case let .size(size): p.send(.resize(size))
        case let .click(point): p.click(at: point)
        case let .language(l): p.send(.language(l))
        }
    }

    /// Moves past the next step without applying it (the terminal player applied it itself).
    public mutating func skip() { index += 1 }

    /// Records that `text` is (or is not) on the screen, as an `expect` or a `wait` on `line`.
    public mutating func check(_ p: Program, _ text: String, present: Bool, line: Int, verb: String = "expect") {
        expectationsChecked += 1
        if Self.shows(p.render(), text) == present { return }
        let t = p.state.t
        let what = present ? t.screenMissing(Flow.quote(text)) : t.screenShows(Flow.quote(text))
        let fail = FlowFailure(line: line, message: t.expectationFailed(verb, negated: !present, what), screen: p.render().text)
        failures.append(fail)
    }

    /// Whether the screen shows `text`: on one row, or across rows with the line breaks read as
    /// spaces (text the panes wrapped).
    public static func shows(_ screen: Screen, _ text: String) -> Bool {
        let full = screen.text
        if full.contains(text) { return true }
        let joined = full.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return joined.contains(text)
    }

    /// Plays every step headless on `p` and returns the failures (empty: every `expect` held).
    public static func playAll(_ flow: Flow, on p: inout Program) -> FlowPlayer {
        var player = FlowPlayer(flow: flow)
        while !player.isFinished { player.step(&p) }
        return player
    }
}
