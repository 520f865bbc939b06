import Foundation
import Scheduling
import Testing

@testable import SchedulingStore

/// Issue 20's enrollment rules on every store that keeps keys in a file or on a server (the same
/// SQL on SQLite and PostgreSQL): no oracle, no lock-out by strangers, a new code ends older ones,
/// staff keys end with the login.
@Suite("Enrollment hardened, on every store")
struct EnrollmentConformanceTests {
    static func key(_ n: Int) -> PublicKey {
        var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        bytes += (0..<32).map { UInt8(($0 * 7 + n) & 0xFF) }
        return try! PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString()) k\(n)@test")
    }
    static func at(_ seconds: Double) -> Date { conformanceNow.addingTimeInterval(seconds) }
    static func wrong(_ i: Int) -> String {
        let a = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        return "AAAA-BBBB-\(a[i % a.count])\(a[(i / a.count) % a.count])CC"
    }
    static func registry(_ kind: StoreKind) throws -> (any OpenedStore, () -> Void) {
        let t = try StoreUnderTest(kind)
        guard let s = t.store as? any OpenedStore else { throw StoreError.failed("\(kind) keeps no keys") }
        return (s, t.cleanup)
    }

    @Test(
        "No oracle: wrong codes for a receipt that exists and one that does not get the same answers, tries left and pause",
        arguments: StoreKind.persistent)
    func noOracle(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.registry(kind)
        defer { cleanup() }
        _ = try store.issueEnrollmentCode(account: "maria", by: agent, now: conformanceNow)
        var known: [EnrollmentResult] = [], unknown: [EnrollmentResult] = []
        for i in 0..<7 {
            known.append(
                try store.enroll(
                    receipt: try ReceiptNumber(parsing: "EAC2414052317"), code: Self.wrong(i), key: Self.key(1),
                    client: "198.51.100.7", now: Self.at(Double(i))))
            unknown.append(
                try store.enroll(
                    receipt: try ReceiptNumber(parsing: "EAC2499999999"), code: Self.wrong(i), key: Self.key(1),
                    client: "198.51.100.8", now: Self.at(Double(i))))
        }
        #expect(known == unknown)
        #expect(
            Array(known.prefix(5)) == [.refused(triesLeft: 4), .refused(triesLeft: 3), .refused(triesLeft: 2), .refused(triesLeft: 1), .refused(triesLeft: 0)])
        #expect(known[5] == .paused(until: Self.at(4 + EnrollmentThrottle.firstPause)))
    }

    @Test(
        "No lock-out: a stranger's wrong codes pause only their own /64 for that receipt; the right code is never paused",
        arguments: StoreKind.persistent)
    func noLockOutByStrangers(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.registry(kind)
        defer { cleanup() }
        let code = try store.issueEnrollmentCode(account: "maria", by: agent, now: conformanceNow)
        let r = try ReceiptNumber(parsing: "EAC2414052317")
        let stranger = ["2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:2:0:1:2:3"]
        for i in 0..<5 {
            _ = try store.enroll(receipt: r, code: Self.wrong(i), key: Self.key(2), client: stranger[i % 3], now: Self.at(Double(i)))
        }
        let paused = try store.enroll(receipt: r, code: Self.wrong(9), key: Self.key(2), client: "2001:db8:1:2::77", now: Self.at(10))
        guard case .paused = paused else {
            Issue.record("the stranger's /64 is paused: \(paused)")
            return
        }
        #expect(try store.enroll(receipt: r, code: Self.wrong(10), key: Self.key(2), client: "2001:db8:1:3::1", now: Self.at(11)) == .refused(triesLeft: 4))
        #expect(try store.enroll(receipt: r, code: code, key: Self.key(3), client: "2001:db8:1:2::1", now: Self.at(13)) == .enrolled(account: "maria"))
    }

    @Test(
        "A new code ends older ones (a try with the old one says it expired); the key linked tells the account through the outbox",
        arguments: StoreKind.persistent)
    func newCodeEndsOlder(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.registry(kind)
        defer { cleanup() }
        let first = try store.issueEnrollmentCode(account: "maria", by: agent, now: conformanceNow)
        let second = try store.issueEnrollmentCode(account: "maria", by: agent, now: Self.at(60))
        let r = try ReceiptNumber(parsing: "EAC2414052317")
        #expect(try store.enroll(receipt: r, code: first, key: Self.key(4), client: "192.0.2.9", now: Self.at(120)) == .expired)
        let before = try store.outboxEntries(status: nil, limit: 100).count
        #expect(try store.enroll(receipt: r, code: second, key: Self.key(4), client: "192.0.2.9", now: Self.at(180)) == .enrolled(account: "maria"))
        let after = try store.outboxEntries(status: nil, limit: 100)
        #expect(after.count == before + 1, "one message to the account for the key linked")
        #expect(after.first?.recipientRole == .applicant && after.first?.receipt == "EAC2414052317")
    }

    @Test(
        "Removing a staff login revokes its keys and adding it again revives none; agents may not revoke staff keys",
        arguments: StoreKind.persistent)
    func staffKeys(_ kind: StoreKind) throws {
        let (store, cleanup) = try Self.registry(kind)
        defer { cleanup() }
        try store.addStaff("pat", role: .agent, by: officer.id, now: conformanceNow)
        try store.addKey(Self.key(10), for: .staff("pat"), how: "officer", by: officer, now: conformanceNow)
        #expect(throws: StoreError.self) { _ = try store.revokeKeys(of: .staff("pat"), blob: nil, by: agent, now: conformanceNow) }
        #expect(try store.activeKey(blob: Self.key(10).blob) != nil)
        try store.removeStaff("pat", by: officer.id, now: Self.at(60))
        #expect(try store.activeKey(blob: Self.key(10).blob) == nil)
        try store.addStaff("pat", role: .agent, by: officer.id, now: Self.at(120))
        #expect(try store.activeKeys(of: .staff("pat")).isEmpty, "re-adding the login revives no key")
        try store.addKey(Self.key(11), for: .account("maria", .applicant), how: "officer", by: officer, now: conformanceNow)
        #expect(try store.revokeKeys(of: .account("maria", .applicant), blob: nil, by: agent, now: conformanceNow) == 1)
    }
}
