import Foundation
import GRDB
import Scheduling
import SchedulingStore

/// `biosched-bench keys`: what sshd waits for at every login, `AuthorizedKeysCommand`, timed as
/// sshd runs it (a new process each time, stdout read to the end) on a copy of the demo store
/// (50,000+ cases) with one key in it: the C fast path `biosched-authorized-keys` for a known and
/// an unknown key, and `biosched access authorized-keys` for comparison.
enum KeyLookupBenchmark {
    static let usage = "usage: biosched-bench keys [--runs N] [--store PATH] [--fast PATH]"

    static func run(_ args: [String]) throws {
        var runs = 300, storePath: String?, fastPath: String?
        var a = OptionReader(args, usage: usage)
        while let arg = a.current {
            switch arg {
            case "--runs": runs = try a.number()
            case "--store": storePath = try a.value()
            case "--fast": fastPath = try a.value()
            default: throw a.unknown()
            }
            a.advance()
        }
        let dir = URL(fileURLWithPath: executablePath()).deletingLastPathComponent()
        let biosched = dir.appendingPathComponent("biosched").path
        let fast = fastPath ?? dir.appendingPathComponent("biosched-authorized-keys").path
        let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("biosched-bench-keys-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("store.sqlite").path
        if let storePath {
            try FileManager.default.copyItem(atPath: storePath, toPath: db)
        } else {
            note("Making the demo store (biosched init --demo) in \(work.path) ...")
            guard spawn(biosched, ["init", "--demo", "--db", db], quiet: true) == 0 else { throw BenchFailure("biosched init --demo failed") }
        }
        let known = key(1), unknown = key(2)
        let peek = try DatabaseQueue(path: db)
        let (account, cases) = try peek.read { db in
            (
                try String.fetchOne(db, sql: "SELECT id FROM accounts WHERE role = 'applicant' ORDER BY id LIMIT 1") ?? "maria",
                try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
            )
        }
        try peek.close()
        let store = try SQLiteBookingStore(path: db)
        try store.addKey(known, for: .account(account, .applicant), how: "officer", by: Actor(role: .officer, id: "bench"), now: Date())
        store.close()
        // sshd names the account the lookup runs as (issue 20: another user gets nothing).
        let me = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "biosched"
        guard captured(fast, ["--db", db, me, known.type, known.blob]).hasPrefix("command=") else {
            throw BenchFailure("the fast lookup printed no line for the known key")
        }
        note("\(cases) cases, one key (account \(account)); \(runs) runs each, a new process each time.")
        var rows = [["lookup", "key", "p50 ms", "p99 ms", "max ms"]]
        for (label, program, prefix, k) in [
            ("biosched-authorized-keys", fast, [String](), known),
            ("biosched-authorized-keys", fast, [], unknown),
            ("biosched access authorized-keys", biosched, ["access", "authorized-keys"], known),
            ("biosched --version (process start)", biosched, [], known)
        ] {
            let args = label.hasSuffix("(process start)") ? ["--version"] : prefix + ["--db", db, me, k.type, k.blob]
            var samples: [UInt64] = []
            for _ in 0..<runs {
                let t0 = monotonicNS()
                guard spawn(program, args, quiet: true) == 0 else { throw BenchFailure("\(label) failed") }
                samples.append(monotonicNS() - t0)
            }
            rows.append([
                label, label.hasSuffix("(process start)") ? "—" : (k == known ? "known" : "unknown"),
                fmt(ms(percentile(samples, 50))), fmt(ms(percentile(samples, 99))), fmt(ms(samples.max() ?? 0))
            ])
        }
        print(table(rows))
    }

    static func key(_ n: UInt8) -> PublicKey {
        var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        bytes += (0..<32).map { UInt8(truncatingIfNeeded: Int($0) * 13 + Int(n)) }
        return try! PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString()) bench\(n)")
    }

    /// posix_spawn and wait, stdout and stderr to /dev/null (as fast as sshd's own fork and exec).
    static func spawn(_ path: String, _ args: [String], quiet: Bool) -> Int32 {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    static func captured(_ path: String, _ args: [String]) -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = out
        guard (try? p.run()) != nil else { return "" }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
