import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program running on a pseudo-terminal of its own, the benchmark holding the master side.
///
/// Started with `posix_spawn` (no Swift code runs between fork and exec): the child starts a new
/// session (`POSIX_SPAWN_SETSID`), then opens the slave by name, which makes it its controlling
/// terminal, as a terminal emulator or sshd would; signals blocked or ignored here are reset.
/// The window size is set on the master before the spawn.
final class PtyProcess {
    let pid: pid_t
    let master: Int32
    /// CLOCK_MONOTONIC just before `posix_spawn`.
    let spawnedAt: UInt64
    /// Kept open so that reading the master never reports a hang-up while the child starts or exits.
    private let slave: Int32
    private(set) var exited = false
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        let libc = LibC.shared
        let m = libc.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard m >= 0 else { throw BenchFailure("posix_openpt: \(errorText())") }
        guard libc.grantpt(m) == 0, libc.unlockpt(m) == 0 else {
            close(m)
            throw BenchFailure("grantpt/unlockpt: \(errorText())")
        }
        var name = [CChar](repeating: 0, count: 256)
        guard libc.ptsnameR(m, &name, name.count) == 0 else {
            close(m)
            throw BenchFailure("ptsname_r: \(errorText())")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(m, UInt(TIOCSWINSZ), &size) == 0 else {
            close(m)
            throw BenchFailure("TIOCSWINSZ: \(errorText())")
        }
        let s = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard s >= 0 else {
            close(m)
            throw BenchFailure("open \(slavePath): \(errorText())")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid: opening the slave without O_NOCTTY makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGWINCH, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, sig)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID, which Glibc does not import
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let started = monotonicNS()
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(m)
            close(s)
            throw BenchFailure("posix_spawn \(executable): \(errorText(rc))")
        }
        pid = child
        master = m
        slave = s
        spawnedAt = started
    }

    deinit {
        if !exited { _ = stop() }
        close(master)
        close(slave)
    }

    /// Writes all of `bytes`; returns CLOCK_MONOTONIC just before the first write().
    @discardableResult
    func write(_ bytes: [UInt8]) -> UInt64 {
        let at = monotonicNS()
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            offset += n
        }
        return at
    }

    /// Waits up to `timeoutNS` for output and reads what is there (one read()).
    /// Returns nil on time-out, an empty array when the terminal is gone.
    func read(timeoutNS: UInt64) -> (bytes: ArraySlice<UInt8>, at: UInt64)? {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let deadline = monotonicNS() + timeoutNS
        while true {
            let now = monotonicNS()
            let left = deadline > now ? deadline - now : 0
            // poll() has millisecond resolution: round up so that a quiet gap is never cut short.
            let ms = Int32(clamping: (left + 999_999) / 1_000_000)
            let r = poll(&fds, 1, left == 0 ? 0 : ms)
            if r < 0 {
                if errno == EINTR { continue }
                return ([], monotonicNS())
            }
            if r == 0 {
                if monotonicNS() >= deadline { return nil }
                continue
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            let at = monotonicNS()
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return ([], at)
            }
            return (buffer[0..<n], at)
        }
    }

    /// Whether the child is still running (reaps it when it ended).
    func isRunning() -> Bool {
        guard !exited else { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            exited = true
            return false
        }
        return true
    }

    /// SIGTERM, then SIGKILL after `graceMS`; drains the terminal meanwhile. Returns true if it
    /// ended on SIGTERM.
    @discardableResult
    func stop(graceMS: Int = 2_000, drain: ((ArraySlice<UInt8>) -> Void)? = nil) -> Bool {
        guard !exited else { return true }
        kill(pid, SIGTERM)
        let deadline = monotonicNS() + UInt64(graceMS) * 1_000_000
        while monotonicNS() < deadline {
            if !isRunning() { return true }
            if let chunk = read(timeoutNS: 5_000_000), !chunk.bytes.isEmpty { drain?(chunk.bytes) }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exited = true
        return false
    }

    /// Fields of /proc/PID/smaps_rollup in kB (Rss, Pss, Private_Clean, Private_Dirty, Anonymous, ...).
    func memory() -> [String: Int] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return [:] }
        var out: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, parts[0].hasSuffix(":"), parts[2] == "kB", let v = Int(parts[1]) else { continue }
            out[String(parts[0].dropLast())] = v
        }
        return out
    }
}

func errorText(_ code: Int32 = errno) -> String {
    guard let p = strerror(code) else { return "error \(code)" }
    return String(validatingCString: p) ?? "error \(code)"
}

/// libc functions Swift's Glibc module does not import (they need _XOPEN_SOURCE): looked up at run time.
struct LibC: @unchecked Sendable {
    let posixOpenpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsnameR: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    let wcwidth: @convention(c) (Int32) -> Int32

    static let shared = LibC()

    private init() {
        func symbol<T>(_ name: String, _: T.Type) -> T {
            guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("libc has no \(name)") }
            return unsafeBitCast(p, to: T.self)
        }
        posixOpenpt = symbol("posix_openpt", (@convention(c) (Int32) -> Int32).self)
        grantpt = symbol("grantpt", (@convention(c) (Int32) -> Int32).self)
        unlockpt = symbol("unlockpt", (@convention(c) (Int32) -> Int32).self)
        ptsnameR = symbol("ptsname_r", (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
        wcwidth = symbol("wcwidth", (@convention(c) (Int32) -> Int32).self)
    }
}
