import Foundation
import Testing

/// OpenSSH in front, biosched behind: a real sshd on 127.0.0.1 with a forced command per key.
@Suite("Applicants over real SSH", .serialized)
struct SSHEndToEndTests {
    /// A private sshd for one test: host key, client key, config and authorized_keys in a temporary folder.
    final class SSHServer {
        let dir: URL
        let port: Int
        var pidFile: String { dir.appendingPathComponent("sshd.pid").path }
        var clientKey: String { dir.appendingPathComponent("client").path }
        var authorizedKeys: String { dir.appendingPathComponent("authorized_keys").path }

        init(dir: URL) throws {
            self.dir = dir
            port = try SSHServer.freePort()
            try SSHEndToEndTests.sh("ssh-keygen -q -t ed25519 -N '' -f \(dir.path)/hostkey && ssh-keygen -q -t ed25519 -N '' -C maria@client -f \(clientKey)")
        }

        func start(authorizedKeysFile: String? = nil, extra: String = "") throws {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(dir.path)/hostkey
                AuthorizedKeysFile \(authorizedKeysFile ?? authorizedKeys)
                PidFile \(pidFile)
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin prohibit-password
                StrictModes no
                AllowTcpForwarding no
                AllowAgentForwarding no
                X11Forwarding no
                PermitTunnel no
                AcceptEnv LANG LC_* COLORTERM
                PermitUserEnvironment no
                PrintMotd no
                ClientAliveInterval 2
                ClientAliveCountMax 2
                \(extra)
                """
            try Data(config.utf8).write(to: dir.appendingPathComponent("sshd_config"))
            try TmuxSession.spawnDetached([
                "/usr/sbin/sshd", "-f", dir.appendingPathComponent("sshd_config").path, "-E", dir.appendingPathComponent("sshd.log").path
            ])
            let deadline = Date().addingTimeInterval(15)
            while !FileManager.default.fileExists(atPath: pidFile) && Date() < deadline { usleep(50_000) }
        }

        func stop() {
            if let pid = try? String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), let n = Int32(pid) {
                kill(n, SIGTERM)
            }
        }

        var sshCommand: String { ssh(user: "root", key: clientKey) }

        func ssh(user: String, key: String) -> String {
            "ssh -tt -i \(key) -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \(user)@127.0.0.1 some-command-the-client-asks-for"
        }

        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &addr) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
            }
            guard ok else { throw POSIXError(.EADDRINUSE) }
            return Int(UInt16(bigEndian: addr.sin_port))
        }
    }

    @discardableResult
    static func sh(_ command: String) throws -> String {
        try TmuxSession.capture("/bin/sh", ["-c", command], errors: .merged).output
    }

    @Test(
        "An applicant reschedules over SSH (the deployment scripts/install.sh makes from deploy/), is refused another's receipt, and a dropped client leaves nothing half done"
    )
    func applicantOverSSH() throws {
        guard geteuid() == 0 else {
            Issue.record("This test makes an OS user and runs sshd; it needs root (CI runs as root).")
            return
        }
        let service = EnrollmentEndToEndTests.service
        try TrustBoundaryEndToEndTests.ensureUser(service)
        let t = try TmuxSession(width: 80, height: 24)
        defer { t.close() }
        chmod(t.dir.path, 0o755)
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        // The store belongs to the service account, in a folder of its own.
        let srv = t.dir.appendingPathComponent("srv").path
        let db = srv + "/store.sqlite"
        try Self.sh("install -d -o \(service) -m 700 \(srv) && cp \(template) \(db) && chown \(service) \(db) && chmod 600 \(db)")
        func asService(_ args: [String]) throws -> (Int32, String) {
            try TmuxSession.capture(
                "/bin/sh",
                ["-c", "cd / && runuser -u \(service) -- " + ([TmuxSession.binary] + args).map { TrustBoundaryEndToEndTests.q($0) }.joined(separator: " ")],
                errors: .merged)
        }
        let server = try SSHServer(dir: t.dir)
        defer { server.stop() }

        // An officer maps the key to maria.garcia's account, in the store; a key given twice is refused.
        let publicKey = t.dir.appendingPathComponent("client-key.pub").path
        try Self.sh("cp \(server.clientKey).pub \(publicKey) && chmod 644 \(publicKey)")
        let (added, out) = try asService([
            "access", "add", "--account", "maria.garcia", "--key", publicKey, "--db", db, "--now", TerminalEndToEndTests.now, "--as", "officer"
        ])
        #expect(added == 0, "\(out)")
        let (again, _) = try asService([
            "access", "add", "--account", "maria.garcia", "--key", publicKey, "--db", db, "--now", TerminalEndToEndTests.now, "--as", "officer"
        ])
        #expect(again == 2, "a key given twice is refused")
        // sshd asks biosched through the installed wrapper (the test store is a training store on a fixed clock).
        let (root, include) = try EnrollmentEndToEndTests.install(store: db, now: TerminalEndToEndTests.now)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let parts = try String(contentsOfFile: server.clientKey + ".pub", encoding: .utf8).split(separator: " ")
        let line = try TmuxSession.capture(
            "/bin/sh", ["-c", "runuser -u \(service) -- \(root)/prefix/libexec/biosched/authorized-keys \(service) \(parts[0]) \(parts[1])"], errors: .dropped
        ).output
        #expect(
            line.hasPrefix("command=\"") && line.contains(" --as applicant --account maria.garcia ") && line.contains(",restrict,pty ssh-ed25519 "), "\(line)")
        try server.start(authorizedKeysFile: "none", extra: "Include \(include)")

        try t.start(server.ssh(user: service, key: server.clientKey) + "; echo SSH-ENDED; sleep 60", env: ["LANG": "C.UTF-8"])
        let list = try t.waitFor("IOE0923456781", seconds: 20) // the list is loaded after the screen opens
        #expect(list.contains("Your cases"))
        #expect(list.contains("Applicant maria.garcia"))
        // Reschedule start to finish.
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("t", "Enter", "Enter")
        try t.waitFor("Why can't you attend?")
        try t.keys("Enter", "Tab", "Enter")
        try t.waitFor("Confirm the new appointment")
        try t.keys("Enter")
        let booked = try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE")
        #expect(booked.contains("Copy or print this notice"), "over SSH the notice is shown, not saved")
        // Another applicant's receipt reveals nothing.
        try t.keys("n")
        try t.waitFor("Your cases")
        try t.keys("/")
        try t.literal("EAC2414052317")
        try t.keys("Enter")
        let refused = try t.waitFor("NOT_AUTHORIZED")
        #expect(!refused.contains("David Kim"))

        // Mid-flow, the client dies: the server side must end and leave the store consistent.
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("t", "Enter", "Enter")
        try t.waitFor("Why can't you attend?")
        // [b] keeps pgrep from matching the shell that runs it.
        let serverSide = "[b]iosched tui --db \(db) --as applicant --account maria.garcia"
        #expect(!(try Self.sh("pgrep -f -- '\(serverSide)'")).isEmpty)
        try Self.sh("pkill -KILL -f -- '-p \(server.port) -o StrictHostKeyChecking'")
        let deadline = Date().addingTimeInterval(15)
        var alive = true
        while Date() < deadline {
            if (try Self.sh("pgrep -f -- '\(serverSide)'")).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                alive = false
                break
            }
            usleep(100_000)
        }
        #expect(!alive, "the server-side biosched is gone within 15 seconds of the client dying (it takes milliseconds; it once took 3 s, crashing)")
        let check = try Self.sh(
            """
            sqlite3 \(db) "PRAGMA integrity_check; SELECT count(*) FROM appointments WHERE receipt = 'IOE0923456781' AND status = 'scheduled'; SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'));"
            """)
        #expect(check.split(separator: "\n") == ["ok", "1", "0"], "\(check)")
    }
}
