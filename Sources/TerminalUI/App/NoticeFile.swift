import Foundation
import Scheduling

/// Saving a notice to a file, safely: the text goes to a new temporary file in the same folder
/// (created exclusively, written, synced), which is then linked into place when the name is free
/// or renamed over it when the person confirmed replacing it. The store's own files are never
/// written, whatever is confirmed, and no temporary file is left behind on any path.
public struct NoticeFile: Sendable {
    /// Files that must never be written: the store, SQLite's files and the writers' queue beside it.
    public var protected: [String]

    public init(protecting store: String?) {
        protected = store.map { s in ["", "-wal", "-shm", "-journal", "-queue"].map { s + $0 } } ?? []
    }

    public enum Problem: Error, Equatable, Sendable {
        /// The file exists: replacing it needs the person's confirmation.
        case exists
        /// The path names the store (or one of its files), a folder or something else that is not a plain file.
        case refused(Localized)
        case failed(Localized)
        /// What went wrong, in every language.
        public var text: Localized {
            switch self {
            case .exists: Localized { $0.fileExistsReason }
            case let .refused(m), let .failed(m): m
            }
        }
        public var message: String { text.english }
    }

    public func write(_ text: String, to path: String, replacing: Bool) throws(Problem) {
        guard !path.isEmpty, !path.contains("\u{0}"), !path.contains("\n") else { throw .refused(Localized { $0.fileNameOneLine }) }
        var target = stat()
        let exists = lstat(path, &target) == 0
        for p in protected {
            var st = stat()
            if stat(p, &st) == 0, exists, stat(path, &target) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino {
                throw .refused(Localized { $0.fileIsStore })
            }
        }
        if exists {
            guard (target.st_mode & S_IFMT) == S_IFREG else { throw .refused(Localized { $0.fileNotPlain }) }
            if !replacing { throw .exists }
        }
        let dir = NoticeFile.folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = "\(dir)/.\(base).biosched-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let why = String(cString: strerror(errno))
            throw .failed(Localized { $0.cannotWriteIn(dir, why) })
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(tmp)
            throw .failed(Localized { $0.diskIncomplete })
        }
        if replacing {
            guard rename(tmp, path) == 0 else {
                let e = String(cString: strerror(errno))
                unlink(tmp)
                throw .failed(Localized { _ in e })
            }
        } else {
            // link() never replaces: if the name was taken meanwhile, nothing is overwritten.
            let linked = link(tmp, path) == 0
            let e = errno
            unlink(tmp)
            if !linked {
                if e == EEXIST { throw .exists }
                let why = String(cString: strerror(e))
                throw .failed(Localized { _ in why })
            }
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
