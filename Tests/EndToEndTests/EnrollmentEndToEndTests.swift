import Foundation
import Testing

/// Issue "applicants let themselves in", and issue 20's deployment, against real sshd instances
/// on 127.0.0.1 set up by `scripts/install.sh` from the files in `deploy/` (the very sshd
/// configuration and key-lookup wrapper docs/deployment.md tells an operator to install): one
/// service account for everyone, the only OS account that can write the store; a key the store
/// holds opens its holder's cases, any other key gets the enrollment dialogue.
@Suite("Enrollment over real SSH", .serialized)
struct EnrollmentEndToEndTests {
    typealias SSHServer = SSHEndToEndTests.SSHServer
    static let service = "bsvc-e2e"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sh(_ command: String) throws -> (Int32, String) { try TmuxSession.capture("/bin/sh", ["-c", command], errors: .merged) }
    static func q(_ s: String) -> String { TrustBoundaryEndToEndTests.q(s) }

    /// `scripts/install.sh` into a root-owned folder under /run (sshd checks the key lookup's
    /// owner and modes, and every folder above it), with the test's binaries, account and store.
    static func install(store: String, now: String) throws -> (root: String, include: String) {
        let root = "/run/biosched-e2e-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let bin = URL(fileURLWithPath: TmuxSession.binary).deletingLastPathComponent().path
        let (status, out) = try sh(
            "sh \(q(repository.path))/scripts/install.sh --binaries \(q(bin)) --user \(service) --store \(q(store)) "
                + "--sshd-dir \(root)/sshd --systemd-dir \(root)/systemd --now \(now) \(root)/prefix")
        try #require(status == 0, "scripts/install.sh: \(out)")
        return (root, root + "/sshd/biosched.conf")
    }

