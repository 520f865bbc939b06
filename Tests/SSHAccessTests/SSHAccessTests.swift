import Foundation
import SSHAccess
import Scheduling
import Testing

/// SSHAccess: the `authorized_keys` file biosched keeps its lines in (`access export`, `--file`),
/// the forced commands in them, and the shell quoting that keeps every argument one word.
@Suite("SSH access: authorized_keys files and forced commands")
struct SSHAccessTests {
    /// A well-formed ed25519 key whose 32 key bytes are all `byte`.
    static func key(_ byte: UInt8, comment: String = "") -> PublicKey {
        let type = Array("ssh-ed25519".utf8)
        func length(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xff), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] }
        let blob = Data(length(type.count) + type + length(32) + [UInt8](repeating: byte, count: 32)).base64EncodedString()
        return try! PublicKey(parsing: "ssh-ed25519 \(blob)" + (comment.isEmpty ? "" : " " + comment))
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sshaccess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    // MARK: ShellWords

    @Test(
        "Plain words stay as they are; anything else is single-quoted, a quote as '\\''",
        arguments: [
            ("maria.garcia", "maria.garcia"), ("/usr/local/bin/biosched", "/usr/local/bin/biosched"), ("", "''"),
            ("a b", "'a b'"), ("ana;touch /tmp/x", "'ana;touch /tmp/x'"), ("it's", #"'it'\''s'"#), ("$(id)", "'$(id)'")
        ])
    func quoting(_ word: String, _ quoted: String) {
        #expect(ShellWords.quote(word) == quoted)
    }

    @Test("join then split gives back the same words, whatever they hold")
    func roundTrip() {
        let words = [
            "/opt/bio sched/biosched", "tui", "--db", "/srv/it's here.sqlite", "--as", "applicant", "--account", "maria.garcia",
            "--now", "2026-12-01T09:00:00-05:00", "semi;colon", "back\\slash", "\"quoted\"", "$HOME", "`id`", "tab\there", "ñandú"
        ]
        #expect(ShellWords.split(ShellWords.join(words)) == words)
    }

    @Test(
        "split refuses what sh would treat as more than words, and an open quote",
        arguments: ["a; b", "a | b", "a && b", "$(id)", "`id`", "a > f", "'open", "\"open", "a \"$HOME\"", "x*", "trailing\\"])
    func splitRefuses(_ line: String) {
        #expect(ShellWords.split(line) == nil)
    }

    @Test("split reads double quotes and backslashes as sh does")
    func splitQuotes() {
        #expect(ShellWords.split(#"a "b c" d\ e 'f g' "h\"i""#) == ["a", "b c", "d e", "f g", "h\"i"])
        #expect(ShellWords.split("word#not-a-comment") == ["word#not-a-comment"])
    }

    // MARK: ForcedCommand

    @Test("A key's forced command: absolute paths, the holder's flags, the key's fingerprint, each one shell word")
    func forcedCommand() throws {
        let key = Self.key(1)
        let account = try ForcedCommand.line(
            for: .account("maria.garcia", .applicant), store: "/srv/bio sched/store.sqlite", key: key,
            executable: "/usr/local/bin/biosched")
        #expect(account == "/usr/local/bin/biosched tui --db '/srv/bio sched/store.sqlite' --as applicant --account maria.garcia --via-key \(key.fingerprint)")
        #expect(ShellWords.split(account)?.count == 10)
        let staff = try ForcedCommand.line(for: .staff("jdoe"), store: "/srv/store.sqlite", key: key, executable: "/usr/local/bin/biosched")
        #expect(staff == "/usr/local/bin/biosched tui --db /srv/store.sqlite --login jdoe --via-key \(key.fingerprint)")
    }

    @Test("A relative store path is made absolute against the working folder")
    func relativeStore() throws {
        let words = try ForcedCommand.prefix(store: "data/../store.sqlite", subcommand: "enroll", executable: "/bin/biosched")
        #expect(words == ["/bin/biosched", "enroll", "--db", FileManager.default.currentDirectoryPath + "/store.sqlite"])
    }

    @Test(
        "A path with a backslash or a control character is refused by name: sshd could not read it back",
        arguments: [Language.en, .es])
    func unusablePaths(_ language: Language) {
        let t = Catalog(language)
        #expect(throws: AccessError(t.pathNotForcedCommand(t.theStorePath, Echo.show("/srv/a\\b.sqlite")))) {
            try ForcedCommand.prefix(store: "/srv/a\\b.sqlite", subcommand: "tui", executable: "/bin/biosched", t)
        }
        #expect(throws: AccessError(t.pathNotForcedCommand(t.bioschedOwnPath, Echo.show("/bin/bio\nsched")))) {
            try ForcedCommand.prefix(store: "/srv/s.sqlite", subcommand: "tui", executable: "/bin/bio\nsched", t)
        }
    }

    // MARK: AuthorizedKeys

    @Test("biosched's own lines are rewritten; every other line of the file stays as it was, in order")
    func rewriteKeepsOthers() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("authorized_keys").path
        let mine = Self.key(2, comment: "admin@laptop"), old = Self.key(3), new = Self.key(4, comment: "maria@phone")
        let oldCommand = try ForcedCommand.line(for: .account("maria.garcia", .applicant), store: "/srv/s.sqlite", key: old, executable: "/bin/biosched")
        let foreign = #"command="/usr/bin/backup --daily",restrict "# + "\(mine.type) \(mine.blob) backup"
        let text = ["# admin's own keys", "\(mine.type) \(mine.blob) \(mine.comment)", AuthorizedKeys.line(command: oldCommand, key: old), foreign, ""]
        try text.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        var file = try AuthorizedKeys(path: path)
        #expect(file.entries.compactMap(\.account) == ["maria.garcia"])
        #expect(file.entries.first { $0.account != nil }?.role == "applicant")
        file.removeManaged()
        let command = try ForcedCommand.line(for: .staff("jdoe"), store: "/srv/s.sqlite", key: new, executable: "/bin/biosched")
        file.append(command: command, key: new)
        try file.write()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [text[0], text[1], foreign, AuthorizedKeys.line(command: command, key: new), ""])
        let reread = try AuthorizedKeys(path: path)
        #expect(reread.entries.compactMap(\.staff) == ["jdoe"])
        #expect(reread.entries.first { $0.staff != nil }?.role == "staff")
        #expect(reread.entries.first { $0.staff != nil }?.key == new)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["authorized_keys"]) // nothing left beside it
    }

    @Test("A forced command's quotes are escaped as sshd reads them, and read back the same")
    func escapedQuotes() throws {
        let key = Self.key(5)
        let command = #"/bin/biosched tui --db "/srv/a b.sqlite" --login jdoe"#
        let line = AuthorizedKeys.line(command: command, key: key)
        #expect(line.hasPrefix(#"command="/bin/biosched tui --db \"/srv/a b.sqlite\" --login jdoe",restrict,pty ssh-ed25519 "#))
        #expect(AuthorizedKeys.forcedCommand(in: line) == command)
    }

    @Test("A comment with a control character is left out of the line; a missing file has no lines")
    func commentAndMissingFile() throws {
        let key = PublicKey(type: "ssh-ed25519", blob: Self.key(6).blob, comment: "evil\u{1b}[2J")
        #expect(!AuthorizedKeys.line(command: "/bin/biosched tui", key: key).contains("evil"))
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try AuthorizedKeys(path: dir.appendingPathComponent("none").path)
        #expect(file.lines.isEmpty)
    }

    @Test("A file that cannot be written in its folder is refused by name and leaves nothing behind")
    func unwritableFolder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data().write(to: blocker)
        var file = try AuthorizedKeys(path: blocker.path + "/authorized_keys")
        file.append(command: "/bin/biosched tui", key: Self.key(7))
        #expect(throws: AccessError.self) { try file.write() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }
}
