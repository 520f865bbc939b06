import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// The SSH keys screen (issue "applicants let themselves in"): an applicant sees their keys and
/// removes one; an agent revokes a caller's keys and issues a new enrollment code.
@Suite("SSH keys in the terminal UI")
struct KeysScreenTests {
    static func key(_ n: Int) -> PublicKey {
        var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        bytes += (0..<32).map { UInt8(($0 * 5 + n) & 0xFF) }
        return try! PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString()) phone\(n)")
    }

    func program(_ f: UIFixture, _ actor: Actor, language: Language = .en) throws -> Program {
        var p = try f.program(actor, language: language)
        var runner = p.runner
        runner.keyRegistry = f.store
        p = Program(state: p.state, runner: runner)
        return p
    }

    @Test("An applicant opens K from their cases, sees each key's fingerprint and date, and removes one after a confirmation")
    func applicantRemovesAKey() throws {
        let f = try UIFixture()
        defer { f.remove() }
        for n in [1, 2] { try f.store.addKey(Self.key(n), for: .account("maria", .applicant), how: "enrollment", by: UIFixture.maria, now: UIFixture.now) }
        var p = try program(f, UIFixture.maria)
        p.press(.char("K"))
        #expect(p.state.focusContext == .ownKeys)
        let screen = p.render().text
        #expect(screen.contains("Your SSH keys") && screen.contains(Self.key(1).fingerprint) && screen.contains("added 2026-06-15"))
        #expect(screen.contains("d remove key"), "the hint bar offers the screen's keys")
        p.press(.down, .char("d"))
        #expect(p.state.keys?.confirm == .removeOne && p.render().text.contains("Remove the selected key?"))
        p.press(.char("y"))
        #expect(try f.store.activeKeys(of: .account("maria", .applicant)).map(\.fingerprint) == [Self.key(1).fingerprint])
        #expect(p.state.keys?.keys.count == 1 && p.state.messages.last?.text.contains("revoked") == true)
        p.press(.escape)
        #expect(p.state.keys == nil && p.state.focusContext == .caseList)
    }

    @Test("An agent on a caller's case revokes every key (a lost device) and issues a new code, shown once")
    func agentRevokesAndIssues() throws {
        let f = try UIFixture()
        defer { f.remove() }
        try f.store.addKey(Self.key(3), for: .account("maria", .applicant), how: "officer", by: UIFixture.officer, now: UIFixture.now)
        var p = try program(f, UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        p.press(.char("K"))
        #expect(p.state.focusContext == .callerKeys)
        #expect(p.render().text.contains("SSH keys of maria"))
        p.press(.char("r"), .char("y"))
        #expect(try f.store.activeKeys(of: .account("maria", .applicant)).isEmpty)
        p.press(.char("c"))
        let code = try #require(p.state.keys?.code)
        #expect(EnrollmentCode.normalize(code) == code)
        #expect(p.render().text.contains("Enrollment code: \(code)"))
        // The code works, once, for the caller's account.
        #expect(
            try f.store.enroll(receipt: ReceiptNumber(parsing: "EAC2414052317"), code: code, key: Self.key(4), client: "198.51.100.1", now: UIFixture.now)
                == .enrolled(account: "maria"))
    }

    @Test("Issue 22: the code shown to the agent says the enrollment command with the store's host, whole at 80x24", arguments: [Language.en, .es])
    func enrollCommandAt80x24(_ language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        _ = try f.store.changeSetting(.enrollHost, to: "gateway.uscis.example:2222", by: UIFixture.officer, now: UIFixture.now)
        var p = try program(f, UIFixture.agent, language: language)
        p.type("EAC2414052317")
        p.press(.enter)
        p.press(.char("K"), .char("c"))
        #expect(p.state.keys?.code != nil)
        let rows = p.render().text.split(separator: "\n")
        #expect(rows.count == 24 && rows.allSatisfy { $0.count <= 80 })
        #expect(rows.contains { $0.contains("ssh -p 2222 biosched@gateway.uscis.example") }, "the command whole on one row:\n\(rows.joined(separator: "\n"))")
        #expect(rows.contains { $0.contains(language == .en ? "Once, within 30 days:" : "Una vez, dentro de 30 días:") })
        // Unset: the account and "the agency's host", never a made-up one, wrapped and never cut.
        _ = try f.store.changeSetting(.enrollHost, to: nil, by: UIFixture.officer, now: UIFixture.now)
        p.press(.char("c"))
        let text = p.render().text
        let parts = language == .en ? ["ssh biosched@ followed by the", "name."] : ["ssh biosched@ seguido del", "agencia."]
        #expect(parts.allSatisfy { text.contains($0) } && !text.contains("gateway.uscis.example"), "\(text)")
    }

    @Test("A case without an online account has no keys: the agent is told so and nothing opens")
    func noAccount() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try program(f, UIFixture.agent)
        p.type("IOE0923456781")
        p.press(.enter)
        p.press(.char("K"))
        #expect(p.state.keys == nil && p.state.messages.last?.text.contains("no online account") == true)
    }

    @Test("The keys screen is whole at 80x24")
    func fitsAt80x24() throws {
        let f = try UIFixture()
        defer { f.remove() }
        for n in 1...3 { try f.store.addKey(Self.key(n + 10), for: .account("maria", .applicant), how: "enrollment", by: UIFixture.maria, now: UIFixture.now) }
        var p = try program(f, UIFixture.maria)
        p.press(.char("K"), .char("d"))
        let text = p.render().text
        for n in 1...3 { #expect(text.contains(Self.key(n + 10).fingerprint), "a fingerprint is never cut at 80 columns") }
        #expect(text.contains("Logins with it stop working.  y / n"))
    }
}
