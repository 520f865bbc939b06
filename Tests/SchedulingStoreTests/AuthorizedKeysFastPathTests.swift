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
        let f = try StoreFixture()
        defer { f.remove() }
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
        let mismatched = "ssh-rsa" // maria's blob says ssh-ed25519
        // sshd names the account it authenticates; the lookup answers only for the account it runs as.
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let someoneElse = me == "nobody" ? "daemon" : "nobody"
        // A symbolic link to the store, and a FIFO given as the store (neither may hang or differ).
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("akc-link-\(UUID().uuidString)").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("akc-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let cases: [[String]] = [
            ["--db", db, me, maria.type, maria.blob],
            ["--db=\(db)", me, lee.type, lee.blob],
            ["--db", db, me, smith.type, smith.blob],
            ["--db", db, me, revoked.type, revoked.blob],
            ["--db", db, me, unknown.type, unknown.blob],
            ["--db", db, "--now", "2026-06-15T09:00-04:00", me, maria.type, maria.blob],
            ["--db", db, "--now", "2026-02-30T09:00Z", me, maria.type, maria.blob],
            ["--db", db, "--now", "2026-06-15 09:00Z", me, maria.type, maria.blob],
            ["--enroll", "--db", db, me, unknown.type, unknown.blob],
            ["--db", db, "x;sh", maria.type, maria.blob],
            ["--db", db, me, mismatched, maria.blob],
            ["--db", db, me, "ssh-dss", maria.blob],
            ["--db", db, me, maria.type, String(maria.blob.dropLast(4))],
            ["--db", db, me, maria.type, maria.blob + "x"],
            ["--db", db, me, maria.type, "AAAA$(touch /tmp/x)AAAAAAAAAA=="],
            ["--db", db, me, maria.type],
            ["--db", db, me, maria.type, maria.blob, "extra"],
            ["--db", "/nonexistent/store.sqlite", me, maria.type, maria.blob],
            ["--db", notAStore, me, maria.type, maria.blob],
            ["--db", "/etc/hostname", me, maria.type, maria.blob],
            ["--db", "postgresql://db.example/biosched", me, maria.type, maria.blob],
            ["--db", StoreFile.parent(of: db) + "/./store.sqlite", me, maria.type, maria.blob],
            ["--json", "--db", db, me, maria.type, maria.blob],
            // Issue 20: --enroll with a key the store holds gives its holder's line; another user is
            // refused; a symlinked store, a FIFO and a device answer as biosched does, without hanging.
            ["--enroll", "--db", db, me, maria.type, maria.blob],
            ["--enroll", "--db", db, me, revoked.type, revoked.blob],
            ["--db", db, someoneElse, maria.type, maria.blob],
            ["--enroll", "--db", db, someoneElse, unknown.type, unknown.blob],
            ["--db", link, me, maria.type, maria.blob],
            ["--db", fifo, me, maria.type, maria.blob],
            ["--db", "/dev/zero", me, maria.type, maria.blob]
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
        // The three keys in force, maria's with a valid --now, an unknown key with --enroll, a store
        // path given as /./ (handed over; biosched writes it in normal form), --json (handed over),
        // maria's and the revoked key with --enroll (her line; the enroll line) and the symlinked
        // store (handed over) got a line; nothing else did.
        #expect(answered == [0, 1, 2, 5, 8, 21, 22, 23, 24, 27])
        // From $BIOSCHED_DB too.
        let env = try Self.runFast([me, maria.type, maria.blob], env: ["BIOSCHED_DB": db])
        let line = try Binary.run(["access", "authorized-keys", "--db", db, me, maria.type, maria.blob]).stdout
        #expect(env.stdout == line)
        #expect(
            line.hasPrefix("command=\"") && line.contains(" tui --db ")
                && line.contains(" --as applicant --account maria --via-key \(maria.fingerprint)\",restrict,pty ssh-ed25519 "))
    }

    @Test("A stored key type longer than any known one (a tampered store) is refused by both, with no overflow")
    func tamperedType() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let k = KeyRegistryTests.key(50)
        try f.store.addKey(k, for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        let long = String(repeating: "ssh-ed25519-", count: 40)
        try f.store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE ssh_keys SET type = ? WHERE blob = ?", arguments: [long, k.blob])
        }
        f.store.close()
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let args = ["--db", f.path, me, k.type, k.blob]
        let c = try Self.runFast(args)
        let swift = try Binary.run(["access", "authorized-keys"] + args)
        #expect(c.status == swift.status && c.stdout == swift.stdout, "\(c) vs \(swift)")
        #expect(c.stdout.isEmpty, "no line for a key whose stored type was tampered with")
    }
}
