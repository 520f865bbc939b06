import CNcursesw
import TerminalUI
import Testing

@testable import CursesScreen

// The pure parts of the curses adapter: color mapping, key decoding, ASCII fallbacks.
// Drawing and input themselves are checked in tmux (see the README's end-to-end notes).

@Suite struct ColorMappingTests {
    /// A theme color through TerminalUI's resolution and then to a curses color number.
    func curses(_ color: Color?, _ depth: ColorDepth) -> CursesColor {
        ColorMapping.number(color?.resolved(at: depth, foreground: true).color)
    }
    func boldForBright(_ color: Color, _ depth: ColorDepth) -> Bool {
        color.resolved(at: depth, foreground: true).boldForBright
    }

    @Test func depthFollowsColorsAndNoColor() {
        #expect(ColorDepth(colors: 8, hasColors: true, noColor: false) == .ansi8)
        #expect(ColorDepth(colors: 16, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth(colors: 88, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth(colors: 256, hasColors: true, noColor: false) == .indexed256)
        #expect(ColorDepth(colors: 0x1000000, hasColors: true, noColor: false) == .trueColor)
        #expect(ColorDepth(colors: 256, hasColors: true, noColor: true) == .none)
        #expect(ColorDepth(colors: 256, hasColors: false, noColor: false) == .none)
    }

    @Test func defaultColorIsMinusOne() {
        for depth in ColorDepth.allCases {
            #expect(curses(nil, depth) == .terminalDefault)
        }
    }

    @Test func brightANSIOnEightColorsIsBold() {
        #expect(curses(.ansi(9), .ansi8) == CursesColor(number: 1))
        #expect(boldForBright(.ansi(9), .ansi8))
        #expect(curses(.ansi(4), .ansi8) == CursesColor(number: 4))
        #expect(!boldForBright(.ansi(4), .ansi8))
        #expect(curses(.ansi(9), .ansi16) == CursesColor(number: 9))
        #expect(curses(.ansi(9), .indexed256) == CursesColor(number: 9))
    }

    @Test func indexedAndRGBOnSixteenColorsGoToTheNearestANSI() {
        #expect(curses(.indexed(12), .ansi16).number == 12)
        #expect(curses(.indexed(196), .ansi16).number == 9) // #ff0000
        #expect(curses(.rgb(250, 250, 250), .ansi16).number == 15)
        #expect(curses(.rgb(0, 0, 0), .ansi8) == CursesColor(number: 0))
        #expect(curses(.rgb(255, 255, 0), .ansi8) == CursesColor(number: 3))
        #expect(boldForBright(.rgb(255, 255, 0), .ansi8))
    }

    @Test func namedFallbacksWinOverTheNearest() {
        let c = Color.rgb(0x5f, 0xd7, 0x5f, indexed: 34, ansi: 2)
        #expect(curses(c, .indexed256).number == 34)
        #expect(curses(c, .ansi16).number == 2)
        #expect(curses(c, .trueColor).number == 0x5fd75f)
    }

    @Test func rgbOn256ColorsGoesToTheCubeOrTheGrays() {
        #expect(curses(.rgb(255, 128, 0), .indexed256).number == 208)
        #expect(curses(.rgb(0, 0, 0), .indexed256).number == 16)
        #expect(curses(.rgb(128, 128, 128), .indexed256).number == 244)
        #expect(curses(.indexed(202), .indexed256).number == 202)
        for n in 16...255 {
            #expect(Palette.nearestIndexed256(Palette.rgbOfIndexed(n)) == n, "index \(n)")
        }
    }

    @Test func directColorIsExactAndKeepsTheANSINumbers() {
        #expect(curses(.rgb(0x12, 0x34, 0x56), .trueColor).number == 0x123456)
        #expect(curses(.rgb(0, 0, 5), .trueColor).number == 8) // 0-7 would be ANSI colors
        #expect(curses(.ansi(2), .trueColor).number == 2)
        #expect(curses(.ansi(9), .trueColor).number == 0xFF0000)
        #expect(curses(.indexed(202), .trueColor).number == 0xFF5F00)
    }

