import Testing

@testable import TerminalUI

/// Issue 20: a text field's bound counts what is stored, Unicode scalars, not Characters.
@Suite("Text fields bound Unicode scalars (issue 20)")
struct TextFieldLimitTests {
    @Test("One letter with 10,000 combining marks does not fit a 300-character field; plain letters and accents do")
    func combiningMarks() {
        var f = TextField(maxLength: 300)
        _ = f.handle(.char(Character("A" + String(repeating: "\u{0301}", count: 10_000))))
        #expect(f.text.isEmpty, "refused whole: \(f.text.unicodeScalars.count) scalars")
        for c in "José Núñez" { _ = f.handle(.char(c)) }
        #expect(f.text == "José Núñez")
        var full = TextField(String(repeating: "e\u{0301}", count: 200), maxLength: 300)
        #expect(full.text.unicodeScalars.count == 300 && full.characters.count == 150)
        _ = full.handle(.char("x"))
        #expect(full.text.unicodeScalars.count == 300, "no room left")
    }
}
