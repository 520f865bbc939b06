import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// Every key a hint bar shows, in every focus context, does what the hint says there: the keymap
/// table is the only source of key behaviour, so a hint that types into a field, or does nothing,
/// fails here.
@Suite("Hint bars: every key shown does what it says")
struct HintBarTests {
    /// One state per focus context, reached the way a person reaches it (headless, on a real store).
    static func states() throws -> (states: [FocusContext: AppState], cleanup: () -> Void) {
        let f = try UIFixture()
        var out: [FocusContext: AppState] = [:]
        func keep(_ p: Program) { out[p.state.focusContext] = p.state }

        var agent = try f.program(UIFixture.agent, savingFiles: true)
        agent.type("EAC")
        keep(agent) // findCase, with text for Esc to clear
        agent.send(.key(.escape))
        agent.type("filler")
        agent.press(.enter, .down)
        keep(agent) // callerList, on the second match
        agent.send(.key(.escape))
        agent.type("EAC2414052317")
        agent.press(.enter)
        agent.press(.right)
        keep(agent) // calendar
        agent.press(.char("c"))
        agent.press(.down)
        var picker = agent.state
        picker.centerPicker.centers += picker.centerPicker.centers // four rows: the second has a row above and below
        out[picker.focusContext] = picker // centerPicker, on the second center
        agent.press(.escape, .enter, .down)
        keep(agent) // times, on the second time
        agent.press(.up, .enter, .down)
        keep(agent) // reasons, on the second reason
        agent.press(.up, .enter)
        keep(agent) // textInput: the agent's note
        agent.type("Phoned in")
        agent.press(.tab, .tab, .enter)
        keep(agent) // confirm
        agent.press(.char("q"))
        keep(agent) // dialog: quit?
        agent.press(.char("n"))
        let (submitting, _) = App.update(agent.state, .key(.enter)) // the answer never comes
        out[submitting.focusContext] = submitting // waiting
        agent.press(.enter)
        agent.press(.down)
        keep(agent) // outcome, scrolled one line
        agent.press(.char("s"))
        keep(agent) // prompt: the notice's file name

        // The SSH keys screens: an agent on a caller's case, and an applicant's own keys.
        var keysRunner = agent.runner
        keysRunner.keyRegistry = f.store
        var caller = Program(state: try f.program(UIFixture.agent).state, runner: keysRunner)
        caller.type("EAC2414052317")
        caller.press(.enter)
        caller.press(.char("K"))
        keep(caller) // callerKeys
        for n in 1...3 {
            var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
            bytes += (0..<32).map { UInt8(($0 * 3 + n) & 0xFF) }
            try f.store.addKey(
                try PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString())"), for: .account("maria", .applicant),
                how: "enrollment", by: UIFixture.maria, now: UIFixture.now)
        }
        var mine = Program(state: try f.program(UIFixture.maria).state, runner: keysRunner)
        mine.press(.char("K"), .down)
        keep(mine) // ownKeys, on the second of three keys

        // The waiting list of the caller's case, and its request form (issue 23).
        var waiting = try f.program(UIFixture.agent)
        waiting.type("EAC2414052317")
        waiting.press(.enter, .char("w"))
        keep(waiting) // waitlist: no offer, no request yet
        waiting.press(.char("e"))
        keep(waiting) // waitlistForm, on its first field

        var refused = try f.program(UIFixture.maria)
        refused.press(.down, .enter)
        keep(refused) // refusal: 12 hours or less, told before any calendar
        var lee = try f.program(UIFixture.lee)
        lee.press(.down)
        keep(lee) // caseList, on the second case
        lee.press(.char("/"))
        lee.type("a")
        keep(lee) // filter

        var officer = try f.program(UIFixture.officer)
        officer.press(.char("r"))
        var queue = officer.state
        let item = ReviewItem(
            requestID: "t-9", receipt: try ReceiptNumber(parsing: "IOE0923456781"), codes: [.untimely],
            goodCause: GoodCause(reason: .medical, explanation: ""), note: "", agent: "agent.smith",
            preferredCenter: "BOS", preferredStart: nil,
            preferredLocal: LocalDateTime(iso: "2026-06-24T09:00")!, requestedAt: UIFixture.now)
        queue.review.queue = [item, item, item]
        queue.review.index = 1
        out[queue.focusContext] = queue // reviewQueue, three requests

        var help = agent.state
        help.overlay = .help
        help = App.update(help, .key(.pageDown)).0 // help, scrolled one page: up and down both move
        #expect(help.helpScroll > 0, "the help overlay is longer than 80x24 and scrolls")
        out[.help] = help

