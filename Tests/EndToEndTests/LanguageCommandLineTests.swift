import Foundation
import Testing

/// The staff and operator commands in both languages (issue 14): the real binary, asked for
/// Spanish with `--lang es` or `LANG`, says what was wrong and what is expected in Spanish, and
/// the same run in English keeps its English text; codes, ids and paths stay as they are.
@Suite("Command line in English and Spanish")
struct LanguageCommandLineTests {
    static let now = "2026-11-30T15:00:00Z"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs biosched with English unless `env` or the arguments ask otherwise.
    static func biosched(_ args: [String], env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "BIOSCHED_DB"] { e[k] = nil }
        e["LANG"] = "C.UTF-8"
        e.merge(env) { $1 }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
    }

    /// A fresh empty training store in its own folder (removed by the caller).
    static func store() throws -> (dir: URL, db: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("store.sqlite").path
        let made = try biosched(["init", "--training", "--db", db, "--now", now])
        try #require(made.status == 0, "init: \(made.stderr)")
        return (dir, db)
    }

    @Test("init and users: the store's creation, a staff user added and listed, in each language")
    func initAndUsers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let es = dir.appendingPathComponent("es.sqlite").path, en = dir.appendingPathComponent("en.sqlite").path
        let madeES = try Self.biosched(["init", "--training", "--db", es, "--now", Self.now, "--lang", "es"])
        #expect(madeES.status == 0)
        #expect(madeES.stdout.contains("[SISTEMA DE PRÁCTICA: datos de prueba, no son casos reales.]"), "\(madeES.stdout)")
        #expect(madeES.stdout.contains("Se creó un sistema de práctica en \(es). "), "\(madeES.stdout)")
        #expect(madeES.stdout.contains(" es su primer oficial."))
        let madeEN = try Self.biosched(["init", "--training", "--db", en, "--now", Self.now])
        #expect(madeEN.stdout.contains("Created a training store at \(en). "), "\(madeEN.stdout)")
        #expect(madeEN.stdout.contains(" is its first officer."))

        let addES = try Self.biosched(["users", "add", "jdoe", "--role", "agent", "--db", es, "--as", "officer", "--lang", "es"])
        #expect(addES.status == 0)
        #expect(addES.stdout.contains("jdoe ahora es agente."), "\(addES.stdout)")
        let addEN = try Self.biosched(["users", "add", "jdoe", "--role", "agent", "--db", en, "--as", "officer"])
        #expect(addEN.stdout.contains("jdoe is now an agent."), "\(addEN.stdout)")

        let listES = try Self.biosched(["users", "--db", es, "--as", "officer"], env: ["LANG": "es_US.UTF-8"])
        #expect(listES.status == 0)
        #expect(listES.stdout.range(of: #"jdoe\tagente\tagregado \S+ por "#, options: .regularExpression) != nil, "\(listES.stdout)")
        let listEN = try Self.biosched(["users", "--db", en, "--as", "officer"])
        #expect(listEN.stdout.range(of: #"jdoe\tagent\tadded \S+ by "#, options: .regularExpression) != nil, "\(listEN.stdout)")

        let badES = try Self.biosched(["users", "add", "ana", "--role", "boss", "--db", es, "--as", "officer", "--lang", "es"])
        #expect(badES.status == 2)
        #expect(badES.stderr.contains("--role «boss»: se espera agent, officer o gateway."), "\(badES.stderr)")
        let badEN = try Self.biosched(["users", "add", "ana", "--role", "boss", "--db", en, "--as", "officer"])
        #expect(badEN.stderr.contains("--role \"boss\": expected agent, officer or gateway."), "\(badEN.stderr)")

        let auditES = try Self.biosched(["audit", "verify", "--db", es, "--as", "officer", "--lang", "es"])
        #expect(auditES.status == 0)
        #expect(
            auditES.stdout.range(of: #"El registro de auditoría está intacto: \d+ filas, cada una enlazada con la anterior\."#, options: .regularExpression)
                != nil, "\(auditES.stdout)")
        let auditEN = try Self.biosched(["audit", "verify", "--db", en, "--as", "officer"])
        #expect(
            auditEN.stdout.range(of: #"The audit log is intact: \d+ rows, each chained to the one before\."#, options: .regularExpression) != nil,
            "\(auditEN.stdout)")

        // The store's own refusal, said in the session's language.
        let goneES = try Self.biosched(["users", "remove", "nadie", "--db", es, "--as", "officer", "--lang", "es"])
        #expect(goneES.status == 2)
        #expect(goneES.stderr.contains("nadie no es usuario del personal."), "\(goneES.stderr)")
        let goneEN = try Self.biosched(["users", "remove", "nadie", "--db", en, "--as", "officer"])
        #expect(goneEN.stderr.contains("nadie is not a staff user."), "\(goneEN.stderr)")
    }

    @Test("A missing store: what is wrong and how to make one, in each language")
    func missingStore() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-none-\(UUID().uuidString).sqlite").path
        let es = try Self.biosched(["status", "IOE0923456781", "--db", path, "--lang", "es"])
        #expect(es.status == 4)
        #expect(es.stderr.contains("No hay ningún sistema de biosched en \(path). Cree uno con `biosched init --db \(path)`"), "\(es.stderr)")
        let en = try Self.biosched(["status", "IOE0923456781", "--db", path])
        #expect(en.stderr.contains("No biosched store at \(path). Create one with `biosched init --db \(path)`"), "\(en.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("find: a bad --limit and a search that matches nothing say what to do, in each language")
    func find() throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let limitES = try Self.biosched(["find", "garcia", "--limit", "0", "--db", db, "--lang", "es"])
        #expect(limitES.status == 2)
        #expect(limitES.stderr.contains("--limit 0: se espera un número de 1 a 200."), "\(limitES.stderr)")
        let limitEN = try Self.biosched(["find", "garcia", "--limit", "0", "--db", db])
        #expect(limitEN.stderr.contains("--limit 0: expected a number from 1 to 200."), "\(limitEN.stderr)")

        let noneES = try Self.biosched(["find", "zzyzx", "--db", db], env: ["LANG": "es_US.UTF-8"])
        #expect(noneES.status == 0)
        #expect(noneES.stdout.contains("Ningún caso coincide con «zzyzx» (nombre). Revise cómo se escribe"), "\(noneES.stdout)")
        let noneEN = try Self.biosched(["find", "zzyzx", "--db", db])
        #expect(noneEN.stdout.contains("No case matches \"zzyzx\" (name). Check the spelling"), "\(noneEN.stdout)")

        let emptyES = try Self.biosched(["find", " ", "--db", db, "--lang", "es"])
        #expect(emptyES.status == 2)
        #expect(!emptyES.stderr.isEmpty && !emptyES.stderr.contains("Type"), "\(emptyES.stderr)")
    }

    @Test("import: a malformed file and a file that names an unknown center are refused with where and what, in each language")
    func importErrors() throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"centers": [{"code": "B"}]}"#.utf8).write(to: bad)
        let es = try Self.biosched(["import", bad.path, "--db", db, "--as", "officer", "--lang", "es"])
        #expect(es.status == 2)
        #expect(
            es.stderr.contains(
                "Importación rechazada, no se escribió nada. \(bad.path): centers[0].code: se esperan de 2 a 8 letras o dígitos, por ejemplo BOS, pero dice \"B\""
            ), "\(es.stderr)")
        let en = try Self.biosched(["import", bad.path, "--db", db, "--as", "officer"])
        #expect(
            en.stderr.contains("Import refused, nothing was written. \(bad.path): centers[0].code: expected 2 to 8 letters or digits, e.g. BOS, got \"B\""),
            "\(en.stderr)")

        let unknown = dir.appendingPathComponent("unknown.json")
        try Data(
            #"{"cases": [{"receipt": "SRC2418854321", "form": "I-485", "applicantName": "Kim"}], "appointments": [{"receipt": "SRC2418854321", "center": "ZZZ", "start": "2026-12-22T09:00"}]}"#
                .utf8
        ).write(to: unknown)
        let storeES = try Self.biosched(["import", unknown.path, "--db", db, "--as", "officer"], env: ["LANG": "es_MX.UTF-8"])
        #expect(storeES.status == 2)
        #expect(storeES.stderr.contains("Importación rechazada, no se escribió nada. appointments[0]"), "\(storeES.stderr)")
        #expect(storeES.stderr.contains("centro desconocido \"ZZZ\" (inclúyalo en centers)"), "\(storeES.stderr)")
        let storeEN = try Self.biosched(["import", unknown.path, "--db", db, "--as", "officer"])
        #expect(storeEN.stderr.contains("unknown center \"ZZZ\" (list it under centers)"), "\(storeEN.stderr)")

        let missingES = try Self.biosched(["import", dir.appendingPathComponent("none.json").path, "--db", db, "--as", "officer", "--lang", "es"])
        #expect(missingES.stderr.contains(": el archivo no existe o no se puede leer."), "\(missingES.stderr)")
    }

    @Test("access: whose keys, a bad account id, and who may issue codes, in each language; codes stay")
    func accessErrors() throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("id.pub")
        try Data("ssh-ed25519 AAAA\n".utf8).write(to: key)
        let whoES = try Self.biosched(["access", "add", "--key", key.path, "--db", db, "--as", "officer", "--lang", "es"])
        #expect(whoES.status == 2)
        #expect(
            whoES.stderr.contains("Indique de quién son las llaves que quiere agregar: --account ID (un solicitante o representante) o --staff USUARIO."),
            "\(whoES.stderr)")
        let whoEN = try Self.biosched(["access", "add", "--key", key.path, "--db", db, "--as", "officer"])
        #expect(whoEN.stderr.contains("Name whose keys to add: --account ID (an applicant or representative) or --staff LOGIN."), "\(whoEN.stderr)")

        let idES = try Self.biosched(["access", "code", "--for", "no such!", "--db", db, "--lang", "es"])
        #expect(idES.stderr.contains("--for «no such!» no es un identificador de cuenta; se espera de 1 a 64 letras"), "\(idES.stderr)")
        let idEN = try Self.biosched(["access", "code", "--for", "no such!", "--db", db])
        #expect(idEN.stderr.contains("--for \"no such!\" is not an account id; expected 1 to 64 letters"), "\(idEN.stderr)")

        let keyES = try Self.biosched([
            "access", "add", "--staff", "jdoe", "--key", dir.appendingPathComponent("none.pub").path,
            "--db", db, "--as", "officer", "--lang", "es"
        ])
        #expect(keyES.stderr.contains("jdoe no es agente ni oficial de este sistema; agréguelo primero"), "\(keyES.stderr)")

        let officerES = try Self.biosched(["access", "--db", db, "--as", "agent", "--lang", "es", "--json"])
        #expect(officerES.status == 1)
        #expect(officerES.stdout.contains("NOT_AUTHORIZED: solo los oficiales pueden hacerlo: gestionar el acceso SSH"), "\(officerES.stdout)")
    }

    @Test("A theme file and a flow that do not parse are explained in Spanish, with their line")
    func themeAndFlowErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let theme = dir.appendingPathComponent("broken.toml")
        try Data("[tokens]\ntitle = bold\n".utf8).write(to: theme)
        let es = try Self.biosched(["themes", "check", theme.path], env: ["LANG": "es_US.UTF-8"])
        #expect(es.status == 2)
        #expect(es.stderr.contains("\(theme.path):2:9: se esperaba un valor, pero hay bold; un color o un nombre va entre comillas: \"bold\""), "\(es.stderr)")
        let asked = try Self.biosched(["--lang", "es", "themes", "check", theme.path])
        #expect(asked.stderr.contains("se esperaba un valor, pero hay bold"), "\(asked.stderr)")
        let en = try Self.biosched(["themes", "check", theme.path])
        #expect(en.stderr.contains("\(theme.path):2:9: expected a value, found bold; a color or a name needs quotes: \"bold\""), "\(en.stderr)")

        let flow = dir.appendingPathComponent("broken.flow")
        try Data("caption \"Hola\"\njump 3\n".utf8).write(to: flow)
        let flowES = try Self.biosched(["demo", "--check", flow.path, "--lang", "es"])
        #expect(flowES.status == 2)
        #expect(flowES.stderr.contains("broken.flow:2: paso desconocido \"jump\": se espera uno de clock, role"), "\(flowES.stderr)")
        let flowEN = try Self.biosched(["demo", "--check", flow.path])
        #expect(flowEN.stderr.contains("broken.flow:2: unknown step \"jump\": expected one of clock, role"), "\(flowEN.stderr)")
    }

    #if PostgreSQL
    @Test("A PostgreSQL --db that holds a password, that libpq cannot read, or that reaches no server is refused in each language, the password never echoed")
    func postgresRefusals() throws {
        let secret = try Self.biosched(["summary", "--db", "postgresql://app:s3cret@db1/store", "--lang", "es"])
        #expect(secret.status != 0)
        #expect(secret.stderr.contains("una contraseña nunca va en la línea de comandos") && !secret.stderr.contains("s3cret"), "\(secret.stderr)")
        let english = try Self.biosched(["summary", "--db", "postgresql://app:s3cret@db1/store"])
        #expect(english.stderr.contains("a password never goes on a command line") && !english.stderr.contains("s3cret"), "\(english.stderr)")
        let unknown = try Self.biosched(["summary", "--db", "postgresql://app@db1/store?nosuchoption=1"], env: ["LANG": "es_US.UTF-8"])
        #expect(unknown.status == 2, "\(unknown.status) \(unknown.stderr)")
        #expect(
            unknown.stderr.contains("no es una cadena de conexión de PostgreSQL") && unknown.stderr.contains("nosuchoption")
                && unknown.stderr.contains("Se espera una URI postgresql://"), "\(unknown.stderr)")
        // Port 1 on loopback: nothing listens there.
        let gone = try Self.biosched(["summary", "--db", "postgresql://app@127.0.0.1:1/store", "--lang", "es"])
        #expect(gone.status == 4, "\(gone.status) \(gone.stderr)")
        #expect(gone.stderr.contains("No se puede llegar al sistema PostgreSQL postgresql://app@127.0.0.1:1/store"), "\(gone.stderr)")
        let goneEn = try Self.biosched(["summary", "--db", "postgresql://app@127.0.0.1:1/store"])
        #expect(goneEn.status == 4 && goneEn.stderr.contains("is unreachable"), "\(goneEn.stderr)")
    }
    #endif
}
