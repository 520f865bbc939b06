import Foundation
import Scheduling

/// A flow: a small text file a trainer writes (or `biosched demo --record` writes) that sets the
/// clock, chooses a role, shows captions, presses keys and checks the screen. One step a line;
/// `#` starts a comment line. See README, "Training flows".
public struct Flow: Sendable, Hashable {
    public var name: String
    public var steps: [FlowStep]
    /// `start`: the sandbox's first instant, for a flow recorded on a sandbox made at that time.
    public var start: Date?
    /// `seed`: the demo data's seed.
    public var seed: UInt64?

    public init(name: String, steps: [FlowStep], start: Date? = nil, seed: UInt64? = nil) {
        self.name = name
        self.steps = steps
        self.start = start
        self.seed = seed
    }

    public var captions: [String] { steps.compactMap { if case let .caption(c) = $0.action { c } else { nil } } }
    public var expectations: Int { steps.filter { if case .expect = $0.action { true } else { false } }.count }

    /// Where classes run it: 80x24 unless the flow's first step that does something is a `size`.
    public static let defaultSize = Size(columns: 80, rows: 24)
    /// The size the flow declares: a `size` step before any key, click, wait or expect.
    public var declaredSize: Size? {
        for step in steps {
            switch step.action {
            case let .size(s): return s
            case .keys, .type, .click, .wait, .expect, .open, .stories, .reset: return nil
            default: continue
            }
        }
        return nil
    }
    /// The size it is played and checked at.
    public var playSize: Size { declaredSize ?? Self.defaultSize }
}

public struct FlowStep: Sendable, Hashable {
    /// 1-based line in the file.
    public var line: Int
    public var action: FlowAction
    public init(line: Int, action: FlowAction) {
        self.line = line
        self.action = action
    }
}

public enum FlowAction: Sendable, Hashable {
    case clock(ClockTarget)
    case role(Role, account: String?)
    case open(ReceiptNumber)
    case stories
    case reset
    case caption(String)
    case keys([Key])
    case type(String)
    case pause(TimeInterval)
    case wait(String, timeout: TimeInterval)
    /// The screen shows the text (`present`), or does not (`expect not`).
    case expect(String, present: Bool)
    case size(Size)
    case click(Point)
    /// The screen's language from here on (`lang es`); captions are shown as the flow writes them.
    case language(Language)

    /// The key presses of a `key` or `type` step.
    public var inputKeys: [Key]? {
        switch self {
        case let .keys(k): k
        case let .type(t): t.map { Key.char($0) }
        default: nil
        }
    }
}

/// A flow that does not parse: the file, the line and what is wrong there.
public struct FlowError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

extension Flow {
    public static let stepNames = [
        "clock", "role", "open", "stories", "reset", "caption", "key", "type", "pause", "wait",
        "expect", "size", "click", "start", "seed", "lang"
    ]

