import Foundation
import Testing

/// `biosched waitlist` and `biosched offers` with the real binary on a real SQLite file (W0-W5,
/// docs/cli.md): asking, bad input named, R5 before anything is revealed, the offer pass after a
/// reschedule away, accept as a reschedule, exit codes as `reschedule`, English and Spanish.
@Suite("The waiting list on the command line")
struct WaitlistCommandLineTests {
    @Test(
        "W0-W5 ask, be offered after a reschedule away, accept; bad input and other people's offers refused with the codes and exit codes of reschedule",
        arguments: ["en", "es"])
    func askOfferAccept(language: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-waitlist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path, now = "2026-06-15T09:00:00-04:00"
        func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now, "--lang", language]) }
        func flat(_ r: Binary.Result) -> String { (r.stdout + r.stderr).filter { !$0.isWhitespace } }
        try #require(try run(["init", "--training"]).status == 0)
        let doc = dir.appendingPathComponent("d.json")
        try Data(
            """
            {"centers": [{"code": "BOS", "name": "Boston ASC", "city": "Boston", "state": "MA", "timeZone": "America/New_York", "slotMinutes": 30,
                          "stations": 2, "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"}}],
             "accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org"},
                          {"id": "jose", "role": "applicant", "name": "José Luis Garcia", "email": "jose@example.org"}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria"},
                       {"receipt": "LIN2501234567", "form": "I-130", "applicant": "jose"},
                       {"receipt": "NBC2600000000", "form": "I-90", "applicantName": "Holder A"},
                       {"receipt": "NBC2600000001", "form": "I-90", "applicantName": "Holder B"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"},
                              {"receipt": "LIN2501234567", "center": "BOS", "start": "2026-06-25T09:00"},
                              {"receipt": "NBC2600000000", "center": "BOS", "start": "2026-06-17T10:00"},
                              {"receipt": "NBC2600000001", "center": "BOS", "start": "2026-06-17T10:00"}]}
            """.utf8
        ).write(to: doc)
        try #require(try run(["import", doc.path]).status == 0)
        let maria = ["--as", "applicant", "--account", "maria"], jose = ["--as", "applicant", "--account", "jose"]
        let es = language == "es"

        // Bad input: named, exit 2, nothing stored.
        let noon = try run(["waitlist", "add", "EAC2414052317", "--not", "mon,noon"] + maria)
        #expect(
            noon.status == 2 && (noon.stdout + noon.stderr).contains("WAITLIST_BAD_EXCLUSION") && (noon.stdout + noon.stderr).contains("noon"),
            "\((noon.stdout + noon.stderr))")
        let late = try run(["waitlist", "add", "EAC2414052317", "--before", "2026-07-01"] + maria)
        #expect(
            late.status == 2 && (late.stdout + late.stderr).contains("WAITLIST_BEFORE_TOO_LATE") && (late.stdout + late.stderr).contains("2026-06-18"),
            "\((late.stdout + late.stderr))")
        let badDate = try run(["waitlist", "add", "EAC2414052317", "--from", "2026-13-01"] + maria)
        #expect(
            badDate.status == 2 && (badDate.stdout + badDate.stderr).contains("YYYY-MM-DD") == !es && (badDate.stdout + badDate.stderr).contains("2026-13-01"),
            "\((badDate.stdout + badDate.stderr))")
        // R5: someone else's case, exit 1, nothing about it said.
        let other = try run(["waitlist", "add", "EAC2414052317"] + jose)
        #expect(other.status == 1 && (other.stdout + other.stderr).contains("NOT_AUTHORIZED"), "\((other.stdout + other.stderr))")

        let added = try run(["waitlist", "add", "EAC2414052317", "--not", "fri"] + maria)
        #expect(added.status == 0, "\(added.stdout)")
        #expect(added.stdout.contains(es ? "está en la lista de espera para BOS (lugar 1)" : "is on the waiting list for BOS (place 1)"), "\(added.stdout)")
        #expect(try run(["waitlist", "add", "LIN2501234567"] + jose).status == 0)
        let mine = try run(["waitlist", "--json"] + jose)
        #expect(mine.stdout.contains("LIN2501234567") && !mine.stdout.contains("EAC2414052317"), "an applicant sees only their own: \(mine.stdout)")

        // A holder moves away: the station is freed; the pass offers it to maria, who asked first.
        #expect(try run(["reschedule", "NBC2600000000", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical"]).status == 0)
        let refusedPass = try run(["offers", "--expire"] + maria)
        #expect(refusedPass.status == 1, "only staff run the pass: \((refusedPass.stdout + refusedPass.stderr))")
        let pass = try run(["offers", "--expire", "--as", "agent", "--json"])
        #expect(pass.status == 0 && flat(pass).contains("\"offered\":[1]"), "\(pass.stdout)")
        // The held station counts: nobody else can book it.
        let full = try run(["reschedule", "LIN2501234567", "--as", "agent", "--to", "2026-06-17T10:00", "--reason", "medical"])
        #expect(full.status == 3 && (full.stdout + full.stderr).contains("SLOT_FULL"), "\((full.stdout + full.stderr))")
        #expect(flat(try run(["offers", "--json"] + jose)).contains("\"offers\":[]"))
        let notYours = try run(["offers", "accept", "1"] + jose)
        #expect(notYours.status == 1 && (notYours.stdout + notYours.stderr).contains("OFFER_UNKNOWN"), "\((notYours.stdout + notYours.stderr))")
        let badID = try run(["offers", "accept", "one"] + maria)
        #expect(badID.status == 2, "\((badID.stdout + badID.stderr))")
        let listed = try run(["offers"] + maria)
        #expect(listed.stdout.contains(es ? "Oferta 1: EAC2414052317" : "Offer 1: EAC2414052317") && listed.stdout.contains("EDT"), "\(listed.stdout)")

        let accepted = try run(["offers", "accept", "1", "--request-id", "offer-1"] + maria)
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect(accepted.stdout.contains("2026") && accepted.stdout.contains("Boston ASC"), "the new notice: \(accepted.stdout)")
        let again = try run(["offers", "accept", "1"] + maria)
        #expect(again.status == 3 && (again.stdout + again.stderr).contains("OFFER_RESOLVED"), "\((again.stdout + again.stderr))")
        let status = try run(["status", "EAC2414052317", "--json"] + maria)
        #expect(flat(status).contains("\"priorReschedules\":1"), "\(status.stdout)")
        let staff = try run(["waitlist", "--as", "officer", "--json"])
        #expect(flat(staff).contains("\"accepted\":1"), "\(staff.stdout)")
        let audit = try run(["audit", "--as", "officer", "--receipt", "EAC2414052317", "--json"])
        for action in ["waitlist-added", "offer-made", "rescheduled", "offer-accepted"] { #expect(audit.stdout.contains(action), "\(action)") }
        let removed = try run(["waitlist", "remove", "LIN2501234567"] + jose)
        #expect(removed.status == 0, "\(removed.stdout)")
        let notWaiting = try run(["waitlist", "remove", "LIN2501234567"] + jose)
        #expect(
            notWaiting.status == 2 && (notWaiting.stdout + notWaiting.stderr).contains("WAITLIST_NOT_WAITING"), "\((notWaiting.stdout + notWaiting.stderr))")
    }
}
