import Foundation
import Testing

/// Plain mode through a pipe: numbered menus and line prompts, no terminal at all.
@Suite("Plain mode over a pipe")
struct PlainModeTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/plain-applicant-reschedule.txt")

    @Test("An applicant reschedules through a pipe; the transcript matches its golden file")
    func plainReschedule() throws {
        let template = try #require(TerminalEndToEndTests.template, "biosched init --demo failed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("plain.sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: db)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = ["tui", "--db", db, "--now", TerminalEndToEndTests.now, "--as", "applicant", "--account", "maria.garcia"]
        var env = ProcessInfo.processInfo.environment
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
        transcript = transcript.replacingOccurrences(of: #"Request [0-9a-f]{8}-(\d+)"#, with: "Request SESSION-$1", options: .regularExpression)
        transcript = transcript.replacingOccurrences(of: #"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, with: "Enrollment code: XXXX-XXXX-XXXX", options: .regularExpression)
        #expect(transcript.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"))
        #expect(!transcript.contains("\u{1B}["), "no escape sequences in plain mode")
        if ProcessInfo.processInfo.environment["BIOSCHED_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(transcript.utf8).write(to: Self.golden)
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(transcript == expected)

        let (_, json) = try TmuxSession.runBinary(["status", "IOE0923456781", "--db", db, "--now", TerminalEndToEndTests.now, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((obj?["appointment"] as? [String: Any])?["local"] as? String == "2026-12-01T10:20")
    }
}
