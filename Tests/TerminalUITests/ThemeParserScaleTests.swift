import Foundation
import Testing

@testable import TerminalUI

/// Issue 20: the theme parser stays linear (a key look-up per key was a linear search).
@Suite("Theme parser scale (issue 20)")
struct ThemeParserScaleTests {
    @Test("A theme of 256 KiB with thousands of keys parses (the parser is linear; the figure is printed)")
    func bigTheme() throws {
        var text = "[palette]\n"
        var n = 0
        while text.utf8.count < 250 * 1024 {
            text += "c\(n) = \"#\(String(format: "%06x", n % 0xFFFFFF))\"\n"
            n += 1
        }
        let started = Date()
        let table = try TOMLSubset.parse(text)
        print("theme parser: \(text.utf8.count) bytes, \(n) keys in \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
        #expect((table["palette"].flatMap { if case let .table(t) = $0.value { t.entries.count } else { nil } }) == n)
    }
}
