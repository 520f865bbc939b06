import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// Issue "trust boundaries": one test per numbered finding, named after it, on real SQLite files
/// and the real binary. Each failed on the main branch before the fix.
@Suite("Trust boundaries and data safety")
struct TrustBoundaryTests {
    let dir: URL
    let db: String
    let now = "2026-06-15T09:00:00-04:00"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = dir.appendingPathComponent("store.sqlite").path
        try #require(Binary.run(["init", "--training", "--db", db, "--now", now]).status == 0)
        try #require(Binary.run(["import", try write("doc.json", Self.doc), "--db", db, "--now", now]).status == 0)
    }

    static let doc = """
        {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                      "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                      "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
         "accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org"},
                      {"id": "li", "role": "applicant", "name": "Li Wei"}],
         "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria"},
                   {"receipt": "WAC2390112345", "form": "I-765", "applicant": "li"}],
         "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"},
                          {"receipt": "WAC2390112345", "center": "BOS", "start": "2026-06-18T09:30"}]}
        """

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
    func run(_ args: [String], env: [String: String] = [:]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now], env: env) }
    func sql<T: DatabaseValueConvertible>(_ q: String, _ type: T.Type = String.self) throws -> T? {
        try DatabaseQueue(path: db).read { d in try T.fetchOne(d, sql: q) }
    }
    func sh(_ command: String) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    func cleanup() { try? FileManager.default.removeItem(at: dir) }

    @Test("Trust 2: init --demo over an existing store (with -wal and -shm) refuses and removes nothing")
    func trust2InitNeverRemoves() throws {
        defer { cleanup() }
        #expect(try run(["status", "EAC2414052317", "--as", "agent"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for suffix in ["-wal", "-shm"] { #expect(FileManager.default.createFile(atPath: db + suffix, contents: Data("keep".utf8))) }
        for args in [["init", "--demo", "--db", db], ["init", "--db", db], ["init", "--training", "--db", db]] {
            let r = try Binary.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("already exists"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        for suffix in ["-wal", "-shm"] { #expect(FileManager.default.contents(atPath: db + suffix) == Data("keep".utf8)) }
    }

    @Test(
        "Trust 4: versions are unique across a case's chain: a second session that saw the first appointment gets CONFLICT, even after a reschedule or an officer's approval"
    )
    func trust4ChainVersions() throws {
        defer { cleanup() }
        let seen = try run(["status", "EAC2414052317", "--as", "agent", "--json"]).json["appointment"] as? [String: Any]
        let version = try #require(seen?["version"] as? Int)
        let id = try #require(seen?["id"] as? Int)
        let first = try run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical",
            "--expect-version", "\(version)", "--json"
        ])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        // The other session saw the same appointment: by version alone, and by id and version.
        let second = try run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "medical",
            "--expect-version", "\(version)", "--json"
        ])
        #expect(second.status == 3, "\(second.stdout)")
        #expect(second.json["result"] as? String == "conflict")
        let third = try run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "medical",
            "--expect-appointment", "\(id)", "--json"
        ])
        #expect(third.status == 3)
        let after = try run(["status", "EAC2414052317", "--as", "agent", "--json"]).json["appointment"] as? [String: Any]
        #expect(after?["priorReschedules"] as? Int == 1, "only one of the two sessions booked")
        let newVersion = try #require(after?["version"] as? Int)
        #expect(newVersion != version)
        // Every version in the chain is distinct.
        let distinct = try sql("SELECT count(DISTINCT version) = count(*) FROM appointments WHERE receipt = 'EAC2414052317'", Bool.self)
        #expect(distinct == true)
        // An agent who looked before an officer's approval gets CONFLICT too.
        let asylum = try run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-26T09:00", "--reason", "other", "--explain", "court date",
            "--expect-version", "\(newVersion)", "--json"
        ])
        #expect(asylum.json["result"] as? String == "escalated", "\(asylum.stdout)")
        let request = try #require(asylum.json["requestId"] as? String)
        let approved = try run(["review", "approve", request, "--note", "court summons seen", "--json"])
        #expect(approved.json["result"] as? String == "booked", "\(approved.stdout)")
        let stale = try run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-29T09:00", "--reason", "medical",
            "--expect-version", "\(newVersion)", "--json"
        ])
        #expect(stale.json["result"] as? String == "conflict", "the agent's stale view does not move the approved booking")
    }

    @Test("Trust 6: a store and its folder are made for the owner only (0600, 0700) whatever the umask, and its -wal and -shm alike")
    func trust6Permissions() throws {
        defer { cleanup() }
        let path = dir.appendingPathComponent("new/deeper/store.sqlite").path
        let r = try sh("umask 000 && \(Binary.url.path) init --db '\(path)' && \(Binary.url.path) users add jdoe --role agent --db '\(path)'")
        #expect(r.status == 0, "\(r.output)")
        func mode(_ p: String) -> Int {
            var st = stat()
            return stat(p, &st) == 0 ? Int(st.st_mode & 0o777) : -1
        }
        #expect(mode(path) == 0o600)
        #expect(mode(dir.appendingPathComponent("new/deeper").path) == 0o700)
        #expect(mode(dir.appendingPathComponent("new").path) == 0o700)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(mode(path + suffix) & 0o077 == 0, "\(suffix) is not readable by others")
        }
    }

    @Test(
        "Trust 7: another person's request id, reused, reveals nothing of their booking: NOT_AUTHORIZED on their case, a new request of one's own elsewhere (ids are scoped per actor, issue 20)"
    )
    func trust7ReplayIsAuthorizedFirst() throws {
        defer { cleanup() }
        let booked = try run([
            "reschedule", "EAC2414052317", "--as", "applicant", "--account", "maria", "--to", "2026-06-24T09:00",
            "--reason", "medical", "--request-id", "req-maria-1", "--json"
        ])
        #expect(booked.json["result"] as? String == "booked")
        // On her case: NOT_AUTHORIZED, as for any case not one's own.
        let theirs = try run([
            "reschedule", "EAC2414052317", "--as", "applicant", "--account", "li", "--to", "2026-06-25T09:00", "--reason", "medical",
            "--request-id", "req-maria-1", "--json"
        ])
        #expect(theirs.status == 1 && (theirs.json["codes"] as? [String]) == ["NOT_AUTHORIZED"], "\(theirs.stdout)")
        #expect(theirs.json["notice"] == nil && !theirs.stdout.contains("2026-06-24") && !theirs.stdout.contains("María"))
        // On one's own case: booked as with any new id, the answer naming the id given.
        let own = try run([
            "reschedule", "WAC2390112345", "--as", "applicant", "--account", "li", "--to", "2026-06-25T09:00", "--reason", "medical",
            "--request-id", "req-maria-1", "--json"
        ])
        #expect(own.status == 0 && own.json["result"] as? String == "booked" && own.json["requestId"] as? String == "req-maria-1", "\(own.stdout)")
        #expect(!own.stdout.contains("2026-06-24") && !own.stdout.contains("María"), "\(own.stdout)")
    }

    @Test("Trust 8: refused attempts, NOT_AUTHORIZED look-ups, staff look-ups and access changes are audited with the OS user, SSH client and key")
    func trust8Audited() throws {
        defer { cleanup() }
        let env = ["SSH_CONNECTION": "203.0.113.9 52100 127.0.0.1 22"]
        let key = "SHA256:" + String(repeating: "A", count: 43)
        _ = try run(["status", "EAC2414052317", "--as", "applicant", "--account", "li", "--via-key", key], env: env)
        _ = try run(["reschedule", "EAC2414052317", "--as", "applicant", "--account", "maria", "--to", "2026-06-15T12:00", "--reason", "medical"], env: env)
        _ = try run(["status", "WAC2390112345", "--as", "agent"])
        let rows = try DatabaseQueue(path: db).read { d in
            try Row.fetchAll(d, sql: "SELECT action, actor, receipt, os_user, client, key_fingerprint FROM audit WHERE id > 2 ORDER BY id")
        }
        let actions = rows.map { "\($0["action"] as String):\($0["actor"] as String):\(($0["receipt"] as String?) ?? "")" }
        #expect(
            actions == [
                "not-authorized:li:EAC2414052317", "refused:maria:EAC2414052317", "case-viewed:\(try #require(rows.last?["actor"] as String?)):WAC2390112345"
            ], "\(actions)")
        #expect((rows[0]["client"] as String) == "203.0.113.9 52100")
        #expect((rows[0]["key_fingerprint"] as String) == key)
        #expect(!(rows[0]["os_user"] as String).isEmpty)
        // A client address that is not one is not recorded as one.
        _ = try run(["status", "EAC2414052317", "--as", "applicant", "--account", "li"], env: ["SSH_CONNECTION": "$(id) x"])
        #expect(try sql("SELECT client FROM audit ORDER BY id DESC LIMIT 1") == "")
        // Access changes: add, then remove.
        let keyFile = dir.appendingPathComponent("k")
        #expect(try sh("ssh-keygen -q -t ed25519 -N '' -f '\(keyFile.path)'").status == 0)
        let keys = dir.appendingPathComponent("authorized_keys").path
        #expect(try run(["access", "add", "--account", "maria", "--key", keyFile.path + ".pub", "--file", keys]).status == 0)
        #expect(try run(["access", "remove", "--account", "maria", "--file", keys]).status == 0)
        let access = try DatabaseQueue(path: db).read { d in try String.fetchAll(d, sql: "SELECT action FROM audit WHERE action LIKE 'access-%' ORDER BY id") }
        #expect(access == ["access-added", "access-removed"])
        #expect(try run(["audit", "verify"]).status == 0)
    }

    @Test("Trust 5: audit verify finds the first broken link after a row is changed, removed or inserted by hand")
    func trust5AuditChain() throws {
        defer { cleanup() }
        for _ in 0..<3 { _ = try run(["status", "EAC2414052317", "--as", "agent"]) }
        let ok = try run(["audit", "verify", "--json"])
        #expect(ok.status == 0 && ok.json["intact"] as? Bool == true, "\(ok.stdout)")
        let rows = try #require(ok.json["rows"] as? Int)
        #expect(rows >= 5)
        // Straight inserts that skip the chain are refused by the store itself.
        let forged = try sh("sqlite3 '\(db)' \"INSERT INTO audit(at, actor_role, actor, action) VALUES (0, 'officer', 'eve', 'forged')\"")
        #expect(forged.status != 0 && forged.output.contains("chained"), "\(forged.output)")
        // Someone who drops the triggers and edits a row is found at that row.
        #expect(try sh("sqlite3 '\(db)' \"DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing happened' WHERE id = 3\"").status == 0)
        let broken = try run(["audit", "verify", "--json"])
        #expect(broken.status == 1)
        #expect(broken.json["firstBroken"] as? Int == 3, "\(broken.stdout)")
        // Removing a row breaks the link of the row after it.
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        #expect(
            try sh(
                "sqlite3 '\(copy)' \"UPDATE audit SET detail = (SELECT detail FROM audit WHERE id = 3) WHERE 0; DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4\""
            ).status == 0)
        let removed = try Binary.run(["audit", "verify", "--json", "--db", copy, "--now", now])
        #expect(removed.json["firstBroken"] as? Int == 3 || removed.json["firstBroken"] as? Int == 5, "\(removed.stdout)")
    }

    @Test("Trust 9: a reader answers while another process holds the write lock, and a read-only store answers reads")
    func trust9ReadsNeverWait() throws {
        defer { cleanup() }
        // Another process takes the write lock and keeps it (longer than the 10 s busy timeout).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('held', '1');\nSELECT 1;\n".utf8))
        defer {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            holder.waitUntilExit()
        }
        usleep(300_000)
        let applicant = try run(["status", "EAC2414052317", "--as", "applicant", "--account", "maria", "--json"])
        #expect(applicant.status == 0, "a read does not wait for a writer: \(applicant.stderr)")
        let staff = try run(["status", "EAC2414052317", "--as", "agent"])
        #expect(staff.status == 0, "a staff look-up answers; its audit row waits only briefly: \(staff.stderr)")
        #expect(staff.stderr.contains("not written to the audit log"))
        let writer = try Binary.run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical",
            "--db", db, "--now", now
        ])
        #expect(writer.status == 4, "a writer still waits, then says the store is busy")

        // Read-only: a copy this user cannot write (nobody), in a folder it cannot write.
        guard geteuid() == 0 else { return }
        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        let ro = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
        let roDB = ro.appendingPathComponent("store.sqlite").path
        #expect(try Binary.run(["backup", roDB, "--db", db, "--now", now]).status == 0)
        chmod(dir.path, 0o755)
        chmod(ro.path, 0o755)
        chmod(roDB, 0o644)
        let read = try sh("runuser -u nobody -- \(Binary.url.path) status EAC2414052317 --as applicant --account maria --db '\(roDB)' --now \(now)")
        #expect(read.status == 0, "a read-only store answers reads: \(read.output)")
        let write = try sh(
            "runuser -u nobody -- \(Binary.url.path) reschedule EAC2414052317 --as agent --to 2026-06-24T09:00 --reason medical --db '\(roDB)' --now \(now)")
        #expect(write.status == 4 && write.output.contains("read-only"), "\(write.output)")
        #expect(!FileManager.default.fileExists(atPath: roDB + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: roDB + "-queue"), "a read-only store makes no writers' queue beside it")
    }

    @Test("Trust 9: the busy timeout is wall time, however many retries it took")
    func trust9BusyTimeoutIsWallTime() throws {
        let wait = BusyWait(timeout: 0.05)
        #expect(wait.callback(0) == true)
        usleep(80_000)
        #expect(wait.callback(1) == false, "80 ms have passed since the first try: give up, whatever the retry count says")
        #expect(wait.callback(0) == true, "a new acquisition starts its own clock")
    }

    @Test("Trust 10: an empty file, another application's SQLite file and a URL are refused and left exactly as they were")
    func trust10ForeignFiles() throws {
        defer { cleanup() }
        let empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let r1 = try Binary.run(["status", "EAC2414052317", "--db", empty])
        #expect(r1.status == 4 && r1.stderr.contains("empty file"))
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int) == 0)
        #expect(!FileManager.default.fileExists(atPath: empty + "-wal"))
        let foreign = dir.appendingPathComponent("other.db").path
        #expect(try sh("sqlite3 '\(foreign)' 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let r2 = try Binary.run(["status", "EAC2414052317", "--db", foreign])
        #expect(r2.status == 4 && r2.stderr.contains("not a biosched store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before, "not switched to WAL, not migrated")
        #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"))
        let cwd = FileManager.default.currentDirectoryPath
        // postgresql:// and postgres:// name the PostgreSQL store since issue 11 (PostgresProcessTests).
        for url in ["mysql://u@h:3306/db", "file:store.sqlite", "sqlite:///x.db"] {
            let r = try Binary.run(["status", "EAC2414052317", "--db", url])
            #expect(r.status == 2 && r.stderr.contains("URL"), "\(url): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cwd + "/" + url.prefix(while: { $0 != ":" }) + ":"))
        }
    }

    @Test(
        "Trust 11: a partial re-import changes only the fields given; zone and slot-length changes under scheduled appointments, control characters and oversized files are refused"
    )
    func trust11Import() throws {
        defer { cleanup() }
        let partial = try write("partial.json", #"{"centers": [{"code": "BOS", "name": "Boston ASC (Tremont)", "hours": {"sat": "09:00-12:00"}}]}"#)
        let r = try run(["import", partial])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try sql("SELECT address FROM centers WHERE code = 'BOS'") == "170 Tremont St", "the address stays")
        #expect(try sql("SELECT name FROM centers WHERE code = 'BOS'") == "Boston ASC (Tremont)")
        #expect(try sql("SELECT count(*) FROM center_hours WHERE center = 'BOS'", Int.self) == 6, "mon-fri kept, sat added")
        let fingerprint = try sql("SELECT group_concat(code || time_zone || slot_minutes || stations || address) FROM centers")
        for (name, doc, field) in [
            ("zone.json", #"{"centers": [{"code": "BOS", "timeZone": "America/Chicago"}]}"#, "timeZone"),
            ("slot.json", #"{"centers": [{"code": "BOS", "slotMinutes": 20}]}"#, "slotMinutes"),
            ("nul.json", "{\"accounts\": [{\"id\": \"eve\", \"role\": \"applicant\", \"name\": \"Eve\\u0000Admin\"}]}", "name"),
            ("esc.json", "{\"centers\": [{\"code\": \"BOS\", \"address\": \"1 Main St\\u001b[2J\"}]}", "address"),
            ("new.json", #"{"centers": [{"code": "NEW", "name": "New ASC"}]}"#, "timeZone")
        ] {
            let bad = try run(["import", try write(name, doc)])
            #expect(bad.status == 2, "\(name): \(bad.stderr)")
            #expect(bad.stderr.contains(field) && bad.stderr.contains("nothing was written"), "\(name): \(bad.stderr)")
            #expect(!bad.stderr.contains("\u{1B}"), "control bytes are escaped in the message")
        }
        #expect(try sql("SELECT group_concat(code || time_zone || slot_minutes || stations || address) FROM centers") == fingerprint)
        #expect(try sql("SELECT count(*) FROM accounts WHERE id = 'eve'", Int.self) == 0)
        let big = dir.appendingPathComponent("big.json").path
        #expect(try sh("truncate -s 65M '\(big)'").status == 0)
        let huge = try run(["import", big])
        #expect(huge.status == 2 && huge.stderr.contains("MiB"), "\(huge.stderr)")
    }

    @Test("Trust 12: a deeply nested theme and an absurd --now end with a clear error, not a crash, and leave nothing half made")
    func trust12Crashes() throws {
        defer { cleanup() }
        let nested = try write("nested.toml", "x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let theme = try Binary.run(["themes", "check", nested])
        #expect(theme.status == 2, "\(theme.stderr)")
        #expect(theme.stderr.contains("nest"))
        let dotted = try write("dotted.toml", "[" + Array(repeating: "a", count: 5_000).joined(separator: ".") + "]\n")
        #expect(try Binary.run(["themes", "check", dotted]).status == 2)
        let far = dir.appendingPathComponent("far.sqlite").path
        let r = try Binary.run(["init", "--demo", "--db", far, "--now", "9999-12-31T00:00:00Z"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: far))
    }

    @Test("Trust 13: --now takes one grammar and checks every field; echoed input is escaped and cut")
    func trust13Smaller() throws {
        defer { cleanup() }
        for bad in [
            "2026-02-30T09:00:00Z", "2026-06-15T09:00:00+25:00", "2026-06-15 09:00:00Z", "2026-06-15T24:00:00Z", "2026-06-15T09:60Z",
            "2026-13-01T09:00Z", "2026-06-15T09:00:00", "2026-06-15T09:00:00+05", "9999-12-31T00:00:00Z", "2026-06-15T09:00:00-14:30"
        ] {
            let r = try Binary.run(["status", "EAC2414052317", "--db", db, "--now", bad])
            #expect(r.status == 2, "\(bad) is refused: \(r.stdout)")
            #expect(r.stderr.contains("YYYY-MM-DDTHH:MM"))
        }
        for good in ["2026-06-15T09:00:00-04:00", "2026-06-15T13:00Z", "2026-06-15T13:00:00.250Z", "2028-02-29T12:00:00+14:00"] {
            #expect(try Binary.run(["status", "EAC2414052317", "--as", "agent", "--db", db, "--now", good]).status == 0, "\(good) is taken")
        }
        #expect(Timestamp.parse("2026-06-15T09:00:00-04:00") == Date(timeIntervalSince1970: 1_781_528_400))
        let long = String(repeating: "Z", count: 10_000)
        let echoed = try Binary.run(["status", "\u{1B}]0;pwned\u{07}" + long, "--db", db, "--now", now])
        #expect(echoed.status == 2)
        #expect(!echoed.stderr.contains("\u{1B}") && !echoed.stderr.contains("\u{07}"), "no control bytes reach the terminal")
        #expect(echoed.stderr.count < 600, "a 10,000-character input is cut: \(echoed.stderr.count) characters")
        let role = try Binary.run(["status", "EAC2414052317", "--db", db, "--now", now, "--as", "agent\u{1B}[2J"])
        #expect(role.status == 2 && role.stderr.contains("\\u{1B}"))
    }

    @Test("Trust 14: backup under write load gives a copy that checks out and restores to a working store")
    func trust14Backup() throws {
        defer { cleanup() }
        // Writers keep rescheduling while the backup runs.
        let load = try sh(
            """
            for i in 1 2 3 4 5 6 7 8; do
              \(Binary.url.path) status EAC2414052317 --as agent --db '\(db)' --now \(now) >/dev/null 2>&1 &
            done
            for d in 22 23 24 25 26; do
              \(Binary.url.path) reschedule EAC2414052317 --as agent --to 2026-06-${d}T09:00 --reason medical --db '\(db)' --now \(now) >/dev/null 2>&1 &
              \(Binary.url.path) reschedule WAC2390112345 --as agent --to 2026-06-${d}T10:00 --reason medical --db '\(db)' --now \(now) >/dev/null 2>&1 &
            done
            \(Binary.url.path) backup '\(dir.path)/backup.sqlite' --db '\(db)' --now \(now) --json; echo "rc=$?"
            wait
            """)
        #expect(load.output.contains("rc=0"), "\(load.output)")
        let backup = dir.appendingPathComponent("backup.sqlite").path
        let check = try Binary.run(["backup", "--check", backup, "--json"])
        #expect(check.status == 0 && check.json["integrity"] as? String == "ok" && check.json["auditIntact"] as? Bool == true, "\(check.stdout)")
        var st = stat()
        #expect(stat(backup, &st) == 0 && st.st_mode & 0o077 == 0)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "one self-contained file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".biosched-backup") }
        #expect(leftovers.isEmpty)
        // A second backup to the same name is refused; the first stays.
        #expect(try run(["backup", backup]).status == 2)
        // Restore, as docs/backup.md says: copy the backup into place, open it.
        let restored = dir.appendingPathComponent("restored.sqlite").path
        try FileManager.default.copyItem(atPath: backup, toPath: restored)
        let status = try Binary.run(["status", "EAC2414052317", "--as", "agent", "--db", restored, "--now", now, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try Binary.run(["audit", "verify", "--db", restored, "--now", now]).status == 0)
        let counters = try DatabaseQueue(path: restored).read { d in
            try Int.fetchOne(
                d,
                sql:
                    "SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))"
            )
        }
        #expect(counters == 0)
    }
}
