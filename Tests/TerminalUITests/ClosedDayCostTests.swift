import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// R17 in the full-screen UI, headless at 80x24 in both languages: an appointment on a day its
/// center closed is flagged in the status pane, the reason step needs no reason, and the booking
/// counts no reschedule.
@Suite("R17 a closed day in the terminal UI")
struct ClosedDayCostTests {
    static let strings: [Language: (flag: String, noReason: String, notCounted: String, find: String)] = [
        .en: ("⚑ CENTER_CLOSED:", "No reason needed: center closed that day.", "does not count", "center closed that day"),
        .es: ("⚑ CENTER_CLOSED:", "No hace falta motivo: centro cerrado.", "no cuenta", "centro cerrado ese día")
    ]

    @Test("R17 the agent sees CENTER_CLOSED, books with no reason in 3 keys from the calendar, and the caller keeps 0 of 2 used", arguments: Language.allCases)
    func agentMovesForFree(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        _ = try AgencyRebooking.close(
            center: "BOS", on: LocalDate(iso: "2026-06-18")!, reason: "water leak", rebook: false,
            by: UIFixture.officer, in: f.store, clock: { UIFixture.now })
        let words = try #require(Self.strings[language])
        var finder = try f.program(UIFixture.agent, language: language)
        finder.type("garcia")
        finder.press(.enter)
        let found = finder.render()
        #expect(found.text.contains("⚑ " + words.find), "\(found.text)")
        #expect(found.clipped.isEmpty, "\(found.clipped)")
        var p = try f.program(UIFixture.agent, language: language)
        p.type("EAC2414052317")
        p.press(.enter)
        #expect(p.state.phase == .picking)
        let status = p.render()
        #expect(status.text.contains(words.flag), "\(status.text)")
        #expect(status.clipped.isEmpty, "\(status.clipped)")
        p.press(.char("t"), .enter, .enter)
        #expect(p.state.phase == .reason)
        let reason = p.render()
        #expect(reason.text.contains(words.noReason), "\(reason.text)")
        #expect(reason.clipped.isEmpty, "\(reason.clipped)")
        p.press(.enter) // Continue has the focus
        #expect(p.state.phase == .confirm)
        #expect(p.render().clipped.isEmpty)
        p.press(.enter)
        #expect(p.state.outcome.answer?.result == .booked)
        #expect(p.state.outcome.answer?.verdict.message(in: language).contains(words.notCounted) == true)
        #expect(try f.store.caseSnapshot(try ReceiptNumber(parsing: "EAC2414052317"), for: UIFixture.agent).appointment.priorReschedules == 0)
    }

    @Test("R17 on an open day the reason step still asks for a reason (Continue without one is refused)")
    func openDayStillAsks() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        p.press(.char("t"), .enter, .enter)
        #expect(p.state.phase == .reason)
        #expect(!p.render().text.contains("No reason needed"))
        while p.state.reason.focus < p.state.reasonItems.count - 1 { p.press(.down) }
        p.press(.enter)
        #expect(p.state.phase == .reason, "no reason: stays")
    }
}
