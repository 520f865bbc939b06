import Foundation
import Scheduling

/// Turns what a trainer does in the terminal into a flow that plays back the same: keys (typed
/// runs as `type "..."`), clicks, resizes, and pauses longer than a second and a half. The header
/// fixes the sandbox (its start instant and seed), the size, and who acts first.
public struct FlowRecorder: Sendable {
    enum Input: Sendable, Hashable {
        case key(Key), click(Point), resize(Size)
    }

    public let start: Date
    public let seed: UInt64
    public let size: Size
    public let actor: Actor
    public let storiesOpen: Bool
    private var inputs: [(input: Input, at: Date)] = []

    public init(start: Date, seed: UInt64, size: Size, actor: Actor, storiesOpen: Bool) {
        self.start = start
        self.seed = seed
        self.size = size
        self.actor = actor
        self.storiesOpen = storiesOpen
    }

    public var count: Int { inputs.count }

    public mutating func record(_ input: TerminalInput, at: Date = Date()) {
        switch input {
        case let .key(k): inputs.append((.key(k), at))
        case let .click(p): inputs.append((.click(p), at))
        case let .resize(s): inputs.append((.resize(s), at))
        case .hangUp: break
        }
    }

    /// Forgets the last input (the one that quit: playing it back would end the program).
    public mutating func dropLast() { if !inputs.isEmpty { inputs.removeLast() } }

    /// The flow text.
    public func text(recordedAt: Date = Date()) -> String {
        var lines = [
            "# Recorded with biosched demo --record on \(Flow.instantText(recordedAt)).", // not for a person: a flow file comment
            "# Plays back with: biosched demo --play THIS-FILE (the sandbox is made at `start` with `seed`).", // not for a person: a flow file comment
            "start \(Flow.instantText(start))",
            "seed \(seed)",
            "size \(size.columns)x\(size.rows)",
            "role \(actor.role.rawValue)\(actor.role.isStaff ? "" : " " + actor.id)"
        ]
        if storiesOpen { lines.append("stories") }
        var typed = ""
        var keys: [String] = []
        /// A run of characters is written as typed text when it reads as text (five or more
        /// characters, or words with a space), else as keys (`t`, `- - r`): both play back the same.
        func flushTyped() {
            if typed.count >= 5 || (typed.count >= 2 && typed.contains(" ") && typed.trimmingCharacters(in: .whitespaces).count > 0) {
                flushKeys()
                lines.append("type \(Flow.quote(typed))")
            } else {
                keys += typed.map { Key.char($0).name }
                if keys.count >= 12 { flushKeys() }
            }
            typed = ""
        }
        func flushKeys() {
            if !keys.isEmpty { lines.append("key " + keys.joined(separator: " ")) }
            keys = []
        }
        var last: Date?
        for (input, at) in inputs {
            if let last, at.timeIntervalSince(last) >= 1.5 {
                flushTyped()
                flushKeys()
                let pause = min(5, (at.timeIntervalSince(last) * 2).rounded() / 2)
                lines.append("pause \(pause == pause.rounded() ? String(Int(pause)) : String(pause))")
            }
            last = at
            switch input {
            case let .key(.char(c)) where !c.isNewline && c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }):
                typed.append(c)
            case let .key(k):
                flushTyped()
                keys.append(k.name)
                if keys.count >= 12 { flushKeys() }
            case let .click(p):
                flushTyped()
                flushKeys()
                lines.append("click \(p.row) \(p.column)")
            case let .resize(s):
                flushTyped()
                flushKeys()
                lines.append("size \(s.columns)x\(s.rows)")
            }
        }
        flushTyped()
        flushKeys()
        return lines.joined(separator: "\n") + "\n"
    }
}
