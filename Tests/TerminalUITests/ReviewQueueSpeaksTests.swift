import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// The review queue speaks: a decision's result heads the queue, a missing note is said in the
/// note dialog, and an approval whose preferred slot is full opens the calendar on the preferred
/// day and asks before booking another time. Headless at 80x24, in both languages.
@Suite("The review queue speaks")
struct ReviewQueueSpeaksTests {
    func escalate(_ f: UIFixture, to local: String) throws {
        let r = RescheduleRequest(
            requestID: "esc-1", receipt: try ReceiptNumber(parsing: "IOE0923456781"), actor: UIFixture.agent,
            goodCause: GoodCause(reason: .medical), centerCode: "BOS", to: LocalDateTime(iso: local)!)
        #expect(try f.store.reschedule(r, clock: { UIFixture.now }).result == .escalated)
    }

    @Test("R8 deny: Enter with no note is said in the dialog; the denial's result heads the queue", arguments: Language.allCases)
    func denySpeaks(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        try escalate(f, to: "2026-06-23T10:00")
        var p = try f.program(UIFixture.officer, language: language)
        p.press(.char("r"))
        #expect(p.state.phase == .reviewQueue && p.state.review.visible.count == 1)
        p.press(.char("d"), .enter)
        let missing = p.render()
        let t = Catalog(language)
        #expect(missing.text.contains(t.reviewNeedsNote), "\(missing.text)")
        #expect(missing.clipped.isEmpty, "\(missing.clipped)")
        p.type("no documents")
        #expect(!p.render().text.contains(t.reviewNeedsNote), "typing clears it")
        p.press(.enter)
        #expect(p.state.phase == .reviewQueue)
        let queue = p.render()
        #expect(queue.text.contains(t.reviewDecided("esc-1")), "\(queue.text)")
        #expect(queue.text.contains(language == .en ? "no documents" : "no documents"))
        #expect(queue.clipped.isEmpty, "\(queue.clipped)")
    }

    @Test(
        "R8 approve when the preferred slot is full: the calendar opens on the preferred day at the next free time and asks before booking",
        arguments: Language.allCases)
    func approveAsks(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        try escalate(f, to: "2026-06-24T08:00") // Wednesday 08:00 is full (two fillers)
        var p = try f.program(UIFixture.officer, language: language)
        p.press(.char("r"), .char("a"))
        p.type("hospital letter")
        p.press(.enter)
        #expect(p.state.review.approving?.requestID == "esc-1")
        #expect(p.state.picking.selectedDay == LocalDate(iso: "2026-06-24"), "the preferred day")
        #expect(p.state.picking.selectedSlot?.slot.local.iso == "2026-06-24T08:30", "the first free time from the preferred one on")
        p.press(.enter)
        let ask = p.render()
        let t = Catalog(language)
        #expect(ask.text.contains(t.approveOtherTitle("esc-1")), "\(ask.text)")
        #expect(ask.clipped.isEmpty, "\(ask.clipped)")
        #expect(try f.store.pendingReviews().count == 1, "nothing booked before the answer")
        p.press(.char("n"))
        #expect(p.state.overlay == nil && p.state.phase == .picking, "n picks another time")
        p.press(.enter, .char(language == .en ? "y" : "s"))
        #expect(p.state.outcome.answer?.result == .booked, "\(String(describing: p.state.outcome.answer))")
        #expect(p.state.outcome.answer?.notice?.when(in: .en).contains("2026-06-24 08:30") == true)
        #expect(try f.store.pendingReviews().isEmpty)
    }
}
