import Foundation
import Testing

/// Issue 22: `biosched init --enroll-host` and `biosched settings` on a production SQLite store,
/// through the real binary: the host round-trips, an officer changes it (audited), an agent may
/// only look, a bad value is refused with what was expected (exit 2) and changes nothing, in
/// English and Spanish; `access code` says the command with the host set.
@Suite("biosched settings and init --enroll-host on the command line")
struct SettingsCommandLineTests {
    static func store() throws -> (dir: URL, db: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("s.sqlite").path)
    }

    @Test("init --enroll-host sets it (said at once); settings show, set, unset; each change audited; an agent sees, never changes", arguments: ["en", "es"])
    func roundTrip(language: String) throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--lang", language]) }
        let made = try run(["init", "--enroll-host", "GW.uscis.example:2222"])
        try #require(made.status == 0, "\(made.stderr)")
        #expect(
            made.stdout.contains(
                language == "en"
                    ? "Notices and messages tell callers to enroll with: ssh -p 2222 biosched@gw.uscis.example"
                    : "Los avisos y mensajes indican inscribirse con: ssh -p 2222 biosched@gw.uscis.example"), "\(made.stdout)")
        let shown = try run(["settings", "show", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any], "\(shown.stdout)")
        #expect(o["enrollHost"] as? String == "gw.uscis.example:2222" && o["enrollUser"] as? String == "biosched")
        #expect(o["enrollCommand"] as? String == "ssh -p 2222 biosched@gw.uscis.example")

        let changed = try run(["settings", "set", "enroll-user", "enroll"])
        #expect(changed.status == 0)
        #expect(
            changed.stdout.contains(
                language == "en"
                    ? "enroll-user is now enroll (was biosched). Notices and messages now tell callers to enroll with: ssh -p 2222 enroll@gw.uscis.example"
                    : "enroll-user es ahora enroll (antes biosched). Los avisos y mensajes indican ahora inscribirse con: ssh -p 2222 enroll@gw.uscis.example"),
            "\(changed.stdout)")
        // The code staff read to a caller names the same command.
        let doc = dir.appendingPathComponent("d.json")
        try Data(
            """
            {"accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org"}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria"}]}
            """.utf8
        ).write(to: doc)
        let imported = try run(["import", doc.path])
        try #require(imported.status == 0, "\(imported.stderr)")
        let code = try run(["access", "code", "--for", "maria"])
        #expect(
            code.status == 0 && code.stdout.contains((language == "en" ? "with: " : "con: ") + "ssh -p 2222 enroll@gw.uscis.example"),
            "\(code.stdout)\(code.stderr)")

        // An agent may look, not change.
        #expect(try run(["users", "add", "jdoe", "--role", "agent"]).status == 0)
        let looked = try run(["settings", "--login", "jdoe"])
        #expect(looked.status == 0 && looked.stdout.contains("enroll-host   gw.uscis.example:2222"), "\(looked.stdout)\(looked.stderr)")
        let refused = try run(["settings", "set", "enroll-host", "evil.example", "--login", "jdoe"])
        #expect(refused.status == 1 && refused.stderr.contains("NOT_AUTHORIZED"), "\(refused.stderr)")

        let unset = try run(["settings", "unset", "enroll-host"])
        #expect(unset.status == 0)
        let vague = try run(["settings", "show"])
        #expect(
            vague.stdout.contains(
                language == "en" ? "ssh enroll@ followed by the agency's SSH host name" : "ssh enroll@ seguido del nombre del servidor SSH de la agencia"),
            "\(vague.stdout)")
        #expect(
            vague.stdout.contains(
                language == "en"
                    ? "Set the host with: biosched settings set enroll-host HOST" : "Defina el servidor con: biosched settings set enroll-host SERVIDOR"))
        let audit = try run(["audit", "--json"])
        #expect(audit.stdout.components(separatedBy: "setting-changed").count - 1 == 3, "init's, enroll-user's and the unset: \(audit.stdout.suffix(600))")
        #expect(!audit.stdout.contains("evil.example"))
    }

    @Test("A bad host or user is refused with what was expected (exit 2) and changes nothing; init with one makes no store", arguments: ["en", "es"])
    func refusals(language: String) throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--lang", language]) }
        let bad = try run(["init", "--enroll-host", "gw.example;id"])
        #expect(bad.status == 2 && !FileManager.default.fileExists(atPath: db), "\(bad.stderr)")
        #expect(
            bad.stderr.contains(
                language == "en"
                    ? "\"gw.example;id\" is not a host for ssh: expected a DNS name" : "\"gw.example;id\" no es un servidor para ssh: se espera un nombre DNS"),
            "\(bad.stderr)")
        try #require(try run(["init", "--enroll-host", "192.0.2.10"]).status == 0)
        for (name, value, said) in [
            (
                "enroll-host", "2001:db8::1",
                language == "en" ? "an IPv6 address in brackets ([2001:db8::10])" : "una dirección IPv6 entre corchetes ([2001:db8::10])"
            ),
            (
                "enroll-host", "gw.example:99999",
                language == "en" ? "optionally followed by :PORT (1 to 65535)" : "seguidos si hace falta de :PUERTO (1 a 65535)"
            ),
            ("enroll-user", "Root", language == "en" ? "is not a login name for ssh" : "no es un nombre de usuario para ssh"),
            (
                "lead-hours", "12",
                language == "en"
                    ? "is not a setting that can be set: expected enroll-host or enroll-user."
                    : "no es un ajuste que se pueda cambiar: se espera enroll-host o enroll-user."
            )
        ] {
            let r = try run(["settings", "set", name, value])
            #expect(r.status == 2 && r.stderr.contains(said), "\(name) \(value): \(r.stderr)")
            let j = try run(["settings", "set", name, value, "--json"])
            #expect(j.status == 2 && j.stdout.contains("\"error\""), "\(j.stdout)")
        }
        let after = try run(["settings", "show", "--json"])
        #expect(after.stdout.contains("\"enrollCommand\" : \"ssh biosched@192.0.2.10\""), "nothing changed: \(after.stdout)")
    }
}
