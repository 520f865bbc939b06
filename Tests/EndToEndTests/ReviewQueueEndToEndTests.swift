import Foundation
import Testing

/// The review queue at 80x24 in tmux, on the demo store: a missing note is said in the dialog, and
/// the denial's result heads the queue. English and Spanish.
@Suite("The review queue speaks, end to end at 80x24", .serialized)
struct ReviewQueueEndToEndTests {
    struct Words: Sendable { var find, queue, deny, missing, result: String }
    static let words: [String: Words] = [
        "en": Words(
            find: "Find a caller", queue: "Review queue", deny: "Deny request", missing: "A review always needs a note saying why.",
            result: "Request esc-e2e:"),
        "es": Words(
            find: "Buscar a la persona", queue: "Revisiones", deny: "Negar solicitud", missing: "Toda revisión necesita una nota que diga por qué.",
            result: "Solicitud esc-e2e:")
    ]

    @Test("Deny with no note: said in the dialog; with a note: the result heads the queue", arguments: ["en", "es"])
    func denySpeaks(language: String) throws {
        guard TmuxSession.available else { return }
        let e2e = TerminalEndToEndTests()
        let t = try e2e.session(width: 80, height: 24)
        defer { t.close() }
        let w = try #require(Self.words[language])
        let (_, status) = try TmuxSession.runBinary(["status", "IOE0923456781", "--as", "agent", "--json", "--db", t.db, "--now", TerminalEndToEndTests.now])
        #expect(status.contains("IOE0923456781"))
        let (rc, out) = try TmuxSession.runBinary([
            "reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-12-08T10:00", "--reason", "other",
            "--explain", "court date", "--request-id", "esc-e2e", "--db", t.db, "--now", TerminalEndToEndTests.now
        ])
        #expect(out.contains("esc-e2e"), "\(rc) \(out)")
        try e2e.launch(t, "tui --as officer --lang \(language)")
        try t.waitFor(w.find)
        try t.keys("r")
        try t.waitFor(w.queue)
        try t.keys("d")
        try t.waitFor(w.deny)
        try t.keys("Enter")
        // The whole sentence on one row is the dialog's line (the status pane wraps it at 30 columns).
        let missing = try t.waitFor(w.missing)
        #expect(missing.contains(w.deny), "said in the dialog itself: \(missing)")
        try t.literal("no court letter")
        try t.keys("Enter")
        let queue = try t.waitFor(w.result)
        #expect(queue.contains("no court letter"), "\(queue)")
        try t.keys("C-c")
        try t.waitFor("EXITED")
    }
}
