import Foundation
import Scheduling
import SchedulingStore
import Testing

/// Issue 22: where callers enroll their SSH key is a setting of the store (`enroll_host`,
/// `enroll_user`), the same on every store: it round-trips, changing it is an officer's and is
/// audited, a bad value changes nothing, and the notice a booking gives and a G-28's acceptance
/// name the command with the host set.
@Suite("The enrollment door is a store setting, on every store")
struct EnrollmentDoorConformanceTests {
    @Test("Unset at first: the default account, no host, no command; notices say the host is the agency's", arguments: StoreKind.allCases)
    func unsetAtFirst(_ kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let door = try t.store.enrollmentDoor()
        #expect(door == EnrollmentDoor(user: "biosched", host: nil) && door.command == nil)
        let outcome = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock)
        let text = try #require(outcome.notice).text(in: .en)
        #expect(text.contains("ssh biosched@ followed by the agency's SSH host name;"), "\(text)")
    }

    @Test(
        "Set, read back, changed, unset: each change one audit row with before and after; the booking's notice names the host set",
        arguments: StoreKind.allCases)
    func roundTrip(_ kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let first = try t.store.changeSetting(.enrollHost, to: "Gateway.USCIS.example", by: officer, now: conformanceNow)
        #expect(first.old == "" && first.new == "gateway.uscis.example")
        #expect(try t.store.enrollmentDoor().command == "ssh biosched@gateway.uscis.example")
        try t.store.changeSetting(.enrollUser, to: "enroll", by: officer, now: conformanceNow)
        try t.store.changeSetting(.enrollHost, to: "[2001:DB8::7]:2222", by: officer, now: conformanceNow)
        let door = try t.store.enrollmentDoor()
        #expect(door.host == "[2001:db8::7]:2222" && door.user == "enroll")
        #expect(door.command == "ssh -p 2222 enroll@2001:db8::7")

        // The notice a booking gives (with its code) and its stored copy.
        let outcome = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock)
        let notice = try #require(outcome.notice)
        #expect(notice.enrollmentCode != nil)
        #expect(notice.text(in: .en).contains("to reach your cases over SSH with your own key: ssh -p 2222 enroll@2001:db8::7; once"), "\(notice.text)")
        #expect(notice.text(in: .es).contains("para consultar sus casos por SSH con su propia llave: ssh -p 2222 enroll@2001:db8::7; una vez"))
        let replay = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: outcome.requestID), clock: clock)
        #expect(replay.notice?.enrollmentCode == nil && replay.notice?.enrollDoor == nil, "the stored answer holds neither the code nor the door")

        // Setting the same value again records nothing; unsetting goes back to the default.
        let same = try t.store.changeSetting(.enrollUser, to: "enroll", by: officer, now: conformanceNow)
        #expect(same.old == same.new)
        try t.store.changeSetting(.enrollHost, to: nil, by: officer, now: conformanceNow)
        try t.store.changeSetting(.enrollUser, to: nil, by: officer, now: conformanceNow)
        #expect(try t.store.enrollmentDoor() == EnrollmentDoor())
        let rows = try t.store.auditLog(receipt: nil).filter { $0.action == "setting-changed" }.map(\.detail)
        #expect(
            rows == [
                "enroll_host: (unset) -> gateway.uscis.example", "enroll_user: (unset) -> enroll",
                "enroll_host: gateway.uscis.example -> [2001:db8::7]:2222", "enroll_host: [2001:db8::7]:2222 -> (unset)",
                "enroll_user: enroll -> (unset)"
            ], "\(rows)")
        #expect(try t.store.auditLog(receipt: nil).filter { $0.action == "setting-changed" }.allSatisfy { $0.actor == officer.id })
    }

    @Test("Only an officer changes it; a bad host or user is refused in English and Spanish and changes nothing", arguments: StoreKind.allCases)
    func refusals(_ kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        try t.store.changeSetting(.enrollHost, to: "gw.example.gov", by: officer, now: conformanceNow)
        #expect(throws: StoreError.notAuthorized) { try t.store.changeSetting(.enrollHost, to: "evil.example", by: agent, now: conformanceNow) }
        #expect(throws: StoreError.notAuthorized) { try t.store.changeSetting(.enrollHost, to: "evil.example", by: maria, now: conformanceNow) }
        for bad in ["gw.example.gov; rm -rf /", "2001:db8::1", "gw.example.gov:0", "gw.example.gov:70000", "-gw.example", "256.1.1.1", "gw_1.example", ""]
        where !bad.isEmpty {
            do {
                try t.store.changeSetting(.enrollHost, to: bad, by: officer, now: conformanceNow)
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.message(in: .en).contains("is not a host for ssh: expected a DNS name"), "\(error.message)")
                #expect(error.message(in: .es).contains("no es un servidor para ssh: se espera un nombre DNS"))
            }
        }
        do {
            try t.store.changeSetting(.enrollUser, to: "Root Admin", by: officer, now: conformanceNow)
            Issue.record("a login with a space was accepted")
        } catch {
            #expect(error.message(in: .en).contains("is not a login name for ssh"))
            #expect(error.message(in: .es).contains("no es un nombre de usuario para ssh"))
        }
        #expect(try t.store.enrollmentDoor().command == "ssh biosched@gw.example.gov", "nothing changed")
        #expect(try t.store.auditLog(receipt: nil).filter { $0.action == "setting-changed" }.count == 1)
    }

    @Test("A G-28's acceptance names the command with the host set, in English and Spanish", arguments: StoreKind.allCases)
    func g28Acceptance(_ kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        guard let keys = t.store as? any KeyRegistry else {
            Issue.record("\(kind) is not a key registry")
            return
        }
        _ = try t.store.importDocument(
            {
                var d = ImportDocument()
                d.accounts = [.init(id: "attorney.kim", role: "representative", name: "Sam Kim, Esq.")]
                return d
            }(),
            actor: officer, now: conformanceNow)
        try t.store.changeSetting(.enrollHost, to: "198.51.100.20:2200", by: officer, now: conformanceNow)
        let accepted = try keys.acceptRepresentation(receipt: receipt("EAC2414052317"), account: "attorney.kim", by: officer, now: conformanceNow)
        #expect(
            accepted.text(in: .en).contains("To reach the case online: ssh -p 2200 biosched@198.51.100.20, then the receipt number EAC2414052317"),
            "\(accepted.text)")
        #expect(accepted.text(in: .es).contains("Para consultar el caso en línea: ssh -p 2200 biosched@198.51.100.20, luego el número de recibo"))
        #expect(try keys.enrollmentDoor().host == "198.51.100.20:2200")
    }
}
