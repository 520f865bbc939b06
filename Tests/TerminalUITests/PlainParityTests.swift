import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// Plain mode does what the full screen does: find a caller by name, change the center, page long
/// lists, and see a review item's details before deciding.
@Suite("Plain mode: the same capabilities as the full screen")
struct PlainParityTests {
    /// The option number whose label contains `text` in the last prompt.
    func option(_ prompt: String, _ text: String) -> String? {
        prompt.split(separator: "\n").first { $0.contains(text) && $0.first?.isNumber == true }
            .flatMap { $0.split(separator: ".").first.map(String.init) }
    }

    @Test("An agent finds the caller by name, changes the center, pages the times, and books")
    func agentByNameAndCenter() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var long = ImportDocument()
        long.centers = [
            .init(
                code: "SEA", name: "Seattle ASC", address: "12500 Tukwila International Blvd", city: "Seattle", state: "WA",
                timeZone: "America/Los_Angeles", slotMinutes: 30, stations: 2,
                hours: [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"])
        ]
        _ = try f.store.importDocument(long, actor: UIFixture.officer, now: UIFixture.now)
        var plain = PlainMode(program: try f.program(UIFixture.agent))
        #expect(plain.prompt().contains("a name (a surname, or a name and a date of birth)"))
        _ = plain.handle("garcia")
        var prompt = plain.prompt()
        #expect(prompt.contains("1. María García, born unknown, I-485, next appointment BOS Thu 2026-06-18 09:00 EDT"), "\(prompt)")
        #expect(prompt.contains("or type another search"))
        var said = plain.handle("1")
        #expect(said.contains("Case EAC2414052317"), "\(said)")
        // Another center, narrowed by typing, chosen by number: Seattle, open 08:00-16:00.
        prompt = plain.prompt()
        let center = try #require(option(prompt, "Another center"), "\(prompt)")
        _ = plain.handle(center)
        prompt = plain.prompt()
        #expect(prompt.contains("Centers"), "\(prompt)")
        _ = plain.handle("seattle")
        prompt = plain.prompt()
        let sea = try #require(option(prompt, "[SEA]"), "\(prompt)")
        said = plain.handle(sea)
        #expect(plain.program.state.picking.calendar?.center.code == "SEA", "\(said)")
        prompt = plain.prompt()
        #expect(prompt.contains("Days with free slots at Seattle ASC"), "\(prompt)")
        // A whole day has 16 times, shown 9 at a time.
        _ = plain.handle("2")
        prompt = plain.prompt()
        #expect(prompt.contains("Times on") && prompt.contains("n more times"), "\(prompt)")
        #expect(prompt.split(separator: "\n").filter { $0.first?.isNumber == true }.count == 9, "at most 9 times at once")
        let firstPage = prompt
        _ = plain.handle("n")
        #expect(plain.prompt() != firstPage && plain.prompt().contains("page 2 of 2"))
        _ = plain.handle("p")
        prompt = plain.prompt()
        said = plain.handle("1")
        #expect(plain.program.state.phase == .reason, "\(said)")
    }

    @Test("An officer reads a review item's details (name, reason, note, current and preferred times with zones, waiting) before approving; f filters")
    func officerDetails() throws {
        let f = try UIFixture()
        defer { f.remove() }
        // An agent escalates the asylum case first.
        var agent = try f.program(UIFixture.agent)
        agent.type("IOE0923456781")
        agent.press(.enter, .char("t"), .enter, .enter, .enter)
        agent.type("caller in hospital")
        agent.press(.tab, .tab, .enter, .enter)
        #expect(agent.state.outcome.answer?.result == .escalated)
        var plain = PlainMode(program: try f.program(UIFixture.officer))
        _ = plain.handle("r")
        var prompt = plain.prompt()
        for needle in [
            "Ana Pérez · I-589 · IOE0923456781", "Reason: Illness", "Agent's note: caller in hospital",
            "Current: Mon 2026-06-22 10:00 EDT at BOS", "Preferred: ", "EDT at BOS", "waiting 0 m", "ASYLUM: "
        ] {
            #expect(prompt.contains(needle), "\(needle): \(prompt)")
        }
        let filter = try #require(option(prompt, "Show only UNTIMELY"))
        _ = plain.handle(filter)
        prompt = plain.prompt()
        #expect(prompt.contains("No request with UNTIMELY is waiting."), "\(prompt)")
        #expect(option(prompt, "Show only REPEAT_REQUEST") != nil)
    }
}