    @Test(
        "One service account: a fresh key gets the enrollment dialogue, enrolls with the code from its notice and lands in its own cases; wrong, used and expired codes are refused; the guess limit pauses; the account is told; a revoked key is back to enrollment; two sshd on one store admit the same key; no other OS account can write the store"
    )
    func enrollment() throws {
        guard geteuid() == 0 else {
            Issue.record("This test makes OS users and runs sshd; it needs root (CI runs as root).")
            return
        }
        try TrustBoundaryEndToEndTests.ensureUser(Self.service)
        let t = try TmuxSession(width: 80, height: 24)
        defer { t.close() }
        chmod(t.dir.path, 0o755)
        let bin = TmuxSession.binary
        let now = TerminalEndToEndTests.now
        let srv = t.dir.appendingPathComponent("srv").path
        #expect(try Self.sh("install -d -o \(Self.service) -m 755 \(Self.q(srv))").0 == 0)
        let db = srv + "/data/store.sqlite"
        func asService(_ command: String) throws -> (Int32, String) { try Self.sh("cd / && runuser -u \(Self.service) -- sh -c \(Self.q(command))") }
        // The service account makes the store: 0600 in a 0700 folder, nobody else's.
        let made = try asService("\(Self.q(bin)) init --training --db \(Self.q(db)) --now \(now)")
        #expect(made.0 == 0, "\(made.1)")
        let doc = t.dir.appendingPathComponent("data.json")
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                          "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                          "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "accounts": [{"id": "ana.ruiz", "role": "applicant", "name": "Ana Ruiz", "email": "ana@example.org"}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "ana.ruiz"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-12-09T09:00"}]}
            """.utf8
        ).write(to: doc)
        chmod(doc.path, 0o644)
        #expect(try asService("\(Self.q(bin)) import \(Self.q(doc.path)) --db \(Self.q(db)) --now \(now)").0 == 0)
        // No OS account but the service account can write the store (nor read it).
        try TrustBoundaryEndToEndTests.ensureUser("bsother-e2e")
        let other = try Self.sh("runuser -u bsother-e2e -- sh -c 'test -w \(db) || test -r \(db) || echo NO-ACCESS'")
        #expect(other.1.contains("NO-ACCESS"), "\(other.1)")
        let modes = try Self.sh("stat -c '%a %U' \(Self.q(db)) \(Self.q(srv + "/data"))").1
        #expect(modes.split(separator: "\n") == ["600 \(Self.service)", "700 \(Self.service)"], "\(modes)")
        // An agent books; the new notice carries the one-time code.
        let booked = try asService("\(Self.q(bin)) reschedule EAC2414052317 --as agent --to 2026-12-10T09:00 --reason medical --db \(Self.q(db)) --now \(now)")
        let code = try #require(
            booked.1.range(of: #"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression)
                .map { String(booked.1[$0].suffix(14)) }, "the notice carries an enrollment code: \(booked.1)")
        let stored = try asService(
            "sqlite3 \(Self.q(db)) \"SELECT count(*) FROM notices WHERE json LIKE '%\(code)%'; SELECT count(*) FROM requests WHERE outcome_json LIKE '%\(code)%'\""
        ).1
        #expect(stored.split(separator: "\n") == ["0", "0"], "the code is stored only as a hash")

        // The deployment as docs/deployment.md installs it, on two gateways sharing the store.
        let (root, include) = try Self.install(store: db, now: now)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The installed systemd units (mailer, reminders) are valid units for this systemd.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"), "install Debian's systemd (systemd-analyze)")
        let units = try Self.sh(
            "cd \(root)/systemd && systemd-analyze verify --man=no ./biosched-mailer.service ./biosched-reminders.service ./biosched-reminders.timer ./biosched-offers.service ./biosched-offers.timer 2>&1; echo rc=$?"
        )
        #expect(units.1.hasSuffix("rc=0\n") && !units.1.contains("biosched-"), "systemd-analyze verify: \(units.1)")
        let one = try SSHServer(dir: t.dir.appendingPathComponent("one", isDirectory: true).creatingFolder())
        let two = try SSHServer(dir: t.dir.appendingPathComponent("two", isDirectory: true).creatingFolder())
        defer {
            one.stop()
            two.stop()
        }
        for server in [one, two] {
            try server.start(authorizedKeysFile: "none", extra: "Include \(include)")
            let test = try Self.sh("/usr/sbin/sshd -t -f \(server.dir.path)/sshd_config 2>&1; echo rc=$?")
            #expect(test.1.hasSuffix("rc=0\n") || test.1.hasSuffix("rc=0"), "sshd -t with deploy/sshd_config.d/biosched.conf: \(test.1)")
        }
        let key = one.clientKey // a fresh key nobody has registered
        let otherKey = two.clientKey
        func plain(_ server: SSHServer, _ key: String, input: String) throws -> String {
            try Self.sh("printf \(Self.q(input)) | " + server.ssh(user: Self.service, key: key).replacingOccurrences(of: "-tt", with: "-T")).1
        }

        // Before enrollment the key opens no case: on both gateways it gets the enrollment dialogue.
        for server in [one, two] {
            let before = try plain(server, key, input: "")
            #expect(before.contains("biosched enrollment") && !before.contains("EAC2414052317"), "port \(server.port): \(before)")
        }

        // A wrong code, then the right one, typed into the enrollment session.
        try t.start(one.ssh(user: Self.service, key: key) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
        try t.waitFor("Receipt number:", seconds: 20)
        try t.literal("EAC-24-140-52317")
        try t.keys("Enter")
        try t.waitFor("Enrollment code:")
        try t.literal("AAAA-BBBB-CCCC")
        try t.keys("Enter")
        let wrong = try t.waitFor("tries left")
        #expect(wrong.contains("do not match"))
        try t.waitFor("Receipt number:")
        try t.literal("EAC2414052317")
        try t.keys("Enter")
        try t.literal(code.lowercased())
        try t.keys("Enter")
        let done = try t.waitFor("Done: your key is linked", seconds: 10)
        #expect(done.contains("ana.ruiz"))
        try t.waitFor("SSH-ENDED")
        // The account is told, on its channel, when and from where; no message holds the code.
        let told = try asService(
            "sqlite3 \(Self.q(db)) \"SELECT channel || ' ' || recipient || ' | ' || body FROM outbox WHERE account = 'ana.ruiz' AND kind = 'legacy' AND subject LIKE 'A key was linked%'\""
        ).1
        #expect(told.contains("email ana@example.org") && told.contains("from the address 127.0.0.1"), "\(told)")
        #expect(
            try asService("sqlite3 \(Self.q(db)) \"SELECT count(*) FROM outbox WHERE body LIKE '%\(code)%' OR subject LIKE '%\(code)%'\"").1
                .trimmingCharacters(in: .whitespacesAndNewlines) == "0", "no message text holds the code")

        // The key now opens the person's own cases, on both gateways (one store).
        for server in [one, two] {
            let s = try TmuxSession(width: 80, height: 24)
            defer { s.close() }
            try s.start(server.ssh(user: Self.service, key: key) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
            let cases = try s.waitFor("EAC2414052317", seconds: 20)
            #expect(cases.contains("EAC2414052317"), "port \(server.port): \(cases)")
        }

        // The used code does not work again, with another key.
        let reuse = try plain(two, otherKey, input: "EAC2414052317\n\(code)\n")
        #expect(reuse.contains("already used"), "\(reuse)")

        // A code issued 31 days ago has expired.
        let issued = ISO8601DateFormatter().string(from: ISO8601DateFormatter().date(from: now)!.addingTimeInterval(-31 * 86_400))
        let old = try asService("\(Self.q(bin)) access code --for ana.ruiz --db \(Self.q(db)) --now \(issued)")
        let oldCode = try #require(old.1.range(of: #"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression).map { String(old.1[$0]) }, "\(old.1)")
        let expired = try plain(two, otherKey, input: "EAC2414052317\n\(oldCode)\n")
        #expect(expired.contains("has expired"), "\(expired)")

        // The guess limit holds: with the earlier wrong, used and expired tries (all from
        // 127.0.0.1 for this receipt), two more wrong codes pause wrong codes from this network for
        // this receipt, and the screen says until when.
        let guesses = try plain(two, otherKey, input: "EAC2414052317\nAAAA-BBBB-CCC2\nEAC2414052317\nAAAA-BBBB-CCC3\nEAC2414052317\nAAAA-BBBB-CCC4\n")
        #expect(guesses.contains("0 tries left this hour"), "\(guesses)")
        let paused = try plain(one, otherKey, input: "EAC2414052317\nAAAA-BBBB-CCC5\n")
        #expect(paused.contains("Too many wrong tries for this receipt number from your network: until"), "\(paused)")

        // An agent revokes the key (a lost device): the next login with it is back to enrollment.
        #expect(try asService("\(Self.q(bin)) access remove --account ana.ruiz --db \(Self.q(db)) --now \(now)").0 == 0)
        for server in [one, two] {
            let after = try plain(server, key, input: "")
            #expect(after.contains("biosched enrollment") && !after.contains("Your cases"), "port \(server.port): \(after)")
        }
        let audit = try asService(
            "sqlite3 \(Self.q(db)) \"SELECT action FROM audit WHERE action IN ('enrollment-code-issued','enrollment-refused','enrolled','access-removed') ORDER BY id\""
        ).1
        let actions = audit.split(separator: "\n").map(String.init)
        #expect(Array(actions.prefix(4)) == ["enrollment-code-issued", "enrollment-refused", "enrolled", "enrollment-refused"], "\(audit)")
        #expect(
            actions.filter { $0 == "enrollment-refused" }.count == 5 && actions.last == "access-removed",
            "every counted try is audited, a paused one is not (the pause is on the try that began it): \(audit)")
    }
}

extension URL {
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}
