import Foundation
import Testing

/// The times list at 80x24 in tmux, on the demo store (Mon 2026-11-30 10:00 EST): an agent books
/// a caller at "Tuesday 2 pm" by typing the hour. The keys are counted for docs/tui.md.
@Suite("The times list, end to end at 80x24", .serialized)
struct TimesPagingEndToEndTests {
    struct Words: Sendable { var find, pick, more, newTime, reason, confirm: String }
    static let words: [String: Words] = [
        "en": Words(
            find: "Find a caller", pick: "Pick a new time", more: "↓ 14 more below", newTime: "New time: Tue 2026-12-01 14:00 EST",
            reason: "Why can't they attend?", confirm: "Confirm the new appointment"),
        "es": Words(
            find: "Buscar a la persona", pick: "Elija una hora nueva", more: "↓ 14 más abajo", newTime: "Hora nueva: mar 2026-12-01 14:00 EST",
            reason: "Causa justificada", confirm: "Confirme la nueva cita")
    ]

    @Test("Tuesday 2 pm by typing 1 4 in the times list: 11 keys besides the receipt (20 with ↓); the list says what is below", arguments: ["en", "es"])
    func tuesdayTwoPM(language: String) throws {
        guard TmuxSession.available else { return }
        let e2e = TerminalEndToEndTests()
        let t = try e2e.session(width: 80, height: 24)
        defer { t.close() }
        let w = try #require(Self.words[language])
        try e2e.launch(t, "tui --as agent --lang \(language)")
        try t.waitFor(w.find)
        try t.literal("IOE0923456781")
        var keys = 0
        func press(_ k: String...) throws {
            keys += k.count
            try t.tmux(["send-keys", "-t", t.name] + k)
        }
        try press("Enter")
        try t.waitFor(w.pick)
        try press("t", "Enter") // Tuesday, the first offered day; the times have the focus
        let times = try t.waitFor(w.more)
        #expect(times.contains(w.more))
        try press("1", "4") // 14:00
        try press("Enter")
        let reason = try t.waitFor(w.newTime)
        #expect(reason.contains(w.reason), "\(reason)")
        try press("Enter", "Tab", "Tab", "Enter") // medical, notify, continue
        try t.waitFor(w.confirm)
        try press("Enter")
        try t.waitFor("BN00", seconds: 15)
        #expect(keys == 11, "keys besides the receipt: \(keys)")
        try t.keys("q")
        try t.waitFor("EXITED")
        let (_, json) = try TmuxSession.runBinary(["status", "IOE0923456781", "--json", "--db", t.db, "--now", TerminalEndToEndTests.now])
        #expect(json.contains("\"local\":\"2026-12-01T14:00\"") || json.contains("\"local\" : \"2026-12-01T14:00\""), "\(json)")
    }
}
