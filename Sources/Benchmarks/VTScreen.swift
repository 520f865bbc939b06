import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small xterm-like screen: enough of ECMA-48 / xterm to follow what ncurses sends for
/// TERM=xterm-256color (cursor addressing, erase, insert/delete, scroll regions, SGR, DEC line
/// drawing, alternate screen, application cursor keys). The benchmark uses it to know what is on
/// the screen (the first frame is complete, every key changed the screen) and to say where the
/// bytes of a response go: text, attributes (SGR), cursor motion, erasing, scrolling.
struct VTScreen {
    struct Attr: Hashable {
        var fg: Int32 = -1 // -1 default, 0...255 palette, 0x1000000 | rgb
        var bg: Int32 = -1
        var flags: UInt16 = 0 // bold 1, dim 2, italic 4, underline 8, blink 16, reverse 32, invisible 64, strike 128
    }
    struct Cell: Hashable {
        var text: String = " "
        var attr = Attr()
    }
    /// What the bytes of a response were spent on.
    enum Kind: Int, CaseIterable {
        case text, sgr, motion, erase, scroll, other
        var label: String {
            switch self {
            case .text: "text"
            case .sgr: "SGR (attributes)"
            case .motion: "cursor motion"
            case .erase: "erase (ECH/EL/ED)"
            case .scroll: "scroll/insert/delete"
            case .other: "other"
            }
        }
    }

    let rows: Int
    let columns: Int
    private(set) var cells: [Cell]
    private(set) var row = 0
    private(set) var column = 0
    /// DECCKM: the program asked for application cursor keys (ESC O A rather than ESC [ A).
    private(set) var applicationCursorKeys = false

    // Accounting since the last `resetCounters()`.
    private(set) var bytesByKind = [Int](repeating: 0, count: Kind.allCases.count)
    /// Bytes spent while the cursor was on each row (motion is counted on the row it lands on).
    private(set) var bytesByRow: [Int]
    /// Cells a character was written to.
    private(set) var written: [Bool]
    /// Replies the terminal owes the program (cursor position and device attributes reports).
    var replies: [UInt8] = []

    private var attr = Attr()
    private var pendingWrap = false
    private var autowrap = true
    private var insertMode = false
    private var top = 0
    private var bottom: Int
    private var saved: (row: Int, column: Int, attr: Attr) = (0, 0, Attr())
    private var lineDrawing = false // G0 is DEC special graphics
    private var lastPrinted: String?

