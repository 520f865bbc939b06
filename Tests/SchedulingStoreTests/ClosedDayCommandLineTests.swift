import Foundation
import Testing

/// R17 on the command line: `status`, `status --json`, `find`, `reschedule`, `centers close` and
/// `import` on a real SQLite store, in English and Spanish.
@Suite("R17 a closed day on the command line")
struct ClosedDayCommandLineTests {
    let dir: URL
    let db: String
    let now = "2026-06-15T09:00:00-04:00"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-closed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = dir.appendingPathComponent("cli.sqlite").path
        try #require(Binary.run(["init", "--training", "--db", db, "--now", now]).status == 0)
        let r = try run(["import", try write("doc.json", Self.document(closures: ["2026-06-19"]))])
        try #require(r.status == 0, "\(r.stderr)")
    }

    static func document(closures: [String], centersOnly: Bool = false) -> String {
        let list = closures.map { "\"\($0)\"" }.joined(separator: ", ")
        let center = """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                          "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                          "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"},
                          "closures": [\(list)]}]
            """
        return centersOnly
            ? center + "}"
            : center + """
                ,
                 "accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org"}],
                 "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria"},
                           {"receipt": "LIN2501234567", "form": "I-765", "applicantName": "Sam Doe"}],
                 "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00", "priorReschedules": 2},
                                  {"receipt": "LIN2501234567", "center": "BOS", "start": "2026-06-22T09:00"}]}
                """
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now]) }

    @Test("R17 after centers close, status, status --json and find flag the case in English and Spanish; before, nothing is flagged")
    func flaggedEverywhere() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try run(["status", "EAC2414052317", "--as", "agent"])
        #expect(!before.stdout.contains("CENTER_CLOSED"))
        let close = try run(["centers", "close", "BOS", "2026-06-18", "--reason", "water leak", "--as", "officer"])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.contains("EAC2414052317"))
        #expect(close.stdout.contains("never counted as the caller's"))
        let status = try run(["status", "EAC2414052317", "--as", "agent"])
        #expect(status.stdout.contains("Flags:     CENTER_CLOSED (Center closed that day: this appointment must be moved.)"), "\(status.stdout)")
        #expect(status.stdout.contains("does not count as one of the two reschedules"))
        let es = try run(["status", "EAC2414052317", "--as", "agent", "--lang", "es"])
        #expect(es.stdout.contains("Alertas:   CENTER_CLOSED (El centro está cerrado ese día: hay que cambiar esta cita.)"), "\(es.stdout)")
        let json = try run(["status", "EAC2414052317", "--as", "agent", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(o["flags"] as? [String] == ["CENTER_CLOSED"])
        #expect(o["centerClosedThatDay"] as? Bool == true)
        #expect((o["verdict"] as? [String: Any])?["decision"] as? String == "allowed", "two prior reschedules, still allowed: R17")
        let find = try run(["find", "garcia", "--as", "agent"])
        #expect(find.stdout.contains("center closed that day: must be moved"), "\(find.stdout)")
        let findEs = try run(["find", "garcia", "--as", "agent", "--lang", "es"])
        #expect(findEs.stdout.contains("centro cerrado ese día: hay que cambiarla"), "\(findEs.stdout)")
        let findJSON = try run(["find", "garcia", "--as", "agent", "--json"])
        #expect(findJSON.stdout.contains("\"centerClosed\":true") || findJSON.stdout.contains("\"centerClosed\" : true"), "\(findJSON.stdout)")
        let other = try run(["find", "sam doe", "--as", "agent", "--json"])
        #expect(other.stdout.contains("\"centerClosed\":false") || other.stdout.contains("\"centerClosed\" : false"), "\(other.stdout)")
    }

    @Test("R17 the applicant reschedules online a third time off the closed day with no reason: booked, still 2 of 2 used, the notice says why")
    func applicantMovesForFree() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try run(["reschedule", "EAC2414052317", "--as", "applicant", "--account", "maria", "--to", "2026-06-24T09:00", "--reason", "medical"])
        #expect(refused.status == 1 && refused.stdout.contains("RESCHEDULE_LIMIT_REACHED"), "\(refused.stdout)\(refused.stderr)")
        _ = try run(["centers", "close", "BOS", "2026-06-18", "--as", "officer"])
        let moved = try run(["reschedule", "EAC2414052317", "--as", "applicant", "--account", "maria", "--to", "2026-06-24T09:00"])
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(moved.stdout.contains("does not count as one of the two reschedules"))
        #expect(moved.stdout.contains("moved because the center is closed that day"))
        let status = try run(["status", "EAC2414052317", "--as", "agent"])
        #expect(status.stdout.contains("Used:      2 of 2 online reschedules"))
        #expect(!status.stdout.contains("CENTER_CLOSED"))
        let audit = try run(["audit", "--as", "officer"])
        #expect(audit.stdout.contains("agency-rebooked"), "\(audit.stdout)")
    }

    @Test("R17 import adding a closure lists every appointment still scheduled that day, and the command that moves them, in English and Spanish")
    func importListsStranded() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try write("closure.json", Self.document(closures: ["2026-06-19", "2026-06-22"], centersOnly: true))
        let en = try run(["import", file])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("Boston ASC [BOS] is closed on 2026-06-22; 1 appointment is still scheduled that day and must be moved:"), "\(en.stdout)")
        #expect(en.stdout.contains("LIN2501234567"))
        #expect(en.stdout.contains("Move them all with: biosched centers close BOS 2026-06-22 --rebook"))
        #expect(!en.stdout.contains("2026-06-19;"), "a closed day with no appointment is not listed")
        let es = try run(["import", file, "--lang", "es"])
        #expect(es.stdout.contains("Boston ASC [BOS] está cerrado el 2026-06-22; 1 cita sigue programada ese día y hay que cambiarla:"), "\(es.stdout)")
        let json = try run(["import", file, "--json"])
        #expect(json.stdout.contains("LIN2501234567") && json.stdout.contains("onClosedDays"))
        let status = try run(["status", "LIN2501234567", "--as", "agent"])
        #expect(status.stdout.contains("CENTER_CLOSED"))
    }
}
