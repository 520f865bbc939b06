import Foundation
import Scheduling
import Testing

@testable import SchedulingStore

/// A child process of the real binary, started with posix_spawn; its peak memory is the highest
/// `VmHWM` of /proc/PID/status seen while it runs (sampled after every write and while waiting).
/// Not `wait4`'s ru_maxrss: Linux carries the test process's own high-water mark into a child
/// across exec, so under a busy test run it read 140 MB for a process of 57 MB. Standard output
/// and error share one pipe.
struct Spawned {
    final class Peak { var kib = 0 }
    let pid: pid_t
    let stdin: Int32
    let output: Int32
    let peak = Peak()

    /// The process's own peak resident set so far (its current memory map's high-water mark).
    func sample() {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return }
        peak.kib = max(peak.kib, kib)
    }

    static func start(_ args: [String], env extra: [String: String] = [:]) throws -> Spawned {
        signal(SIGPIPE, SIG_IGN) // writing to a child that has gone answers EPIPE, never kills the test
        var input: [Int32] = [0, 0], out: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&out) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, out[1], 2)
        for fd in [input[0], input[1], out[0], out[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var env = ProcessInfo.processInfo.environment
        env["BIOSCHED_DB"] = nil
        for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] { env[k] = nil }
        env["LANG"] = "C.UTF-8"
        for (k, v) in extra { env[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([Binary.url.path] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, Binary.url.path, &actions, nil, argv, envp)
        close(input[0])
        close(out[1])
        guard rc == 0 else { throw CocoaError(.executableNotLoadable) }
        _ = fcntl(input[1], F_SETFL, fcntl(input[1], F_GETFL) | O_NONBLOCK)
        return Spawned(pid: pid, stdin: input[1], output: out[0])
    }

    /// Writes `bytes` repeated up to `total` bytes while the child reads; stops when the child
    /// closes its end (EPIPE) or `limit` seconds pass. Returns how many bytes went in.
    func feed(_ chunk: [UInt8], total: Int, pause: TimeInterval = 0, limit: TimeInterval = 60) -> Int {
        var sent = 0
        let end = Date().addingTimeInterval(limit)
        while sent < total && Date() < end {
            sample()
            var p = pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)
            if poll(&p, 1, 200) <= 0 {
                if exited { break }
                continue
            }
            let n = chunk.withUnsafeBytes { write(stdin, $0.baseAddress, min($0.count, total - sent)) }
            if n < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                break
            }
            sent += n
            if pause > 0 {
                Thread.sleep(forTimeInterval: pause)
                if exited { break }
            }
        }
        return sent
    }

    /// Whether the child has ended (a zombie not yet reaped, read from /proc).
    var exited: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Waits, writing nothing, until the child ends or `limit` seconds pass; whether it ended.
    func waitExit(limit: TimeInterval) -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            sample()
            if exited { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return exited
    }

    /// Closes standard input, reads everything the child says, and reaps it: exit status, text, peak RSS in KiB.
    func finish(killAfter limit: TimeInterval = 60) -> (status: Int32, text: String, maxRSSKiB: Int) {
        close(stdin)
        var data = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65_536)
        let end = Date().addingTimeInterval(limit)
        while true {
            sample()
            var p = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 200) == 0 {
                if Date() > end { kill(pid, SIGKILL) }
                continue
            }
            let n = buf.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            data += buf[0..<n]
        }
        close(output)
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        _ = usage
        return (code, String(decoding: data, as: UTF8.self), peak.kib)
    }
}

/// Issue 20: every line read from a stranger is bounded, in bytes and in time, in the real binary.
@Suite("Enrollment and plain mode read bounded lines (issue 20)", .serialized)
struct EnrollInputTests {
    /// A store with a code for maria, and the file sshd would name in SSH_USER_AUTH.
    static func setUp() throws -> (StoreFixture, String, [String: String]) {
        let f = try StoreFixture()
        let code = try f.store.issueEnrollmentCode(account: "maria", by: StoreFixture.agent, now: StoreFixture.now)
        let auth = f.dir.appendingPathComponent("auth-info").path
        let k = KeyRegistryTests.key(40)
        try Data("publickey \(k.type) \(k.blob)\n".utf8).write(to: URL(fileURLWithPath: auth))
        return (f, code, ["SSH_USER_AUTH": auth, "SSH_CONNECTION": "198.51.100.7 52000 127.0.0.1 22"])
    }

    static func enroll(_ f: StoreFixture, _ extra: [String] = []) -> [String] {
        ["enroll", "--db", f.path, "--now", "2026-06-15T13:00:00Z"] + extra
    }

