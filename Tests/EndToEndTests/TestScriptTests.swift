import Foundation
import Testing

/// `scripts/test`, the README's test command: what it installs, names and runs.
@Suite("The README's test command (scripts/test)")
struct TestScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("scripts/test").path

    /// Runs `scripts/test` with a clean environment (and as `nobody` when `asNobody`), output merged.
    static func run(_ args: [String], env: [String: String], asNobody: Bool = false) throws -> (status: Int32, output: String) {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp"]
        environment.merge(env) { $1 }
        let setEnv = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var argv = ["/usr/bin/env", "-i"] + setEnv + [script] + args
        if asNobody { argv = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + argv }
        return try TmuxSession.capture(argv[0], Array(argv.dropFirst()), errors: .merged)
    }

    @Test("the README shows exactly two commands: the program and scripts/test")
    func readmeShowsTwoCommands() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Two commands").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        let commands = block.split(separator: "\n").dropFirst() // the fence's "sh"
            .map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        #expect(commands == ["swift run biosched", "scripts/test"])
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("\nexec scripts/test\n"), ".ci/run ends by running the README's test command")
    }

    @Test("without root or sudo it installs nothing, names the exact packages and runs no test")
    func withoutRootItNamesThePackages() throws {
        let asNobody = getuid() == 0
        let r = try Self.run(
            ["--filter", "NoSuchSuite"],
            env: [
                "BIOSCHED_TEST_APT": "tmux biosched-no-such-package",
                "BIOSCHED_TEST_PYTHON": "json biosched_no_such_module"
            ], asNobody: asNobody)
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("cannot install it (not root, and no password-less sudo)"), "\(r.output)")
        #expect(r.output.contains("Debian packages: biosched-no-such-package  (as root: apt-get install biosched-no-such-package)"), "\(r.output)")
        #expect(r.output.contains("biosched_no_such_module"), "\(r.output)")
        #expect(!r.output.contains("tmux"), "an installed package is not named: \(r.output)")
        #expect(!r.output.contains("json"), "an importable module is not named: \(r.output)")
        #expect(!r.output.contains("Building") && !r.output.contains("Compiling"), "no test ran: \(r.output)")
    }

    @Test("--check names what is missing, even as root, and installs nothing")
    func checkInstallsNothing() throws {
        let r = try Self.run(["--check"], env: ["BIOSCHED_TEST_APT": "biosched-no-such-package", "BIOSCHED_TEST_PYTHON": ""])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("missing what the tests need:"), "\(r.output)")
        #expect(r.output.contains("apt-get install biosched-no-such-package"), "\(r.output)")
        #expect(!r.output.contains("installing"), "\(r.output)")
    }

    @Test("the system's python3 gets Debian's python3-MODULE packages, since pip refuses to install into it")
    func systemPythonGetsDebianPackages() throws {
        let probe = "import os, sys, sysconfig; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')) else 1)"
        let status =
            FileManager.default.fileExists(atPath: "/usr/bin/python3")
            ? try TmuxSession.capture("/usr/bin/python3", ["-c", probe], errors: .dropped).status : 1
        let externallyManaged = status == 0
        try #require(externallyManaged, "this test needs Debian's own python3 (/usr/bin/python3, EXTERNALLY-MANAGED)")
        let r = try Self.run(["--check"], env: ["BIOSCHED_TEST_APT": "", "BIOSCHED_TEST_PYTHON": "biosched_no_such_module"])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("Python modules: biosched_no_such_module  (as root: apt-get install python3-biosched_no_such_module)"), "\(r.output)")
    }

    @Test("on the machine the suite runs on, everything the script lists is installed")
    func everythingListedIsInstalled() throws {
        // .ci/run prepares the machine with the same script; a package the list names and the
        // machine lacks would fail here with its name.
        let r = try Self.run(["--check"], env: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("everything the tests need is installed"), "\(r.output)")
    }
}
