import Foundation
import Testing

/// R17 with the real binary in tmux at 80x24, on a demo store with a fixed clock: a center closes
/// the day of a caller's appointment; the agent sees it flagged, moves it with no reason, and it
/// counts no reschedule. In English and Spanish.
@Suite("R17 a closed day, end to end at 80x24", .serialized)
struct ClosedDayEndToEndTests {
    struct Words: Sendable { var find, flag, noReason, confirm, noticeWhy, noCount: String }
    static let words: [String: Words] = [
        "en": Words(
            find: "Find a caller", flag: "CENTER_CLOSED", noReason: "No reason needed: center closed that day.",
            confirm: "Confirm the new appointment", noticeWhy: "was moved because the center is closed that day (power cut).",
            noCount: "does not count as one of your reschedules"),
        "es": Words(
            find: "Buscar a la persona", flag: "CENTER_CLOSED", noReason: "No hace falta motivo: centro cerrado.",
            confirm: "Confirme la nueva cita", noticeWhy: "porque el centro está cerrado ese día (power cut).",
            noCount: "no cuenta como uno de sus cambios permitidos")
    ]

    @Test("R17 the agent sees CENTER_CLOSED in the status pane, moves the appointment with no reason; prior reschedules stay", arguments: ["en", "es"])
    func agentMovesClosedDay(language: String) throws {
        guard TmuxSession.available else { return }
        let e2e = TerminalEndToEndTests()
        let t = try e2e.session(width: 80, height: 24)
        defer { t.close() }
        let w = try #require(Self.words[language])
        let now = TerminalEndToEndTests.now
        let receipt = "IOE0923456781"
        func status() throws -> [String: Any] {
            let (_, json) = try TmuxSession.runBinary(["status", receipt, "--as", "agent", "--json", "--db", t.db, "--now", now])
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
        }
        let before = try status()
        let appt = try #require(before["appointment"] as? [String: Any])
        let center = try #require(appt["center"] as? String), local = try #require(appt["local"] as? String)
        let prior = try #require(before["priorReschedules"] as? Int)
        let (rc, out) = try TmuxSession.runBinary([
            "centers", "close", center, String(local.prefix(10)), "--reason", "power cut",
            "--as", "officer", "--db", t.db, "--now", now
        ])
        #expect(rc == 0, "\(out)")
        #expect(try status()["flags"] as? [String] == ["CENTER_CLOSED"])
        try e2e.launch(t, "tui --as agent --lang \(language)")
        try t.waitFor(w.find)
        try t.literal(receipt)
        try t.keys("Enter")
        try t.waitFor(w.flag)
        try t.keys("t", "Enter", "Enter")
        let reason = try t.waitFor(w.noReason)
        #expect(reason.contains(w.noReason))
        try t.keys("Enter")
        try t.waitFor(w.confirm)
        try t.keys("Enter")
        let booked = try t.waitFor("BN00", seconds: 15)
        // The right pane's rows read as one text (the notice wraps): it says why and that it does not count.
        func pane(_ screen: String) -> String {
            screen.split(separator: "\n").compactMap { row -> String? in
                guard let r = row.range(of: "││") else { return nil }
                return String(row[r.upperBound...]).replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces)
            }.joined(separator: " ")
        }
        #expect(pane(booked).contains(w.noticeWhy), "\(booked)")
        try t.keys("Down", "Down", "Down", "Down", "Down", "Down")
        usleep(400_000)
        let scrolled = try t.screen()
        #expect(pane(scrolled).contains(w.noCount), "\(scrolled)")
        try t.keys("q")
        try t.waitFor("EXITED")
        let after = try status()
        #expect(after["priorReschedules"] as? Int == prior, "an agency rebooking counts nothing")
        #expect(after["flags"] as? [String] != ["CENTER_CLOSED"] && (after["centerClosedThatDay"] as? Bool) == false)
    }
}
