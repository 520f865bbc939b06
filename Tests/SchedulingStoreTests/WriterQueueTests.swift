import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

#if canImport(Glibc)
import Glibc
#endif

/// The writers' queue (`WriterQueue`): real writer processes (`store-queue-probe`, driven line by
/// line) on a real SQLite store. Whether a writer has taken its place is read from the queue's
/// ticket counter, so no test waits for a time to pass; the probes' own busy timeout only bounds a
/// test that would otherwise hang.
@Suite("The writers' queue: SQLite writers in separate processes, in order of arrival", .serialized)
struct WriterQueueTests {
    /// A new store with a table the probes write their names to, in order of commit.
    struct ProbeStore {
        let dir: URL
        let path: String

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-queue-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            path = dir.appendingPathComponent("store.sqlite").path
            let store = try SQLiteBookingStore.create(path: path, training: true, createdBy: "officer.jones", now: StoreFixture.now)
            store.close()
            let q = try DatabaseQueue(path: path)
            try q.write { db in
                try db.execute(sql: "CREATE TABLE queue_probe(seq INTEGER PRIMARY KEY, name TEXT NOT NULL, pid INTEGER NOT NULL)")
            }
            try q.close()
        }

        func probe(timeout: Double = 60, as user: String? = nil) throws -> QueueProbe {
            let p = try QueueProbe(path, timeout: timeout, as: user)
            let ready = p.line()
            try #require(ready == "READY", "the probe opened the store: \(ready ?? "(nothing)")")
            return p
        }

        /// The names written so far, in order of commit.
        func names() throws -> [String] {
            let q = try DatabaseQueue(path: path)
            defer { try? q.close() }
            return try q.read { db in try String.fetchAll(db, sql: "SELECT name FROM queue_probe ORDER BY seq") }
        }

        func integrity() throws -> String? {
            let q = try DatabaseQueue(path: path)
            defer { try? q.close() }
            return try q.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        }

        var tickets: UInt64 { WriterQueue.ticketsTaken(beside: path) ?? 0 }

        /// Waits until `count` places in the queue were ever taken (false if that never comes).
        func queued(_ count: UInt64) -> Bool {
            for _ in 0..<12_000 {
                if tickets >= count { return true }
                usleep(5_000)
            }
            return false
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    @Test("Writers in separate processes take the write lock in the order they asked for it, after the one holding it")
    func arrivalOrder() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        let holder = try s.probe()
        defer { holder.end() }
        holder.send("hold a")
        #expect(holder.line() == "HOLDING a")
        var taken = s.tickets
        #expect(taken >= 1, "the holder took a place in the queue")
        var waiting: [QueueProbe] = []
        defer { for w in waiting { w.end() } }
        for i in 1...6 {
            let w = try s.probe()
            waiting.append(w)
            w.send("write b\(i)")
            taken += 1
            try #require(s.queued(taken), "writer b\(i) took its place")
        }
        holder.send("release")
        #expect(holder.line() == "DONE a")
        for (i, w) in waiting.enumerated() { #expect(w.line() == "DONE b\(i + 1)") }
        #expect(try s.names() == ["a", "b1", "b2", "b3", "b4", "b5", "b6"])
    }

    @Test("Eight writer processes with 25 writes each, all asked at once: every write gets through, the file is intact")
    func everyWriterGetsThrough() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        let writers = try (0..<8).map { _ in try s.probe() }
        defer { for w in writers { w.end() } }
        for (i, w) in writers.enumerated() {
            w.send((0..<25).map { "write p\(i)-\($0)" }.joined(separator: "\n"))
        }
        for (i, w) in writers.enumerated() {
            for j in 0..<25 { #expect(w.line() == "DONE p\(i)-\(j)") }
        }
        let names = try s.names()
        #expect(names.count == 200 && Set(names).count == 200)
        #expect(s.tickets >= 200, "every write took a place in the queue")
        #expect(try s.integrity() == "ok")
    }

    @Test("A writer killed while it waits in the queue, or while it holds the lock, does not hold up the writers behind it")
    func killedWritersLeaveNothingHeld() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        // Killed while waiting: the one behind it goes on when the holder commits.
        let a = try s.probe(), b = try s.probe(), c = try s.probe()
        defer { for p in [a, b, c] { p.end() } }
        a.send("hold a")
        #expect(a.line() == "HOLDING a")
        let taken = s.tickets
        b.send("write b")
        try #require(s.queued(taken + 1))
        c.send("write c")
        try #require(s.queued(taken + 2))
        b.kill()
        a.send("release")
        #expect(a.line() == "DONE a")
        #expect(c.line() == "DONE c", "c waited behind b, which was killed while waiting")

        // Killed while holding the lock (inside its transaction): the one behind it goes on, and
        // nothing of the killed writer's transaction is in the store.
        let d = try s.probe(), e = try s.probe()
        defer { for p in [d, e] { p.end() } }
        d.send("hold d")
        #expect(d.line() == "HOLDING d")
        let now = s.tickets
        e.send("write e")
        try #require(s.queued(now + 1))
        d.kill()
        #expect(e.line() == "DONE e")
        #expect(try s.names() == ["a", "c", "e"])
        #expect(try s.integrity() == "ok")
    }

