import TerminalUI
import Testing

@testable import CursesScreen
@testable import biosched_bench

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FrameWriter's bytes fed to the benchmark's terminal emulator (VTScreen): after every frame the
/// emulator must show the intended screen (text, colors, attributes, cursor), for random screens
/// and random changes, on terminals of every color depth, in UTF-8 and in the ASCII fallback.
/// Serialized: terminfo lookups and tiparm share curses' global state.
@Suite(.serialized) struct FrameWriterTests {
    struct Terminal: CustomStringConvertible, Sendable {
        var name: String, depth: ColorDepth, unicode: Bool
        var description: String { "\(name) \(depth) \(unicode ? "UTF-8" : "ASCII")" }
    }

    static let terminals = [
        Terminal(name: "xterm-256color", depth: .indexed256, unicode: true),
        Terminal(name: "xterm-256color", depth: .indexed256, unicode: false),
        Terminal(name: "xterm-16color", depth: .ansi16, unicode: true),
        Terminal(name: "xterm", depth: .ansi8, unicode: true),
        Terminal(name: "xterm", depth: .ansi8, unicode: false),
        Terminal(name: "xterm-mono", depth: .none, unicode: true),
        Terminal(name: "tmux-256color", depth: .indexed256, unicode: true),
        // am without xenl: the bottom-right cell is written by inserting.
        Terminal(name: "ansi", depth: .ansi8, unicode: true)
    ]

    init() { setlocale(LC_ALL, "C.UTF-8") }

    /// A small xorshift generator: the same screens on every run.
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    static let words = ["a", "Zeta", "  ", "─────", "│", "┌──┐", "é", "東京", "→ ok", "x", "     ", "Mañana", "[Enter]", "Jose\u{301}"]

    static func randomScreen(_ random: inout Random, size: Size, from base: Screen?) -> Screen {
        let tokens = StyleToken.allCases
        var screen = base ?? Screen(size: size)
        screen.cursor = nil
        if base == nil || random.next(4) == 0 {
            screen = Screen(size: size, fill: Cell(" ", tokens[random.next(tokens.count)]))
            let fills = random.next(4)
            for _ in 0..<fills {
                let r = Rect(
                    row: random.next(size.rows), column: random.next(size.columns), width: random.next(size.columns) + 1,
                    height: random.next(size.rows) + 1)
                screen.fill(r, style: tokens[random.next(tokens.count)])
            }
        }
        let puts = base == nil ? 30 : random.next(6) + 1
        for _ in 0..<puts {
            screen.put(
                words[random.next(words.count)], row: random.next(size.rows), column: random.next(size.columns),
                style: tokens[random.next(tokens.count)])
        }
        if random.next(5) == 0 {
            screen.restyle(
                Rect(row: random.next(size.rows), column: random.next(size.columns), width: random.next(8) + 1, height: 1),
                style: tokens[random.next(tokens.count)])
        }
        if random.next(3) == 0 {
            screen.put(
                words[random.next(words.count)], row: size.rows - 1, column: size.columns - 1 - random.next(3),
                style: tokens[random.next(tokens.count)])
        }
        if random.next(2) == 0 { screen.cursor = Point(row: random.next(size.rows), column: random.next(size.columns)) }
        return screen
    }

    /// What the emulator should show for a cell: the text and VTScreen's attributes.
    static func expected(
        _ screen: Screen, _ r: Int, _ c: Int, theme: Theme, terminal: Terminal,
        capabilities: TerminalCapabilities
    ) -> VTScreen.Cell {
        var cell = screen[r, c]
        let columns = screen.size.columns
        // Without xenl a wide character cannot be drawn in the bottom-right corner: a blank.
        if terminal.name == "ansi", r == screen.size.rows - 1, c >= columns - 2, screen[r, columns - 1].isContinuation {
            cell = Cell(" ", screen[r, columns - 2].style)
        }
        let style = theme.resolvedStyle(cell.style, depth: terminal.depth)
        var attr = VTScreen.Attr()
        if terminal.depth != .none {
            attr.fg = ColorMapping.number(style.foreground).number
            attr.bg = ColorMapping.number(style.background).number
        }
        // An attribute the terminal has no string for is not drawn (xterm-mono has no `dim`).
        if style.bold && capabilities["bold"] != nil { attr.flags |= 1 }
        if style.dim && capabilities["dim"] != nil { attr.flags |= 2 }
        if style.underline && capabilities["smul"] != nil { attr.flags |= 8 }
        if style.reverse && capabilities["rev"] != nil { attr.flags |= 32 }
        var text = cell.text
        if cell.isContinuation {
            text = ""
            if !terminal.unicode { text = " " } // "東" is "?" and a blank
            if c > 0 { attr = expected(screen, r, c - 1, theme: theme, terminal: terminal, capabilities: capabilities).attr }
        } else if !terminal.unicode, let scalar = text.unicodeScalars.first {
            switch AsciiFallback.glyph(for: scalar) {
            case let .ascii(byte): text = String(UnicodeScalar(byte))
            case .lineDrawing: break // VTScreen shows DEC line drawing as the box characters
            }
        }
        return VTScreen.Cell(text: text, attr: attr)
    }

