import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `biosched init --group G` (a store shared by a team's accounts): the file is 0660 and the
/// group's, the folder made for it 2770, whatever the umask; with `--demo` as without it.
@Suite("A store made for a group")
struct StoreGroupTests {
    /// A group the file can be given: as root any group (daemon's, not root's own, so the test
    /// shows the group was set); otherwise this user's own group.
    static var group: (name: String, gid: gid_t)? {
        let gid = geteuid() == 0 ? (getgrnam("daemon")?.pointee.gr_gid ?? getegid()) : getegid()
        guard let g = getgrgid(gid) else { return nil }
        return (String(cString: g.pointee.gr_name), gid)
    }

    @Test("init --group and init --demo --group: the store 0660 and the group's, its new folder 2770", arguments: [false, true])
    func groupStore(demo: Bool) throws {
        let group = try #require(Self.group, "no group to give the store")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-group-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("team/store.sqlite").path
        let made = try LanguageCommandLineTests.biosched(
            ["init", demo ? "--demo" : "--training", "--group", group.name, "--db", db, "--now", LanguageCommandLineTests.now])
        #expect(made.status == 0, "\(made.stderr)")
        var st = stat()
        #expect(stat(db, &st) == 0)
        #expect(st.st_mode & 0o7777 == 0o660, "store mode \(String(st.st_mode & 0o7777, radix: 8))")
        #expect(st.st_gid == group.gid)
        #expect(stat(dir.appendingPathComponent("team").path, &st) == 0)
        #expect(st.st_mode & 0o7777 == 0o2770, "folder mode \(String(st.st_mode & 0o7777, radix: 8))")
        #expect(st.st_gid == group.gid)
        let status = try LanguageCommandLineTests.biosched(
            ["status", "EAC2414052317", "--db", db, "--now", LanguageCommandLineTests.now, "--as", "agent"])
        #expect(status.status == (demo ? 0 : 2), "\(status.stdout)\(status.stderr)")
    }

    @Test("init --demo --group with a group that does not exist: refused, saying which, and no store left")
    func unknownGroup() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.sqlite").path
        let made = try LanguageCommandLineTests.biosched(["init", "--demo", "--group", "no-such-group-xyz", "--db", db, "--now", LanguageCommandLineTests.now])
        #expect(made.status == 2)
        #expect(made.stderr.contains("no-such-group-xyz"), "\(made.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
