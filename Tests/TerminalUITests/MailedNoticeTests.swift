import Foundation
import Scheduling
import Testing

@testable import TerminalUI

@Suite("R16 a caller without an online account: the agent is told to mail the notice")
struct MailedNoticeTests {
    func booked(_ receipt: String) throws -> String {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: Size(columns: 100, rows: 30))
        p.type(receipt)
        p.press(.enter, .char("t"), .enter, .enter) // the first offered time
        p.press(.enter, .tab, .tab, .enter, .enter) // medical, continue, confirm
        #expect(p.state.outcome.answer?.result == .booked, "\(receipt)")
        return p.render().text
    }

    @Test("Booked for a case without an online account: the outcome says the notice must be mailed")
    func noAccount() throws {
        #expect(try booked("MSC2600000010").contains("the notice must be mailed"))
    }

    @Test("Booked for a case with an online account: no such line")
    func withAccount() throws {
        #expect(!(try booked("EAC2414052317").contains("must be mailed")))
    }
}
