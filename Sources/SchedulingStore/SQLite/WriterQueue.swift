import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The writers' queue of one SQLite store: every process (and every store object in a process)
/// that writes takes a place in it before `BEGIN IMMEDIATE` and leaves it after `COMMIT`, so the
/// write lock goes in order of arrival instead of to whichever waiter polls at the right instant
/// (docs/architecture.md, "The writers' queue").
///
/// It lives in a small side file beside the store (`<store>-queue`, the store's mode and group)
/// and is made of kernel file locks only (Linux open-file-description locks, `F_OFD_SETLK`), so
/// a process that dies, however it dies, leaves nothing held: the kernel drops its locks. The
/// queue is a CLH queue of one-byte locks:
/// - under a short guard lock (byte 0) a writer reads the ticket counter (the file's first eight
///   bytes), writes it back plus one, and locks its own node (the byte for its ticket) before the
///   guard is let go, so the next writer always finds it held;
/// - it then waits for the node of the ticket before its own: when that byte can be locked, the
///   writer before it has committed, given up or died; it is now first and begins its transaction.
///
/// SQLite's own lock stays the mutual exclusion (a writer that does not queue, e.g. another
/// program or an older biosched, is still kept out by it, and the busy handler still waits for it
/// and still gives up after the timeout). The queue only decides who asks next. Nothing here is
/// needed for correctness: when the side file cannot be made or used (a folder this user cannot
/// write, a file that is not a small regular file of the queue, no OFD locks on this system), the
/// store writes as before, with the busy handler alone.
///
/// A blocking lock has no timeout, so the wait for the writer before is done by a helper thread
/// while the writer waits on a semaphore with the store's busy timeout: past it, the write fails as
/// "store busy" as it always did, and the helper keeps the place until the writer before it is gone
/// (it then lets both go at once). The helper thread is started on the first wait and ends after
/// two idle seconds.
final class WriterQueue: @unchecked Sendable {
    /// The side file's name is the store's plus this.
    static let suffix = "-queue"
    /// The guard lock's byte, and where the counter is (the file's first eight bytes).
    static let guardByte: Int64 = 0
    /// Node bytes: `nodeBase + ticket % nodes`. Far more nodes than writers can ever wait at once.
    static let nodeBase: Int64 = 4096
    static let nodes: UInt64 = 1 << 20
    /// A side file larger than this is not the queue's (it only ever holds the eight-byte counter):
    /// it is left alone.
    static let largestFile = 4096
    /// How long the helper thread stays when no writer waits.
    static let helperIdleSeconds: TimeInterval = 2

    /// Where a writer stands after `enter`.
    enum Place: Equatable {
        /// First in the queue: begin the transaction, then `leave(node)`.
        case first(node: Int64)
        /// The queue cannot be used now: write without it (the busy handler alone).
        case unavailable
        /// The busy timeout passed while waiting in the queue.
        case timedOut
    }

    private let fd: Int32
    /// Guards `job` and `helperRunning`; the helper thread waits on it for work.
    private let state = NSCondition()
    private var job: Job?
    private var helperRunning = false

    /// One wait for the node before, handed to the helper thread.
    private final class Job: @unchecked Sendable {
        let node: Int64
        let before: Int64
        let done = DispatchSemaphore(value: 0)
        var started = false
        var finished = false
        var gotIt = false
        var abandoned = false
        init(node: Int64, before: Int64) {
            self.node = node
            self.before = before
        }
    }

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// The queue beside the store at `store`, or nil when it cannot be used (the caller then writes
    /// as before). Creates the side file with the store's permissions and group when it is missing.
    static func beside(_ store: String) -> WriterQueue? {
        #if os(Linux)
        var db = stat()
        guard stat(store, &db) == 0 else { return nil }
        let mode = db.st_mode & 0o666
        let fd = open(store + suffix, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, mode)
        guard fd >= 0 else { return nil }
        var st = stat()
        // Only a small regular file with one name is written: never a link to another file, a
        // FIFO or a device put there under this name.
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1, st.st_size <= largestFile else {
            close(fd)
            return nil
        }
        // Made by this call (or by another writer an instant before): the store's mode and group,
        // whatever the umask, so every user who can write the store can queue.
        if st.st_size == 0 && st.st_uid == geteuid() {
            fchmod(fd, mode)
            if st.st_gid != db.st_gid { _ = fchown(fd, uid_t.max, db.st_gid) }
        }
        let queue = WriterQueue(fd: fd)
        // OFD locks are Linux 3.15 and later, and not every file system has them. The guard held by
        // another writer at this instant (EAGAIN, EACCES) says they work too: this store must not
        // write without the queue for the rest of its life because of one busy moment.
        let probe = queue.lock(guardByte, wait: false)
        if probe == 0 {
            queue.unlock(guardByte)
        } else if probe != EAGAIN && probe != EACCES {
            return nil
        }
        return queue
        #else
        return nil
        #endif
    }

