import Foundation
import Scheduling
import Testing
@testable import SchedulingStore

/// `biosched-authorized-keys`, the C fast path sshd runs at every login, answers exactly as
/// `biosched access authorized-keys` does: the same line byte for byte, or the same nothing, for
/// every kind of key and every malformed request (those it hands to biosched itself).
@Suite("The fast authorized-keys lookup answers as biosched does")
struct AuthorizedKeysFastPathTests {
    static func runFast(_ args: [String], env: [String: String] = [:]) throws -> Binary.Result {
        try Binary.run(args, env: env, executable: Binary.sibling("biosched-authorized-keys"))
    }

    @Test("Known, staff, representative, revoked and unknown keys; --now; --enroll; and malformed requests give the same answer from both")
    func sameAnswers() throws {
        let f = try StoreFixture(); defer { f.remove() }
        let maria = KeyRegistryTests.key(40), lee = KeyRegistryTests.key(41), smith = KeyRegistryTests.key(42)
        let revoked = KeyRegistryTests.key(43), unknown = KeyRegistryTests.key(44)
        try f.store.addKey(maria, for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        try f.store.addKey(lee, for: .account("attorney.lee", .representative), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        try f.store.addKey(smith, for: .staff("agent.smith"), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        try f.store.addKey(revoked, for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        _ = try f.store.revokeKeys(of: .account("maria", .applicant), blob: revoked.blob, by: StoreFixture.agent, now: StoreFixture.now)
        f.store.close()

        let db = f.path
        let notAStore = FileManager.default.temporaryDirectory.appendingPathComponent("akc-\(UUID().uuidString)").path
        try Data("not a store, just text that is longer than one hundred bytes so the header can be read in full by anyone who looks..".utf8)
            .write(to: URL(fileURLWithPath: notAStore))
        defer { try? FileManager.default.removeItem(atPath: notAStore) }
        let mismatched = "ssh-rsa"   // maria's blob says ssh-ed25519
        let cases: [[String]] = [
            ["--db", db, "biosched", maria.type, maria.blob],
            ["--db=\(db)", "biosched", lee.type, lee.blob],
            ["--db", db, "biosched", smith.type, smith.blob],
            ["--db", db, "biosched", revoked.type, revoked.blob],
            ["--db", db, "biosched", unknown.type, unknown.blob],
            ["--db", db, "--now", "2026-06-15T09:00-04:00", "biosched", maria.type, maria.blob],
            ["--db", db, "--now", "2026-02-30T09:00Z", "biosched", maria.type, maria.blob],
            ["--db", db, "--now", "2026-06-15 09:00Z", "biosched", maria.type, maria.blob],
            ["--enroll", "--db", db, "enroll", unknown.type, unknown.blob],
            ["--db", db, "x;sh", maria.type, maria.blob],
            ["--db", db, "biosched", mismatched, maria.blob],
            ["--db", db, "biosched", "ssh-dss", maria.blob],
            ["--db", db, "biosched", maria.type, String(maria.blob.dropLast(4))],
            ["--db", db, "biosched", maria.type, maria.blob + "x"],
            ["--db", db, "biosched", maria.type, "AAAA$(touch /tmp/x)AAAAAAAAAA=="],
            ["--db", db, "biosched", maria.type],
            ["--db", db, "biosched", maria.type, maria.blob, "extra"],
            ["--db", "/nonexistent/store.sqlite", "biosched", maria.type, maria.blob],
            ["--db", notAStore, "biosched", maria.type, maria.blob],
            ["--db", "/etc/hostname", "biosched", maria.type, maria.blob],
            ["--db", "postgresql://db.example/biosched", "biosched", maria.type, maria.blob],
            ["--db", StoreFile.parent(of: db) + "/./store.sqlite", "biosched", maria.type, maria.blob],
            ["--json", "--db", db, "biosched", maria.type, maria.blob],
        ]
        var answered: [Int] = []
        for (i, args) in cases.enumerated() {
            let swift = try Binary.run(["access", "authorized-keys"] + args)
            let c = try Self.runFast(args)
            #expect(c.stdout == swift.stdout, "stdout differs for \(args)")
            #expect(c.status == swift.status, "exit status differs for \(args): \(c.status) vs \(swift.status)")
            #expect(c.stderr.isEmpty == swift.stderr.isEmpty, "stderr differs for \(args): \(c.stderr) vs \(swift.stderr)")
            if !c.stdout.isEmpty { answered.append(i) }
        }
        // The three keys in force, maria's with a valid --now, the enrollment account, a store path
        // given as /./ (handed over; biosched writes it in normal form) and --json (handed over)
        // got a line; nothing else did.
        #expect(answered == [0, 1, 2, 5, 8, 21, 22])
        // From $BIOSCHED_DB too.
        let env = try Self.runFast(["biosched", maria.type, maria.blob], env: ["BIOSCHED_DB": db])
        let line = try Binary.run(["access", "authorized-keys", "--db", db, "biosched", maria.type, maria.blob]).stdout
        #expect(env.stdout == line)
        #expect(line.hasPrefix("command=\"") && line.contains(" tui --db ") && line.contains(" --as applicant --account maria --via-key \(maria.fingerprint)\",restrict,pty ssh-ed25519 "))
    }
}
