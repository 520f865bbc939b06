import Foundation
import Testing

/// R7: one escalation at a time per case. A second `reschedule` that would escalate a case with
/// one waiting says so on the command line and records nothing, in English and Spanish.
@Suite("A second escalation on the command line")
struct AlreadyWaitingCommandLineTests {
    @Test("R7 the second escalation says a request is already waiting and nothing new was recorded; the queue still holds one", arguments: ["en", "es"])
    func secondEscalation(language: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-waiting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path, now = "2026-06-15T09:00:00-04:00"
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now, "--lang", language]) }
        try #require(try run(["init", "--training"]).status == 0)
        let doc = dir.appendingPathComponent("d.json")
        try Data("""
        {"centers": [{"code": "BOS", "name": "Boston ASC", "city": "Boston", "state": "MA", "timeZone": "America/New_York", "slotMinutes": 30,
                      "stations": 2, "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
         "cases": [{"receipt": "IOE0923456781", "form": "I-589", "applicantName": "Ana Pérez"}],
         "appointments": [{"receipt": "IOE0923456781", "center": "BOS", "start": "2026-06-22T10:00"}]}
        """.utf8).write(to: doc)
        try #require(try run(["import", doc.path]).status == 0)
        let first = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical", "--request-id", "esc-a"])
        let second = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "travel", "--request-id", "esc-b"])
        let said = language == "en" ? "a request is already waiting for an officer (request esc-a); nothing new was recorded."
                                     : "ya hay una solicitud esperando a un oficial (solicitud esc-a); no se registró nada nuevo."
        #expect(!first.stdout.contains(said), "\(first.stdout)")
        #expect(second.stdout.contains(said), "\(second.stdout)")
        #expect(second.status == first.status)
        let json = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "travel", "--request-id", "esc-c", "--json"])
        #expect(json.stdout.contains("\"alreadyWaiting\":true") || json.stdout.contains("\"alreadyWaiting\" : true"), "\(json.stdout)")
        let queue = try run(["review", "list", "--as", "officer", "--json"])
        #expect(queue.stdout.contains("esc-a") && !queue.stdout.contains("esc-b") && !queue.stdout.contains("esc-c"), "\(queue.stdout)")
    }
}

@Suite("find ranks whole-word matches first, on the command line")
struct FindRankingCommandLineTests {
    @Test("find william li lists William Li before Linda Williams (SQLite store, the real binary)")
    func williamLi() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-rank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path, now = "2026-06-15T09:00:00-04:00"
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now]) }
        try #require(try run(["init", "--training"]).status == 0)
        let doc = dir.appendingPathComponent("d.json")
        try Data("""
        {"cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicantName": "Linda Williams"},
                   {"receipt": "WAC2390112345", "form": "I-485", "applicantName": "William Li"},
                   {"receipt": "LIN2501234567", "form": "I-485", "applicantName": "Lionel Williamson"}]}
        """.utf8).write(to: doc)
        let imported = try run(["import", doc.path])
        try #require(imported.status == 0, "\(imported.stderr)")
        let found = try run(["find", "william", "li", "--as", "agent", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any], "\(found.stdout)")
        let names = (o["matches"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.first == "William Li", "\(names)")
        #expect(Set(names) == ["William Li", "Linda Williams", "Lionel Williamson"])
    }
}
