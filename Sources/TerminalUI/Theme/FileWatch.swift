import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches one file without waking anyone until it changes: on Linux a thread blocked in `read()`
/// on an inotify descriptor for the file's folder (editors replace files, so the folder is watched
/// and events are matched by name) notes the change and calls `changed`. `init` fails where inotify
/// is not available; the caller then polls.
public final class FileWatch: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    // Guarded by `lock`.
    private var name: [UInt8] = []
    private var folder: Int32 = -1
    private var fired = false
    public private(set) var path: String?

    public init?(changed: @escaping @Sendable () -> Void) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        let thread = Thread { [weak self] in
            EffectWorker.blockSignals() // a resize or a quit signal must reach the UI thread
            var buffer = [UInt8](repeating: 0, count: 4096)
            let header = MemoryLayout<inotify_event>.size
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0, let self else { return }
                var offset = 0, matched = false
                while offset + header <= n {
                    let length = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                    let field = Array(buffer[(offset + header)..<min(n, offset + header + length)].prefix { $0 != 0 })
                    if self.lock.withLock({ !field.isEmpty && field == self.name }) { matched = true }
                    offset += header + length
                }
                guard matched else { continue }
                self.lock.withLock { self.fired = true }
                changed()
            }
        }
        thread.start()
        #else
        return nil
        #endif
    }

    /// Watches `path` from now on (nil: nothing).
    public func watch(_ path: String?) {
        #if os(Linux)
        lock.withLock {
            guard path != self.path else { return }
            if folder >= 0 {
                inotify_rm_watch(fd, folder)
                folder = -1
            }
            self.path = path
            name = []
            guard let path else { return }
            let url = URL(fileURLWithPath: path)
            let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)
            folder = inotify_add_watch(fd, url.deletingLastPathComponent().path, mask)
            name = Array(url.lastPathComponent.utf8)
        }
        #endif
    }

    /// True once after the watched file changed.
    public func takeChange() -> Bool {
        lock.withLock {
            defer { fired = false }
            return fired
        }
    }

    /// True when a watch is in place (false: the folder could not be watched).
    public var isWatching: Bool { lock.withLock { folder >= 0 } }

    deinit {
        // Removing the last watch queues an event that ends the thread's read; then it finds no self.
        #if os(Linux)
        if folder >= 0 { inotify_rm_watch(fd, folder) }
        close(fd)
        #endif
    }
}
