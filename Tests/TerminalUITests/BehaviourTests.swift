import Foundation
import Scheduling
import Testing

@testable import TerminalUI

@Suite("Terminal UI behaviour, headless")
struct BehaviourTests {
    @Test("R3a an applicant within 12 hours sees the refusal, the code and the Contact Center in the status pane")
    func applicantRefusedWithin12h() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.maria)
        #expect(p.state.find.cases.map(\.receipt.value) == ["EAC2414052317", "WAC2390112345"])
        p.press(.down, .enter)
        let text = p.render().text
        #expect(text.contains("REFUSED"))
        #expect(text.contains("WITHIN_12_HOURS"))
        #expect(text.contains("800-375-5283"))
        // She is told before any calendar opens: no time to pick, no reason to give, nothing booked.
        #expect(p.state.focusContext == .refusal)
        #expect(text.contains("Not possible online") && text.contains("Nothing was changed"))
        p.press(.char("t"), .enter, .enter, .enter, .tab, .tab, .enter, .enter)
        #expect(p.state.phase == .picking && p.state.outcome.answer == nil && p.state.inFlight.isEmpty)
        p.press(.escape)
        #expect(p.state.phase == .caseList)
    }

    @Test("R5 a representative with three clients sees exactly those three")
    func representativeSeesThree() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let p = try f.program(UIFixture.lee)
        #expect(p.state.find.cases.map(\.receipt.value) == ["EAC2414052317", "IOE0923456781", "LIN2501234567"])
        let text = p.render().text
        #expect(text.contains("李小龙") && text.contains("Ana Pérez") && text.contains("María García"))
        #expect(!text.contains("WAC2390112345"))
    }

    @Test("Resizing mid-flow keeps the work: reason, typed text and selection survive")
    func resizeKeepsWork() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter, .char("t"), .enter, .enter)
        p.press(.down, .down, .down, .down, .down, .down, .enter)
        p.type("Court date")
        let before = p.state
        p.send(.resize(Size(columns: 20, rows: 5)))
        #expect(p.render().text.contains("Window too small"))
        p.send(.resize(Size(columns: 120, rows: 40)))
        #expect(p.state.reason.chosen == .other)
        #expect(p.state.reason.explanation.text == "Court date")
        #expect(p.state.picking.selectedSlot == before.picking.selectedSlot)
        #expect(p.render().text.contains("Court date"))
    }

    @Test("q asks first when a request is half filled; no asks nothing otherwise")
    func quitConfirm() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter, .char("t"), .enter, .enter)
        p.press(.char("q"))
        #expect(p.state.overlay == .quitConfirm)
        #expect(!p.state.quit)
        p.press(.char("n"))
        #expect(p.state.overlay == nil && p.state.phase == .reason)
        p.press(.escape, .escape, .escape)
        p.press(.char("q"))
        #expect(p.state.quit)
    }

    @Test("R15 the receipt is validated as typed; a bad one gives INVALID_RECEIPT and no lookup")
    func receiptValidatedAsTyped() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EA1")
        #expect(p.render().text.contains("character at position 3: expected a letter"))
        p.press(.enter)
        #expect(p.state.phase == .findCase)
        #expect(p.state.messages.last?.text.hasPrefix("INVALID_RECEIPT") == true)
    }

    @Test("A mouse click on a day and then on a time selects them")
    func mouse() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        let screen = p.render()
        guard let day = screen.hotspots.first(where: { $0.target == .day(LocalDate(iso: "2026-06-25")!.epochDay) }) else {
            Issue.record("no hotspot for 2026-06-25")
            return
        }
        p.click(at: Point(row: day.rect.row, column: day.rect.column + 1))
        #expect(p.state.picking.selectedDay == LocalDate(iso: "2026-06-25"))
        let times = p.render().hotspots.filter { if case .time = $0.target { true } else { false } }
        try #require(times.count > 2)
        p.click(at: Point(row: times[2].rect.row, column: times[2].rect.column))
        #expect(p.state.picking.focusTimes && p.state.picking.timeIndex == 2)
    }

    @Test("R14 someone else takes the slot: SLOT_FULL, the screen refreshes and says so")
    func slotTakenMeanwhile() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        // Wednesday 06-24 08:30 has one station left.
        p.click(
            at: {
                let s = p.render()
                let d = s.hotspots.first { $0.target == .day(LocalDate(iso: "2026-06-24")!.epochDay) }!
                return Point(row: d.rect.row, column: d.rect.column)
            }())
        p.press(.enter)
        #expect(p.state.picking.selectedSlot?.slot.local.iso == "2026-06-24T08:30")
        p.press(.enter, .enter, .tab, .tab, .enter)
        // Another agent books the last station first.
        let other = RescheduleRequest(
            requestID: "other", receipt: try ReceiptNumber(parsing: "WAC2390112345"), actor: UIFixture.officer,
            goodCause: GoodCause(reason: .medical), centerCode: "BOS", to: LocalDateTime(iso: "2026-06-24T08:30")!)
        _ = try f.store.reschedule(other, clock: { UIFixture.now })
        p.press(.enter)
        #expect(p.state.phase == .picking)
        #expect(p.state.messages.last?.text.contains("SLOT_FULL") == true)
        #expect(p.render().text.contains("refreshed"))
        #expect(p.state.picking.selectedSlot?.slot.local.iso != "2026-06-24T08:30")
    }
}
