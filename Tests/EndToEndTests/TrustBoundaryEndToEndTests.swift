import Foundation
import Testing

/// Issue "trust boundaries", items 1 and 5, against a real sshd on 127.0.0.1: identifiers that
/// would need quoting never get in, every argument of a forced command is quoted, and a deployment
/// where no person's login can open the store still lets people work through biosched.
@Suite("Trust boundaries over real SSH", .serialized)
struct TrustBoundaryEndToEndTests {
    typealias SSHServer = SSHEndToEndTests.SSHServer

    static func sh(_ command: String) throws -> (Int32, String) {
        try TmuxSession.capture("/bin/sh", ["-c", command], errors: .merged)
    }

    /// Shell-quotes one word for the test's own `sh -c` lines.
    static func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

    static let hostileIDs = [
        "x;sh", "x;touch /tmp/biosched-pwned-1", "$(id>/tmp/biosched-pwned-2)", "`id>/tmp/biosched-pwned-3`",
        "a'b", "a\"b", "a b", "x\nid", "-rf", "x&&id", "x|id", "..", "ä", String(repeating: "a", count: 65)
    ]

    @Test(
        "Trust 1: ids that need quoting are refused by access, import and the store; a store path full of shell syntax is quoted, and nothing runs over real sshd"
    )
    func trust1ShellInjection() throws {
        let t = try TmuxSession(width: 80, height: 24)
        defer { t.close() }
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        // A folder name that is shell syntax from end to end (a backslash is refused: sshd's own quoting).
        let marker = "biosched-pwned-\(UInt32.random(in: 0...UInt32.max))"
        let hostileDir = t.dir.appendingPathComponent("a b'c\"d $(touch /tmp/\(marker)-a) `touch /tmp/\(marker)-b`;touch \(marker)-c &x|y")
        try FileManager.default.createDirectory(at: hostileDir, withIntermediateDirectories: true)
        let db = hostileDir.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: db)
        let server = try SSHServer(dir: t.dir)
        defer { server.stop() }
        let now = TerminalEndToEndTests.now

        // access add refuses every id that is not a plain identifier, before touching anything.
        for id in Self.hostileIDs {
            let (status, _) = try t.run([
                "access", "add", "--account", id, "--key", server.clientKey + ".pub", "--file", server.authorizedKeys, "--db", db, "--now", now
            ])
            #expect(status == 2, "access add --account \(id.debugDescription) is bad input")
        }
        #expect(!FileManager.default.fileExists(atPath: server.authorizedKeys), "nothing was written for a refused id")

        // import refuses them too, and writes nothing.
        let before = try Self.sh("sqlite3 \(Self.q(db)) 'SELECT count(*) FROM accounts'").1
        for id in ["x;sh", "$(id)", "a b"] {
            let doc = t.dir.appendingPathComponent("bad.json")
            let json = try JSONSerialization.data(withJSONObject: ["accounts": [["id": id, "role": "applicant", "name": "Eve"]]])
            try json.write(to: doc)
            let (status, _) = try t.run(["import", doc.path, "--db", db, "--now", now])
            #expect(status == 2, "import of account id \(id.debugDescription) is refused")
        }
        #expect(try Self.sh("sqlite3 \(Self.q(db)) 'SELECT count(*) FROM accounts'").1 == before)
        // ... and the store itself refuses them, whoever writes.
        let raw = try Self.sh("sqlite3 \(Self.q(db)) \"INSERT INTO accounts(id, role, name) VALUES ('x;sh', 'applicant', 'Eve')\"")
        #expect(raw.0 != 0 && raw.1.contains("account id must be"), "\(raw.1)")

