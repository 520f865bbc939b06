import Scheduling

/// What a key does. The keymap table below maps keys to actions per context; the hint bar and the
/// help overlay are drawn from the same table.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case up, down, left, right, prevMonth, nextMonth, firstOffered
    case focusNext, focusPrev, select, back, search, help, quit
    case changeCenter, reviewQueue, findCase, saveNotice, approve, deny, refresh, cycleTheme, statusMore, filterCode, switchLanguage, noticeLanguage
    case pageUp, pageDown, top, bottom
    // The SSH keys screen.
    case sshKeys, removeKey, revokeKeys, newCode
    // The waiting list (issue 23): open it on a case, answer its offer, ask or withdraw.
    case waitlist, acceptOffer, declineOffer, askWaitlist, withdrawWaitlist
    // Training sandbox only (`biosched demo`): the trainer panel and what it does.
    case trainer, clockBackHour, clockForwardHour, clockBackDay, clockForwardDay
    case clockBefore13, clockBefore11, clockJustAfter, clockStart, nextRole, stories, resetSandbox
}

/// Where the keyboard focus is; each context has its own bindings.
public enum FocusContext: String, Sendable, Hashable, CaseIterable {
    /// `textInput` is a field of the reason pane, `filter` the case list's filter, `prompt` a
    /// one-line dialog (file name, review note), `dialog` a yes/no question, `waiting` a request
    /// in flight (the store has not answered).
    /// `callerList`: the find screen with the matches of the search in its field listed.
    /// `refusal`: a case opened that this person cannot reschedule; they are told why, no calendar.
    case findCase, callerList, refusal, caseList, filter, calendar, times, reasons, textInput, confirm, waiting, outcome, reviewQueue, centerPicker
    case prompt, dialog, help
    /// The SSH keys screen: the person's own keys, or (agents) the caller's.
    case ownKeys, callerKeys
    /// The waiting list of the open case (its offer and request), and its request form.
    case waitlist, waitlistForm
    /// Training sandbox only: the trainer panel and the story list.
    case trainer, stories
}

extension FocusContext {
    /// The screen's name, as the help overlay heads its keys.
    public var title: String { title(.en) }
    public func title(_ language: Language) -> String { Catalog(language).screenName(ScreenName(rawValue: rawValue)!) }
}

public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    /// Shown in the hint bar and the help overlay.
    public var label: KeyLabel
    public var contexts: Set<FocusContext>
    /// Shown in the hint bar (the help overlay shows every binding).
    public var hint: Bool
    /// Only in a training sandbox: it acts, and shows in the hint bar and help, only there.
    public var trainingOnly = false
}

public enum Keymap {
    static let everywhere = Set(FocusContext.allCases).subtracting([.help])
    /// The main screens and the training panels: the global keys (help, quit) work there.
    static let screens = everywhere.subtracting([.centerPicker, .prompt, .dialog])
    /// Where Esc goes back or closes (a request in flight cannot be taken back).
    /// (The case list is the first screen of applicants and representatives: there Esc only clears a filter.)
    static let backable = everywhere.subtracting([.waiting, .dialog, .prompt, .caseList])
    static let lists: Set<FocusContext> = [.caseList, .filter, .reasons, .textInput, .reviewQueue, .centerPicker, .times, .outcome]