    /// Reads a flow file.
    public static func load(_ url: URL, _ t: Catalog = .en) throws -> Flow {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FlowError(file: url.path, line: 0, message: t.flowUnreadable(error.localizedDescription))
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, file: url.lastPathComponent, t)
    }

    /// Parses flow text; the first error names its line.
    public static func parse(_ text: String, name: String, file: String? = nil, _ t: Catalog = .en) throws(FlowError) -> Flow {
        var flow = Flow(name: name, steps: [])
        let file = file ?? name
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            func fail(_ message: String) -> FlowError { FlowError(file: file, line: lineNo, message: message) }
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let word = String(line.prefix { !$0.isWhitespace })
            let rest = line.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            let args = rest.split(whereSeparator: \.isWhitespace).map(String.init)
            func noArgs() throws(FlowError) { if !rest.isEmpty { throw fail(t.flowNoArgs(word, rest)) } }
            func text(_ what: String) throws(FlowError) -> String {
                guard !rest.isEmpty else { throw fail(t.flowNeeds(word, what)) }
                guard rest.hasPrefix("\"") else { return rest }
                let (s, after) = try quoted(rest, fail, t)
                if !after.isEmpty { throw fail(t.flowAfterQuote(after)) }
                return s
            }
            let action: FlowAction
            switch word.lowercased() {
            case "clock":
                action = .clock(try clockTarget(rest, fail, t))
            case "role":
                guard let first = args.first, let role = Role(rawValue: first.lowercased()) else {
                    throw fail(t.flowRole(rest))
                }
                if args.count > 2 { throw fail(t.flowRoleArgs(rest)) }
                action = .role(role, account: args.count == 2 ? args[1] : nil)
            case "open":
                guard args.count == 1 else { throw fail(t.flowOpen) }
                do { action = .open(try ReceiptNumber(parsing: args[0])) } catch { throw fail(t.flowOpenBad(error.message(in: t.language))) }
            case "stories":
                try noArgs()
                action = .stories
            case "lang", "language":
                guard args.count == 1, let l = Language.parse(args[0]), l.rawValue == args[0].lowercased() else {
                    throw fail(t.flowLang(Language.availableList, rest))
                }
                action = .language(l)
            case "reset":
                try noArgs()
                action = .reset
            case "caption":
                action = .caption(try text(t.flowACaption))
            case "type":
                guard !rest.isEmpty else { throw fail(t.flowType) }
                action = .type(try text(t.flowTextToType))
            case "key", "keys":
                guard !args.isEmpty else { throw fail(t.flowKey) }
                var keys: [Key] = []
                for a in args {
                    guard let k = Key(name: a) else {
                        throw fail(t.flowUnknownKey(a))
                    }
                    keys.append(k)
                }
                action = .keys(keys)
            case "pause":
                guard args.count == 1, let d = seconds(args[0]), d >= 0, d <= 600 else {
                    throw fail(t.flowPause(rest))
                }
                action = .pause(d)
            case "wait":
                guard !rest.isEmpty else { throw fail(t.flowWait) }
                if rest.hasPrefix("\"") {
                    let (s, after) = try quoted(rest, fail, t)
                    var timeout: TimeInterval = 5
                    if !after.isEmpty {
                        guard let secs = seconds(after), secs > 0, secs <= 600 else { throw fail(t.flowWaitTimeout(after)) }
                        timeout = secs
                    }
                    action = .wait(s, timeout: timeout)
                } else {
                    action = .wait(rest, timeout: 5)
                }
            case "expect":
                var r = rest
                var present = true
                if r.hasPrefix("not ") || r.hasPrefix("not\t") {
                    present = false
                    r = r.dropFirst(4).trimmingCharacters(in: .whitespaces)
                }
                guard !r.isEmpty else { throw fail(t.flowExpect) }
                if r.hasPrefix("\"") {
                    let (s, after) = try quoted(r, fail, t)
                    if !after.isEmpty { throw fail(t.flowAfterQuote(after)) }
                    action = .expect(s, present: present)
                } else {
                    action = .expect(r, present: present)
                }
            case "size":
                let parts = rest.lowercased().split(separator: "x")
                guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]), (20...1000).contains(c), (5...1000).contains(r) else {
                    throw fail(t.flowSize(rest))
                }
                action = .size(Size(columns: c, rows: r))
            case "click":
                guard args.count == 2, let r = Int(args[0]), let c = Int(args[1]), r >= 0, c >= 0 else {
                    throw fail(t.flowClick)
                }
                action = .click(Point(row: r, column: c))
            case "start":
                guard flow.start == nil else { throw fail(t.flowTwice("start")) }
                guard let d = parseInstant(rest) else {
                    throw fail(t.flowStart)
                }
                flow.start = d
                continue
            case "seed":
                guard flow.seed == nil else { throw fail(t.flowTwice("seed")) }
                guard args.count == 1, let n = UInt64(args[0]) else { throw fail(t.flowSeed) }
                flow.seed = n
                continue
            default:
                throw fail(t.flowUnknownStep(word, stepNames.joined(separator: ", ")))
            }
            flow.steps.append(FlowStep(line: lineNo, action: action))
        }
        return flow
    }

    /// `2026-12-01T09:00:00-05:00` | `+1h` | `-1d` | `+1d2h30m` | `before 13h` | `after 1m` | `start`.
    static func clockTarget(_ rest: String, _ fail: (String) -> FlowError, _ t: Catalog) throws(FlowError) -> ClockTarget {
        let usage = t.flowClock
        let args = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = args.first else { throw fail(usage) }
        switch first.lowercased() {
        case "start":
            guard args.count == 1 else { throw fail(usage) }
            return .start
        case "before", "after":
            guard args.count == 2, let d = TrainingDuration.parse(args[1].lowercased()) else { throw fail(t.flowFound(usage, rest)) }
            return .appointment(first.lowercased() == "before" ? -d : d)
        default:
            guard args.count == 1 else { throw fail(t.flowFound(usage, rest)) }
            if let sign = first.first, sign == "+" || sign == "-" {
                guard let d = TrainingDuration.parse(String(first.dropFirst()).lowercased()) else { throw fail(t.flowFound(usage, rest)) }
                return .by(sign == "-" ? -d : d)
            }
            guard let d = parseInstant(first) else { throw fail(t.flowFound(usage, rest)) }
            return .at(d)
        }
    }

    /// A double-quoted string with `\"`, `\\`, `\n` and `\t`; returns it and what follows.
    static func quoted(_ s: String, _ fail: (String) -> FlowError, _ t: Catalog) throws(FlowError) -> (String, String) {
        var out = ""
        var it = s.dropFirst().makeIterator()
        var consumed = 1
        while let c = it.next() {
            consumed += 1
            if c == "\"" {
                return (out, String(s.dropFirst(consumed)).trimmingCharacters(in: .whitespaces))
            }
            if c == "\\" {
                guard let e = it.next() else { break }
                consumed += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(e)
                }
                continue
            }
            out.append(c)
        }
        throw fail(t.flowUnclosedQuote)
    }

    /// `1.5`, `1.5s`, `500ms`.
    static func seconds(_ s: String) -> TimeInterval? {
        let t = s.lowercased()
        if t.hasSuffix("ms"), let v = Double(t.dropLast(2)) { return v / 1000 }
        if t.hasSuffix("s"), let v = Double(t.dropLast()) { return v }
        return Double(t)
    }

    /// ISO 8601 with an offset (or Z); seconds may be left out.
    public static func parseInstant(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$"#, options: .regularExpression) != nil {
            let idx = text.index(text.startIndex, offsetBy: 16)
            f.formatOptions = [.withInternetDateTime]
            return f.date(from: String(text[..<idx]) + ":00" + String(text[idx...]))
        }
        return nil
    }

    /// An instant as flows write it: UTC, `2026-11-30T15:00:00Z`.
    public static func instantText(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    /// Text as a flow's quoted string.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
