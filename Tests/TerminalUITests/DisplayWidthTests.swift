import Testing

@testable import TerminalUI

@Suite("Display width and the cell grid")
struct DisplayWidthTests {
    @Test("Wide, combining and ASCII characters take 2, 0 and 1 columns")
    func widths() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect("東京".count == 2)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("→") == 1)
        #expect(DisplayWidth.of("Nguyễn Văn An") == 13)
        #expect(DisplayWidth.of("李小龙") == 6)
    }

    @Test("A box around CJK text keeps its right border in place")
    func boxWithWideText() {
        var s = Screen(size: Size(columns: 12, rows: 3))
        s.box(Rect(row: 0, column: 0, width: 12, height: 3))
        s.put("東京 ok", row: 1, column: 1, style: .text, maxWidth: 10)
        #expect(s.line(1) == "│東京 ok   │")
        // A wide character that does not fit is replaced by a space, never split.
        s.put("ab東京東京", row: 1, column: 1, style: .text, maxWidth: 5)
        #expect(s.line(1).displayWidth == 12)
        #expect(s.line(1).hasPrefix("│ab東 "))
    }
}
