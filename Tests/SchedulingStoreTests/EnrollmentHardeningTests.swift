import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// Issue 20 ("the public door, hardened"), on real SQLite files: no oracle, no lock-out by
/// strangers, bounded writes under a flood, codes that end when a new one is issued, the account
/// told of every key, staff keys that end with the login.
@Suite("Enrollment hardened (issue 20)")
struct EnrollmentHardeningTests {
    static let key = KeyRegistryTests.key
    static func at(_ seconds: Double) -> Date { StoreFixture.now.addingTimeInterval(seconds) }
    static func wrong(_ i: Int) -> String {
        let a = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        return "AAAA-BBBB-\(a[i % a.count])\(a[(i / a.count) % a.count])CC"
    }

    @Test("No oracle: wrong codes for a receipt that exists and one that does not get the same answers, tries left and pause")
    func noOracle() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        var known: [EnrollmentResult] = [], unknown: [EnrollmentResult] = []
        for i in 0..<7 {
            known.append(
                try f.store.enroll(
                    receipt: StoreFixture.receipt("EAC2414052317"), code: Self.wrong(i), key: Self.key(1),
                    client: "198.51.100.7", now: Self.at(Double(i))))
            unknown.append(
                try f.store.enroll(
                    receipt: StoreFixture.receipt("EAC2499999999"), code: Self.wrong(i), key: Self.key(1),
                    client: "198.51.100.8", now: Self.at(Double(i))))
        }
        #expect(known == unknown)
        #expect(
            Array(known.prefix(5)) == [.refused(triesLeft: 4), .refused(triesLeft: 3), .refused(triesLeft: 2), .refused(triesLeft: 1), .refused(triesLeft: 0)])
        #expect(known[5] == .paused(until: Self.at(4 + EnrollmentThrottle.firstPause)))
        // A malformed code is answered as any wrong code, for both.
        let f2 = try StoreFixture()
        defer { f2.remove() }
        let a = try f2.store.enroll(receipt: StoreFixture.receipt("EAC2414052317"), code: "x", key: Self.key(1), client: "192.0.2.1", now: StoreFixture.now)
        let b = try f2.store.enroll(receipt: StoreFixture.receipt("EAC2499999999"), code: "x", key: Self.key(1), client: "192.0.2.2", now: StoreFixture.now)
        #expect(a == b && a == .refused(triesLeft: 4))
    }

    @Test(
        "No lock-out: a stranger's wrong codes pause only their own network for that receipt; the holder elsewhere, and the right code anywhere, are never paused"
    )
    func noLockOutByStrangers() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let code = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        let r = StoreFixture.receipt("EAC2414052317")
        // A stranger from several addresses of one IPv6 /64 is counted as one network.
        let stranger = ["2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:2:0:1:2:3"]
        for i in 0..<5 {
            _ = try f.store.enroll(receipt: r, code: Self.wrong(i), key: Self.key(2), client: stranger[i % 3], now: Self.at(Double(i)))
        }
        let paused = try f.store.enroll(receipt: r, code: Self.wrong(9), key: Self.key(2), client: "2001:db8:1:2::77", now: Self.at(10))
        guard case .paused = paused else {
            Issue.record("the stranger's /64 is paused: \(paused)")
            return
        }
        // Another /64 and an IPv4 holder are counted apart.
        #expect(try f.store.enroll(receipt: r, code: Self.wrong(10), key: Self.key(2), client: "2001:db8:1:3::1", now: Self.at(11)) == .refused(triesLeft: 4))
        #expect(try f.store.enroll(receipt: r, code: Self.wrong(11), key: Self.key(3), client: "198.51.100.7", now: Self.at(12)) == .refused(triesLeft: 4))
        // The right code works even from the paused network.
        #expect(try f.store.enroll(receipt: r, code: code, key: Self.key(3), client: "2001:db8:1:2::1", now: Self.at(13)) == .enrolled(account: "maria"))
        // IPv4-mapped IPv6 is the IPv4 address; an IPv4 address is its own network.
        #expect(EnrollmentThrottle.network(of: "::ffff:198.51.100.7") == "198.51.100.7")
        #expect(EnrollmentThrottle.network(of: "2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64")
        #expect(EnrollmentThrottle.network(of: "198.51.100.7") == "198.51.100.7")
    }

    @Test("Backoff: each new pause of a scope lasts twice the one before; one network guessing many receipts is paused too")
    func backoff() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let r = StoreFixture.receipt("WAC2390112345")
        var t = 0.0
        func five() throws -> EnrollmentResult {
            for i in 0..<5 {
                _ = try f.store.enroll(receipt: r, code: Self.wrong(i), key: Self.key(4), client: "203.0.113.5", now: Self.at(t))
                t += 1
            }
            return try f.store.enroll(receipt: r, code: Self.wrong(7), key: Self.key(4), client: "203.0.113.5", now: Self.at(t))
        }
        #expect(try five() == .paused(until: Self.at(4 + 900)))
        t = 4 + 900
        #expect(try five() == .paused(until: Self.at(t - 1 + 1800)))
        // Twenty wrong codes from one network across receipts pause the network.
        var last: EnrollmentResult = .expired
        for i in 0..<21 {
            last = try f.store.enroll(
                receipt: StoreFixture.receipt(String(format: "LIN25%08d", i)), code: Self.wrong(i), key: Self.key(5),
                client: "192.0.2.44", now: Self.at(10_000 + Double(i)))
        }
        guard case .paused = last else {
            Issue.record("the network is paused after 20: \(last)")
            return
        }
    }

    @Test("A flood during a pause writes nothing: one audit row per counted try, none per paused try; the throttle is one row per scope")
    func floodIsBounded() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let r = StoreFixture.receipt("EAC2414052317")
        for i in 0..<1000 {
            _ = try f.store.enroll(receipt: r, code: Self.wrong(i), key: Self.key(6), client: "203.0.113.9", now: Self.at(Double(i) / 10))
        }
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'enrollment-refused'") == 5)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'enrollment-refused' AND detail LIKE '%paused until%'") == 1)
        #expect(try f.count("SELECT count(*) FROM enrollment_attempts") == 5)
        #expect(try f.count("SELECT count(*) FROM enrollment_throttle") == 2)
    }

    @Test("A new code ends older ones; issuing is audited and, by staff, told to the account; the plaintext never stays in a failed outbox row")
    func newCodeEndsOlder() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let first = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        let second = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: Self.at(60))
        let r = StoreFixture.receipt("EAC2414052317")
        #expect(try f.store.enroll(receipt: r, code: first, key: Self.key(7), client: "198.51.100.7", now: Self.at(120)) == .expired)
        #expect(try f.store.enroll(receipt: r, code: second, key: Self.key(7), client: "198.51.100.7", now: Self.at(121)) == .enrolled(account: "maria"))
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'enrollment-code-issued' AND actor = 'agent.smith'") == 2)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'enrollment-code-issued' AND detail LIKE '%1 older code(s) ended%'") == 1)
        let told = try f.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT subject || ' | ' || body FROM outbox WHERE account = 'maria' AND kind = 'legacy' ORDER BY id")
        }
        #expect(told.count == 3, "two codes issued, one key linked: \(told)")
        #expect(told[0].contains("agent agent.smith") && told[0].contains("older code no longer works"))
        #expect(!told.joined().contains(first) && !told.joined().contains(second), "no message holds a code")
        // A booking's message carries a code until it fails for good: then the code is gone.
        let booked = try f.store.reschedule(
            RescheduleRequest(
                requestID: "r1", receipt: StoreFixture.receipt("WAC2390112345"), actor: Actor(role: .applicant, id: "li"),
                goodCause: GoodCause(reason: .medical, explanation: ""), note: "", centerCode: nil,
                to: LocalDateTime(iso: "2026-06-24T09:00")!, notify: .email, expectedVersion: nil),
            clock: { StoreFixture.now })
        #expect(booked.result == .booked)
        #expect(try f.count("SELECT count(*) FROM outbox WHERE enrollment_code IS NOT NULL") == 1)
        while let item = try f.store.claimNextMessage(worker: "w", now: Self.at(200), lease: 300) {
            try f.store.markFailed(item.id, worker: "w", reason: "no such mailbox", retryAt: nil, now: Self.at(200))
        }
        #expect(try f.count("SELECT count(*) FROM outbox WHERE enrollment_code IS NOT NULL") == 0)
        #expect(try f.count("SELECT count(*) FROM outbox WHERE status = 'failed'") >= 1)
    }

    @Test("Every key linked to an account tells the account, on its channel and in its language, when and from where")
    func keyLinkedMessage() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.pool.write { db in try db.execute(sql: "UPDATE accounts SET language = 'es' WHERE id = 'maria'") }
        let code = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        #expect(
            try f.store.enroll(
                receipt: StoreFixture.receipt("EAC2414052317"), code: code, key: Self.key(8), client: "198.51.100.7",
                now: Self.at(60)) == .enrolled(account: "maria"))
        let row = try #require(
            try f.store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT channel, recipient, subject, body, receipt FROM outbox WHERE account = 'maria' ORDER BY id DESC LIMIT 1")
            })
        #expect((row["channel"] as String) == "email" && (row["recipient"] as String) == "maria@example.org")
        #expect((row["subject"] as String) == Catalog(.es).keyLinkedSubject)
        let body: String = row["body"]
        #expect(body.contains("2026-06-15 13:01 UTC") && body.contains("198.51.100.7") && body.contains(Self.key(8).fingerprint), "\(body)")
        #expect((row["receipt"] as String) == "EAC2414052317")
        // An officer adding a key for an account tells it too (li: no address on file; the row says so and fails visibly).
        try f.store.addKey(Self.key(9), for: .account("li", .applicant), how: "officer", by: StoreFixture.officer, now: Self.at(120))
        let li = try #require(try f.store.pool.read { db in try Row.fetchOne(db, sql: "SELECT recipient, body FROM outbox WHERE account = 'li'") })
        #expect((li["recipient"] as String).contains("no email address on file for li"))
        #expect((li["body"] as String).contains("officer officer.jones"))
    }

    @Test("Removing a staff login revokes its keys and adding it again revives none; agents may not revoke staff keys")
    func staffKeys() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addStaff("pat", role: .agent, by: "officer.jones", now: StoreFixture.now)
        try f.store.addKey(Self.key(10), for: .staff("pat"), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        #expect(throws: StoreError.self) {
            _ = try f.store.revokeKeys(of: .staff("pat"), blob: nil, by: StoreFixture.agent, now: StoreFixture.now)
        }
        #expect(try f.store.activeKey(blob: Self.key(10).blob) != nil)
        try f.store.removeStaff("pat", by: "officer.jones", now: Self.at(60))
        #expect(try f.store.activeKey(blob: Self.key(10).blob) == nil)
        try f.store.addStaff("pat", role: .agent, by: "officer.jones", now: Self.at(120))
        #expect(try f.store.activeKey(blob: Self.key(10).blob) == nil, "re-adding the login revives no key")
        #expect(try f.store.activeKeys(of: .staff("pat")).isEmpty)
        // Agents still revoke callers' keys.
        try f.store.addKey(Self.key(11), for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        #expect(try f.store.revokeKeys(of: .account("maria", .applicant), blob: nil, by: StoreFixture.agent, now: StoreFixture.now) == 1)
    }
}
