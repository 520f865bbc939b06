import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// Keys and enrollment codes in the store (issue "applicants let themselves in").
@Suite("Keys and enrollment codes in the store")
struct KeyRegistryTests {
    static func key(_ n: Int) -> PublicKey {
        // A well-formed ed25519 blob: the type as a length-prefixed string, then 32 bytes.
        var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        bytes += (0..<32).map { UInt8(($0 * 7 + n) & 0xFF) }
        return try! PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString()) k\(n)@test")
    }

    @Test("A code is stored only as its hash, works once, and not after 30 days")
    func codeOnceAndExpiry() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let code = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        #expect(EnrollmentCode.normalize(code) == code)
        #expect(try f.count("SELECT count(*) FROM enrollment_codes WHERE code_hash = '\(EnrollmentCode.hash(code, account: "maria"))'") == 1)
        #expect(try f.count("SELECT count(*) FROM enrollment_codes WHERE code_hash LIKE '%\(code)%'") == 0)
        let late = try f.store.enroll(
            receipt: StoreFixture.receipt("EAC2414052317"), code: code, key: Self.key(1), client: "198.51.100.7",
            now: StoreFixture.now.addingTimeInterval(30 * 86_400 + 1))
        #expect(late == .expired)
        let ok = try f.store.enroll(
            receipt: StoreFixture.receipt("EAC2414052317"), code: code.lowercased().replacingOccurrences(of: "-", with: " "),
            key: Self.key(1), client: "198.51.100.7", now: StoreFixture.now)
        #expect(ok == .enrolled(account: "maria"))
        #expect(try f.store.activeKey(blob: Self.key(1).blob)?.holder == .account("maria", .applicant))
        let again = try f.store.enroll(
            receipt: StoreFixture.receipt("EAC2414052317"), code: code, key: Self.key(2), client: "198.51.100.7", now: StoreFixture.now)
        #expect(again == .alreadyUsed)
        #expect(try f.store.activeKey(blob: Self.key(2).blob) == nil)
    }

    // Guessing bounds (per receipt typed and network, backoff, the right code never paused, no
    // oracle, bounded writes) are checked in EnrollmentHardeningTests.

    @Test("A key maps to one person; revoked keys stop being found; the holder pattern is the store's own rule")
    func keysInForce() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        try f.store.addKey(Self.key(5), for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        #expect(throws: StoreError.self) {
            try f.store.addKey(Self.key(5), for: .account("li", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        }
        #expect(try f.store.activeKeys(of: .account("maria", .applicant)).map(\.fingerprint) == [Self.key(5).fingerprint])
        #expect(try f.store.revokeKeys(of: .account("maria", .applicant), blob: nil, by: StoreFixture.agent, now: StoreFixture.now) == 1)
        #expect(try f.store.activeKey(blob: Self.key(5).blob) == nil)
        #expect(throws: (any Error).self) {
            try f.store.pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO ssh_keys(holder_kind, holder, type, blob, fingerprint, added_at, added_how, added_by) VALUES ('account', 'x;sh', 'ssh-ed25519', ?, 'SHA256:x', 0, 'officer', 'eve')",
                    arguments: [Self.key(6).blob])
            }
        }
    }

    @Test("access authorized-keys never fails open: an unreadable store prints nothing and says why on stderr")
    func authorizedKeysFailsClosed() throws {
        let k = Self.key(7)
        for db in ["/nonexistent/store.sqlite", "/etc/hostname"] {
            let r = try Binary.run(["access", "authorized-keys", "--db", db, "biosched", k.type, k.blob])
            #expect(r.status != 0)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("no key admitted"))
        }
        let bad = try Binary.run(["access", "authorized-keys", "--db", "/nonexistent", "x;sh", k.type, k.blob])
        #expect(bad.stdout.isEmpty && bad.status != 0)
    }
}
