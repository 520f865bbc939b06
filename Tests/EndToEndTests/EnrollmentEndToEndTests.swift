import Foundation
import Testing

/// Issue "applicants let themselves in", against real sshd instances on 127.0.0.1 configured with
/// `AuthorizedKeysCommand` (biosched answers which forced command a key gets) and `ExposeAuthInfo`.
@Suite("Enrollment over real SSH", .serialized)
struct EnrollmentEndToEndTests {
    typealias SSHServer = SSHEndToEndTests.SSHServer
    static let service = "bsvc-e2e", enroller = "bsenroll-e2e"

    static func sh(_ command: String) throws -> (Int32, String) { try TmuxSession.capture("/bin/sh", ["-c", command], errors: .merged) }
    static func q(_ s: String) -> String { TrustBoundaryEndToEndTests.q(s) }

    @Test("A fresh key enrolls with the code from its notice and lands in its own cases; wrong, used and expired codes are refused; the guess limit pauses; a revoked key is refused at the next login; two sshd on one store admit the same key")
    func enrollment() throws {
        guard geteuid() == 0 else {
            Issue.record("This test makes OS users and runs sshd; it needs root (CI runs as root).")
            return
        }
        try TrustBoundaryEndToEndTests.ensureUser(Self.service)
        try TrustBoundaryEndToEndTests.ensureUser(Self.enroller)
        // The enrollment account writes the store through the service account's group.
        #expect(try Self.sh("usermod -aG \(Self.service) \(Self.enroller)").0 == 0)
        let t = try TmuxSession(width: 80, height: 24)
        defer { t.close() }
        chmod(t.dir.path, 0o755)
        let bin = TmuxSession.binary
        let now = TerminalEndToEndTests.now
        let srv = t.dir.appendingPathComponent("srv").path
        #expect(try Self.sh("install -d -o \(Self.service) -m 755 \(Self.q(srv))").0 == 0)
        let db = srv + "/data/store.sqlite"
        func asService(_ command: String) throws -> (Int32, String) { try Self.sh("cd / && runuser -u \(Self.service) -- sh -c \(Self.q(command))") }
        let made = try asService("\(Self.q(bin)) init --training --group \(Self.service) --db \(Self.q(db)) --now \(now)")
        #expect(made.0 == 0, "\(made.1)")
        let doc = t.dir.appendingPathComponent("data.json")
        try Data("""
        {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                      "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                      "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
         "accounts": [{"id": "ana.ruiz", "role": "applicant", "name": "Ana Ruiz", "email": "ana@example.org"}],
         "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "ana.ruiz"}],
         "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-12-09T09:00"}]}
        """.utf8).write(to: doc)
        chmod(doc.path, 0o644)
        #expect(try asService("\(Self.q(bin)) import \(Self.q(doc.path)) --db \(Self.q(db)) --now \(now)").0 == 0)
        // An agent books; the new notice carries the one-time code.
        let booked = try asService("\(Self.q(bin)) reschedule EAC2414052317 --as agent --to 2026-12-10T09:00 --reason medical --db \(Self.q(db)) --now \(now)")
        let code = try #require(booked.1.range(of: #"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression)
            .map { String(booked.1[$0].suffix(14)) }, "the notice carries an enrollment code: \(booked.1)")
        let stored = try asService("sqlite3 \(Self.q(db)) \"SELECT count(*) FROM notices WHERE json LIKE '%\(code)%'; SELECT count(*) FROM requests WHERE outcome_json LIKE '%\(code)%'\"").1
        #expect(stored.split(separator: "\n") == ["0", "0"], "the code is stored only as a hash")