    // Parser
    private enum State { case ground, escape, escapeIntermediate, csi, osc, oscEscape, string, stringEscape, charset(Bool) }
    private var state = State.ground
    private var sequenceLength = 0
    private var params: [UInt8] = []
    private var intermediates: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(columns: Int, rows: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Cell(), count: rows * columns)
        bottom = rows - 1
        bytesByRow = Array(repeating: 0, count: rows)
        written = Array(repeating: false, count: rows * columns)
    }

    mutating func resetCounters() {
        for i in bytesByKind.indices { bytesByKind[i] = 0 }
        for i in bytesByRow.indices { bytesByRow[i] = 0 }
        for i in written.indices { written[i] = false }
    }

    /// The text of a row (wide characters once, attributes dropped).
    func text(row r: Int) -> String {
        cells[(r * columns)..<((r + 1) * columns)].map(\.text).joined()
    }

    var screenText: String { (0..<rows).map { text(row: $0) }.joined(separator: "\n") }

    // MARK: bytes in

    mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { step(b) }
    }

    private mutating func count(_ kind: Kind, _ n: Int) {
        bytesByKind[kind.rawValue] += n
        bytesByRow[min(max(row, 0), rows - 1)] += n
    }

    private mutating func step(_ b: UInt8) {
        switch state {
        case .ground:
            if utf8Needed > 0 {
                if b & 0xC0 == 0x80 {
                    utf8.append(b)
                    utf8Needed -= 1
                    if utf8Needed == 0 { printUTF8() }
                    return
                }
                // A broken sequence: show a replacement and take this byte afresh.
                utf8Needed = 0
                utf8 = [0xEF, 0xBF, 0xBD]
                printUTF8()
            }
            switch b {
            case 0x1B:
                state = .escape
                sequenceLength = 1
                params = []
                intermediates = []
            case 0x00..<0x20, 0x7F:
                control(b)
            case 0x20..<0x80:
                utf8 = [b]
                printUTF8()
            case 0xC0..<0xE0:
                utf8 = [b]
                utf8Needed = 1
            case 0xE0..<0xF0:
                utf8 = [b]
                utf8Needed = 2
            case 0xF0..<0xF8:
                utf8 = [b]
                utf8Needed = 3
            default:
                utf8 = [0xEF, 0xBF, 0xBD]
                printUTF8()
            }
        case .escape:
            sequenceLength += 1
            switch b {
            case UInt8(ascii: "["): state = .csi
            case UInt8(ascii: "]"): state = .osc
            case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"): state = .string
            case UInt8(ascii: "("): state = .charset(true)
            case UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"): state = .charset(false)
            case 0x20..<0x30:
                intermediates.append(b)
                state = .escapeIntermediate
            default:
                state = .ground
                escape(b)
            }
        case .escapeIntermediate:
            sequenceLength += 1
            if b < 0x30 {
                intermediates.append(b)
                return
            }
            state = .ground
            count(.other, sequenceLength)
        case let .charset(g0):
            sequenceLength += 1
            state = .ground
            if g0 { lineDrawing = b == UInt8(ascii: "0") }
            count(.sgr, sequenceLength)
        case .csi:
            sequenceLength += 1
            switch b {
            case 0x30..<0x40: params.append(b)
            case 0x20..<0x30: intermediates.append(b)
            case 0x40..<0x7F:
                state = .ground
                csi(b)
            case 0x18, 0x1A:
                state = .ground
                count(.other, sequenceLength)
            default: break
            }
        case .osc:
            sequenceLength += 1
            if b == 0x07 {
                state = .ground
                count(.other, sequenceLength)
            } else if b == 0x1B {
                state = .oscEscape
            }
        case .oscEscape:
            sequenceLength += 1
            state = b == UInt8(ascii: "\\") ? .ground : .osc
            if case .ground = state { count(.other, sequenceLength) }
        case .string:
            sequenceLength += 1
            if b == 0x1B { state = .stringEscape }
        case .stringEscape:
            sequenceLength += 1
            state = b == UInt8(ascii: "\\") ? .ground : .string
            if case .ground = state { count(.other, sequenceLength) }
        }
    }

    // MARK: printing

    private static let decGraphics: [UInt8: String] = [
        0x60: "◆", 0x61: "▒", 0x66: "°", 0x67: "±", 0x6A: "┘", 0x6B: "┐", 0x6C: "┌", 0x6D: "└", 0x6E: "┼",
        0x6F: "⎺", 0x70: "⎻", 0x71: "─", 0x72: "⎼", 0x73: "⎽", 0x74: "├", 0x75: "┤", 0x76: "┴", 0x77: "┬",
        0x78: "│", 0x79: "≤", 0x7A: "≥", 0x7B: "π", 0x7C: "≠", 0x7D: "£", 0x7E: "·"
    ]

    private mutating func printUTF8() {
        let n = utf8.count
        var text = String(decoding: utf8, as: UTF8.self)
        if lineDrawing, n == 1, let g = Self.decGraphics[utf8[0]] { text = g }
        count(.text, n)
        put(text)
    }

    private mutating func put(_ text: String) {
        guard let scalar = text.unicodeScalars.first else { return }
        var width = Int(LibC.shared.wcwidth(Int32(bitPattern: scalar.value)))
        if width < 0 { width = 1 }
        if width == 0 {
            // A combining character joins the cell before the cursor.
            let c = pendingWrap ? column : max(0, column - 1)
            cells[row * columns + c].text += text
            return
        }
        if pendingWrap {
            if autowrap {
                column = 0
                lineFeed()
            }
            pendingWrap = false
        }
        if width == 2 && column == columns - 1 {
            if autowrap {
                column = 0
                lineFeed()
            } else {
                width = 1
            }
        }
        if insertMode { insertBlanks(width) }
        let i = row * columns + column
        cells[i] = Cell(text: text, attr: attr)
        written[i] = true
        if width == 2 {
            cells[i + 1] = Cell(text: "", attr: attr)
            written[i + 1] = true
        }
        lastPrinted = text
        column += width
        if column >= columns {
            column = columns - 1
            pendingWrap = true
        }
    }

    private mutating func lineFeed() {
        if row == bottom { scrollUp(1) } else if row < rows - 1 { row += 1 }
    }

    private mutating func control(_ b: UInt8) {
        switch b {
        case 0x0D:
            column = 0
            pendingWrap = false
            count(.motion, 1)
        case 0x0A, 0x0B, 0x0C:
            lineFeed()
            pendingWrap = false
            count(.motion, 1)
        case 0x08:
            if column > 0 { column -= 1 }
            pendingWrap = false
            count(.motion, 1)
        case 0x09:
            column = min(columns - 1, (column / 8 + 1) * 8)
            pendingWrap = false
            count(.motion, 1)
        case 0x0E, 0x0F: count(.sgr, 1)
        default: count(.other, 1)
        }
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "7"):
            saved = (row, column, attr)
            count(.motion, 2)
        case UInt8(ascii: "8"):
            (row, column, attr) = saved
            pendingWrap = false
            count(.motion, 2)
        case UInt8(ascii: "M"):
            if row == top { scrollDown(1) } else if row > 0 { row -= 1 }
            count(.scroll, 2)
        case UInt8(ascii: "D"):
            lineFeed()
            count(.scroll, 2)
        case UInt8(ascii: "E"):
            column = 0
            lineFeed()
            count(.motion, 2)
        case UInt8(ascii: "c"): self = VTScreen(columns: columns, rows: rows)
        default: count(.other, 2) // ESC = / ESC > (keypad modes) and others
        }
    }

    // MARK: CSI

    private mutating func csi(_ final: UInt8) {
        let length = sequenceLength
        let isPrivate = params.first.map { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") } ?? false
        let marker = isPrivate ? params.first : nil
        let body = isPrivate ? Array(params.dropFirst()) : params
        let numbers: [Int] = body.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { part in
            Int(String(decoding: part.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)) ?? 0
        }
        func p(_ i: Int, _ fallback: Int = 1) -> Int {
            guard i < numbers.count, numbers[i] != 0 else { return fallback }
            return numbers[i]
        }
        if !intermediates.isEmpty {
            count(.other, length)
            return
        } // e.g. CSI SP q (cursor style)
        switch final {
        case UInt8(ascii: "A"):
            row = max(0, row - p(0))
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "B"):
            row = min(rows - 1, row + p(0))
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "C"):
            column = min(columns - 1, column + p(0))
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "D"):
            column = max(0, column - p(0))
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "E"):
            row = min(rows - 1, row + p(0))
            column = 0
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "F"):
            row = max(0, row - p(0))
            column = 0
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "G"), UInt8(ascii: "`"):
            column = min(columns - 1, p(0) - 1)
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "d"):
            row = min(rows - 1, p(0) - 1)
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = min(rows - 1, p(0) - 1)
            column = min(columns - 1, p(1) - 1)
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "I"):
            for _ in 0..<p(0) { column = min(columns - 1, (column / 8 + 1) * 8) }
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "Z"):
            for _ in 0..<p(0) { column = max(0, (column - 1) / 8 * 8) }
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "J"):
            count(.erase, length)
            let start = row * columns + column
            switch p(0, 0) {
            case 0: blank(start..<cells.count)
            case 1: blank(0..<(start + 1))
            case 2: blank(0..<cells.count)
            default: break
            }
        case UInt8(ascii: "K"):
            count(.erase, length)
            let lineStart = row * columns
            switch p(0, 0) {
            case 0: blank((lineStart + column)..<(lineStart + columns))
            case 1: blank(lineStart..<(lineStart + column + 1))
            case 2: blank(lineStart..<(lineStart + columns))
            default: break
            }
        case UInt8(ascii: "X"):
            count(.erase, length)
            let start = row * columns + column
            blank(start..<(start + min(p(0), columns - column)))
        case UInt8(ascii: "@"):
            count(.scroll, length)
            insertBlanks(p(0))
        case UInt8(ascii: "P"):
            count(.scroll, length)
            let n = min(p(0), columns - column)
            let lineStart = row * columns
            for c in column..<columns {
                cells[lineStart + c] = c + n < columns ? cells[lineStart + c + n] : Cell(text: " ", attr: Attr(bg: attr.bg))
            }
        case UInt8(ascii: "L"):
            count(.scroll, length)
            if row >= top && row <= bottom { shiftDown(from: row, by: p(0)) }
        case UInt8(ascii: "M"):
            count(.scroll, length)
            if row >= top && row <= bottom { shiftUp(from: row, by: p(0)) }
        case UInt8(ascii: "S"):
            count(.scroll, length)
            scrollUp(p(0))
        case UInt8(ascii: "T") where marker == nil:
            count(.scroll, length)
            scrollDown(p(0))
        case UInt8(ascii: "r") where marker == nil:
            count(.scroll, length)
            let t = p(0) - 1, b = p(1, rows) - 1
            if t < b && b < rows {
                top = t
                bottom = b
            } else {
                top = 0
                bottom = rows - 1
            }
            row = 0
            column = 0
            pendingWrap = false
        case UInt8(ascii: "b"):
            count(.text, length)
            if let last = lastPrinted { for _ in 0..<min(p(0), rows * columns) { put(last) } }
        case UInt8(ascii: "m") where marker == nil:
            count(.sgr, length)
            sgr(numbers.isEmpty ? [0] : numbers)
        case UInt8(ascii: "h"), UInt8(ascii: "l"):
            count(.other, length)
            let on = final == UInt8(ascii: "h")
            for n in numbers {
                if marker == UInt8(ascii: "?") {
                    switch n {
                    case 1: applicationCursorKeys = on
                    case 7: autowrap = on
                    case 47, 1047, 1049:
                        if n == 1049 && on { saved = (row, column, attr) }
                        blank(0..<cells.count)
                        if n == 1049 && !on { (row, column, attr) = saved }
                    default: break
                    }
                } else if marker == nil && n == 4 {
                    insertMode = on
                }
            }
        case UInt8(ascii: "s") where marker == nil:
            saved = (row, column, attr)
            count(.motion, length)
        case UInt8(ascii: "u") where marker == nil:
            (row, column, attr) = saved
            pendingWrap = false
            count(.motion, length)
        case UInt8(ascii: "n") where marker == nil:
            count(.other, length)
            if p(0, 0) == 6 { replies += Array("\u{1B}[\(row + 1);\(column + 1)R".utf8) }
            if p(0, 0) == 5 { replies += Array("\u{1B}[0n".utf8) }
        case UInt8(ascii: "c"):
            count(.other, length)
            if marker == nil && p(0, 0) == 0 { replies += Array("\u{1B}[?62;22c".utf8) }
            if marker == UInt8(ascii: ">") { replies += Array("\u{1B}[>0;95;0c".utf8) }
        default:
            count(.other, length) // window operations (t), tab stops (g) and the like
        }
    }

    private mutating func sgr(_ n: [Int]) {
        var i = 0
        func color(_ at: inout Int) -> Int32? {
            guard at + 1 < n.count else { return nil }
            if n[at + 1] == 5, at + 2 < n.count {
                at += 2
                return Int32(n[at])
            }
            if n[at + 1] == 2, at + 4 < n.count {
                let red: Int = (n[at + 2] & 255) << 16
                let green: Int = (n[at + 3] & 255) << 8
                let blue: Int = n[at + 4] & 255
                let v = Int32(0x100_0000 | red | green | blue)
                at += 4
                return v
            }
            return nil
        }
        while i < n.count {
            let v = n[i]
            switch v {
            case 0: attr = Attr()
            case 1: attr.flags |= 1
            case 2: attr.flags |= 2
            case 3: attr.flags |= 4
            case 4: attr.flags |= 8
            case 5: attr.flags |= 16
            case 7: attr.flags |= 32
            case 8: attr.flags |= 64
            case 9: attr.flags |= 128
            case 21, 22: attr.flags &= ~3
            case 23: attr.flags &= ~4
            case 24: attr.flags &= ~8
            case 25: attr.flags &= ~16
            case 27: attr.flags &= ~32
            case 28: attr.flags &= ~64
            case 29: attr.flags &= ~128
            case 30...37: attr.fg = Int32(v - 30)
            case 38: if let c = color(&i) { attr.fg = c }
            case 39: attr.fg = -1
            case 40...47: attr.bg = Int32(v - 40)
            case 48: if let c = color(&i) { attr.bg = c }
            case 49: attr.bg = -1
            case 90...97: attr.fg = Int32(v - 90 + 8)
            case 100...107: attr.bg = Int32(v - 100 + 8)
            default: break
            }
            i += 1
        }
    }

    // MARK: cells

    /// Erased cells take the current background (xterm's back-color erase, which ncurses relies on).
    private mutating func blank(_ range: Range<Int>) {
        let b = Cell(text: " ", attr: Attr(bg: attr.bg))
        for i in range.clamped(to: 0..<cells.count) { cells[i] = b }
    }

    private mutating func insertBlanks(_ count: Int) {
        let n = min(count, columns - column)
        let lineStart = row * columns
        var c = columns - 1
        while c >= column + n {
            cells[lineStart + c] = cells[lineStart + c - n]
            c -= 1
        }
        blank((lineStart + column)..<(lineStart + column + n))
    }

    private mutating func scrollUp(_ n: Int) { shiftUp(from: top, by: n) }
    private mutating func scrollDown(_ n: Int) { shiftDown(from: top, by: n) }

    /// Lines `from...bottom` move up by n; blank lines enter at the bottom of the region.
    private mutating func shiftUp(from: Int, by n: Int) {
        let n = min(n, bottom - from + 1)
        guard n > 0 else { return }
        var r = from
        while r + n <= bottom {
            for c in 0..<columns { cells[r * columns + c] = cells[(r + n) * columns + c] }
            r += 1
        }
        blank(((bottom - n + 1) * columns)..<((bottom + 1) * columns))
    }

    /// Lines `from...bottom` move down by n; blank lines enter at `from`.
    private mutating func shiftDown(from: Int, by n: Int) {
        let n = min(n, bottom - from + 1)
        guard n > 0 else { return }
        var r = bottom
        while r - n >= from {
            for c in 0..<columns { cells[r * columns + c] = cells[(r - n) * columns + c] }
            r -= 1
        }
        blank((from * columns)..<((from + n) * columns))
    }
}