    /// Takes a ticket and waits until every writer that came before has left (or died), or until
    /// `deadline` (`DispatchTime.now().uptimeNanoseconds` scale). One writer at a time per queue:
    /// the store calls it from its writer connection's queue, which runs one write at a time.
    func enter(deadline: UInt64) -> Place {
        state.lock()
        // A wait that timed out still holds its place until the writer before it goes: until then
        // this store writes without the queue.
        let helperBusy = job != nil
        state.unlock()
        if helperBusy { return .unavailable }

        // 1. The guard: held for a read, a write and a lock; a holder that is not running makes
        // the others poll, never longer than the deadline.
        var tries = 0
        while true {
            let e = lock(Self.guardByte, wait: false)
            if e == 0 { break }
            guard e == EAGAIN || e == EACCES else { return .unavailable }
            if DispatchTime.now().uptimeNanoseconds >= deadline { return .timedOut }
            tries += 1
            if tries < 8 { sched_yield() } else { usleep(200) }
        }
        // 2. The ticket, and this writer's node locked before the guard goes.
        var stored: UInt64 = 0
        let got = pread(fd, &stored, 8, 0)
        let ticket = got == 8 ? UInt64(littleEndian: stored) : 0
        var next = (ticket &+ 1).littleEndian
        let node = Self.node(ticket), before = Self.node(ticket &- 1)
        let mine = pwrite(fd, &next, 8, 0) == 8 ? lock(node, wait: false) : EIO
        unlock(Self.guardByte)
        guard mine == 0 else { return .unavailable }

        // 3. The writer before: gone already, or waited for by the helper thread.
        let e = lock(before, wait: false)
        if e == 0 {
            unlock(before)
            return .first(node: node)
        }
        guard e == EAGAIN || e == EACCES else {
            unlock(node)
            return .unavailable
        }
        let waiting = Job(node: node, before: before)
        state.lock()
        job = waiting
        if !helperRunning {
            helperRunning = true
            let thread = Thread { [self] in helperLoop() }
            thread.stackSize = 1 << 16
            thread.start()
        }
        state.signal()
        state.unlock()
        let now = DispatchTime.now().uptimeNanoseconds
        _ = waiting.done.wait(timeout: DispatchTime(uptimeNanoseconds: max(now, deadline)))
        state.lock()
        defer { state.unlock() }
        if waiting.finished { return waiting.gotIt ? .first(node: node) : .unavailable }
        waiting.abandoned = true
        return .timedOut
    }

    /// Leaves the queue: the next writer may begin.
    func leave(_ node: Int64) { unlock(node) }

    /// The helper thread: waits (blocking, in the kernel) for the node before a writer's, then
    /// hands the place over, or lets it go when the writer gave up meanwhile.
    private func helperLoop() {
        state.lock()
        while true {
            if let waiting = job, !waiting.started {
                waiting.started = true
                state.unlock()
                let e = lock(waiting.before, wait: true)
                if e == 0 { unlock(waiting.before) }
                state.lock()
                job = nil
                waiting.finished = true
                waiting.gotIt = e == 0 && !waiting.abandoned
                if !waiting.gotIt { unlock(waiting.node) }
                waiting.done.signal()
                continue
            }
            if !state.wait(until: Date(timeIntervalSinceNow: Self.helperIdleSeconds)) && job == nil {
                helperRunning = false
                state.unlock()
                return
            }
        }
    }

    static func node(_ ticket: UInt64) -> Int64 { nodeBase + Int64(ticket % nodes) }

    /// `F_OFD_SETLK` and `F_OFD_SETLKW` (Linux's fcntl.h, the same on every architecture): Swift's
    /// Glibc module leaves out what needs `_GNU_SOURCE`.
    static let setLock: Int32 = 37, setLockWaiting: Int32 = 38

    /// A write lock on one byte of the side file (0, or the errno).
    private func lock(_ byte: Int64, wait: Bool) -> Int32 { setLock(Int16(F_WRLCK), byte, wait: wait) }

    private func unlock(_ byte: Int64) { _ = setLock(Int16(F_UNLCK), byte, wait: false) }

    private func setLock(_ type: Int16, _ byte: Int64, wait: Bool) -> Int32 {
        #if os(Linux)
        var fl = flock()
        fl.l_type = type
        fl.l_whence = Int16(SEEK_SET)
        fl.l_start = off_t(byte)
        fl.l_len = 1
        fl.l_pid = 0
        while true {
            let r = withUnsafeMutablePointer(to: &fl) { fcntl(fd, wait ? Self.setLockWaiting : Self.setLock, $0) }
            if r == 0 { return 0 }
            if errno != EINTR { return errno }
        }
        #else
        return ENOTSUP
        #endif
    }

    /// The next ticket of the queue beside `store` (how many places were ever taken), read without
    /// the guard: for tests and diagnostics.
    static func ticketsTaken(beside store: String) -> UInt64? {
        let fd = open(store + suffix, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var stored: UInt64 = 0
        return pread(fd, &stored, 8, 0) == 8 ? UInt64(littleEndian: stored) : 0
    }
}
