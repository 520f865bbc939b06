import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// Every screen at 80x24 and 120x40, and the too-small screen at 20x5, with a fixed clock.
@Suite("Golden screens")
struct GoldenScreenTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]

    /// Plays `steps` on a fresh program for each size and checks the final screen.
    /// Plays `steps` on a fresh program for each size and language (Spanish screens are `NAME-es-SIZE`)
    /// and checks the final screen; no text may be cut at the edge of its room in any language.
    func golden(_ name: String, _ actor: Actor, canWriteFiles: Bool = true, longValues: Bool = false, _ steps: (inout Program) -> Void) throws {
        for language in Language.allCases {
            for size in Self.sizes {
                let f = try UIFixture(longValues: longValues)
                defer { f.remove() }
                var p = try f.program(actor, size: size, canWriteFiles: canWriteFiles, language: language)
                steps(&p)
                let screen = p.render()
                let label = language == .en ? "\(name)-\(size)" : "\(name)-\(language.rawValue)-\(size)"
                Golden.check(screen, label)
                #expect(screen.clipped.isEmpty, "\(label): cut at the edge of their room: \(screen.clipped)")
            }
        }
    }

    @Test("Nothing a person reads back is cut: the longest zone, a long email and phone, a long searched name, the times list's paging line")
    func longValues() throws {
        try golden("long-picker", UIFixture.agent, longValues: true) {
            $0.type("NBC2412345678")
            $0.press(.enter)
        }
        try golden("long-times", UIFixture.agent, longValues: true) {
            $0.type("NBC2412345678")
            $0.press(.enter, .char("t"), .enter, .pageDown)
        }
        try golden("long-reason-email", UIFixture.agent, longValues: true) {
            $0.type("NBC2412345678")
            $0.press(.enter, .char("t"), .enter, .enter, .enter, .enter, .enter)
        }
        try golden("long-reason-sms", UIFixture.agent, longValues: true) {
            $0.type("NBC2412345678")
            $0.press(.enter, .char("t"), .enter, .enter, .enter, .enter, .enter, .enter)
        }
        try golden("long-find", UIFixture.agent, longValues: true) {
            $0.type("shevchenko")
            $0.press(.enter)
        }
    }

    @Test("Find a case: empty, typing, invalid")
    func find() throws {
        try golden("find-empty", UIFixture.agent) { _ in }
        try golden("find-typing", UIFixture.agent) { $0.type("eac-24-140") }
        try golden("find-invalid", UIFixture.agent) { $0.type("E4C") }
        try golden("find-not-authorized", UIFixture.agent) {
            $0.type("EAC9999999999")
            $0.press(.enter)
        }
        try golden("find-callers-by-name", UIFixture.agent) {
            $0.type("filler")
            $0.press(.enter, .down, .down)
        }
        try golden("find-callers-none", UIFixture.agent) {
            $0.type("Nobody Here")
            $0.press(.enter)
        }
        try golden("find-callers-bad-date", UIFixture.agent) {
            $0.type("1985-03-14")
            $0.press(.enter)
        }
    }

    @Test("A representative's cases, with a filter")
    func caseList() throws {
        try golden("cases-representative", UIFixture.lee) { _ in }
        try golden("cases-filtered", UIFixture.lee) {
            $0.press(.char("/"))
            $0.type("ana")
        }
    }

    @Test("The calendar picker with the status pane")
    func picking() throws {
        try golden("picker-agent", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter)
        }
        try golden("picker-times", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("l"), .enter, .down)
        }
        try golden("picker-applicant-within-12h", UIFixture.maria) { $0.press(.down, .enter) }
        try golden("picker-missed-abandonment", UIFixture.officer) {
            $0.type("LIN2501234567")
            $0.press(.enter)
        }
    }

    @Test("Reason selector, confirm and outcomes")
    func reasonConfirmOutcome() throws {
        let open: (inout Program) -> Void = {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("t"), .enter, .enter)
        }
        try golden("reason", UIFixture.agent) { open(&$0) }
        try golden("reason-other", UIFixture.agent) {
            open(&$0)
            $0.press(.down, .down, .down, .down, .down, .down, .enter)
            $0.type("Jury duty — 東京")
        }
        try golden("confirm", UIFixture.agent) {
            open(&$0)
            $0.press(.enter, .tab, .tab, .enter)
        }
        try golden("outcome-booked", UIFixture.agent) {
            open(&$0)
            $0.press(.enter, .tab, .tab, .enter, .enter)
        }
        try golden("outcome-escalated", UIFixture.agent) {
            $0.type("IOE0923456781")
            $0.press(.enter, .char("t"), .enter, .enter, .enter)
            $0.type("hospital")
            $0.press(.tab, .tab, .enter, .enter)
        }
        try golden("outcome-booked-ssh", UIFixture.maria, canWriteFiles: false) {
            $0.press(.enter, .char("t"), .enter, .enter, .down, .enter, .tab, .enter, .enter)
        }
    }

    @Test("Officer review queue")
    func reviewQueue() throws {
        try golden("review-queue", UIFixture.officer) {
            $0.type("IOE0923456781")
            $0.press(.enter, .char("t"), .enter, .enter, .enter, .tab, .tab, .enter, .enter)
            $0.press(.char("n"), .char("r"))
        }
        try golden("review-note", UIFixture.officer) {
            $0.type("IOE0923456781")
            $0.press(.enter, .char("t"), .enter, .enter, .enter, .tab, .tab, .enter, .enter)
            $0.press(.char("n"), .char("r"), .char("a"))
            $0.type("letter from the hospital")
        }
    }

    @Test("Overlays: help, center picker, quit confirmation")
    func overlays() throws {
        try golden("help", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("?"))
        }
        try golden("help-scrolled", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("?"), .pageDown, .down)
        }
        try golden("center-picker", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("c"))
        }
        try golden("quit-confirm", UIFixture.agent) {
            $0.type("EAC2414052317")
            $0.press(.enter, .char("t"), .enter, .enter, .char("q"))
        }
    }

    @Test("The SSH keys screen: an applicant's own keys, and an agent's view of the caller's")
    func keysScreens() throws {
        func withKeys(_ actor: Actor, _ steps: (inout Program) -> Void) throws -> [String: Screen] {
            var out: [String: Screen] = [:]
            for language in Language.allCases {
                for size in Self.sizes {
                    let f = try UIFixture()
                    defer { f.remove() }
                    for n in [1, 2] {
                        try f.store.addKey(
                            KeysScreenTests.key(n), for: .account("maria", .applicant), how: "enrollment", by: UIFixture.maria, now: UIFixture.now)
                    }
                    var p = try f.program(actor, size: size, language: language)
                    var runner = p.runner
                    runner.keyRegistry = f.store
                    p = Program(state: p.state, runner: runner)
                    steps(&p)
                    out[language == .en ? "\(size)" : "\(language.rawValue)-\(size)"] = p.render()
                }
            }
            return out
        }
        for (label, screen) in try withKeys(UIFixture.maria, { $0.press(.char("K")) }) {
            Golden.check(screen, "keys-own-\(label)")
            #expect(screen.clipped.isEmpty, "keys-own-\(label): \(screen.clipped)")
        }
        for (label, screen) in try withKeys(
            UIFixture.agent,
            {
                $0.type("EAC2414052317")
                $0.press(.enter, .char("K"), .char("r"))
            })
        {
            Golden.check(screen, "keys-caller-revoke-\(label)")
            #expect(screen.clipped.isEmpty, "keys-caller-revoke-\(label): \(screen.clipped)")
        }
    }

    @Test("The training sandbox: the trainer panel and the story list, in both languages")
    func trainingScreens() throws {
        for language in Language.allCases {
            for size in Self.sizes {
                var box = try DemoSandboxFixture.sandbox(size: size)
                defer { box.remove() }
                box.program.send(.language(language))
                box.program.press(.ctrl("t"))
                let suffix = language == .en ? "\(size)" : "\(language.rawValue)-\(size)"
                let trainer = box.program.render()
                Golden.check(trainer, "trainer-\(suffix)")
                #expect(trainer.clipped.isEmpty, "trainer-\(suffix): \(trainer.clipped)")
                box.program.press(.char("s"))
                let stories = box.program.render()
                Golden.check(stories, "stories-\(suffix)")
            }
        }
    }

    @Test("Too small: the screen says what size it needs")
    func tooSmall() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let p = try f.program(UIFixture.agent, size: Size(columns: 20, rows: 5))
        Golden.check(p.render(), "too-small-20x5")
        #expect(p.render().text.contains("need\n60x18 or more"))
    }
}