    @Test func terminfoColorsWithoutATerminal() {
        #expect(cn_terminfo_colors("xterm-256color") == 256)
        #expect(cn_terminfo_colors("xterm-mono") == 0)
        #expect(cn_terminfo_colors("no-such-terminal-here") == -1)
        #expect(TerminalColors.depth(environment: ["TERM": "xterm-256color"]) == .indexed256)
        #expect(TerminalColors.depth(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]) == .none)
        #expect(TerminalColors.depth(environment: ["TERM": "xterm-256color", "NO_COLOR": ""]) == .indexed256)
        #expect(TerminalColors.depth(environment: ["TERM": "xterm"]) == .ansi8)
        #expect(TerminalColors.depth(environment: ["TERM": "xterm-mono"]) == .none)
    }
}

@Suite struct KeyDecodingTests {
    @Test func controlCharacters() {
        #expect(KeyDecoding.key(character: 27) == .escape)
        #expect(KeyDecoding.key(character: 9) == .tab)
        #expect(KeyDecoding.key(character: 10) == .enter)
        #expect(KeyDecoding.key(character: 13) == .enter)
        #expect(KeyDecoding.key(character: 127) == .backspace)
        #expect(KeyDecoding.key(character: 8) == .backspace)
        #expect(KeyDecoding.key(character: 3) == .ctrl("c"))
        #expect(KeyDecoding.key(character: 26) == .ctrl("z"))
        #expect(KeyDecoding.key(character: 1) == .ctrl("a"))
        #expect(KeyDecoding.key(character: 0) == nil)
        #expect(KeyDecoding.key(character: 0x9B) == nil)
    }

    @Test func printableCharacters() {
        #expect(KeyDecoding.key(character: 0x71) == .char("q"))
        #expect(KeyDecoding.key(character: 0x20) == .char(" "))
        #expect(KeyDecoding.key(character: 0xE9) == .char("é"))
        #expect(KeyDecoding.key(character: 0x6771) == .char("東"))
        #expect(KeyDecoding.key(character: 0xD800) == nil)
    }

    @Test func keyCodes() {
        #expect(KeyDecoding.key(keyCode: KEY_UP) == .up)
        #expect(KeyDecoding.key(keyCode: KEY_NPAGE) == .pageDown)
        #expect(KeyDecoding.key(keyCode: KEY_BTAB) == .backTab)
        #expect(KeyDecoding.key(keyCode: KEY_DC) == .delete)
        #expect(KeyDecoding.key(keyCode: KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoding.key(keyCode: KEY_ENTER) == .enter)
        #expect(KeyDecoding.key(keyCode: cn_key_f(1)) == .function(1))
        #expect(KeyDecoding.key(keyCode: cn_key_f(24)) == .function(24))
        #expect(KeyDecoding.key(keyCode: cn_key_f(25)) == nil)
        #expect(KeyDecoding.key(keyCode: KEY_IC) == nil)
    }
}

@Suite struct AsciiFallbackTests {
    @Test func boxLinesUseTheLineDrawingSet() {
        #expect(AsciiFallback.glyph(for: "─") == .lineDrawing(UInt8(ascii: "q")))
        #expect(AsciiFallback.glyph(for: "┌") == .lineDrawing(UInt8(ascii: "l")))
        #expect(AsciiFallback.glyph(for: "│") == .lineDrawing(UInt8(ascii: "x")))
    }

    @Test func otherCharactersUseALookAlike() {
        #expect(AsciiFallback.glyph(for: "a") == .ascii(UInt8(ascii: "a")))
        #expect(AsciiFallback.glyph(for: "é") == .ascii(UInt8(ascii: "e")))
        #expect(AsciiFallback.glyph(for: "Ñ") == .ascii(UInt8(ascii: "N")))
        #expect(AsciiFallback.glyph(for: "→") == .ascii(UInt8(ascii: ">")))
        #expect(AsciiFallback.glyph(for: "東") == .ascii(UInt8(ascii: "?")))
    }
}
