/// What a key does. The keymap table below maps keys to actions per context; the hint bar and the
/// help overlay are drawn from the same table.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case up, down, left, right, prevMonth, nextMonth, firstOffered
    case focusNext, focusPrev, select, back, search, help, quit
    case changeCenter, reviewQueue, findCase, saveNotice, approve, deny, refresh, cycleTheme
    // Training sandbox only (`biosched demo`): the trainer panel and what it does.
    case trainer, clockBackHour, clockForwardHour, clockBackDay, clockForwardDay
    case clockBefore13, clockBefore11, clockJustAfter, clockStart, nextRole, stories, resetSandbox
}

/// Where the keyboard focus is; each context has its own bindings.
public enum FocusContext: String, Sendable, Hashable, CaseIterable {
    case findCase, caseList, calendar, times, reasons, textInput, confirm, outcome, reviewQueue, centerPicker, dialog, help
    /// Training sandbox only: the trainer panel and the story list.
    case trainer, stories
}

public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    /// Shown in the hint bar and the help overlay.
    public var label: String
    public var contexts: Set<FocusContext>
    /// Shown in the hint bar (the help overlay shows every binding).
    public var hint: Bool
    /// Only in a training sandbox: it acts, and shows in the hint bar and help, only there.
    public var trainingOnly = false
}

public enum Keymap {
    static let everywhere = Set(FocusContext.allCases).subtracting([.help])
    static let lists: Set<FocusContext> = [.caseList, .reasons, .reviewQueue, .centerPicker, .times]

    /// The one table of key bindings.
    public static let bindings: [KeyBinding] = [
        // Training sandbox only (`biosched demo`): Ctrl-T opens the trainer panel, whose keys follow.
        KeyBinding(keys: [.ctrl("t")], action: .trainer, label: "trainer", contexts: everywhere, hint: true, trainingOnly: true),
        KeyBinding(keys: [.char("-")], action: .clockBackHour, label: "clock −1 h", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("+"), .char("=")], action: .clockForwardHour, label: "clock +1 h", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("<"), .char(",")], action: .clockBackDay, label: "clock −1 day", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char(">"), .char(".")], action: .clockForwardDay, label: "clock +1 day", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("1")], action: .clockBefore13, label: "13 h before appt", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("2")], action: .clockBefore11, label: "11 h before appt", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("3")], action: .clockJustAfter, label: "just after start", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("0")], action: .clockStart, label: "clock to start", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("r")], action: .nextRole, label: "next role", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("s")], action: .stories, label: "stories", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("R")], action: .resetSandbox, label: "reset sandbox", contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: "up", contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: "down", contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.enter, .char(" ")], action: .select, label: "open story", contexts: [.stories], hint: true, trainingOnly: true),
        KeyBinding(keys: [.left, .char("h")], action: .left, label: "day", contexts: [.calendar], hint: false),
        KeyBinding(keys: [.right, .char("l")], action: .right, label: "day", contexts: [.calendar], hint: false),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: "week", contexts: [.calendar], hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: "week", contexts: [.calendar], hint: false),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: "up", contexts: lists, hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: "down", contexts: lists, hint: false),
        KeyBinding(keys: [.pageUp], action: .prevMonth, label: "month", contexts: [.calendar, .times], hint: false),
        KeyBinding(keys: [.pageDown], action: .nextMonth, label: "month", contexts: [.calendar, .times], hint: false),
        KeyBinding(keys: [.char("t")], action: .firstOffered, label: "first free", contexts: [.calendar, .times], hint: true),
        KeyBinding(keys: [.char("c")], action: .changeCenter, label: "center", contexts: [.calendar, .times], hint: true),
        KeyBinding(keys: [.enter, .char(" ")], action: .select, label: "select", contexts: [.calendar, .times, .caseList, .reasons, .centerPicker, .reviewQueue], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: "open", contexts: [.findCase], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: "next", contexts: [.textInput], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: "confirm", contexts: [.confirm, .dialog], hint: true),
        KeyBinding(keys: [.tab], action: .focusNext, label: "next pane", contexts: [.calendar, .times, .reasons, .textInput], hint: true),
        KeyBinding(keys: [.backTab], action: .focusPrev, label: "prev pane", contexts: [.calendar, .times, .reasons, .textInput], hint: false),
        KeyBinding(keys: [.char("/")], action: .search, label: "search", contexts: [.caseList, .centerPicker, .reviewQueue], hint: true),
        KeyBinding(keys: [.char("a")], action: .approve, label: "approve", contexts: [.reviewQueue], hint: true),
        KeyBinding(keys: [.char("d")], action: .deny, label: "deny", contexts: [.reviewQueue], hint: true),
        KeyBinding(keys: [.char("r")], action: .reviewQueue, label: "review queue", contexts: [.findCase], hint: true),
        KeyBinding(keys: [.char("s")], action: .saveNotice, label: "save notice", contexts: [.outcome], hint: true),
        KeyBinding(keys: [.char("n")], action: .findCase, label: "next case", contexts: [.outcome], hint: true),
        KeyBinding(keys: [.ctrl("r")], action: .refresh, label: "refresh", contexts: everywhere, hint: false),
        KeyBinding(keys: [.function(2)], action: .cycleTheme, label: "theme", contexts: everywhere, hint: false),
        KeyBinding(keys: [.escape], action: .back, label: "back", contexts: everywhere, hint: true),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, label: "help", contexts: everywhere, hint: true),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, label: "quit", contexts: everywhere, hint: true),
    ]

    /// Contexts where printable keys type into a field instead of acting (except the listed ones).
    static let typingContexts: Set<FocusContext> = [.findCase, .textInput]

    /// The action of `key` in `context`.
    public static func action(for key: Key, in context: FocusContext, training: Bool = false) -> Action? {
        if context == .help { return .back }
        if typingContexts.contains(context) {
            if case .char = key { return nil }
            if key == .ctrl("c") { return .quit }
        }
        return bindings.first { (training || !$0.trainingOnly) && $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// The hint bar's entries for a context, in table order, one per action.
    public static func hints(for context: FocusContext, training: Bool = false) -> [(keys: String, label: String)] {
        var seen = Set<Action>()
        var out: [(String, String)] = []
        var arrows = false
        for b in bindings where b.contexts.contains(context) && (training || !b.trainingOnly) {
            if [.up, .down, .left, .right].contains(b.action) { arrows = true; continue }
            guard b.hint, seen.insert(b.action).inserted else { continue }
            var keys = b.keys.map(\.name)
            if typingContexts.contains(context) { keys.removeAll { $0.count == 1 } }
            guard !keys.isEmpty else { continue }
            out.append((keys.joined(separator: "/"), b.label))
        }
        if arrows { out.insert((context == .calendar ? "←↓↑→" : "↑↓", "move"), at: 0) }
        if context == .calendar || context == .times { out.insert(("PgUp/PgDn", "month"), at: 1) }
        return out
    }

    /// Every binding grouped for the help overlay: keys, label, where.
    public static var helpLines: [(keys: String, label: String)] { helpLines(training: false) }

    /// The help overlay's lines; a training sandbox also lists the trainer's keys.
    public static func helpLines(training: Bool) -> [(keys: String, label: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for b in bindings where training || !b.trainingOnly {
            let keys = b.keys.map(\.name).joined(separator: " ")
            let label = b.label.isEmpty ? b.action.rawValue : b.label
            guard seen.insert(keys + label).inserted else { continue }
            out.append((keys, label))
        }
        return out
    }
}
