import Foundation
import Scheduling
import Testing

@testable import TerminalUI

@Suite("The status pane at 80x24: nothing out of reach")
struct StatusPaneTests {
    @Test("When the case, its verdict and the messages do not fit, the pane says F3 more; F3 pages through every line and back")
    func pages() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("IOE0923456781")
        p.press(.enter) // asylum: a long flag and a long verdict
        for i in 0..<6 { p.send(.notice(.info, "Message number \(i) for the pane, long enough to wrap onto two lines.")) }
        let first = p.render().text
        #expect(first.contains("F3 more ("), "\(first)")
        #expect(first.contains("Message number 5"), "the newest message shows")
        let pages = StatusPane.pageCount(p.state)
        #expect(pages > 1)
        var seen = ""
        for page in 1...pages {
            p.press(.function(3))
            let text = p.render().text
            #expect(text.contains("page \(page) of \(pages)"))
            seen += text
        }
        for needle in ["IOE0923456781 I-589", "ASYLUM", "Message number 0", "Message number 5", "▲ TO AN OFFICER"] {
            #expect(seen.contains(needle), "\(needle) is on some page")
        }
        p.press(.function(3))
        #expect(p.state.statusPage == nil, "after the last page, back to the case and the newest messages")
        p.press(.function(3))
        p.send(.notice(.warning, "A new message"))
        #expect(p.state.statusPage == nil && p.render().text.contains("A new message"), "a new message shows at once")
    }
}
