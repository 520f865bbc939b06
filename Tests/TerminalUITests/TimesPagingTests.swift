import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// The times list pages: PgUp/PgDn, Home/End, typing an hour, and a line that says how many times
/// are above and below. BOS is open 08:00-12:00 in 30-minute slots (8 times; 7 rows at 80x24).
@Suite("The times list pages")
struct TimesPagingTests {
    func opened(_ f: UIFixture, language: Language = .en) throws -> Program {
        var p = try f.program(UIFixture.agent, language: language)
        p.type("EAC2414052317")
        p.press(.enter)
        let wed = try #require(LocalDate(iso: "2026-06-17"))
        while let d = p.state.picking.selectedDay, d < wed { p.press(.right) }
        p.press(.enter) // the times have the focus
        #expect(p.state.picking.focusTimes && p.state.picking.timeIndex == 0)
        return p
    }

    func hhmm(_ p: Program) -> String? { p.state.picking.selectedSlot?.slot.local.time.hhmm }

    @Test("PgDn moves six times on, PgUp back, Home to the first, End to the last; in the calendar PgUp/PgDn still change the month")
    func paging() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try opened(f)
        p.press(.pageDown)
        #expect(hhmm(p) == "11:00")
        p.press(.pageDown)
        #expect(hhmm(p) == "11:30", "clamped at the last")
        p.press(.pageUp)
        #expect(hhmm(p) == "08:30")
        p.press(.home)
        #expect(hhmm(p) == "08:00")
        p.press(.end)
        #expect(hhmm(p) == "11:30")
        p.press(.tab) // back to the calendar
        let month = p.state.picking.month
        p.press(.pageDown)
        #expect(p.state.picking.month != month, "PgDn in the calendar is the next month")
    }

    @Test("Typing an hour jumps to it: 1 then 1 is 11:00, then 9 starts again at 09:00; a later hour than any goes to the last")
    func typingAnHour() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try opened(f)
        p.press(.char("1"), .char("1"))
        #expect(hhmm(p) == "11:00")
        p.press(.char("9"))
        #expect(hhmm(p) == "09:00")
        p.press(.down)
        p.press(.char("1"), .char("7"))
        #expect(hhmm(p) == "11:30")
        p.press(.enter)
        #expect(p.state.phase == .reason, "Enter chooses the time typed")
    }

    @Test("The last row says how many times are above and below, in both languages, and nothing is cut", arguments: Language.allCases)
    func moreLine(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try opened(f, language: language)
        let below = language == .en ? "↓ 2 more below (PgDn)" : "↓ 2 más abajo (AvPág)"
        #expect(p.render().text.contains(below), "\(p.render().text)")
        p.press(.end)
        let above = language == .en ? "↑ 2 more above" : "↑ 2 más arriba"
        let screen = p.render()
        #expect(screen.text.contains(above), "\(screen.text)")
        #expect(screen.clipped.isEmpty)
    }
}
