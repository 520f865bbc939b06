import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// Plain mode for a screen reader: every message ends its line, every choice is read back, the
/// notice can be saved, and the online screens speak to the applicant. English and Spanish.
@Suite("Plain mode for a screen reader")
struct PlainScreenReaderTests {
    func option(_ prompt: String, _ text: String) -> String? {
        prompt.split(separator: "\n").first { $0.contains(text) && $0.first?.isNumber == true }
            .flatMap { $0.split(separator: ".").first.map(String.init) }
    }

    /// Shows the prompt (as `run` does), then handles `line`: what the person hears after it.
    func step(_ p: inout PlainMode, _ line: String) -> (prompt: String, said: String) {
        let prompt = p.prompt()
        return (prompt, p.handle(line))
    }

    @Test("A wrong choice ends its line before the next menu; the time chosen is read back; the notice is saved to a file", arguments: Language.allCases)
    func readsWell(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        let file = f.dir.appendingPathComponent("notice.txt").path
        let t = Catalog(language)
        // Through `run`, as the binary does: the receipt, a wrong number, then quit.
        var script = ["EAC2414052317", "99", "q"].reversed().map { $0 }
        var out = ""
        _ = PlainMode.run(try f.program(UIFixture.agent, language: language), readLine: { script.popLast() }, write: { out += $0 })
        let wrong = t.notAChoice("99", 11) // the days, another center, the waiting list
        #expect(out.contains(wrong + "\n"), "\(out)")
        #expect(!out.contains(wrong + "1."), "no message runs into the next menu")

        var p = PlainMode(program: try f.program(UIFixture.agent, savingFiles: true, language: language))
        _ = step(&p, "EAC2414052317")
        _ = step(&p, "1") // the first day
        let time = step(&p, "1") // its first time
        #expect(time.said.contains(t.timeChosen("09:30 EDT")), "\(time.said)")
        let reasons = p.prompt()
        _ = step(&p, try #require(option(reasons, t.reasonTitle(.medical)), "\(reasons)"))
        _ = step(&p, "") // no note
        let channel = step(&p, "2") // email
        #expect(channel.said.contains(t.confirmationGoesBy(p.program.state.notifyLabel(.email))), "\(channel.said)")
        _ = step(&p, "1") // yes, book
        #expect(p.program.state.outcome.answer?.result == .booked)
        let outcome = p.prompt()
        let save = try #require(option(outcome, t.saveNoticeOption), "\(outcome)")
        _ = step(&p, save)
        #expect(p.prompt().contains(t.fileNamePrompt))
        let saved = step(&p, file)
        #expect(FileManager.default.fileExists(atPath: file), "\(saved.said)")
        #expect((try? String(contentsOfFile: file, encoding: .utf8))?.contains(t.noticeHeading) == true)
    }

    @Test("The online reason step speaks to the applicant, in the full screen and in plain mode", arguments: Language.allCases)
    func speaksToApplicant(language: Language) throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.maria, language: language)
        p.press(.enter) // her first case
        p.press(.char("t"), .enter, .enter)
        let t = Catalog(language)
        #expect(p.state.phase == .reason)
        #expect(p.render().text.contains(t.reasonTitleYou), "\(p.render().text)")
        #expect(!p.render().text.contains(t.reasonTitle))
        var plain = PlainMode(program: try f.program(UIFixture.maria, language: language))
        _ = step(&plain, "1")
        _ = step(&plain, "1")
        _ = step(&plain, "1")
        #expect(plain.prompt().contains(t.chooseReasonYou), "\(plain.prompt())")
    }
}
