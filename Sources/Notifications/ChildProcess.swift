import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn with an argument vector (never a shell): the child gets the descriptors `files`
/// sets up as 0, 1 and 2 and none of ours above them (not the store's, not a pipe's other end),
/// with no blocked signal and every signal at its default (our threads may block some).
public enum ChildProcess {
    public static func spawn(_ argv: [String], files: (inout posix_spawn_file_actions_t) -> Void) throws(POSIXError) -> pid_t {
        guard let program = argv.first, !program.isEmpty else { throw POSIXError(.ENOENT) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        files(&actions)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for fd in open where fd > 2 && fcntl(fd, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let rc =
            program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, &cArgs, environ)
            : posix_spawnp(&pid, program, &actions, &attributes, &cArgs, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        return pid
    }
}
