import Foundation

/// Runs the real `biosched` binary that `swift build` put beside the test bundle.
enum Binary {
    static let url: URL = {
        if let p = ProcessInfo.processInfo.environment["BIOSCHED_BIN"] { return URL(fileURLWithPath: p) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("biosched")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // swift test from the package root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/biosched")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    /// A program built beside biosched (e.g. `biosched-authorized-keys`).
    static func sibling(_ name: String) -> URL { url.deletingLastPathComponent().appendingPathComponent(name) }

    /// `wrap` runs the binary through another command (e.g. `ip netns exec NAME`).
    static func process(_ args: [String], env: [String: String] = [:], executable: URL = url, wrap: [String] = []) -> (Process, Pipe, Pipe) {
        let p = Process()
        if let first = wrap.first {
            p.executableURL = URL(fileURLWithPath: first)
            p.arguments = Array(wrap.dropFirst()) + [executable.path] + args
        } else {
            p.executableURL = executable
            p.arguments = args
        }
        var e = ProcessInfo.processInfo.environment
        e["BIOSCHED_DB"] = nil
        // The tests' expectations are English unless a test asks otherwise (--lang, or env).
        for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] { e[k] = nil }
        e["LANG"] = "C.UTF-8"
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        return (p, out, err)
    }

    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:], executable: URL = url) throws -> Result {
        let (p, out, err) = process(args, env: env, executable: executable)
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
