import Foundation
import Scheduling

/// The store file on disk, looked at before SQLite touches it: a file that is not a biosched store
/// is never changed (SQLite would switch it to WAL or run migrations on it), a new store is made
/// for its owner only, and nothing is removed that this process did not create.
public enum StoreFile {
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8) // not for a person: the file header SQLite writes

    /// Refuses, without opening it as a database, any file that is not a biosched store.
    static func checkIsBioschedStore(_ path: String) throws(StoreError) {
        // Opened without waiting (a FIFO given as the store would block an open for reading until
        // a writer came), then it must be a regular file: a FIFO, a device or a folder is refused.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            if FileManager.default.fileExists(atPath: path) {
                throw .unusableStore(Localized { $0.storeUnreadable(path, String(cString: strerror(EACCES))) })
            }
            throw .unusableStore(Localized { $0.noStoreAt(path) })
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw .unusableStore(Localized { $0.storeNotRegularFile(path) })
        }
        var buffer = [UInt8](repeating: 0, count: 100)
        var got = 0
        while got < 100 {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, 100 - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        let header = Array(buffer[0..<got])
        guard !header.isEmpty else {
            throw .unusableStore(Localized { $0.storeFileEmpty(path) })
        }
        guard header.count == 100, Array(header[0..<16]) == sqliteMagic else {
            throw .unusableStore(Localized { $0.storeNotSQLiteLeft(path) })
        }
        let appID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if Int32(bitPattern: appID) == Schema.applicationID { return }
        // A brand-new store whose first page is still in its write-ahead log: SQLite reads it there
        // (opening a WAL database changes nothing), and the application id is checked again after.
        let isWAL = header[18] == 2 && header[19] == 2
        if appID == 0 && isWAL && FileManager.default.fileExists(atPath: path + "-wal") { return }
        throw .unusableStore(Localized { $0.storeWrongAppLeft(path) })
    }

    /// The folder part of a path ("" for a bare file name).
    public static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// Whether the store file belongs to the user running this process: the service account of a
    /// deployment where no person's login can open the file (docs/security.md).
    public static func isOwnedByThisUser(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_uid == geteuid()
    }

    /// Whether this user can write the store (the file, and its folder or existing -wal and -shm).
    static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let dir = parent(of: path)
        if access(dir.isEmpty ? "." : dir, W_OK) == 0 { return true }
        return access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0
    }

    /// Creates an empty file for a new store: refuses an existing path, creates missing folders
    /// (0700, or 0770 for a group), and the file 0600 (or 0660), whatever the umask.
    static func createEmpty(_ path: String, group: String?) throws(StoreError) {
        let gid = try checkNew(path, group: group)
        if exists(path) { throw .invalid(Localized { $0.storeFileExists(path) }) }
        try makeFolders(for: path, gid: gid)
        try createFile(path, gid: gid)
    }

    /// Refuses a path with a control character SQLite's file names cannot carry, and an unknown group.
    private static func checkNew(_ path: String, group: String?) throws(StoreError) -> gid_t? {
        if path.contains("\n") || path.contains("\u{0}") {
            throw .invalid(Localized { $0.storePathControl })
        }
        guard let group else { return nil }
        guard let g = getgrnam(group) else { throw .invalid(Localized { $0.noGroup(Echo.show(group)) }) }
        return g.pointee.gr_gid
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// The folders missing above `path`, made for this user only (0700) or for the group too (2770).
    private static func makeFolders(for path: String, gid: gid_t?) throws(StoreError) {
        let dirMode: mode_t = gid == nil ? 0o700 : 0o2770
        // Missing folders, outermost first, each made with the mode (mkdir's mode is masked by the umask: chmod after).
        var missing: [String] = []
        var dir = parent(of: path)
        while !dir.isEmpty && dir != "/" && dir != "." && !FileManager.default.fileExists(atPath: dir) {
            missing.append(dir)
            dir = parent(of: dir)
        }
        for d in missing.reversed() {
            guard mkdir(d, dirMode) == 0 || errno == EEXIST else {
                let why = String(cString: strerror(errno))
                throw .unusableStore(Localized { $0.cannotCreateFolder(d, why) })
            }
            chmod(d, dirMode)
            if let gid { chown(d, getuid(), gid) }
        }
    }

    /// A new empty file, 0600 (or 0660 with the group), whatever the umask; never an existing one.
    private static func createFile(_ path: String, gid: gid_t?) throws(StoreError) {
        let fileMode: mode_t = gid == nil ? 0o600 : 0o660
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard fd >= 0 else {
            if errno == EEXIST { throw .invalid(Localized { $0.storeFileExists(path) }) }
            let why = String(cString: strerror(errno))
            throw .unusableStore(Localized { $0.cannotCreateFile(path, why) })
        }
        fchmod(fd, fileMode)
        if let gid { fchown(fd, getuid(), gid) }
        close(fd)
    }

    /// Makes a new store at `path` all at once: `build` fills a file beside it (`.NAME.creating-PID`,
    /// made as `createEmpty` makes a store), which is then flushed to disk and linked into place. Another
    /// process sees no store or the whole of it, and a creation that dies half-way leaves no store behind,
    /// only its hidden file, which the next creation in that folder removes.
    ///
    /// One creation at a time in a folder: `flock` on the folder, released when the process ends. A
    /// second one calls `waiting` and waits for the first; then, with `keepExisting`, a store that
    /// appeared meanwhile is kept (returns nil: nothing made); without it, as any existing path, it is
    /// refused. Nothing that exists is ever overwritten.
    ///
    /// The wait is bounded (`waitingAtMost`): a creator that is alive but stuck past it is said
    /// (`.busyText`, naming the path) and nothing is made.
    static func createAtomically<T>(
        _ path: String, group: String?, keepExisting: Bool, waitingAtMost: TimeInterval = creationWaitLimit, waiting: () -> Void,
        build: (String) throws(StoreError) -> T
    ) throws(StoreError) -> T? {
        let gid = try checkNew(path, group: group)
        if exists(path) {
            if keepExisting { return nil }
            throw .invalid(Localized { $0.storeFileExists(path) })
        }
        try makeFolders(for: path, gid: gid)
        let dir = parent(of: path).isEmpty ? "." : parent(of: path)
        let prefix = "." + (path as NSString).lastPathComponent + ".creating-"
        // Without a folder that can be opened, or without locks, the creation is still all at once
        // (the link below never replaces a file); only a creator that died is not cleaned up after.
        let folder = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        if folder >= 0 {
            var locked = flock(folder, LOCK_EX | LOCK_NB) == 0
            if !locked && errno == EWOULDBLOCK {
                waiting()
                let deadline = Date().addingTimeInterval(waitingAtMost)
                while !locked {
                    if flock(folder, LOCK_EX | LOCK_NB) == 0 {
                        locked = true
                    } else if errno != EWOULDBLOCK && errno != EINTR {
                        break // no lock to be had here: created without it, as above
                    } else if Date() >= deadline {
                        let seconds = Int(waitingAtMost.rounded(.up)), hidden = prefix + "PID"
                        throw .busyText(Localized { $0.storeStillBeingCreated(path, seconds, hidden) })
                    } else {
                        usleep(50_000)
                    }
                }
            }
            if locked {
                // Only a creator holds the lock, and it removes its file before letting go: any
                // such file now is a dead creator's.
                for entry in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where entry.hasPrefix(prefix) {
                    removeCreated(dir + "/" + entry)
                }
            }
        }
        defer { if folder >= 0 { flock(folder, LOCK_UN) } }
        if exists(path) {
            if keepExisting { return nil }
            throw .invalid(Localized { $0.storeFileExists(path) })
        }
        let building = dir + "/" + prefix + String(getpid())
        try createFile(building, gid: gid)
        do throws(StoreError) {
            let made = try build(building)
            try syncToDisk(building)
            if link(building, path) != 0 {
                let failure = errno
                removeCreated(building)
                if failure == EEXIST {
                    if keepExisting { return nil }
                    throw .invalid(Localized { $0.storeFileExists(path) })
                }
                let why = String(cString: strerror(failure))
                throw .unusableStore(Localized { $0.cannotCreateFile(path, why) })
            }
            removeCreated(building)
            if folder >= 0 { fsync(folder) }
            return made
        } catch {
            removeCreated(building)
            throw error
        }
    }

    /// How long a creation waits for another one in the same folder (a demo store takes a few
    /// seconds; a minute or more under a heavy load).
    static let creationWaitLimit: TimeInterval = 300

    /// Flushes a finished file to the disk before it is linked into place.
    private static func syncToDisk(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw .unusableStore(Localized { $0.cannotCreateFile(path, why) })
        }
        close(fd)
    }

    /// Removes a store this process has just created (and SQLite's files and the writers' queue beside it).
    public static func remove(createdStore path: String) { removeCreated(path) }

    static func removeCreated(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal", WriterQueue.suffix] { unlink(path + suffix) }
    }
}