    @Test("A holder that hangs: the writer behind it still says the store is busy after its busy timeout, and writes again later")
    func hangingHolderEndsInStoreBusy() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        let a = try s.probe(), b = try s.probe(timeout: 0.5), c = try s.probe()
        defer { for p in [a, b, c] { p.end() } }
        a.send("hold a")
        #expect(a.line() == "HOLDING a")
        let taken = s.tickets
        b.send("write b")
        let busy = b.line() ?? ""
        #expect(busy.hasPrefix("ERROR b ") && busy.contains(Catalog.en.lockedTooLong), "\(busy)")
        #expect(s.tickets == taken + 1, "b waited in the queue, then gave up")
        // c comes after b's place, which b keeps until a is gone.
        c.send("write c")
        try #require(s.queued(taken + 2))
        a.send("release")
        #expect(a.line() == "DONE a")
        #expect(c.line() == "DONE c")
        b.send("write b2")
        #expect(b.line() == "DONE b2")
        #expect(try s.names() == ["a", "c", "b2"])
    }

    @Test("Two stores on one file in one process queue for the lock like two processes")
    func twoStoresInOneProcess() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        let first = try SQLiteBookingStore(path: s.path), second = try SQLiteBookingStore(path: s.path)
        defer {
            first.close()
            second.close()
        }
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? first.sqlWrite { db in
                try db.run(sql: "INSERT INTO queue_probe(name, pid) VALUES ('first', 0)")
                holding.signal()
                release.wait()
            }
            done.signal()
        }.start()
        holding.wait()
        let taken = s.tickets
        Thread {
            try? second.sqlWrite { db in try db.run(sql: "INSERT INTO queue_probe(name, pid) VALUES ('second', 0)") }
            done.signal()
        }.start()
        try #require(s.queued(taken + 1), "the second store took a place behind the first")
        release.signal()
        done.wait()
        done.wait()
        #expect(try s.names() == ["first", "second"])
    }

    @Test("A side file that is not the queue's (a folder, a link, a FIFO, a big file) is left as it was, and writes go on without the queue")
    func unusableSideFile() throws {
        for kind in ["folder", "link", "fifo", "big file"] {
            let s = try ProbeStore()
            defer { s.remove() }
            let side = s.path + WriterQueue.suffix
            let target = s.dir.appendingPathComponent("elsewhere").path
            let big = Data(repeating: 7, count: 10_000)
            switch kind {
            case "folder": try FileManager.default.createDirectory(atPath: side, withIntermediateDirectories: false)
            case "link":
                try Data("not the queue".utf8).write(to: URL(fileURLWithPath: target))
                try FileManager.default.createSymbolicLink(atPath: side, withDestinationPath: target)
            case "fifo": #expect(mkfifo(side, 0o600) == 0)
            default: try big.write(to: URL(fileURLWithPath: side))
            }
            let w = try s.probe()
            w.send("write x")
            #expect(w.line() == "DONE x", "\(kind)")
            w.end()
            #expect(try s.names() == ["x"], "\(kind)")
            var st = stat()
            #expect(lstat(side, &st) == 0, "\(kind)")
            switch kind {
            case "folder": #expect((st.st_mode & S_IFMT) == S_IFDIR)
            case "link":
                #expect((st.st_mode & S_IFMT) == S_IFLNK)
                #expect(try String(contentsOfFile: target, encoding: .utf8) == "not the queue")
            case "fifo": #expect((st.st_mode & S_IFMT) == S_IFIFO)
            default: #expect(try Data(contentsOf: URL(fileURLWithPath: side)) == big)
            }
        }
    }

    @Test("A store in a folder this user cannot write (its -wal and -shm writable) takes writes without a queue file")
    func readOnlyFolder() throws {
        let s = try ProbeStore()
        defer {
            chmod(s.dir.path, 0o755)
            s.remove()
        }
        // The store stays open here, so its -wal and -shm stay beside it.
        let keep = try DatabasePool(path: s.path)
        defer { try? keep.close() }
        _ = try keep.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM queue_probe") }
        for f in ["", "-wal", "-shm"] { chmod(s.path + f, 0o666) }
        // As root the folder's mode does not stop root: the writer is then `nobody`.
        let user: String? = geteuid() == 0 ? "nobody" : nil
        chmod(s.dir.path, 0o755)
        if user == nil { chmod(s.dir.path, 0o555) }
        let w = try s.probe(as: user)
        w.send("write ro")
        #expect(w.line() == "DONE ro")
        w.end()
        #expect(try s.names() == ["ro"])
        #expect(!FileManager.default.fileExists(atPath: s.path + WriterQueue.suffix))
    }

    @Test("The queue file is made with the store's mode (a group's too), whatever the umask")
    func sideFileMode() throws {
        let s = try ProbeStore()
        defer { s.remove() }
        chmod(s.path, 0o660)
        let w = try s.probe()
        w.send("write m")
        #expect(w.line() == "DONE m")
        w.end()
        var st = stat()
        #expect(stat(s.path + WriterQueue.suffix, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o660, "the store's 0660: a umask would take the group's write away if the mode were not set again")
    }
}

/// One `store-queue-probe` process: commands in on stdin, one line out for each.
final class QueueProbe {
    let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer: [UInt8] = []

    init(_ store: String, timeout: Double, as user: String?) throws {
        let probe = Binary.sibling("store-queue-probe").path
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", probe, store, String(timeout)]
        } else {
            process.executableURL = URL(fileURLWithPath: probe)
            process.arguments = [store, String(timeout)]
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ text: String) { try? input.fileHandleForWriting.write(contentsOf: Data((text + "\n").utf8)) }

    /// The probe's next line; nil when it ended, or said nothing for two minutes (a test that
    /// would hang fails instead).
    func line() -> String? {
        let fd = output.fileHandleForReading.fileDescriptor
        while true {
            if let i = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<i], as: UTF8.self)
                buffer.removeFirst(i + 1)
                return line
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 120_000) == 1 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
        }
    }

    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Ends the probe (stdin closed: it exits), or kills it if it is still inside a write.
    func end() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            usleep(1_000)
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
    }
}
