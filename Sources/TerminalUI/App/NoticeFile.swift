import Foundation

/// Saving a notice to a file, safely: the text goes to a new temporary file in the same folder
/// (created exclusively, written, synced), which is then linked into place when the name is free
/// or renamed over it when the person confirmed replacing it. The store's own files are never
/// written, whatever is confirmed, and no temporary file is left behind on any path.
public struct NoticeFile: Sendable {
    /// Files that must never be written: the store and SQLite's files beside it.
    public var protected: [String]

    public init(protecting store: String?) {
        protected = store.map { s in ["", "-wal", "-shm", "-journal"].map { s + $0 } } ?? []
    }

    public enum Problem: Error, Equatable, Sendable {
        /// The file exists: replacing it needs the person's confirmation.
        case exists
        /// The path names the store (or one of its files), a folder or something else that is not a plain file.
        case refused(String)
        case failed(String)
        public var message: String {
            switch self {
            case .exists: "the file exists"
            case let .refused(m), let .failed(m): m
            }
        }
    }

    public func write(_ text: String, to path: String, replacing: Bool) throws(Problem) {
        guard !path.isEmpty, !path.contains("\u{0}"), !path.contains("\n") else { throw .refused("a file name must be plain text on one line") }
        var target = stat()
        let exists = lstat(path, &target) == 0
        for p in protected {
            var st = stat()
            if stat(p, &st) == 0, exists, stat(path, &target) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino {
                throw .refused("that is the scheduling store's own file; it is never written over")
            }
        }
        if exists {
            guard (target.st_mode & S_IFMT) == S_IFREG else { throw .refused("that name is a folder or a special file, not a plain file") }
            if !replacing { throw .exists }
        }
        let dir = NoticeFile.folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = "\(dir)/.\(base).biosched-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .failed("cannot write in \(dir): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else { unlink(tmp); throw .failed("the disk did not take the whole file") }
        if replacing {
            guard rename(tmp, path) == 0 else { let e = errno; unlink(tmp); throw .failed(String(cString: strerror(e))) }
        } else {
            // link() never replaces: if the name was taken meanwhile, nothing is overwritten.
            let linked = link(tmp, path) == 0
            let e = errno
            unlink(tmp)
            if !linked { if e == EEXIST { throw .exists }; throw .failed(String(cString: strerror(e))) }
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