        // A real account, the hostile store path: the line is quoted so that sh runs biosched and nothing else.
        let (added, _) = try t.run([
            "access", "add", "--account", "maria.garcia", "--key", server.clientKey + ".pub", "--file", server.authorizedKeys, "--db", db, "--now", now
        ])
        #expect(added == 0)
        var keys = try String(contentsOfFile: server.authorizedKeys, encoding: .utf8)
        #expect(keys.hasPrefix("command=\"/"), "absolute paths only: \(keys)")
        #expect(keys.contains("--via-key SHA256:"))
        // access remove matches the whole id: a prefix of it removes nothing.
        let (prefix, _) = try t.run(["access", "remove", "--account", "maria", "--file", server.authorizedKeys, "--db", db, "--now", now])
        #expect(prefix == 2, "no account \"maria\" keys: maria.garcia's stay")
        let (listed, list) = try t.run(["access", "list", "--file", server.authorizedKeys, "--db", db, "--now", now, "--json"])
        #expect(listed == 0 && list.contains("\"account\" : \"maria.garcia\""), "\(list)")
        // The test store runs on a fixed clock (a training store): insert it as its own quoted word.
        keys = keys.replacingOccurrences(of: " tui --db ", with: " tui --now \(now) --db ")
        try Data(keys.utf8).write(to: URL(fileURLWithPath: server.authorizedKeys))
        try server.start()

        try t.start(server.sshCommand + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
        let screen = try t.waitFor("IOE0923456781", seconds: 20) // the list is loaded after the screen opens
        #expect(screen.contains("Your cases"), "the session opened maria.garcia's own cases")
        try t.keys("q")
        try t.waitFor("SSH-ENDED")
        for f in ["/tmp/\(marker)-a", "/tmp/\(marker)-b", "/root/\(marker)-c", "/tmp/biosched-pwned-1", "/tmp/biosched-pwned-2", "/tmp/biosched-pwned-3"] {
            #expect(!FileManager.default.fileExists(atPath: f), "\(f) was created: a command ran")
        }
        // The audit log names the key and the client of the session's look-ups.
        let audit = try Self.sh("sqlite3 \(Self.q(db)) \"SELECT count(*) FROM audit WHERE key_fingerprint LIKE 'SHA256:%' AND client LIKE '127.0.0.1 %'\"").1
        #expect(audit.trimmingCharacters(in: .whitespacesAndNewlines) != "", "\(audit)")
    }

    /// Two local users: the service account that owns the store, and a person (an agent).
    static func ensureUser(_ name: String) throws {
        if getpwnam(name) == nil {
            let (status, out) = try sh("useradd -m -s /bin/sh \(name) && usermod -p '*' \(name)")
            try #require(status == 0, "useradd \(name) (the test runs as root, as CI does): \(out)")
        }
    }

