import Foundation
import Testing

/// Plain mode through a pipe: numbered menus and line prompts, no terminal at all.
@Suite("Plain mode over a pipe")
struct PlainModeTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/plain-applicant-reschedule.txt")

    static let goldenSpanish = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/plain-applicant-reschedule-es.txt")

    @Test("An applicant reschedules through a pipe; the transcript matches its golden file")
    func plainReschedule() throws {
        try run(language: [], environment: ["LANG": "C.UTF-8"], golden: Self.golden, heading: "BIOMETRIC SERVICES APPOINTMENT NOTICE")
    }

    @Test("The same in Spanish, asked for with --lang es: every line of the transcript is Spanish")
    func plainRescheduleSpanish() throws {
        try run(language: ["--lang", "es"], environment: ["LANG": "C.UTF-8"], golden: Self.goldenSpanish, heading: "AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS")
    }

    @Test("LANG=es_US.UTF-8 alone gives the Spanish transcript; LANGUAGE=en:es before it gives English")
    func plainLanguageFromEnvironment() throws {
        try run(language: [], environment: ["LANG": "es_US.UTF-8"], golden: Self.goldenSpanish, heading: "AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS")
        try run(language: [], environment: ["LANG": "es_US.UTF-8", "LANGUAGE": "en:es"], golden: Self.golden, heading: "BIOMETRIC SERVICES APPOINTMENT NOTICE")
    }

    @Test("--lang fr is a usage error (exit 2) that lists the languages biosched speaks")
    func unknownLanguage() throws {
        let (status, out) = try TmuxSession.runBinary(["status", "IOE0923456781", "--lang", "fr", "--db", "/nonexistent/x.sqlite", "--json"])
        #expect(status == 2)
        #expect(out.contains("is not a language biosched speaks. Available: en (English), es (español)."), "\(out)")
        #expect(out.contains("BAD_INPUT"))
    }

    func run(language: [String], environment: [String: String], golden: URL, heading: String) throws {
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("plain.sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: db)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = ["tui", "--db", db, "--now", TerminalEndToEndTests.now, "--as", "applicant", "--account", "maria.garcia"] + language
        var env = ProcessInfo.processInfo.environment
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }
        env.merge(environment) { $1 }
        env["TERM"] = "dumb"
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        // Case 1; its first day; its first time; reason 1 (medical); confirmation by email (her account's); yes; then quit.
        input.fileHandleForWriting.write(Data("1\n1\n1\n1\n1\n1\nq\n".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        var transcript = String(decoding: data, as: UTF8.self)
        // Request ids carry a random session id.
        transcript = transcript.replacingOccurrences(of: #"(Request|Solicitud) [0-9a-f]{8}-(\d+)"#, with: "$1 SESSION-$2", options: .regularExpression)
        transcript = transcript.replacingOccurrences(
            of: #"(Enrollment code|Código de inscripción): [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, with: "$1: XXXX-XXXX-XXXX", options: .regularExpression)
        #expect(transcript.contains(heading))
        #expect(!transcript.contains("\u{1B}["), "no escape sequences in plain mode")
        if ProcessInfo.processInfo.environment["BIOSCHED_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(transcript.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(transcript == expected)

        let (_, json) = try TmuxSession.runBinary(["status", "IOE0923456781", "--db", db, "--now", TerminalEndToEndTests.now, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((obj?["appointment"] as? [String: Any])?["local"] as? String == "2026-12-01T10:20")
    }
}