    static func check(
        _ vt: VTScreen, _ screen: Screen, theme: Theme, terminal: Terminal, capabilities: TerminalCapabilities,
        step: Int
    ) -> Bool {
        for r in 0..<screen.size.rows {
            for c in 0..<screen.size.columns {
                let want = expected(screen, r, c, theme: theme, terminal: terminal, capabilities: capabilities)
                let got = vt.cells[r * screen.size.columns + c]
                // A blank without underline or reverse shows only its background.
                let blank = want.text == " " && want.attr.flags & (8 | 32) == 0
                let same =
                    blank
                    ? got.text == " " && got.attr.bg == want.attr.bg && got.attr.flags & (8 | 32) == 0
                    : got == want
                if !same {
                    Issue.record("\(terminal) step \(step): cell \(r),\(c) is \(got), expected \(want)\nexpected:\n\(screen.text)\nshown:\n\(vt.screenText)")
                    return false
                }
            }
        }
        if let cursor = screen.cursor, vt.row != cursor.row || vt.column != cursor.column {
            Issue.record("\(terminal) step \(step): cursor at \(vt.row),\(vt.column), expected \(cursor.row),\(cursor.column)")
            return false
        }
        return true
    }

    @Test(arguments: terminals)
    func randomScreensLookRightOnATerminalEmulator(_ terminal: Terminal) throws {
        let capabilities = try #require(TerminalCapabilities(term: terminal.name))
        let size = Size(columns: 30, rows: 8)
        let theme = Theme.builtInDefault
        var random = Random(state: 0x9E37_79B9_7F4A_7C15 ^ UInt64(terminal.description.utf8.count))
        for round in 0..<6 {
            var vt = VTScreen(columns: size.columns, rows: size.rows)
            var writer = FrameWriter(
                capabilities: capabilities, depth: terminal.depth, isUnicode: terminal.unicode,
                defaultColorsAvailable: true, lineFeedKeepsColumn: true, size: size)
            var screen: Screen?
            for step in 0..<25 {
                let next = Self.randomScreen(&random, size: size, from: screen)
                vt.feed(writer.frame(next, theme: theme))
                guard Self.check(vt, next, theme: theme, terminal: terminal, capabilities: capabilities, step: round * 100 + step) else {
                    return
                }
                screen = next
            }
        }
    }

    @Test func aChangedStyleIsOneMoveAndOneSGRSequence() throws {
        let capabilities = try #require(TerminalCapabilities(term: "xterm-256color"))
        let size = Size(columns: 40, rows: 10)
        var writer = FrameWriter(
            capabilities: capabilities, depth: .indexed256, isUnicode: true, defaultColorsAvailable: true, lineFeedKeepsColumn: true, size: size)
        var screen = Screen(size: size)
        screen.put("Mon 7  Tue 8  Wed 9", row: 3, column: 2, style: .text)
        screen.put("Tue 8", row: 3, column: 9, style: .focus)
        _ = writer.frame(screen, theme: .builtInDefault)
        screen.put("Tue 8", row: 3, column: 9, style: .text)
        screen.put("Wed 9", row: 3, column: 16, style: .focus)
        let bytes = writer.frame(screen, theme: .builtInDefault)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{1B}(B"), "the alternate character set was never on: \(text.debugDescription)")
        // Tue 8 back to text, then Wed 9 in focus: a move and at most one SGR sequence for each.
        #expect(FrameWriter.sgrSequences(in: bytes).count <= 2, "\(text.debugDescription)")
        #expect(bytes.filter { $0 == 0x1B }.count <= 4, "\(text.debugDescription)")
        #expect(text.contains("\u{1B}[1;38;5;16;48;5;81mWed 9"), "focus is one combined sequence: \(text.debugDescription)")
    }

    @Test func theBottomRightCellDoesNotScroll() throws {
        for name in ["ansi", "xterm-256color"] {
            let capabilities = try #require(TerminalCapabilities(term: name))
            let size = Size(columns: 12, rows: 4)
            var writer = FrameWriter(
                capabilities: capabilities, depth: .ansi8, isUnicode: true, defaultColorsAvailable: true, lineFeedKeepsColumn: true, size: size)
            var vt = VTScreen(columns: size.columns, rows: size.rows)
            var screen = Screen(size: size)
            screen.put("top", row: 0, column: 0, style: .text)
            screen.put("end", row: 3, column: 9, style: .focus)
            let bytes = writer.frame(screen, theme: .builtInDefault)
            vt.feed(bytes)
            if name == "ansi" {
                // am without xenl: the "d" is written at column 10 and pushed into the corner by
                // inserting the "n" before it (ich 1), so the cursor never passes the last column.
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.contains("\u{1B}[1@n") && !text.contains("nd"), "\(text.debugDescription)")
            }
            #expect(vt.text(row: 0).hasPrefix("top"), "\(name)")
            #expect(vt.text(row: 3).hasSuffix("end"), "\(name): \(vt.screenText)")
        }
    }

    @Test func joinsAdjacentSGRSequences() {
        let joined = FrameWriter.joinSGR([
            Array("\u{1B}[m".utf8), Array("\u{1B}[1m".utf8), Array("\u{1B}[38;5;16m".utf8),
            Array("\u{1B}(0".utf8), Array("\u{1B}[48;5;81m".utf8)
        ])
        #expect(String(decoding: joined, as: UTF8.self) == "\u{1B}[0;1;38;5;16m\u{1B}(0\u{1B}[48;5;81m")
    }

    @Test func paddingIsDropped() throws {
        #expect(TerminalCapabilities.withoutPadding(Array("\u{1B}[m\u{0F}$<2>".utf8)) == Array("\u{1B}[m\u{0F}".utf8))
        #expect(TerminalCapabilities.withoutPadding(Array("a$<5*/>b$x".utf8)) == Array("ab$x".utf8))
        let vt100 = try #require(TerminalCapabilities(term: "vt100"))
        #expect(vt100["sgr0"] == Array("\u{1B}[m\u{0F}".utf8))
        #expect(TerminalCapabilities(term: "no-such-terminal-here") == nil)
    }
}
