import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// R4: online, the confirmation goes by email or SMS to what the account has on file (shown),
/// and "none" only where it has neither; staff choose any channel, or none.
@Suite("R4 the confirmation channel")
struct NotifyChoiceTests {
    @Test("R4 an applicant with an email on file is offered email (shown with the address) and no 'none'")
    func onlineWithEmail() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.maria)
        p.press(.enter) // her first case
        #expect(p.state.notifyChoices == [.email])
        #expect(p.state.reason.notify == .email, "preselected")
        #expect(p.state.notifyLabel(.email) == "email (maria@example.org)")
    }

    @Test("R4 an account with neither email nor phone gets 'none', and says why; staff may choose any")
    func noneOnlyWithoutContact() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var lee = try f.program(UIFixture.lee)
        lee.type("/")
        lee.press(.escape)
        lee.press(.enter)
        // The representative acts on a client's case; the confirmation goes to the applicant's account.
        let choices = lee.state.notifyChoices
        #expect(!choices.contains(nil) || choices == [nil])
        var agent = try f.program(UIFixture.agent)
        agent.type("IOE0923456781")
        agent.press(.enter)
        #expect(agent.state.notifyChoices == [nil, .email, .sms])
        #expect(agent.state.reason.notify == nil)
        var online = agent.state
        online.config = AppConfig(actor: UIFixture.maria, isTraining: true, window: online.config.window, sessionID: "t")
        #expect(online.notifyChoices == [nil], "a case without an online account: none")
        #expect(online.notifyLabel(nil) == "none (no email or phone on file)")
    }
}
