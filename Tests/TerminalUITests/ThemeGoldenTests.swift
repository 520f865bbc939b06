import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// The calendar in every shipped theme, in monochrome and at 16, 256 and true color: the screen
/// (as in the other golden files) and each token's resolved style at each depth.
@Suite("Theme golden screens")
struct ThemeGoldenTests {
    @Test("The calendar with times in each shipped theme at every depth", arguments: ThemeTests.shipped)
    func calendar(_ name: String) throws {
        let theme = try ThemeTests.load(name).theme
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, size: Size(columns: 80, rows: 24))
        p.type("EAC2414052317")
        p.press(.enter, .char("l"), .enter, .down)
        let screen = p.render()
        for token in [StyleToken.dayFree, .dayFull, .dayClosed, .dayOutside, .slotFree, .focus, .border, .hintKey] {
            #expect(screen.tokensUsed.contains(token), "the calendar screen should show \(token)")
        }
        Golden.check(text: screen.golden(theme: theme, depths: [.none, .ansi16, .indexed256, .trueColor]), "theme-\(name)")
    }
}
