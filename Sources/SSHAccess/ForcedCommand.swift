import Foundation
import Scheduling

/// The forced command of an `authorized_keys` line: `biosched tui --db STORE` and who the key
/// opens it as, absolute paths and checked identifiers only, each quoted for the shell that sshd
/// runs it with.
public enum ForcedCommand {
    /// The forced command for a key of `holder`.
    public static func line(
        for holder: KeyHolder, store: String, key: PublicKey, executable: String = executablePath(),
        _ t: Catalog = .en
    ) throws(AccessError) -> String {
        var words = try prefix(store: store, subcommand: "tui", executable: executable, t)
        switch holder {
        case let .account(id, role): words += ["--as", role.rawValue, "--account", id]
        case let .staff(login): words += ["--login", login]
        }
        words += ["--via-key", key.fingerprint]
        return ShellWords.join(words)
    }

    /// `biosched SUBCOMMAND --db STORE` as absolute, checked words.
    public static func prefix(
        store: String, subcommand: String, executable: String = executablePath(),
        _ t: Catalog = .en
    ) throws(AccessError) -> [String] {
        let exe = executable
        let db = absolutePath(store)
        // sshd reads the option as "..." where only \" is an escape: a backslash would be ambiguous.
        for (what, p) in [(t.bioschedOwnPath, exe), (t.theStorePath, db)] where Echo.hasControlCharacters(p) || p.contains("\\") {
            throw AccessError(t.pathNotForcedCommand(what, Echo.show(p)))
        }
        return [exe, subcommand, "--db", db]
    }

    /// `path` made absolute against the working folder, `.` and `..` resolved.
    public static func absolutePath(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (p as NSString).standardizingPath
    }

    /// This process's executable, as the kernel names it.
    public static func executablePath() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 4096) { readlink("/proc/self/exe", $0, 4095) }
        }
        if n > 0 { return String(decoding: buffer[0..<n], as: UTF8.self) }
        return absolutePath(CommandLine.arguments[0])
    }
}
