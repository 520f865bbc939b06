import Foundation

/// SIGTERM and SIGINT end a long-running command (`mailer --follow`, `reminders` without
/// `--once`) between two steps, never in the middle of one.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.stop() }
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Sleeps up to `seconds`, waking early when stopped.
    func sleep(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while !isStopped && Date() < end { usleep(200_000) }
    }
}