        // sshd asks biosched, through root-owned wrappers (sshd checks the command's ownership and modes).
        let wrappers = "/run/biosched-e2e-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: wrappers) }
        try FileManager.default.createDirectory(atPath: wrappers, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        // Gateway one asks biosched itself; gateway two asks the fast C lookup beside it (docs/deployment.md).
        let fast = URL(fileURLWithPath: bin).deletingLastPathComponent().appendingPathComponent("biosched-authorized-keys").path
        for (name, program) in [("akc", "\(Self.q(bin)) access authorized-keys"), ("akc-fast", Self.q(fast)),
                                ("akc-enroll", "\(Self.q(bin)) access authorized-keys --enroll")] {
            let path = wrappers + "/" + name
            try Data("#!/bin/sh\nexec \(program) --db \(Self.q(db)) --now \(now) \"$@\"\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o755)
        }
        func config(_ lookup: String) -> String { """
            AuthorizedKeysCommandUser \(Self.service)
            Match User \(Self.service)
                AuthorizedKeysCommand \(wrappers)/\(lookup) %u %t %k
            Match User \(Self.enroller)
                AuthorizedKeysCommand \(wrappers)/akc-enroll %u %t %k
                ExposeAuthInfo yes
            """ }
        let one = try SSHServer(dir: t.dir.appendingPathComponent("one", isDirectory: true).creatingFolder())
        let two = try SSHServer(dir: t.dir.appendingPathComponent("two", isDirectory: true).creatingFolder())
        defer { one.stop(); two.stop() }
        try one.start(authorizedKeysFile: "none", extra: config("akc"))
        try two.start(authorizedKeysFile: "none", extra: config("akc-fast"))
        let key = one.clientKey          // a fresh key nobody has registered
        let other = two.clientKey

        // Before enrollment the key opens nothing on the service account.
        for server in [one, two] {
            let before = try Self.sh(server.ssh(user: Self.service, key: key).replacingOccurrences(of: "-tt", with: "-T") + " </dev/null")
            #expect(before.1.contains("Permission denied"), "port \(server.port): \(before.1)")
        }

        // A wrong code, then the right one, typed into the enrollment session.
        try t.start(one.ssh(user: Self.enroller, key: key) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
        try t.waitFor("Receipt number:", seconds: 20)
        try t.literal("EAC-24-140-52317"); try t.keys("Enter")
        try t.waitFor("Enrollment code:")
        try t.literal("AAAA-BBBB-CCCC"); try t.keys("Enter")
        let wrong = try t.waitFor("tries left")
        #expect(wrong.contains("do not match"))
        try t.waitFor("Receipt number:")
        try t.literal("EAC2414052317"); try t.keys("Enter")
        try t.literal(code.lowercased()); try t.keys("Enter")
        let done = try t.waitFor("Done: your key is linked", seconds: 10)
        #expect(done.contains("ana.ruiz"))
        try t.waitFor("SSH-ENDED")

        // The key now opens the person's own cases, on both gateways (one store).
        for server in [one, two] {
            let s = try TmuxSession(width: 80, height: 24)
            defer { s.close() }
            try s.start(server.ssh(user: Self.service, key: key) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
            let cases = try s.waitFor("EAC2414052317", seconds: 20)
            #expect(cases.contains("EAC2414052317"), "port \(server.port): \(cases)")
        }

        // The used code does not work again, with another key.
        let reuse = try Self.sh("printf 'EAC2414052317\\n\(code)\\n' | " + two.ssh(user: Self.enroller, key: other).replacingOccurrences(of: "-tt", with: "-T"))
        #expect(reuse.1.contains("already used"), "\(reuse.1)")

        // A code issued 31 days ago has expired.
        let issued = ISO8601DateFormatter().string(from: ISO8601DateFormatter().date(from: now)!.addingTimeInterval(-31 * 86_400))
        let old = try asService("\(Self.q(bin)) access code --for ana.ruiz --db \(Self.q(db)) --now \(issued)")
        let oldCode = try #require(old.1.range(of: #"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression).map { String(old.1[$0]) }, "\(old.1)")
        let expired = try Self.sh("printf 'EAC2414052317\\n\(oldCode)\\n' | " + two.ssh(user: Self.enroller, key: other).replacingOccurrences(of: "-tt", with: "-T"))
        #expect(expired.1.contains("has expired"), "\(expired.1)")

        // The guess limit holds: with the earlier wrong, used and expired tries (all from 127.0.0.1
        // for this receipt), two more wrong codes pause wrong codes from this network for this
        // receipt, and the screen says until when.
        let guesses = try Self.sh("printf 'EAC2414052317\\nAAAA-BBBB-CCC2\\nEAC2414052317\\nAAAA-BBBB-CCC3\\nEAC2414052317\\nAAAA-BBBB-CCC4\\n' | "
                                  + two.ssh(user: Self.enroller, key: other).replacingOccurrences(of: "-tt", with: "-T"))
        #expect(guesses.1.contains("0 tries left this hour"), "\(guesses.1)")
        let paused = try Self.sh("printf 'EAC2414052317\\nAAAA-BBBB-CCC5\\n' | " + one.ssh(user: Self.enroller, key: other).replacingOccurrences(of: "-tt", with: "-T"))
        #expect(paused.1.contains("Too many wrong tries for this receipt number from your network: until"), "\(paused.1)")

        // An agent revokes the key (a lost device): the next login is refused.
        #expect(try asService("\(Self.q(bin)) access remove --account ana.ruiz --db \(Self.q(db)) --now \(now)").0 == 0)
        for server in [one, two] {
            let after = try Self.sh(server.ssh(user: Self.service, key: key).replacingOccurrences(of: "-tt", with: "-T") + " </dev/null")
            #expect(after.1.contains("Permission denied"), "port \(server.port): \(after.1)")
        }
        let audit = try asService("sqlite3 \(Self.q(db)) \"SELECT action FROM audit WHERE action IN ('enrollment-code-issued','enrollment-refused','enrolled','access-removed') ORDER BY id\"").1
        let actions = audit.split(separator: "\n").map(String.init)
        #expect(Array(actions.prefix(4)) == ["enrollment-code-issued", "enrollment-refused", "enrolled", "enrollment-refused"], "\(audit)")
        #expect(actions.filter { $0 == "enrollment-refused" }.count == 5 && actions.last == "access-removed",
                "every counted try is audited, a paused one is not (the pause is on the try that began it): \(audit)")
    }
}

extension URL {
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}