    @Test(
        "Trust 5: with the store owned by the service account (0600 in a 0700 folder), a person's login can neither read nor write it, and still works through biosched over SSH"
    )
    func trust5ServiceAccountDeployment() throws {
        guard geteuid() == 0 else {
            Issue.record("This test makes OS users and runs sshd; it needs root (CI runs as root).")
            return
        }
        let service = "bsvc-e2e", person = "bsagent-e2e"
        try Self.ensureUser(service)
        try Self.ensureUser(person)
        let t = try TmuxSession(width: 80, height: 24)
        defer { t.close() }
        chmod(t.dir.path, 0o755)
        let server = try SSHServer(dir: t.dir)
        defer { server.stop() }
        let bin = TmuxSession.binary
        let srv = t.dir.appendingPathComponent("srv").path
        let db = srv + "/store.sqlite"
        func asUser(_ user: String, _ command: String) throws -> (Int32, String) {
            try Self.sh("cd / && runuser -u \(user) -- sh -c \(Self.q(command))")
        }
        #expect(try Self.sh("install -d -o \(service) -m 755 \(Self.q(srv))").0 == 0)
        // The service account makes the store (0600, folder 0700 whatever the umask) and owns it.
        let (made, madeOut) = try asUser(service, "umask 000 && \(Self.q(bin)) init --db \(Self.q(srv + "/data/store.sqlite"))")
        #expect(made == 0, "\(madeOut)")
        let dataDir = srv + "/data"
        var st = stat()
        #expect(stat(dataDir, &st) == 0 && st.st_mode & 0o777 == 0o700, "folder mode \(String(st.st_mode & 0o777, radix: 8))")
        #expect(stat(dataDir + "/store.sqlite", &st) == 0 && st.st_mode & 0o777 == 0o600, "store mode \(String(st.st_mode & 0o777, radix: 8))")
        let store = dataDir + "/store.sqlite"
        _ = db
        let doc = t.dir.appendingPathComponent("data.json")
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                          "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                          "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicantName": "Ana Ruiz"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2030-01-08T09:00"}]}
            """.utf8
        ).write(to: doc)
        chmod(doc.path, 0o644)
        #expect(try asUser(service, "\(Self.q(bin)) import \(Self.q(doc.path)) --db \(Self.q(store))").0 == 0)
        #expect(try asUser(service, "\(Self.q(bin)) users add \(person) --role agent --db \(Self.q(store))").0 == 0)

        // The person cannot read or write the file, with sqlite3, with cat, or with biosched.
        let sqlite = try asUser(person, "sqlite3 \(Self.q(store)) 'UPDATE staff SET role = \"officer\"'")
        #expect(sqlite.0 != 0, "sqlite3 as \(person) must fail: \(sqlite.1)")
        #expect(try asUser(person, "cat \(Self.q(store)) > /dev/null").0 != 0)
        #expect(try asUser(person, "echo x >> \(Self.q(store))").0 != 0)
        let direct = try asUser(person, "\(Self.q(bin)) status EAC2414052317 --db \(Self.q(store))")
        #expect(direct.0 == 4, "biosched run directly as the person cannot open the store: \(direct.1)")
        // Naming another login works only for the service account.
        let forged = try asUser(service, "\(Self.q(bin)) status EAC2414052317 --db \(Self.q(store)) --login \(person)")
        #expect(forged.0 == 0, "the service account may act for a staff login: \(forged.1)")

        // The person's key goes into the store, naming the person; sshd asks biosched through the
        // deployment scripts/install.sh makes from deploy/ (issue 20: the files docs/deployment.md installs).
        let personKey = t.dir.appendingPathComponent("person").path
        #expect(try Self.sh("ssh-keygen -q -t ed25519 -N '' -C agent@desk -f \(Self.q(personKey))").0 == 0)
        let publicKey = t.dir.appendingPathComponent("person-key.pub").path
        let added = try Self.sh(
            "cp \(Self.q(personKey + ".pub")) \(Self.q(publicKey)) && chmod 644 \(Self.q(publicKey)) && cd / && runuser -u \(service) -- \(Self.q(bin)) access add --staff \(person) --key \(Self.q(publicKey)) --db \(Self.q(store))"
        )
        #expect(added.0 == 0, "\(added.1)")
        let root = "/run/biosched-e2e-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let installed = try Self.sh(
            "sh \(Self.q(EnrollmentEndToEndTests.repository.path))/scripts/install.sh --binaries \(Self.q(URL(fileURLWithPath: bin).deletingLastPathComponent().path)) "
                + "--user \(service) --store \(Self.q(store)) --sshd-dir \(root)/sshd --systemd-dir \(root)/systemd \(root)/prefix")
        #expect(installed.0 == 0, "\(installed.1)")
        try server.start(authorizedKeysFile: "none", extra: "Include \(root)/sshd/biosched.conf")

        try t.start(server.ssh(user: service, key: personKey) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
        try t.waitFor("receipt", seconds: 20)
        try t.literal("EAC2414052317")
        try t.keys("Enter")
        let opened = try t.waitFor("Ana Ruiz", seconds: 10)
        #expect(opened.contains("Ana Ruiz"), "the agent works through biosched: \(opened)")
        try t.keys("C-c")
        _ = try? t.waitFor("SSH-ENDED", seconds: 10)
        let audit = try asUser(
            service,
            "sqlite3 \(Self.q(store)) \"SELECT actor_role || ':' || actor || ' os=' || os_user || ' key=' || substr(key_fingerprint, 1, 7) FROM audit WHERE action = 'case-viewed'\""
        ).1
        #expect(audit.contains("agent:\(person) os=\(service) key=SHA256:"), "the look-up is the person's, through the service account, by key: \(audit)")
        #expect(try asUser(service, "\(Self.q(bin)) audit verify --db \(Self.q(store))").0 == 0)
    }
}
