import Foundation
import Testing

/// Issue 20: `scripts/install.sh` writes the values it is given into sshd and systemd lines, so it
/// refuses any value that would need quoting there (nothing is pasted into a configuration line).
@Suite("scripts/install.sh refuses values that do not fit a configuration line")
struct InstallScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/install.sh").path

    static func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [script] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "A user, store, folder or --now that would need quoting is refused before anything is installed",
        arguments: [
            (["--user", "bio;sh"], "--user must be a login name"),
            (["--user", "Biosched"], "--user must be a login name"),
            (["--store", "/srv/bio sched/store.sqlite"], "--store may hold only"),
            (["--store", "relative/store.sqlite"], "--store must be an absolute path"),
            (["--store", "/srv/../etc/store.sqlite"], "--store may hold only"),
            (["--sshd-dir", "/etc/ssh/sshd_config.d\n    PermitRootLogin yes"], "--sshd-dir may hold only"),
            (["--now", "2026-12-01T09:00:00Z\" ; touch /tmp/x"], "--now expects an ISO 8601 time"),
            (["--bogus"], "unknown option --bogus")
        ])
    func refused(_ args: [String], _ message: String) throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)").path
        let (status, out) = try Self.run(["--binaries", "/nonexistent"] + args + [target])
        #expect(status == 2, "\(args): \(out)")
        #expect(out.contains(message), "\(args): \(out)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing installed")
    }
}
