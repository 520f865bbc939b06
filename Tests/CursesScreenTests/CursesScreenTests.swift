import CNcursesw
import Testing
import TerminalUI
@testable import CursesScreen

// The pure parts of the curses adapter: color mapping, key decoding, ASCII fallbacks.
// Drawing and input themselves are checked in tmux (see the README's end-to-end notes).

@Suite struct ColorMappingTests {
    @Test func depthFollowsColorsAndNoColor() {
        #expect(ColorDepth(colors: 8, hasColors: true, noColor: false) == .ansi8)
        #expect(ColorDepth(colors: 16, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth(colors: 88, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth(colors: 256, hasColors: true, noColor: false) == .indexed256)
        #expect(ColorDepth(colors: 0x1000000, hasColors: true, noColor: false) == .direct)
        #expect(ColorDepth(colors: 256, hasColors: true, noColor: true) == .none)
        #expect(ColorDepth(colors: 256, hasColors: false, noColor: false) == .none)
    }

    @Test func defaultColorIsMinusOne() {
        for depth in [ColorDepth.none, .ansi8, .ansi16, .indexed256, .direct] {
            #expect(ColorMapping.map(nil, depth: depth) == .terminalDefault)
        }
    }

    @Test func brightANSIOnEightColorsIsBold() {
        #expect(ColorMapping.map(.ansi(9), depth: .ansi8) == CursesColor(number: 1, boldForBright: true))
        #expect(ColorMapping.map(.ansi(4), depth: .ansi8) == CursesColor(number: 4))
        #expect(ColorMapping.map(.ansi(9), depth: .ansi16) == CursesColor(number: 9))
        #expect(ColorMapping.map(.ansi(9), depth: .indexed256) == CursesColor(number: 9))
    }

    @Test func indexedAndRGBOnSixteenColorsGoToTheNearestANSI() {
        #expect(ColorMapping.map(.indexed(12), depth: .ansi16).number == 12)
        #expect(ColorMapping.map(.indexed(196), depth: .ansi16).number == 9)     // #ff0000
        #expect(ColorMapping.map(.rgb(250, 250, 250), depth: .ansi16).number == 15)
        #expect(ColorMapping.map(.rgb(0, 0, 0), depth: .ansi8) == CursesColor(number: 0))
        #expect(ColorMapping.map(.rgb(255, 255, 0), depth: .ansi8) == CursesColor(number: 3, boldForBright: true))
    }

    @Test func rgbOn256ColorsGoesToTheCubeOrTheGrays() {
        #expect(ColorMapping.map(.rgb(255, 128, 0), depth: .indexed256).number == 208)
        #expect(ColorMapping.map(.rgb(0, 0, 0), depth: .indexed256).number == 16)
        #expect(ColorMapping.map(.rgb(128, 128, 128), depth: .indexed256).number == 244)
        #expect(ColorMapping.map(.indexed(202), depth: .indexed256).number == 202)
        for n in 16...255 {
            let (r, g, b) = ColorMapping.rgbOfIndexed(n)
            #expect(ColorMapping.nearestIndexed256(r, g, b) == n, "index \(n)")
        }
    }

    @Test func directColorIsExactAndKeepsTheANSINumbers() {
        #expect(ColorMapping.map(.rgb(0x12, 0x34, 0x56), depth: .direct).number == 0x123456)
        #expect(ColorMapping.map(.rgb(0, 0, 5), depth: .direct).number == 8)      // 0-7 would be ANSI colors
        #expect(ColorMapping.map(.ansi(2), depth: .direct).number == 2)
        #expect(ColorMapping.map(.ansi(9), depth: .direct).number == 0xFF0000)
        #expect(ColorMapping.map(.indexed(202), depth: .direct).number == 0xFF5F00)
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
