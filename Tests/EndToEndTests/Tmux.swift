import Foundation
import Notifications
import Testing

/// The real `biosched` binary in a real terminal: tmux with send-keys and capture-pane.
final class TmuxSession {
    let name: String
    let socket: String
    let dir: URL

    static var binary: String {
        if let p = ProcessInfo.processInfo.environment["BIOSCHED_BIN"] { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("biosched")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/biosched").path
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    init(width: Int = 100, height: Int = 30) throws {
        name = "bt\(UInt32.random(in: 0...UInt32.max))"
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-e2e-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        socket = dir.appendingPathComponent("tmux.sock").path
        self.width = width
        self.height = height
    }
    let width: Int, height: Int

    var db: String { dir.appendingPathComponent("e2e.sqlite").path }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try TmuxSession.capture("/usr/bin/tmux", ["-S", socket] + args, errors: .merged).output
    }

    enum Errors { case merged, dropped }

    /// Runs a short-lived program and returns its exit status and output (never for programs
    /// that leave a daemon behind: see `spawnDetached`).
    static func capture(_ executable: String, _ args: [String], errors: Errors) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = errors == .merged ? out : FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Commands that may start the tmux server are spawned without Foundation's Process: the
    /// server outlives the client and would inherit the descriptor Foundation watches to learn
    /// that a child ended, so `waitUntilExit` would never return. Every descriptor above 2 is
    /// closed in the child.
    func tmuxDetached(_ args: [String]) throws {
        try TmuxSession.spawnDetached(["/usr/bin/tmux", "-S", socket] + args)
    }

    /// Spawns a program that may leave a daemon behind (tmux, sshd) and waits for it.
    static func spawnDetached(_ argv: [String]) throws {
        let pid = try ChildProcess.spawn(argv) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Starts `command` (a shell line) in a new detached session of the given size.
    func start(_ command: String, env: [String: String] = [:]) throws {
        var args = ["-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color"]
        for (k, v) in env { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        try tmuxDetached(args)
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func literal(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text` (or the time runs out) and returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("Timed out waiting for \"\(text)\". Screen:\n\(last)")
        return last
    }

    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs the binary with arguments outside tmux and returns stdout.
    func run(_ args: [String]) throws -> (Int32, String) { try TmuxSession.runBinary(args) }

    static func runBinary(_ args: [String]) throws -> (Int32, String) {
        try capture(binary, args, errors: .dropped)
    }
}
