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
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "city": "Boston", "state": "MA", "timeZone": "America/New_York", "slotMinutes": 30,
                          "stations": 2, "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "cases": [{"receipt": "IOE0923456781", "form": "I-589", "applicantName": "Ana Pérez"}],
             "appointments": [{"receipt": "IOE0923456781", "center": "BOS", "start": "2026-06-22T10:00"}]}
            """.utf8
        ).write(to: doc)
        try #require(try run(["import", doc.path]).status == 0)
        let first = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical", "--request-id", "esc-a"])
        let second = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "travel", "--request-id", "esc-b"])
        let said =
            language == "en"
            ? "a request is already waiting for an officer (request esc-a); nothing new was recorded."
            : "ya hay una solicitud esperando a un oficial (solicitud esc-a); no se registró nada nuevo."
        #expect(!first.stdout.contains(said), "\(first.stdout)")
        #expect(second.stdout.contains(said), "\(second.stdout)")
        #expect(second.status == first.status)
        let json = try run(["reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-25T09:00", "--reason", "travel", "--request-id", "esc-c", "--json"]
        )
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
        try Data(
            """
            {"cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicantName": "Linda Williams"},
                       {"receipt": "WAC2390112345", "form": "I-485", "applicantName": "William Li"},
                       {"receipt": "LIN2501234567", "form": "I-485", "applicantName": "Lionel Williamson"}]}
            """.utf8
        ).write(to: doc)
        let imported = try run(["import", doc.path])
        try #require(imported.status == 0, "\(imported.stderr)")
        let found = try run(["find", "william", "li", "--as", "agent", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any], "\(found.stdout)")
        let names = (o["matches"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.first == "William Li", "\(names)")
        #expect(Set(names) == ["William Li", "Linda Williams", "Lionel Williamson"])
    }
}

@Suite("mailer says why anything is left unsent")
struct MailerUnsentCommandLineTests {
    @Test("A message made later than the mailer's clock is left unsent with why, in English and Spanish and in --json", arguments: ["en", "es"])
    func madeLater(language: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-unsent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let early = "2026-06-15T09:00:00-04:00", later = "2026-06-15T11:00:00-04:00"
        try #require(try Binary.run(["init", "--training", "--db", db, "--now", early]).status == 0)
        let doc = dir.appendingPathComponent("d.json")
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "city": "Boston", "state": "MA", "timeZone": "America/New_York", "slotMinutes": 30,
                          "stations": 2, "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org"}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"}]}
            """.utf8
        ).write(to: doc)
        try #require(try Binary.run(["import", doc.path, "--db", db, "--now", early]).status == 0)
        let booked = try Binary.run([
            "reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical", "--notify", "email",
            "--db", db, "--now", later
        ])
        try #require(booked.status == 0, "\(booked.stdout)\(booked.stderr)")
        let out = try Binary.run(["mailer", "--sendmail", "/bin/true", "--as", "agent", "--db", db, "--now", early, "--lang", language])
        #expect(out.status == 0, "\(out.stderr)")
        let why = language == "en" ? "left unsent: it was made at" : "sin enviar: se creó el"
        #expect(out.stdout.contains(why), "\(out.stdout)")
        #expect(out.stdout.contains(language == "en" ? "1 left unsent, each with why above." : "1 sin enviar, cada uno con el motivo arriba."), "\(out.stdout)")
        let json = try Binary.run(["mailer", "--sendmail", "/bin/true", "--as", "agent", "--db", db, "--now", early, "--json"])
        #expect(json.stdout.contains("\"unsent\""), "\(json.stdout)")
    }
}
