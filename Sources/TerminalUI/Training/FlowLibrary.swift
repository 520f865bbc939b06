import Foundation

/// Where the shipped flows are: `$BIOSCHED_FLOWS_DIR`, else a `Flows/` folder beside the program or
/// in one of its parent folders (the package's own `Flows/` when run from a build folder), else
/// `share/biosched/Flows` beside an installed `bin/`.
public enum FlowLibrary {
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = FlowLibrary.executableURL
    ) -> URL? {
        let fm = FileManager.default
        func isDir(_ u: URL) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: u.path, isDirectory: &d) && d.boolValue
        }
        if let p = environment["BIOSCHED_FLOWS_DIR"], !p.isEmpty { return URL(fileURLWithPath: p) }
        guard let exe = executable else { return nil }
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            if isDir(dir.appendingPathComponent("Flows")) { return dir.appendingPathComponent("Flows") }
            let share = dir.appendingPathComponent("share/biosched/Flows")
            if isDir(share) { return share }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The running program, symbolic links resolved.
    public static var executableURL: URL? {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path) { return URL(fileURLWithPath: real) }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// The `.flow` files of a folder, by name.
    public static func flows(in dir: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".flow") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// A flow named on the command line: a file, else a shipped flow by name (with or without `.flow`).
    public static func resolve(_ nameOrPath: String, in dir: URL?) -> URL? {
        if FileManager.default.fileExists(atPath: nameOrPath) { return URL(fileURLWithPath: nameOrPath) }
        guard let dir, !nameOrPath.contains("/") else { return nil }
        let name = nameOrPath.hasSuffix(".flow") ? nameOrPath : nameOrPath + ".flow"
        let url = dir.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
