import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `biosched-bench idle`: N `biosched tui` sessions left alone on pseudo-terminals of their own,
/// and what they cost while nobody types: CPU time (all threads, from /proc/PID/task/*/stat) and
/// wake-ups (voluntary context switches, /proc/PID/task/*/status) over a measured window, and
/// anonymous memory. Prints figures; asserts nothing (docs/benchmarks.md).
enum IdleBenchmark {
    struct Options {
        var biosched: String?
        var sessions = 400
        var settleSeconds = 5
        var seconds = 60
        var calendar = false
        var cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("biosched-bench")

        static let usage = """
            usage: biosched-bench idle [--biosched PATH] [--sessions N] [--settle S] [--seconds S] [--calendar] [--cache DIR]
            """

        init(_ args: [String]) throws {
            var options = OptionReader(args, usage: Self.usage)
            while let option = options.current {
                switch option {
                case "--biosched": biosched = try options.value()
                case "--sessions": sessions = try options.number()
                case "--settle": settleSeconds = try options.number()
                case "--seconds": seconds = try options.number()
                case "--calendar": calendar = true
                case "--cache": cache = URL(fileURLWithPath: try options.value())
                default: throw options.unknown()
                }
                options.advance()
            }
        }
    }

    /// CPU time in clock ticks and context switches of every thread of a process.
    struct Usage {
        var ticks = 0
        var voluntary = 0
        var involuntary = 0
        var threads = 0

        static func of(_ pid: pid_t) -> Usage {
            var u = Usage()
            let dir = "/proc/\(pid)/task"
            for tid in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                u.threads += 1
                if let stat = try? String(contentsOfFile: "\(dir)/\(tid)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                {
                    // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
                    let fields = stat[stat.index(after: close)...].split(separator: " ")
                    if fields.count > 13 { u.ticks += (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) }
                }
                if let status = try? String(contentsOfFile: "\(dir)/\(tid)/status", encoding: .utf8) {
                    for line in status.split(separator: "\n") {
                        let parts = line.split(separator: ":")
                        guard parts.count == 2, let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
                        if parts[0] == "voluntary_ctxt_switches" { u.voluntary += n }
                        if parts[0] == "nonvoluntary_ctxt_switches" { u.involuntary += n }
                    }
                }
            }
            return u
        }
    }

    static func run(_ args: [String]) throws {
        let o = try Options(args)
        var terminal = try TerminalBenchmark.Options([])
        terminal.biosched = o.biosched
        terminal.cache = o.cache
        let work = o.cache.appendingPathComponent("idle-run-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let home = work.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let biosched = try TerminalBenchmark.findBiosched(terminal)
        let store = try TerminalBenchmark.demoStore(biosched: biosched, o: terminal, work: work)
        var environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": work.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        ]
        if let user = ProcessInfo.processInfo.environment["USER"] { environment["USER"] = user }
        note("biosched: \(biosched), \(o.sessions) sessions on one demo store \(store)\(o.calendar ? ", each in the calendar" : "")")

        // Start them all; drain every terminal so that no session blocks on a full one.
        var sessions: [PtyProcess] = []
        defer { for s in sessions { s.stop(graceMS: 500) } }
        for _ in 0..<o.sessions {
            sessions.append(
                try PtyProcess(
                    executable: biosched,
                    arguments: ["tui", "--db", store, "--now", terminal.now, "--as", "agent", "--idle-timeout", "0"],
                    environment: environment, columns: 80, rows: 24))
            drain(sessions, forMS: 0)
        }
        drain(sessions, forMS: 1_000)
        if o.calendar {
            for s in sessions {
                s.write(Array((terminal.receipt + "\r").utf8))
                drain(sessions, forMS: 0)
            }
        }
        drain(sessions, forMS: o.settleSeconds * 1000)
        let alive = sessions.filter { $0.isRunning() }
        guard alive.count == sessions.count else { throw BenchFailure("\(sessions.count - alive.count) sessions ended early") }

        let before = sessions.map { Usage.of($0.pid) }
        let t0 = monotonicNS()
        drain(sessions, forMS: o.seconds * 1000)
        let elapsed = Double(monotonicNS() - t0) / 1e9
        let after = sessions.map { Usage.of($0.pid) }
        let anonymous = sessions.map { Double($0.memory()["Anonymous"] ?? 0) / 1024 }
        // Sessions whose theme file is watched by inotify (the others look at it every 5 s).
        let watched = sessions.filter { s in
            let dir = "/proc/\(s.pid)/fd"
            return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).contains {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/\($0)")) == "anon_inode:inotify"
            }
        }.count

        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpuMS = zip(before, after).map { Double($1.ticks - $0.ticks) / hz * 1000 }
        let wakeups = zip(before, after).map { Double($1.voluntary - $0.voluntary) / elapsed }
        let involuntary = zip(before, after).map { Double($1.involuntary - $0.involuntary) / elapsed }
        let threads = after.map(\.threads)
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(1, xs.count)) }
        print(
            "biosched-bench idle: \(o.sessions) sessions of `biosched tui` at 80x24, \(o.calendar ? "in the calendar" : "on the find screen"), "
                + "measured \(fmt(elapsed, 1)) s after \(o.settleSeconds) s of settling")
        print(
            table([
                ["metric", "all sessions", "per session"],
                ["CPU time in the window (ms)", fmt(cpuMS.reduce(0, +), 0), fmt(mean(cpuMS), 2)],
                ["CPU per minute (ms)", fmt(cpuMS.reduce(0, +) / elapsed * 60, 0), fmt(mean(cpuMS) / elapsed * 60, 2)],
                ["wake-ups per second (voluntary switches)", fmt(wakeups.reduce(0, +), 1), fmt(mean(wakeups), 3)],
                ["involuntary switches per second", fmt(involuntary.reduce(0, +), 1), fmt(mean(involuntary), 3)],
                ["busiest session: wake-ups per second", "", fmt(wakeups.max() ?? 0, 3)],
                ["threads (min / max)", "", "\(threads.min() ?? 0) / \(threads.max() ?? 0)"],
                ["anonymous memory (MiB, mean)", fmt(anonymous.reduce(0, +), 0), fmt(mean(anonymous), 2)],
                ["sessions with an inotify watch", "\(watched) of \(sessions.count)", ""]
            ]))
    }

    /// Reads whatever the sessions wrote, for `forMS` milliseconds (one pass when 0).
    static func drain(_ sessions: [PtyProcess], forMS: Int) {
        let deadline = monotonicNS() + UInt64(forMS) * 1_000_000
        repeat {
            var fds = sessions.map { pollfd(fd: $0.master, events: Int16(POLLIN), revents: 0) }
            let left = Int32(clamping: Int64(deadline > monotonicNS() ? (deadline - monotonicNS()) / 1_000_000 : 0))
            guard poll(&fds, nfds_t(fds.count), min(left, 1000)) > 0 else { continue }
            for (i, fd) in fds.enumerated() where fd.revents & Int16(POLLIN) != 0 { _ = sessions[i].read(timeoutNS: 0) }
        } while monotonicNS() < deadline
    }
}
