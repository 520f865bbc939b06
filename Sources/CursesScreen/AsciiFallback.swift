import Foundation

/// What to draw when the locale is not UTF-8 (LANG unset or `C` on a server): curses cannot
/// write non-ASCII characters then, so box lines use the terminal's line-drawing set (ACS) and
/// other characters an ASCII look-alike.
enum AsciiFallback {
    enum Glyph: Equatable {
        case ascii(UInt8)
        /// A letter of the VT100 alternate character set, drawn with A_ALTCHARSET.
        case lineDrawing(UInt8)
    }

    static func glyph(for scalar: Unicode.Scalar) -> Glyph {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return .ascii(UInt8(scalar.value)) }
        switch scalar {
        case "─", "━", "═", "╌", "┄": return .lineDrawing(UInt8(ascii: "q"))
        case "│", "┃", "║", "╎", "┆": return .lineDrawing(UInt8(ascii: "x"))
        case "┌", "┏", "╔", "╭": return .lineDrawing(UInt8(ascii: "l"))
        case "┐", "┓", "╗", "╮": return .lineDrawing(UInt8(ascii: "k"))
        case "└", "┗", "╚", "╰": return .lineDrawing(UInt8(ascii: "m"))
        case "┘", "┛", "╝", "╯": return .lineDrawing(UInt8(ascii: "j"))
        case "├", "┣", "╠": return .lineDrawing(UInt8(ascii: "t"))
        case "┤", "┫", "╣": return .lineDrawing(UInt8(ascii: "u"))
        case "┬", "┳", "╦": return .lineDrawing(UInt8(ascii: "w"))
        case "┴", "┻", "╩": return .lineDrawing(UInt8(ascii: "v"))
        case "┼", "╋", "╬": return .lineDrawing(UInt8(ascii: "n"))
        case "█", "▓", "▒", "░": return .lineDrawing(UInt8(ascii: "a"))
        case "→", "▶", "►", "›", "»": return .ascii(UInt8(ascii: ">"))
        case "←", "◀", "◄", "‹", "«": return .ascii(UInt8(ascii: "<"))
        case "↑", "▲": return .ascii(UInt8(ascii: "^"))
        case "↓", "▼": return .ascii(UInt8(ascii: "v"))
        case "•", "●", "○", "◆", "◇": return .ascii(UInt8(ascii: "*"))
        case "·", "…": return .ascii(UInt8(ascii: "."))
        case "–", "—", "−": return .ascii(UInt8(ascii: "-"))
        case "‘", "’", "′": return .ascii(UInt8(ascii: "'"))
        case "“", "”", "″": return .ascii(UInt8(ascii: "\""))
        case "✓", "✔": return .ascii(UInt8(ascii: "v"))
        case "✗", "✘", "×": return .ascii(UInt8(ascii: "x"))
        case "\u{A0}": return .ascii(UInt8(ascii: " "))
        default:
            // é -> e: the base letter of the canonical decomposition, when it is ASCII.
            if let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                base.value >= 0x20 && base.value < 0x7F
            {
                return .ascii(UInt8(base.value))
            }
            return .ascii(UInt8(ascii: "?"))
        }
    }

    /// What a line-drawing letter is drawn as when the terminal has no alternate character set
    /// for it (the look-alikes curses uses).
    static func plain(lineDrawing letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "q"): return UInt8(ascii: "-")
        case UInt8(ascii: "x"): return UInt8(ascii: "|")
        case UInt8(ascii: "a"): return UInt8(ascii: "#")
        default: return UInt8(ascii: "+")
        }
    }
}
