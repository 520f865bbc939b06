import Foundation
import Scheduling
import Testing

@testable import TerminalUI

@Suite("Flows played headless through update and render")
struct FlowTests {
    @Test("An agent finds a case, picks a time, gives a reason and books it")
    func agentBooks() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("eac-24-140-52317")
        #expect(p.render().text.contains("EAC2414052317  13 of 13"))
        p.press(.enter)
        #expect(p.state.phase == .picking)
        print(p.render().text)
        p.press(.char("t"))
        p.press(.enter) // focus the times of the first offered day
        p.press(.enter) // choose the first offered time
        #expect(p.state.phase == .reason)
        p.press(.enter) // medical
        p.type("caller is in hospital")
        p.press(.tab, .tab, .enter) // notify, continue
        print(p.render().text)
        #expect(p.state.phase == .confirm)
        print(p.render().text)
        p.press(.enter)
        #expect(p.state.phase == .outcome)
        #expect(p.state.outcome.answer?.result == .booked)
        print(p.render().text)
    }

    @Test("An agent finds the caller by name, opens the one match and books it (keys counted in docs/tui.md)")
    func agentBooksByName() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        var screens: [String] = [p.state.focusContext.rawValue]
        func note() { if screens.last != p.state.focusContext.rawValue { screens.append(p.state.focusContext.rawValue) } }
        p.type("garcia maria")
        p.press(.enter)
        note()
        #expect(p.state.focusContext == .callerList)
        #expect(p.render().text.contains("María García"))
        #expect(p.state.find.callers?.matches.first?.receipt.value == "EAC2414052317", "her two cases, in receipt order")
        p.press(.enter)
        note()
        #expect(p.state.phase == .picking && p.state.snapshot?.caseFile.receipt.value == "EAC2414052317")
        p.press(.char("t"))
        p.press(.enter)
        note()
        p.press(.enter)
        note()
        #expect(p.state.phase == .reason)
        p.press(.enter)
        note()
        p.type("caller is in hospital")
        p.press(.tab, .tab, .enter)
        note()
        #expect(p.state.phase == .confirm)
        p.press(.enter)
        note()
        #expect(p.state.outcome.answer?.result == .booked)
        #expect(screens == ["findCase", "callerList", "calendar", "times", "reasons", "textInput", "confirm", "outcome"])
    }
}