        var demo = try DemoSandboxFixture.sandbox()
        demo.program.send(.training(.command(.showStories)))
        demo.program.press(.down)
        keep(demo.program) // stories, on the second story
        demo.program.press(.escape, .ctrl("t"))
        keep(demo.program) // trainer
        return (
            out,
            {
                f.remove()
                demo.remove()
            }
        )
    }

    /// True when `key` only typed into a field.
    static func typed(_ key: Key, _ before: AppState, _ after: AppState) -> Bool {
        guard case let .char(c) = key else { return false }
        let fields: [(AppState) -> String] = [
            \.find.receiptField.text, \.find.caseFilter.text, \.centerPicker.filter.text, \.reason.explanation.text,
            \.reason.note.text, \.outcome.savePath.text, \.review.note.text
        ]
        return fields.contains { $0(after) == $0(before) + String(c) }
    }

    /// What `action`'s hint promises, checked on the state before and after the key and the effects.
    static func keepsPromise(_ action: Action, _ before: AppState, _ after: AppState, _ fx: [Effect]) -> Bool {
        switch action {
        case .help: return after.overlay == .help
        case .quit: return after.quit || after.overlay == .quitConfirm
        case .search: return after.focusContext == .filter
        case .changeCenter: return after.overlay == .centerPicker
        case .saveNotice: return after.overlay == .savePrompt
        case .approve: return after.overlay == .reviewNote(approve: true)
        case .deny: return after.overlay == .reviewNote(approve: false)
        case .reviewQueue: return after.phase == .reviewQueue && fx == [.loadReviews]
        case .findCase: return after.phase == .findCase && after.snapshot == nil
        case .focusNext, .focusPrev:
            return after.focusContext != before.focusContext || after.reason.focus != before.reason.focus
                || after.waitlist?.form?.focus != before.waitlist?.form?.focus
        case .nextMonth, .prevMonth: return after.picking.month != before.picking.month
        case .trainer: return after.training?.panel != before.training?.panel
        case .back:
            return after.overlay != before.overlay || after.phase != before.phase || after.focusContext != before.focusContext
                || after.training?.panel != before.training?.panel || after.find.receiptField.text.isEmpty && !before.find.receiptField.text.isEmpty
        default: return after != before || !fx.isEmpty
        }
    }

    @Test("In every focus context, each key of each hint keeps the hint's promise and never just types")
    func everyHintDoesWhatItSays() throws {
        let (states, cleanup) = try Self.states()
        defer { cleanup() }
        let missing = Set(FocusContext.allCases).subtracting(states.keys)
        #expect(missing.isEmpty, "no state reached for \(missing.map(\.rawValue).sorted())")
        for (context, state) in states.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            #expect(state.focusContext == context)
            let training = state.training != nil
            for hint in Keymap.hintEntries(for: context, training: training) {
                for key in hint.keys {
                    let (after, fx) = App.update(state, .key(key))
                    let action = key.isArrow ? Keymap.action(for: key, in: context, training: training) ?? hint.action : hint.action
                    #expect(!Self.typed(key, state, after), "\(context.rawValue): \(key.name) (\(hint.label)) typed into a field")
                    #expect(
                        Self.keepsPromise(action, state, after, fx),
                        "\(context.rawValue): \(key.name) shown as \"\(hint.label)\" did not \(action.rawValue)")
                }
            }
        }
    }

    @Test("The bugs this test was written for: the center picker offers no q, ? or /, the review queue no /")
    func knownBugsStayFixed() {
        let picker = Keymap.hintEntries(for: .centerPicker).flatMap(\.keys)
        #expect(!picker.contains(.char("q")) && !picker.contains(.char("?")) && !picker.contains(.char("/")))
        #expect(!Keymap.hintEntries(for: .reviewQueue).flatMap(\.keys).contains(.char("/")))
        #expect(Keymap.action(for: .char("q"), in: .centerPicker) == nil, "q types into the center filter")
    }
}

@Suite("The help overlay scrolls at 80x24")
struct HelpScrollTests {
    @Test("PgDn and the arrows scroll through every key; the footer says where; any other key closes")
    func scrolls() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter, .char("?"))
        let lines = HelpView.lines(p.state)
        let page = HelpView.pageSize(p.state.size)
        #expect(lines.count > page, "at 80x24 the help is longer than one page")
        #expect(p.render().text.contains("On this screen (the calendar):"))
        #expect(p.render().text.contains("1–\(page) of \(lines.count)"))
        var seen = Set<String>()
        for _ in 0..<20 {
            for case let .key(k, label) in lines.dropFirst(min(p.state.helpScroll, lines.count - page)).prefix(page) { seen.insert(k + " " + label) }
            p.press(.pageDown)
        }
        let every = Set(lines.compactMap { if case let .key(k, l) = $0 { k + " " + l } else { nil } })
        #expect(seen == every, "paging shows every line")
        #expect(p.render().text.contains("of \(lines.count)") && p.state.helpScroll == lines.count - page)
        p.press(.up)
        #expect(p.state.helpScroll == lines.count - page - 1)
        p.press(.char("x"))
        #expect(p.state.overlay == nil && p.state.helpScroll == 0)
    }

    @Test("When the hints do not fit at 80x24, the bar ends with the help key as \"more\"")
    func more() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        let bar = p.render().text.split(separator: "\n").last.map(String.init) ?? ""
        let all = Keymap.hints(for: p.state.focusContext)
        let full = all.reduce(0) { $0 + $1.keys.count + $1.label.count + 3 }
        if full > 80 {
            #expect(bar.contains("more"), "\(bar)")
        } else {
            #expect(all.allSatisfy { bar.contains($0.label) }, "\(bar)")
        }
        let narrow = Render.hintBarEntries(p.state, width: 40)
        #expect(narrow.last?.label == "more")
        #expect(narrow.last.map { $0.column + $0.keys.count + $0.label.count + 3 <= 40 } == true)
    }
}
