import Foundation
import Testing

@testable import Scheduling

/// Issue 22: the enrollment host and account are checked against strict patterns where they
/// enter, and every text that gives a code says the exact command (`ssh [-p PORT] USER@HOST`).
@Suite("The enrollment door: host and user patterns, the command people are told")
struct EnrollmentDoorTests {
    @Test(
        "Hosts accepted, normalized (lowercase, :22 dropped), and the command each gives",
        arguments: [
            ("gateway.uscis.example", "gateway.uscis.example", "ssh biosched@gateway.uscis.example"),
            ("Gateway.USCIS.Example:2222", "gateway.uscis.example:2222", "ssh -p 2222 biosched@gateway.uscis.example"),
            ("localhost", "localhost", "ssh biosched@localhost"),
            ("gw-1.example.gov:22", "gw-1.example.gov", "ssh biosched@gw-1.example.gov"),
            ("192.0.2.10", "192.0.2.10", "ssh biosched@192.0.2.10"),
            ("192.0.2.10:65535", "192.0.2.10:65535", "ssh -p 65535 biosched@192.0.2.10"),
            ("[2001:DB8::10]", "[2001:db8::10]", "ssh biosched@2001:db8::10"),
            ("[::1]:2200", "[::1]:2200", "ssh -p 2200 biosched@::1"),
            ("[::ffff:192.0.2.1]", "[::ffff:192.0.2.1]", "ssh biosched@::ffff:192.0.2.1"),
            ("[1:2:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8]", "ssh biosched@1:2:3:4:5:6:7:8")
        ])
    func accepted(_ input: String, _ stored: String, _ command: String) throws {
        let host = try EnrollmentDoor.parseHost(input)
        #expect(host == stored)
        #expect(EnrollmentDoor(host: host).command == command)
        #expect(try EnrollmentDoor.parseHost(host) == host, "a stored value parses to itself")
    }

    @Test(
        "Hosts refused: spaces, shell and option characters, bare IPv6, bad ports, bad labels, IPv4 out of range, zones, non-ASCII",
        arguments: [
            "", " gw.example", "gw.example ", "gw.example;rm -rf /", "-oProxyCommand=x", "user@gw.example", "gw.example/x",
            "2001:db8::1", "[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:", "[fe80::1%eth0]", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]",
            "[12345::1]", "gw.example:", "gw.example:0", "gw.example:022", "gw.example:65536", "gw.example:22a",
            "gw..example", "gw.example.", ".gw.example", "-gw.example", "gw-.example", "gw_1.example",
            String(repeating: "a", count: 64) + ".example", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "exämple.gov",
            "gw.example\u{1B}[2J", String(repeating: "a.", count: 140) + "gov"
        ])
    func refused(_ input: String) {
        #expect(throws: StoreError.self) { try EnrollmentDoor.parseHost(input) }
    }

    @Test("The refusal says what was wrong and what is expected, in English and Spanish, with the value made terminal-safe")
    func refusalText() {
        do {
            _ = try EnrollmentDoor.parseHost("gw.example\u{1B}[2J")
            Issue.record("accepted")
        } catch {
            let en = error.message(in: .en), es = error.message(in: .es)
            #expect(
                en
                    == "\"gw.example\\u{1B}[2J\" is not a host for ssh: expected a DNS name (gateway.example.gov), an IPv4 address (192.0.2.10) or an IPv6 address in brackets ([2001:db8::10]), optionally followed by :PORT (1 to 65535). Nothing was changed."
            )
            #expect(es.hasPrefix("\"gw.example\\u{1B}[2J\" no es un servidor para ssh: se espera un nombre DNS"))
            #expect(!en.contains("\u{1B}") && !es.contains("\u{1B}"))
        }
    }

    @Test(
        "Users: a login name as scripts/install.sh --user accepts it",
        arguments: [
            ("biosched", true), ("enroll", true), ("_svc-1", true),
            ("Root", false), ("1abc", false), ("a b", false), ("a.b", false), ("", false), (String(repeating: "a", count: 33), false)
        ])
    func users(_ input: String, _ ok: Bool) {
        #expect(((try? EnrollmentDoor.parseUser(input)) != nil) == ok)
    }

    @Test("A value in the settings that does not pass its pattern (written by hand) is read as unset, never printed")
    func badStoredValue() {
        let door = EnrollmentDoor(hostSetting: "gw.example; rm -rf /", userSetting: "Root Admin")
        #expect(door == EnrollmentDoor() && door.command == nil)
    }

    @Test("Every text with a code says the command with the host set, or the account and the agency's host when none is set (en, es)")
    func texts() {
        let set = EnrollmentDoor(user: "enroll", host: "gw.uscis.example:2222")
        let unset = EnrollmentDoor()
        for (l, vague) in [
            (Language.en, "ssh biosched@ followed by the agency's SSH host name"), (.es, "ssh biosched@ seguido del nombre del servidor SSH de la agencia")
        ] {
            let t = Catalog(l)
            // The keys screen's `enrollmentOnce`: TerminalUITests' CatalogScreensTests; the mail's and
            // the SMS's (`mailEnrollmentHow`, `smsEnrollment`): NotificationsTests' EnrollmentTextTests,
            // with the same expectations.
            for text in [t.noticeEnrollmentHow(set), t.enrollmentCodeIssued("maria", "ABCD-EFGH-JK23", 30, set)] {
                #expect(text.contains("ssh -p 2222 enroll@gw.uscis.example"), "\(l): \(text)")
            }
            for text in [t.noticeEnrollmentHow(unset), t.enrollmentCodeIssued("maria", "ABCD-EFGH-JK23", 30, unset)] {
                #expect(text.contains(vague), "\(l): \(text)")
            }
        }
    }

    @Test("A notice stored before the door existed (no enrollDoor in its JSON) still decodes")
    func oldNoticeDecodes() throws {
        var n = NoticeTests.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30"))
        n.enrollmentCode = "ABCD-EFGH-JK23"
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(n)) as! [String: Any]
        json["enrollDoor"] = nil
        let old = try JSONDecoder().decode(AppointmentNotice.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.enrollDoor == nil && old.text.contains("ssh biosched@ followed by the agency's SSH host name"))
    }
}
