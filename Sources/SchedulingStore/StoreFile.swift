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
        if path.contains("\n") || path.contains("\u{0}") {
            throw .invalid(Localized { $0.storePathControl })
        }
        var gid: gid_t?
        if let group {
            guard let g = getgrnam(group) else { throw .invalid(Localized { $0.noGroup(Echo.show(group)) }) }
            gid = g.pointee.gr_gid
        }
        let fileMode: mode_t = gid == nil ? 0o600 : 0o660
        let dirMode: mode_t = gid == nil ? 0o700 : 0o2770
        if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            throw .invalid(Localized { $0.storeFileExists(path) })
        }
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

    /// Removes a store this process has just created (and SQLite's files and the writers' queue beside it).
    public static func remove(createdStore path: String) { removeCreated(path) }

    static func removeCreated(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal", WriterQueue.suffix] { unlink(path + suffix) }
    }
}
