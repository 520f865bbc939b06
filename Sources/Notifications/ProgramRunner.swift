import Foundation
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with an argument vector (posix_spawn, never a shell), feeds it `input` on
/// standard input and collects what it writes (standard output and error together), killing it
/// after `timeout`. Nothing from a message is ever part of the program's command line.
public struct ProgramRunner: Sendable {
    public struct Outcome: Sendable, Hashable {
        /// The exit status, or nil when it was killed by a signal (or by the timeout).
        public var status: Int32?
        public var signal: Int32?
        public var timedOut: Bool
        public var output: String
    }

    public var timeout: TimeInterval
    public init(timeout: TimeInterval) { self.timeout = timeout }

    public func run(_ argv: [String], input: Data) throws(DeliveryFailure) -> Outcome {
        guard let program = argv.first, !program.isEmpty else { throw DeliveryFailure(permanent: true) { $0.noProgram } }
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0 else { throw DeliveryFailure("pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&outPipe) == 0 else {
            close(inPipe[0])
            close(inPipe[1])
            throw DeliveryFailure("pipe: \(String(cString: strerror(errno)))")
        }
        let spawned: Result<pid_t, POSIXError>
        do {
            spawned = .success(
                try ChildProcess.spawn(argv) { actions in
                    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
                    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
                    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 2)
                })
        } catch { spawned = .failure(error) }
        close(inPipe[0])
        close(outPipe[1])
        switch spawned {
        case let .success(pid):
            return exchange(pid: pid, stdin: inPipe[1], output: outPipe[0], input: [UInt8](input))
        case let .failure(error):
            close(inPipe[1])
            close(outPipe[0])
            let why = String(cString: strerror(error.code.rawValue))
            throw DeliveryFailure { $0.cannotRun(program, why) }
        }
    }

    /// Writes the input and reads the output in one poll loop (so neither side can block the
    /// other), then reaps the child; kills it at the deadline.
    func exchange(pid: pid_t, stdin: Int32, output: Int32, input: [UInt8]) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        var inFD = stdin, written = 0, collected: [UInt8] = [], timedOut = false
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        if input.isEmpty {
            close(inFD)
            inFD = -1
        }
        var outOpen = true
        var buffer = [UInt8](repeating: 0, count: 4096)
        while outOpen || inFD >= 0 {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                timedOut = true
                break
            }
            var fds = [
                pollfd(fd: outOpen ? output : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)
            ]
            let n = poll(&fds, 2, Int32(min(left, 1) * 1000) + 1)
            if n < 0 && errno == EINTR { continue }
            if fds[0].revents != 0 {
                let r = read(output, &buffer, buffer.count)
                if r > 0 { if collected.count < 65_536 { collected += buffer[0..<r] } } else if r == 0 || errno != EAGAIN && errno != EINTR { outOpen = false }
            }
            if inFD >= 0 && fds[1].revents != 0 {
                if fds[1].revents & Int16(POLLOUT) != 0 {
                    let w = input.withUnsafeBytes { Glibc.write(inFD, $0.baseAddress! + written, input.count - written) }
                    if w > 0 { written += w }
                    if w < 0 && errno != EAGAIN && errno != EINTR {
                        close(inFD)
                        inFD = -1
                    }
                } else {
                    close(inFD)
                    inFD = -1
                } // the child closed its standard input
                if inFD >= 0 && written == input.count {
                    close(inFD)
                    inFD = -1
                }
            }
        }
        if inFD >= 0 { close(inFD) }
        close(output)
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = String(decoding: collected, as: UTF8.self)
        let exited = status & 0x7f == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f, timedOut: timedOut, output: text)
    }
}
