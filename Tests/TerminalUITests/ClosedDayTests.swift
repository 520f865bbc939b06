import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// A closed day keeps the times pane in place: it shows the next day with times, says so, and
/// Enter goes there.
@Suite("The times pane on a closed day")
struct ClosedDayTests {
    @Test(
        "A closure (Fri 06-19) shows Monday's times under a line that says why; Enter opens Monday's times",
        arguments: [
            Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)
        ])
    func closureShowsNextOpenDay(size: Size) throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: size)
        p.type("EAC2414052317")
        p.press(.enter)
        let friday = try #require(LocalDate(iso: "2026-06-19")), monday = try #require(LocalDate(iso: "2026-06-22"))
        while let d = p.state.picking.selectedDay, d < friday { p.press(.right) }
        #expect(p.state.picking.selectedDay == friday)
        #expect(p.state.picking.calendar?.timesDay(for: friday) == monday)
        let text = p.render().text
        #expect(text.contains("Fri 06-19 closed (closure); times of Mon 06-22"))
        #expect(p.render().hotspots.allSatisfy { if case .time = $0.target { false } else { true } }, "another day's times cannot be picked")
        p.press(.right) // Saturday: closed on Sat, Monday's times again
        #expect(p.render().text.contains("Sat 06-20 closed on Sat; times of Mon 06-22"))
        p.press(.enter)
        #expect(p.state.picking.selectedDay == monday && p.state.picking.focusTimes)
        #expect(p.state.picking.selectedSlot != nil)
    }

    @Test("An open day shows its own times")
    func openDay() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        let day = try #require(p.state.picking.selectedDay)
        #expect(p.state.picking.calendar?.timesDay(for: day) == day)
        #expect(!p.render().text.contains("times of"))
    }
}
