import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// Issue 14 in the terminal UI: F4 switches the screen's language mid-session, and the notice is
/// given in the caller's language (their account's, or `l`) whatever the screen's.
@Suite("Languages in the terminal UI")
struct LanguageTests {
    @Test("F4 switches every part of the screen between English and Spanish, and back; the keymap shows it in help")
    func switchMidSession() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        var text = p.render().text
        #expect(text.contains("✔ ALLOWED") && text.contains("Pick a new time"))
        p.press(.function(4))
        text = p.render().text
        #expect(p.state.language == .es)
        #expect(text.contains("✔ PERMITIDO") && text.contains("Elija una hora nueva") && text.contains("Estado"))
        #expect(!text.contains("Pick a new time") && !text.contains("✔ ALLOWED"))
        #expect(text.contains("ayuda") || text.contains("más"), "the hint bar is Spanish too")
        p.press(.function(4))
        #expect(p.state.language == .en && p.render().text.contains("✔ ALLOWED"))
        #expect(Keymap.helpLines(training: false).contains { $0.keys == "F4" && $0.label == "language" })
        #expect(Keymap.helpLines(training: false, language: .es).contains { $0.keys == "F4" && $0.label == "idioma" })
    }

    @Test("A caller whose account prefers Spanish gets the notice in Spanish on an English screen; l switches it; the saved file is in the notice's language")
    func noticeInCallersLanguage() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let doc = ImportDocument(accounts: [.init(id: "maria", role: "applicant", name: "María García", email: "maria@example.org", language: "es")])
        _ = try f.store.importDocument(doc, actor: UIFixture.officer, now: UIFixture.now)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var p = try f.program(UIFixture.agent, size: Size(columns: 120, rows: 40), savingFiles: true)
        p.type("EAC2414052317")
        p.press(.enter, .char("t"), .enter, .enter, .enter, .tab, .tab, .enter, .enter)
        #expect(p.state.outcome.answer?.result == .booked)
        #expect(p.state.language == .en && p.state.noticeLanguage == .es)
        var text = p.render().text
        #expect(text.contains("Booked") && text.contains("Notice in Spanish (l changes it)."))
        #expect(text.contains("AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS") && !text.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"))
        let path = dir.appendingPathComponent("aviso.txt").path
        p.press(.char("s"))
        p.press(.ctrl("u"))
        p.type(path)
        p.press(.enter)
        let saved = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(saved.contains("AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS") && saved.contains("Fecha y hora:"))
        p.press(.char("l"))
        text = p.render().text
        #expect(p.state.noticeLanguage == .en && text.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"))
        #expect(p.state.messages.last?.text == "The notice is now in English.")
    }

    @Test("A flow's lang step sets the language; an unknown one names the languages")
    func flowLangStep() throws {
        let flow = try Flow.parse("lang es\nlang EN", name: "l")
        #expect(flow.steps.map(\.action) == [.language(.es), .language(.en)])
        #expect(throws: FlowError.self) { try Flow.parse("lang fr", name: "bad") }
        do { _ = try Flow.parse("lang fr", name: "bad", file: "bad.flow") } catch {
            #expect(error.description.contains("en (English), es (español)"))
        }
    }
}