    /// The one table of key bindings.
    public static let bindings: [KeyBinding] = [
        // Training sandbox only (`biosched demo`): Ctrl-T opens the trainer panel, whose keys follow.
        KeyBinding(keys: [.ctrl("t")], action: .trainer, label: .trainer, contexts: screens.subtracting([.waiting]), hint: true, trainingOnly: true),
        KeyBinding(keys: [.char("-")], action: .clockBackHour, label: .clockBackHour, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("+"), .char("=")], action: .clockForwardHour, label: .clockForwardHour, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("<"), .char(",")], action: .clockBackDay, label: .clockBackDay, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char(">"), .char(".")], action: .clockForwardDay, label: .clockForwardDay, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("1")], action: .clockBefore13, label: .before13, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("2")], action: .clockBefore11, label: .before11, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("3")], action: .clockJustAfter, label: .justAfter, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("0")], action: .clockStart, label: .clockStart, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("r")], action: .nextRole, label: .nextRole, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("s")], action: .stories, label: .stories, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.char("R")], action: .resetSandbox, label: .resetSandbox, contexts: [.trainer], hint: false, trainingOnly: true),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: .up, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: .down, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: .pageUp, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: .pageDown, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.home], action: .top, label: .first, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.end], action: .bottom, label: .last, contexts: [.stories], hint: false, trainingOnly: true),
        KeyBinding(keys: [.enter, .char(" ")], action: .select, label: .openStory, contexts: [.stories], hint: true, trainingOnly: true),
        KeyBinding(keys: [.left, .char("h")], action: .left, label: .day, contexts: [.calendar], hint: false),
        KeyBinding(keys: [.right, .char("l")], action: .right, label: .day, contexts: [.calendar], hint: false),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: .week, contexts: [.calendar], hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: .week, contexts: [.calendar], hint: false),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: .up, contexts: lists, hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: .down, contexts: lists, hint: false),
        KeyBinding(keys: [.pageUp], action: .prevMonth, label: .month, contexts: [.calendar], hint: false),
        KeyBinding(keys: [.pageDown], action: .nextMonth, label: .month, contexts: [.calendar], hint: false),
        // The times list pages (a caller who wants 14:00 is one PgDn or "14" away, not 12 presses of ↓).
        KeyBinding(keys: [.pageUp], action: .pageUp, label: .pageUp, contexts: [.times], hint: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: .pageDown, contexts: [.times], hint: false),
        KeyBinding(keys: [.home], action: .top, label: .first, contexts: [.times], hint: false),
        KeyBinding(keys: [.end], action: .bottom, label: .last, contexts: [.times], hint: false),
        // The waiting list's own keys come before the global ones, so its hint bar shows them first.
        KeyBinding(keys: [.char("a")], action: .acceptOffer, label: .acceptOffer, contexts: [.waitlist], hint: true),
        KeyBinding(keys: [.char("d")], action: .declineOffer, label: .declineOffer, contexts: [.waitlist], hint: true),
        KeyBinding(keys: [.char("e")], action: .askWaitlist, label: .askWaitlist, contexts: [.waitlist], hint: true),
        KeyBinding(keys: [.char("x")], action: .withdrawWaitlist, label: .withdrawWaitlist, contexts: [.waitlist], hint: true),
        KeyBinding(keys: [.char("t")], action: .firstOffered, label: .firstFree, contexts: [.calendar, .times], hint: true),
        KeyBinding(keys: [.char("c")], action: .changeCenter, label: .center, contexts: [.calendar, .times], hint: true),
        KeyBinding(
            keys: [.enter, .char(" ")], action: .select, label: .select, contexts: [.calendar, .times, .caseList, .reasons, .centerPicker, .reviewQueue],
            hint: true),
        KeyBinding(keys: [.enter], action: .select, label: .findOpen, contexts: [.findCase], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: .open, contexts: [.callerList], hint: true),
        KeyBinding(keys: [.up], action: .up, label: .up, contexts: [.callerList], hint: false),
        KeyBinding(keys: [.down], action: .down, label: .down, contexts: [.callerList], hint: false),
        KeyBinding(keys: [.enter], action: .select, label: .next, contexts: [.textInput], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: .confirm, contexts: [.confirm], hint: true),
        KeyBinding(keys: [.tab], action: .focusNext, label: .nextPane, contexts: [.calendar, .times], hint: true),
        KeyBinding(keys: [.backTab], action: .focusPrev, label: .prevPane, contexts: [.calendar, .times], hint: false),
        KeyBinding(keys: [.tab], action: .focusNext, label: .nextField, contexts: [.reasons, .textInput], hint: true),
        KeyBinding(keys: [.backTab], action: .focusPrev, label: .prevField, contexts: [.reasons, .textInput], hint: false),
        KeyBinding(keys: [.char("/")], action: .search, label: .search, contexts: [.caseList], hint: true),
        KeyBinding(keys: [.char("a")], action: .approve, label: .approve, contexts: [.reviewQueue], hint: true),
        KeyBinding(keys: [.char("d")], action: .deny, label: .deny, contexts: [.reviewQueue], hint: true),
        KeyBinding(keys: [.char("f")], action: .filterCode, label: .filterCode, contexts: [.reviewQueue], hint: true),
        KeyBinding(keys: [.char("r")], action: .reviewQueue, label: .reviewQueue, contexts: [.findCase], hint: true),
        KeyBinding(keys: [.char("s")], action: .saveNotice, label: .saveNotice, contexts: [.outcome], hint: true),
        KeyBinding(keys: [.char("n")], action: .findCase, label: .nextCase, contexts: [.outcome], hint: true),
        KeyBinding(keys: [.ctrl("r")], action: .refresh, label: .refresh, contexts: everywhere, hint: false),
        KeyBinding(keys: [.function(2)], action: .cycleTheme, label: .theme, contexts: everywhere, hint: false),
        KeyBinding(keys: [.function(4)], action: .switchLanguage, label: .language, contexts: everywhere, hint: false),
        KeyBinding(keys: [.char("l")], action: .noticeLanguage, label: .noticeLanguage, contexts: [.outcome], hint: false),
        KeyBinding(keys: [.function(3)], action: .statusMore, label: .statusMore, contexts: everywhere, hint: false),
        KeyBinding(keys: [.escape], action: .back, label: .back, contexts: backable, hint: true),
        KeyBinding(keys: [.escape], action: .back, label: .clearFilter, contexts: [.caseList], hint: false),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, label: .help, contexts: screens, hint: true),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, label: .quit, contexts: screens, hint: true),
        // Dialogs: a yes/no question, a one-line prompt, the center picker's pages.
        KeyBinding(keys: [.enter, .tab], action: .select, label: .done, contexts: [.filter], hint: true),
        KeyBinding(keys: [.char("y"), .char("s")], action: .select, label: .yes, contexts: [.dialog], hint: true),
        KeyBinding(keys: [.char("n"), .escape], action: .back, label: .no, contexts: [.dialog], hint: true),
        KeyBinding(keys: [.enter], action: .select, label: .ok, contexts: [.prompt], hint: true),
        KeyBinding(keys: [.escape], action: .back, label: .cancel, contexts: [.prompt], hint: true),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: .pageUp, contexts: [.centerPicker], hint: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: .pageDown, contexts: [.centerPicker], hint: false),
        // The SSH keys screen: K opens it from the case list (your own keys) or an open case (an agent: the caller's).
        KeyBinding(keys: [.char("K")], action: .sshKeys, label: .sshKeys, contexts: [.caseList, .calendar], hint: true),
        // The waiting list: w opens it on a case (an applicant's case with an open offer opens on it).
        // (Not in the calendar's hint bar, full at 120 columns already: help lists it, the status pane says "(w)".)
        KeyBinding(keys: [.char("w")], action: .waitlist, label: .waitlist, contexts: [.refusal], hint: true),
        KeyBinding(keys: [.char("w")], action: .waitlist, label: .waitlist, contexts: [.calendar, .times], hint: false),
        KeyBinding(keys: [.enter], action: .select, label: .sendRequest, contexts: [.waitlistForm], hint: true),
        KeyBinding(keys: [.tab, .down], action: .focusNext, label: .nextField, contexts: [.waitlistForm], hint: true),
        KeyBinding(keys: [.backTab, .up], action: .focusPrev, label: .prevField, contexts: [.waitlistForm], hint: false),
        KeyBinding(keys: [.up, .char("k")], action: .up, label: .up, contexts: [.ownKeys], hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: .down, contexts: [.ownKeys], hint: false),
        KeyBinding(keys: [.char("d")], action: .removeKey, label: .removeKey, contexts: [.ownKeys], hint: true),
        KeyBinding(keys: [.char("r")], action: .revokeKeys, label: .revokeAll, contexts: [.callerKeys], hint: true),
        KeyBinding(keys: [.char("c")], action: .newCode, label: .newCode, contexts: [.callerKeys], hint: true),
        // The help overlay scrolls; any other key closes it.
        KeyBinding(keys: [.up, .char("k")], action: .up, label: .up, contexts: [.help], hint: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: .down, contexts: [.help], hint: false),
        KeyBinding(keys: [.pageDown, .char(" ")], action: .pageDown, label: .pageDown, contexts: [.help], hint: true),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: .pageUp, contexts: [.help], hint: true),
        KeyBinding(keys: [.escape], action: .back, label: .close, contexts: [.help], hint: true)
    ]

    /// The editing keys of a one-line field (`TextField`), Emacs and readline style.
    public static let fieldEditing: [(keys: [Key], edit: FieldEdit)] = [
        ([.backspace], .deleteBackward),
        ([.delete, .ctrl("d")], .deleteForward),
        ([.left, .ctrl("b")], .left),
        ([.right, .ctrl("f")], .right),
        ([.home, .ctrl("a")], .home),
        ([.end, .ctrl("e")], .end),
        ([.ctrl("u")], .deleteToStart),
        ([.ctrl("k")], .deleteToEnd)
    ]

    /// What `key` does in a one-line field, if it edits (a printable key types itself).
    public static func fieldEdit(for key: Key) -> FieldEdit? { fieldEditing.first { $0.keys.contains(key) }?.edit }

    /// The first key that does `edit` in a field (what plain mode sends to edit one).
    public static func key(for edit: FieldEdit) -> Key { fieldEditing.first { $0.edit == edit }!.keys[0] }

    /// Contexts where printable keys type into a field instead of acting (except the listed ones).
    static let typingContexts: Set<FocusContext> = [.findCase, .callerList, .textInput, .filter, .centerPicker, .prompt, .waitlistForm]

    /// The action of `key` in `context`. A yes/no question (`dialog`) answers to its letters in
    /// either case. In a field that is still empty (`fieldEmpty`), a letter bound there (the find
    /// screen's r, q, ?) acts instead of typing.
    public static func action(for key: Key, in context: FocusContext, training: Bool = false, fieldEmpty: Bool = false) -> Action? {
        if context == .help {
            return bindings.first { $0.contexts.contains(.help) && $0.keys.contains(key) }?.action ?? .back
        }
        if typingContexts.contains(context) && !fieldEmpty {
            if case .char = key { return nil }
            if key == .ctrl("c") { return .quit }
        }
        if let found = bindings.first(where: { (training || !$0.trainingOnly) && $0.contexts.contains(context) && $0.keys.contains(key) }) {
            return found.action
        }
        if context == .dialog, case let .char(c) = key, c.isUppercase, let lower = c.lowercased().first {
            return action(for: .char(lower), in: context, training: training)
        }
        return nil
    }

    /// The first key that does `action` in `context` (what plain mode sends for a numbered choice);
    /// nil when nothing there does it.
    public static func key(for action: Action, in context: FocusContext, training: Bool = false, fieldEmpty: Bool = false) -> Key? {
        for b in bindings where b.action == action && (training || !b.trainingOnly) {
            if let key = b.keys.first(where: { self.action(for: $0, in: context, training: training, fieldEmpty: fieldEmpty) == action }) { return key }
        }
        return nil
    }

    /// One entry of a hint bar: the keys that act in that context, what they do, and the action.
    public struct Hint: Sendable, Hashable {
        public var keys: [Key]
        public var label: KeyLabel
        public var action: Action
        /// As the hint bar shows the keys: `Enter/Space`, or the arrows as `↑↓`.
        public var keyText: String
    }

    /// The hint bar's entries for a context, in table order, one per action; the arrows (and the
    /// month keys of the calendar) come first. Keys that would type in a field are left out.
    public static func hintEntries(for context: FocusContext, training: Bool = false) -> [Hint] {
        var seen = Set<Action>()
        var out: [Hint] = []
        var arrows: [Key] = []
        let typing = typingContexts.contains(context)
        for b in bindings where b.contexts.contains(context) && (training || !b.trainingOnly) {
            let keys = b.keys.filter { key in
                if typing, case .char = key { return false }
                return action(for: key, in: context, training: training) == b.action // not taken by an earlier binding
            }
            if [.up, .down, .left, .right].contains(b.action) {
                arrows += keys.filter { $0.isArrow }
                continue
            }
            guard b.hint, !keys.isEmpty, seen.insert(b.action).inserted else { continue }
            out.append(Hint(keys: keys, label: b.label, action: b.action, keyText: keys.map(\.name).joined(separator: "/")))
        }
        if !arrows.isEmpty {
            out.insert(Hint(keys: arrows, label: .move, action: .down, keyText: context == .calendar ? "←↓↑→" : "↑↓"), at: 0)
        }
        if context == .calendar {
            out.insert(Hint(keys: [.pageUp, .pageDown], label: .month, action: .nextMonth, keyText: "PgUp/PgDn"), at: 1)
        } else if context == .times {
            out.insert(Hint(keys: [.pageUp, .pageDown], label: .page, action: .pageDown, keyText: "PgUp/PgDn"), at: 1)
        }
        return out
    }

    /// The hint bar's entries as text: keys and label.
    public static func hints(for context: FocusContext, training: Bool = false, language: Language = .en) -> [(keys: String, label: String)] {
        let t = Catalog(language)
        return hintEntries(for: context, training: training).map { ($0.keyText, t.key($0.label)) }
    }

    /// The help overlay's sections: the keys of the screen under it first, then those that work
    /// everywhere, then every other screen's, each under its name.
    public static func helpSections(training: Bool, first: FocusContext, language: Language = .en) -> [(title: String, lines: [(keys: String, label: String)])]
    {
        let t = Catalog(language)
        let global = bindings.filter { screens.subtracting([.waiting]).isSubset(of: $0.contexts) }
        func lines(_ list: [KeyBinding]) -> [(keys: String, label: String)] {
            var seen = Set<String>(), out: [(String, String)] = []
            for b in list where training || !b.trainingOnly {
                let keys = b.keys.map(\.name).joined(separator: " ")
                let label = t.key(b.label)
                guard seen.insert(keys + label).inserted else { continue }
                out.append((keys, label))
            }
            return out
        }
        let isGlobal = Set(global.map(\.self))
        var sections: [(String, [(keys: String, label: String)])] = []
        sections.append((t.helpOnThisScreen(first.title(language)), lines(bindings.filter { $0.contexts.contains(first) && !isGlobal.contains($0) })))
        sections.append((t.helpEverywhere, lines(global) + [(t.helpMouseKey, t.helpMouseWhat)]))
        for c in FocusContext.allCases where c != first && c != .help && (training || (c != .trainer && c != .stories)) {
            let own = lines(bindings.filter { $0.contexts.contains(c) && !isGlobal.contains($0) })
            if !own.isEmpty { sections.append((c.title(language), own)) }
        }
        return sections.filter { !$0.1.isEmpty }
    }

    /// Every binding grouped for the help overlay: keys, label, where.
    public static var helpLines: [(keys: String, label: String)] { helpLines(training: false) }

    /// The help overlay's lines; a training sandbox also lists the trainer's keys. The bindings of
    /// `first` (the context under the overlay) come first, so a small window shows those.
    public static func helpLines(training: Bool, first: FocusContext? = nil, language: Language = .en) -> [(keys: String, label: String)] {
        let t = Catalog(language)
        var seen = Set<String>()
        var out: [(String, String)] = []
        let ordered = bindings.filter { first.map($0.contexts.contains) ?? false } + bindings.filter { !(first.map($0.contexts.contains) ?? false) }
        for b in ordered where training || !b.trainingOnly {
            let keys = b.keys.map(\.name).joined(separator: " ")
            let label = t.key(b.label)
            guard seen.insert(keys + label).inserted else { continue }
            out.append((keys, label))
        }
        return out
    }
}