    @Test("One very long line (256 MB offered) ends the session after the bound, and the process stays small")
    func longLineMemoryBound() throws {
        let (f, _, env) = try Self.setUp()
        defer { f.remove() }
        let p = try Spawned.start(Self.enroll(f), env: env)
        let sent = p.feed([UInt8](repeating: UInt8(ascii: "E"), count: 1 << 16), total: 256 << 20)
        let r = p.finish()
        print("enroll, one long line: \(sent) bytes taken before the session ended, peak RSS \(r.maxRSSKiB) KiB")
        #expect(r.text.contains("That line is longer than 100 characters"), "\(r.text)")
        #expect(r.status != 0)
        #expect(sent < 8 << 20, "the session stopped reading: \(sent) bytes went in")
        #expect(r.maxRSSKiB < 96 * 1024, "peak RSS \(r.maxRSSKiB) KiB")
        #expect(try f.count("SELECT count(*) FROM enrollment_attempts") == 0)
    }

    @Test("A slow drip (a byte every 0.2 s, never a newline) ends at the session's time limit; silence ends at the idle limit")
    func slowDripAndSilence() throws {
        let (f, _, env) = try Self.setUp()
        defer { f.remove() }
        let p = try Spawned.start(Self.enroll(f, ["--idle-timeout", "2", "--session-timeout", "3"]), env: env)
        let sent = p.feed([UInt8(ascii: "E")], total: 300, pause: 0.2, limit: 60)
        let ended = p.exited
        let r = p.finish()
        #expect(ended && sent < 300, "the session ended by itself while bytes still came (\(sent) sent)")
        #expect(r.text.contains("Nothing was typed for 2 seconds (or the session's time ran out)"), "\(r.text)")
        // Silence: nothing at all.
        let q = try Spawned.start(Self.enroll(f, ["--idle-timeout", "1"]), env: env)
        let silentEnded = q.waitExit(limit: 20) // writes nothing, keeps standard input open
        let s = q.finish()
        #expect(silentEnded && s.text.contains("Nothing was typed for 1 seconds"), "\(s.text)")
        #expect(
            try Binary.run(Self.enroll(f, ["--idle-timeout", "0"]), env: env).stderr.contains(
                "--idle-timeout: expected a whole number of seconds from 1 to 3600"))
    }

    @Test("No oracle through the binary: the same wrong codes for a known and an unknown receipt print the same text")
    func sameTextKnownAndUnknown() throws {
        let (f, _, env) = try Self.setUp()
        defer { f.remove() }
        func session(_ receipt: String, from client: String) throws -> String {
            var e = env
            e["SSH_CONNECTION"] = "\(client) 52000 127.0.0.1 22"
            let p = try Spawned.start(Self.enroll(f), env: e)
            let lines = (0..<3).map { "\(receipt)\n\(EnrollmentHardeningTests.wrong($0))\n" }.joined()
            _ = p.feed(Array(lines.utf8), total: lines.utf8.count)
            return p.finish().text
        }
        let known = try session("EAC2414052317", from: "198.51.100.7")
        let unknown = try session("EAC2499999999", from: "198.51.100.8")
        #expect(known.contains("2 tries left this hour"), "\(known)")
        #expect(known == unknown)
        // After the pause started, both get the same pause text.
        _ = try session("EAC2414052317", from: "198.51.100.7")
        _ = try session("EAC2499999999", from: "198.51.100.8")
        let knownPaused = try session("EAC2414052317", from: "198.51.100.7")
        let unknownPaused = try session("EAC2499999999", from: "198.51.100.8")
        #expect(knownPaused.contains("Too many wrong tries for this receipt number from your network"), "\(knownPaused)")
        #expect(knownPaused == unknownPaused)
    }

    @Test("Plain mode ends a session whose line passes its bound, and reads normal lines as before")
    func plainModeBound() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let args = ["tui", "--plain", "--db", f.path, "--now", "2026-06-15T13:00:00Z", "--as", "applicant", "--account", "maria"]
        let p = try Spawned.start(args)
        let sent = p.feed([UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16), total: 64 << 20)
        let r = p.finish()
        print("plain mode, one long line: \(sent) bytes taken, peak RSS \(r.maxRSSKiB) KiB")
        #expect(r.text.contains("That line is longer than 4096 characters"), "\(r.text.suffix(400))")
        #expect(sent < 8 << 20 && r.maxRSSKiB < 128 * 1024)
        let q = try Spawned.start(args + ["--idle-timeout", "1"])
        let ended = q.waitExit(limit: 20)
        #expect(ended && q.finish().text.contains("Nothing was typed for 1 seconds"))
    }
}
