import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// Issue 20: text is made terminal-safe where it is printed, whatever wrote it; limits count what a
/// person sees; duplicate keys in an import are refused; long mail headers are folded.
@Suite("Terminal-safe output and input limits (issue 20)")
struct TerminalSafeOutputTests {
    /// Raw control characters that a terminal acts on (ESC, CSI as C1, BEL), not their escapes.
    static func hasRawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("A name written by direct SQL with escape sequences reaches status, JSON, outbox and error lines only as visible escapes")
    func storedControlCharacters() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let evil = "Mar\u{1B}]0;owned\u{07}\u{1B}[2Jia\u{9B}31m"
        try f.store.pool.write { db in
            try db.execute(sql: "UPDATE cases SET applicant_name = ? WHERE receipt = 'EAC2414052317'", arguments: [evil])
            try db.execute(sql: "UPDATE accounts SET name = ? WHERE id = 'maria'", arguments: [evil])
        }
        _ = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        f.store.close()
        let now = ["--now", "2026-06-15T13:00:00Z"]
        for args in [
            ["status", "EAC2414052317", "--db", f.path, "--as", "officer"] + now,
            ["status", "EAC2414052317", "--db", f.path, "--as", "officer", "--json"] + now,
            ["outbox", "--db", f.path, "--as", "officer"] + now,
            ["status", "EAC\u{1B}[2J2414052317", "--db", f.path, "--as", "officer"] + now
        ] {
            let r = try Binary.run(args)
            #expect(!Self.hasRawControl(r.stdout) && !Self.hasRawControl(r.stderr), "\(args): \(r.stdout.debugDescription) \(r.stderr.debugDescription)")
        }
        let shown = try Binary.run(["status", "EAC2414052317", "--db", f.path, "--as", "officer"] + now)
        #expect(shown.stdout.contains("Mar\\u{1B}]0;owned"), "the name is shown, escaped: \(shown.stdout)")
        let json = try Binary.run(["status", "EAC2414052317", "--db", f.path, "--as", "officer", "--json"] + now)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(
            ((parsed?["case"] as? [String: Any])?["applicantName"] as? String ?? parsed?["applicantName"] as? String) == evil,
            "JSON stays valid and carries the exact name (C0 and C1 escaped as \\u): \(json.stdout)")
    }

    @Test("A sendmail whose own output holds escape sequences is reported without them")
    func mailerProgramOutput() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try f.store.reschedule(
            RescheduleRequest(
                requestID: "r1", receipt: StoreFixture.receipt("EAC2414052317"), actor: StoreFixture.maria,
                goodCause: GoodCause(reason: .medical, explanation: ""), note: "", centerCode: nil,
                to: LocalDateTime(iso: "2026-06-24T09:00")!, notify: .email, expectedVersion: nil),
            clock: { StoreFixture.now })
        f.store.close()
        let fake = f.dir.appendingPathComponent("sendmail").path
        try Data("#!/bin/sh\ncat >/dev/null\nprintf 'bad \\033[2J\\033]0;x\\007 mailbox\\n' >&2\nprintf '\\233 1m out\\n'\nexit 75\n".utf8)
            .write(to: URL(fileURLWithPath: fake))
        chmod(fake, 0o755)
        let r = try Binary.run(["mailer", "--once", "--sendmail", fake, "--db", f.path, "--as", "officer", "--now", "2026-06-15T13:00:00Z"])
        #expect(!Self.hasRawControl(r.stdout) && !Self.hasRawControl(r.stderr), "\(r.stdout.debugDescription) \(r.stderr.debugDescription)")
        let list = try Binary.run(["outbox", "--failed", "--db", f.path, "--as", "officer", "--now", "2026-06-15T13:00:00Z"])
        #expect(!Self.hasRawControl(list.stdout + list.stderr))
    }

    @Test("An import refuses a key written twice, and a name of one letter and 300,000 combining marks")
    func importLimits() throws {
        let twice = Data(#"{"accounts": [{"id": "a1", "role": "applicant", "name": "Ann", "name": "Eve"}]}"#.utf8)
        #expect(throws: ImportError.self) { try ImportDocument.parse(json: twice) }
        do { _ = try ImportDocument.parse(json: twice) } catch {
            #expect(error.location == "accounts[0]" && error.problem.contains("\"name\" is written twice"), "\(error.location): \(error.problem)")
        }
        // Escaped spellings of one key are the same key.
        let escaped = Data(#"{"settings": {"leadHours": 24, "lead\u0048ours": 12}}"#.utf8)
        #expect(throws: ImportError.self) { try ImportDocument.parse(json: escaped) }
        // The same key in two objects is fine.
        let fine = Data(#"{"accounts": [{"id": "a1", "role": "applicant", "name": "Ann"}, {"id": "a2", "role": "applicant", "name": "Eve"}]}"#.utf8)
        #expect(try ImportDocument.parse(json: fine).accounts.count == 2)
        let marks = "A" + String(repeating: "\u{0301}", count: 300_000)
        #expect(marks.count == 1, "one Character to Swift")
        let json = try JSONSerialization.data(withJSONObject: ["accounts": [["id": "a1", "role": "applicant", "name": marks]]])
        do {
            _ = try ImportDocument.parse(json: json)
            Issue.record("a name of 300,001 scalars was taken")
        } catch {
            #expect(error.problem.contains("300001 letters and marks"), "\(error.problem)")
        }
    }

    @Test("Echo.show bounds what it quotes in Unicode scalars: one letter with 300,000 marks is cut, not echoed whole")
    func echoCountsScalars() {
        let marks = "A" + String(repeating: "\u{0301}", count: 300_000)
        let shown = Echo.show(marks)
        #expect(shown.unicodeScalars.count < 100, "\(shown.unicodeScalars.count) scalars echoed")
        #expect(shown.hasSuffix("… (300001 characters)"))
        #expect(Echo.show("ana.ruiz") == "ana.ruiz")
    }

    @Test("terminalSafe keeps line breaks, tabs and CR LF (an .ics on standard output), escapes a lone CR and every other control")
    func terminalSafeKeepsLineEnds() {
        #expect(Echo.terminalSafe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n\tx\n") == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n\tx\n")
        #expect(Echo.terminalSafe("paid\rUNPAID") == "paid\\rUNPAID")
        #expect(Echo.terminalSafe("\u{1B}[2J\u{9B}1m\u{7}") == "\\u{1B}[2J\\u{9B}1m\\u{7}")
    }
}
