import CNcursesw
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Attributes and colors of one terminal cell, as the terminal gets them: curses color numbers
/// (-1 the terminal's default) and attribute bits.
struct Look: Hashable, Sendable {
    var foreground: Int32 = -1
    var background: Int32 = -1
    var attributes: UInt8 = 0

    static let bold: UInt8 = 1, underline: UInt8 = 2, reverse: UInt8 = 4, dim: UInt8 = 8
    /// Drawn in the terminal's alternate character set (box lines without a UTF-8 locale).
    static let lineDrawing: UInt8 = 16
    static let visibleOnBlank: UInt8 = underline | reverse | lineDrawing

    /// A space in this look shows only its background: any look with that background and
    /// without underline or reverse draws it the same.
    var blankShowsOnlyBackground: Bool { attributes & Look.visibleOnBlank == 0 }
}

/// What one cell of the terminal shows, in 8 bytes: its character (a Unicode scalar; 0 for the
/// right half of a wide character; `FrameWriter.clusterBit` and an index into the writer's table
/// for a character with combining marks) and its look (an index into the writer's table).
struct Shown: Equatable, Sendable {
    var glyph: UInt32
    var look: UInt16
    var isContinuation: Bool { glyph == 0 }
    var isBlank: Bool { glyph == 0x20 }
}

/// Turns a `Screen` into the bytes that bring the terminal from what it shows to it, with
/// terminfo's strings (`TerminalCapabilities`) and its own copy of what the terminal shows.
///
/// Only cells that differ are written; cursor motion is the shortest of absolute and relative
/// moves (or rewriting a few unchanged cells); attribute changes are one combined SGR sequence
/// when terminfo's strings are SGR sequences; a blank end of a row is erased (`el`); the
/// attributes and the cursor stay as the last frame left them (stop and the safety nets reset
/// them). Pure apart from terminfo formatting: tests feed the bytes to a terminal emulator.
struct FrameWriter {
    let capabilities: TerminalCapabilities
    let depth: ColorDepth
    let isUnicode: Bool
    let defaultColorsAvailable: Bool
    /// The terminal driver passes a line feed as it is (no ONLCR): `cud1` "\n" moves straight down.
    let lineFeedKeepsColumn: Bool
    private(set) var size: Size
    /// What the terminal shows, row after row.
    private(set) var shown: [Shown]
    private(set) var looks: [Look] = [Look()]
    private var lookIDs: [Look: UInt16] = [Look(): 0]
    private var tokenLooks: [StyleToken: UInt16] = [:]
    private var lastToken: (token: StyleToken, look: UInt16)?
    /// For each look, the look its blanks are drawn in (`UInt16.max`: not worked out yet).
    private var blankLooks: [UInt16] = []
    private var theme: Theme?
    /// Where the terminal's cursor is (nil: not known, e.g. after writing the last column).
    private var cursor: Point?
    /// The terminal's current attributes (nil: not known, e.g. after curses drew).
    private var current: Look?
    private var out: [UInt8] = []
    private var row: [Shown] = []
    private struct GlyphKey: Hashable {
        var text: String
        var width: Int
    }
    private struct FormatKey: Hashable {
        var name: String
        var p1: Int
        var p2: Int
    }
    private var formatted: [FormatKey: [UInt8]?] = [:]
    /// What non-ASCII characters are drawn as (at most 512 of them: box lines and marks).
    private var glyphs: [GlyphKey: (String, Int, Bool)] = [:]
    /// Characters with combining marks (at most 1,024; "?" after that), by the code `Shown` keeps.
    private var clusters: [String] = []
    private var clusterCodes: [String: UInt32] = [:]
    private let sgr0ResetsColors: Bool
    /// `sgr0` without its `rmacs` part, for when the alternate character set is known to be off.
    private let shortSGR0: [UInt8]?

    init(
        capabilities: TerminalCapabilities, depth: ColorDepth, isUnicode: Bool, defaultColorsAvailable: Bool,
        lineFeedKeepsColumn: Bool, size: Size
    ) {
        self.capabilities = capabilities
        self.lineFeedKeepsColumn = lineFeedKeepsColumn
        self.depth = depth
        self.isUnicode = isUnicode
        self.defaultColorsAvailable = defaultColorsAvailable
        self.size = size
        shown = []
        let sgr0 = capabilities["sgr0"] ?? []
        sgr0ResetsColors = FrameWriter.sgrSequences(in: sgr0).contains { params in
            params.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                .contains { $0.isEmpty || $0.elementsEqual([UInt8(ascii: "0")]) }
        }
        if let rmacs = capabilities["rmacs"], !rmacs.isEmpty, let range = FrameWriter.find(rmacs, in: sgr0) {
            var short = sgr0
            short.removeSubrange(range)
            shortSGR0 = short
        } else {
            shortSGR0 = nil
        }
        cleared(size: size)
    }

    /// The terminal was just cleared to the default colors: every cell a plain blank, the cursor
    /// and the attributes unknown.
    mutating func cleared(size: Size) {
        self.size = size
        shown = Array(repeating: Shown(glyph: 0x20, look: 0), count: max(0, size.columns * size.rows))
        cursor = nil
        current = nil
    }

    /// The bytes that make the terminal show `screen` (and put the cursor on `screen.cursor`).
    mutating func frame(_ screen: Screen, theme: Theme) -> [UInt8] {
        if self.theme != theme {
            self.theme = theme
            tokenLooks = [:]
            lastToken = nil
        }
        out = []
        for r in 0..<size.rows {
            buildRow(screen, r, theme: theme)
            drawRow(r)
        }
        if let c = screen.cursor, c.row >= 0, c.row < size.rows, c.column >= 0, c.column < size.columns {
            moveTo(c.row, c.column)
        }
        row = []
        defer { out = [] }
        return out
    }

    // MARK: what a row shows

    private mutating func buildRow(_ screen: Screen, _ r: Int, theme: Theme) {
        row.removeAll(keepingCapacity: true)
        let columns = size.columns
        var column = 0
        while column < columns {
            guard r < screen.size.rows, column < screen.size.columns else {
                row.append(Shown(glyph: 0x20, look: 0))
                column += 1
                continue
            }
            let cell = screen[r, column]
            let look = lookID(cell.style, theme: theme)
            // Most cells are one printable ASCII character: drawn as it is.
            let utf8 = cell.text.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
                row.append(byte == 0x20 ? blank(look) : Shown(glyph: UInt32(byte), look: look))
                column += 1
                continue
            }
            var width = cell.isContinuation ? 0 : DisplayWidth.of(cell.text)
            if width == 2 {
                let paired = column + 1 < columns && column + 1 < screen.size.columns && screen[r, column + 1].isContinuation
                // A wide character in the bottom-right corner of a terminal that scrolls after it
                // cannot be drawn there: a blank stands in.
                let corner = r == size.rows - 1 && column + 2 == columns && scrollsAfterLastCell
                if !paired || corner { width = 0 }
            }
            if width == 0 {
                // An orphan continuation cell, a control character, or a wide character without
                // room: a blank keeps the columns aligned.
                row.append(blank(look))
                column += 1
                continue
            }
            let (text, drawn, lineDrawing) = self.glyph(cell.text, width: width)
            var id = look
            if lineDrawing {
                var l = looks[Int(look)]
                l.attributes |= Look.lineDrawing
                id = lookID(l)
            }
            row.append(text == " " ? blank(id) : Shown(glyph: code(text), look: id))
            if drawn == 2 {
                row.append(Shown(glyph: 0, look: id))
            } else if width == 2 {
                // The terminal's width for it is 1: a blank keeps the next columns in place.
                row.append(blank(look))
            }
            column += width
        }
    }

    /// The characters drawn for `text` in `width` columns, how many columns the terminal gives
    /// them, and whether they are in the alternate character set.
    private mutating func glyph(_ text: String, width: Int) -> (String, Int, Bool) {
        let key = GlyphKey(text: text, width: width)
        if let known = glyphs[key] { return known }
        let result = makeGlyph(text, width: width)
        if glyphs.count < 512 { glyphs[key] = result }
        return result
    }

    private func makeGlyph(_ text: String, width: Int) -> (String, Int, Bool) {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first.value >= 0x20 else { return (" ", 1, false) }
        if isUnicode {
            let libcWidth = Int(wcwidth(wchar_t(bitPattern: first.value)))
            guard libcWidth == width || (libcWidth == 1 && width == 2) else { return ("?", 1, false) }
            var glyph = String(first)
            var count = 1
            for scalar in scalars.dropFirst() {
                guard count < 5, wcwidth(wchar_t(bitPattern: scalar.value)) == 0 else { break }
                glyph.unicodeScalars.append(scalar)
                count += 1
            }
            return (glyph, libcWidth, false)
        }
        switch AsciiFallback.glyph(for: first) {
        case let .ascii(byte):
            return (String(UnicodeScalar(byte)), 1, false)
        case let .lineDrawing(letter):
            if capabilities["smacs"] != nil, let mapped = capabilities.lineDrawing[letter] {
                return (String(UnicodeScalar(mapped)), 1, true)
            }
            return (String(UnicodeScalar(AsciiFallback.plain(lineDrawing: letter))), 1, false)
        }
    }

    static let clusterBit: UInt32 = 0x8000_0000

    /// The code `Shown` keeps for the characters `text`.
    private mutating func code(_ text: String) -> UInt32 {
        let scalars = text.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        if let known = clusterCodes[text] { return known }
        guard clusters.count < 1024 else { return UInt32(UInt8(ascii: "?")) }
        let code = FrameWriter.clusterBit | UInt32(clusters.count)
        clusters.append(text)
        clusterCodes[text] = code
        return code
    }

    /// The UTF-8 bytes of a `Shown` character.
    private func append(_ glyph: UInt32, to bytes: inout [UInt8]) {
        if glyph & FrameWriter.clusterBit != 0 {
            bytes += clusters[Int(glyph & ~FrameWriter.clusterBit)].utf8
        } else if let scalar = Unicode.Scalar(glyph) {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// A space in look `look`: in the plain look of its background when that draws it the same.
    private mutating func blank(_ look: UInt16) -> Shown {
        let i = Int(look)
        if i < blankLooks.count, blankLooks[i] != .max { return Shown(glyph: 0x20, look: blankLooks[i]) }
        let l = looks[i]
        let id = l.blankShowsOnlyBackground ? lookID(Look(background: l.background)) : look
        if blankLooks.count <= i { blankLooks += Array(repeating: .max, count: i + 1 - blankLooks.count) }
        blankLooks[i] = id
        return Shown(glyph: 0x20, look: id)
    }

    private mutating func lookID(_ token: StyleToken, theme: Theme) -> UInt16 {
        // Cells come in runs of one token: the last one answers most lookups.
        if let last = lastToken, last.token == token { return last.look }
        if let known = tokenLooks[token] {
            lastToken = (token, known)
            return known
        }
        let style = theme.resolvedStyle(token, depth: depth)
        var look = Look()
        if style.bold { look.attributes |= Look.bold }
        if style.underline { look.attributes |= Look.underline }
        if style.reverse { look.attributes |= Look.reverse }
        if style.dim { look.attributes |= Look.dim }
        if depth != .none {
            look.foreground = ColorMapping.number(style.foreground).number
            look.background = ColorMapping.number(style.background).number
            if !defaultColorsAvailable && !(look.foreground < 0 && look.background < 0) {
                if look.foreground < 0 { look.foreground = 7 }
                if look.background < 0 { look.background = 0 }
            }
        }
        let id = lookID(look)
        tokenLooks[token] = id
        lastToken = (token, id)
        return id
    }

    private mutating func lookID(_ look: Look) -> UInt16 {
        if let known = lookIDs[look] { return known }
        guard looks.count < Int(UInt16.max) else { return 0 }
        let id = UInt16(looks.count)
        looks.append(look)
        lookIDs[look] = id
        return id
    }

    // MARK: drawing a row

    private mutating func drawRow(_ r: Int) {
        let columns = size.columns, base = r * columns
        var column = 0
        while column < columns {
            if shown[base + column] == row[column] {
                column += 1
                continue
            }
            let start = row[column].isContinuation ? max(0, column - 1) : column
            if eraseTail(r, from: start) { return }
            if let after = eraseRun(r, from: start) {
                column = after
                continue
            }
            column = put(r, start)
        }
    }

    /// Writes the cell at (r, column) of `row` (a whole wide character); returns the column after it.
    private mutating func put(_ r: Int, _ column: Int) -> Int {
        let columns = size.columns, base = r * columns
        let cell = row[column]
        let wide = column + 1 < columns && row[column + 1].isContinuation
        let end = column + (wide ? 2 : 1)
        if r == size.rows - 1 && end == columns && scrollsAfterLastCell {
            putLastCell(r)
            return end
        }
        moveTo(r, column)
        setLook(cell.look, blank: cell.isBlank)
        append(cell.glyph, to: &out)
        shown[base + column] = cell
        if wide { shown[base + column + 1] = row[column + 1] }
        // After the last column the terminal's cursor is pending a wrap (or wrapped): not known.
        cursor = end >= columns ? nil : Point(row: r, column: end)
        return end
    }

    /// The bottom-right cell on a terminal that would scroll after it (`am` without `xenl`): it
    /// is written where the character before it starts, and that character is inserted before it
    /// (`smir`…`rmir`, `ich1` or `ich`), pushing it into the corner. Left as it is when the
    /// terminal cannot insert.
    private mutating func putLastCell(_ r: Int) {
        let columns = size.columns, base = r * columns
        guard columns >= 3, !row[columns - 1].isContinuation else { return }
        let start = row[columns - 2].isContinuation ? columns - 3 : columns - 2
        let width = columns - 1 - start
        let insert: ([UInt8], [UInt8])
        if let on = capabilities["smir"], let off = capabilities["rmir"] {
            insert = (on, off)
        } else if let one = capabilities["ich1"] {
            insert = (Array([[UInt8]](repeating: one, count: width).joined()), [])
        } else if let some = format("ich", width) {
            insert = (some, [])
        } else {
            return
        }
        let last = row[columns - 1], before = row[start]
        moveTo(r, start)
        setLook(last.look, blank: last.isBlank)
        append(last.glyph, to: &out)
        cursor = Point(row: r, column: start + 1)
        moveTo(r, start)
        out += insert.0
        setLook(before.look, blank: before.isBlank)
        append(before.glyph, to: &out)
        out += insert.1
        for c in start..<columns { shown[base + c] = row[c] }
        cursor = Point(row: r, column: columns - 1)
    }

    /// When the row from `start` on is blanks of one background and enough of them changed,
    /// erases to the end of the line instead of writing them.
    private mutating func eraseTail(_ r: Int, from start: Int) -> Bool {
        guard let el = capabilities["el"] else { return false }
        let columns = size.columns, base = r * columns
        let first = row[start]
        guard first.isBlank, looks[Int(first.look)] == Look(background: looks[Int(first.look)].background) else { return false }
        let background = looks[Int(first.look)].background
        if !capabilities.backColorErase && background != -1 { return false }
        var changed = 0
        for c in start..<columns {
            guard row[c] == first else { return false }
            if shown[base + c] != first { changed += 1 }
        }
        guard changed > el.count else { return false }
        moveTo(r, start)
        setLook(first.look, blank: true)
        out += el
        for c in start..<columns { shown[base + c] = first }
        return true
    }

    /// When a run of blanks of one background starts at `start` and enough of it changed, erases
    /// it (`ech`, the cursor stays) instead of writing it; returns the column after the run.
    private mutating func eraseRun(_ r: Int, from start: Int) -> Int? {
        let columns = size.columns, base = r * columns
        let first = row[start]
        guard first.isBlank, looks[Int(first.look)] == Look(background: looks[Int(first.look)].background) else { return nil }
        if !capabilities.backColorErase && looks[Int(first.look)].background != -1 { return nil }
        var end = start, changed = 0
        while end < columns, row[end] == first {
            if shown[base + end] != first { changed += 1 }
            end += 1
        }
        // A wide character cut by the run's end would leave half of it on the terminal.
        guard end == columns || !shown[base + end].isContinuation,
            let ech = format("ech", end - start), changed > ech.count + 2
        else { return nil }
        moveTo(r, start)
        setLook(first.look, blank: true)
        out += ech
        for c in start..<end { shown[base + c] = first }
        return end
    }

    /// `am` without `xenl`: writing the bottom-right cell scrolls the screen.
    private var scrollsAfterLastCell: Bool { capabilities.autoMargins && !capabilities.newlineGlitch }

    // MARK: cursor motion

    private mutating func moveTo(_ r: Int, _ c: Int) {
        let target = Point(row: r, column: c)
        if cursor == target { return }
        var best = format("cup", r, c) ?? []
        if let from = cursor {
            if from.row == r, c > from.column, let rewrite = rewriteGap(r, from: from.column, to: c),
                rewrite.count < min(best.count, horizontal(from: from.column, to: c).count)
            {
                out += rewrite
                cursor = target
                return
            }
            let relative = vertical(from: from.row, to: r) + horizontal(from: from.column, to: c)
            if relative.count < best.count || best.isEmpty { best = relative }
        }
        out += best
        cursor = target
    }

    /// The shortest motion within a row (nothing when already there).
    private mutating func horizontal(from: Int, to c: Int) -> [UInt8] {
        guard from != c else { return [] }
        var options: [[UInt8]?] = [format("hpa", c)]
        if c > from {
            let n = c - from
            options.append(format("cuf", n))
            if n <= 4 { options.append(capabilities["cuf1"].map { Array([[UInt8]](repeating: $0, count: n).joined()) }) }
        } else {
            let n = from - c
            options.append(format("cub", n))
            if n <= 4 { options.append(capabilities["cub1"].map { Array([[UInt8]](repeating: $0, count: n).joined()) }) }
            if c == 0 { options.append(capabilities["cr"]) }
        }
        return FrameWriter.shortest(options) ?? format("hpa", c) ?? []
    }

    /// The shortest motion within a column (nothing when already there). `cud1` is used only when
    /// it is not a line feed the terminal driver turns into a new line (`lineFeedKeepsColumn`).
    private mutating func vertical(from: Int, to r: Int) -> [UInt8] {
        guard from != r else { return [] }
        var options: [[UInt8]?] = [format("vpa", r)]
        if r > from {
            let n = r - from
            options.append(format("cud", n))
            if n <= 4, let one = capabilities["cud1"], one != [0x0A] || lineFeedKeepsColumn {
                options.append(Array([[UInt8]](repeating: one, count: n).joined()))
            }
        } else {
            let n = from - r
            options.append(format("cuu", n))
            if n <= 4 { options.append(capabilities["cuu1"].map { Array([[UInt8]](repeating: $0, count: n).joined()) }) }
        }
        return FrameWriter.shortest(options) ?? format("vpa", r) ?? []
    }

    private static func shortest(_ options: [[UInt8]?]) -> [UInt8]? {
        options.compactMap { $0 }.filter { !$0.isEmpty }.min { $0.count < $1.count }
    }

    /// The bytes of the unchanged cells between the cursor and `to` when they can be written
    /// again in the current look (often shorter than a motion), else nil.
    private mutating func rewriteGap(_ r: Int, from: Int, to: Int) -> [UInt8]? {
        guard to - from <= 8, let current else { return nil }
        let base = r * size.columns
        guard !shown[base + from].isContinuation else { return nil }
        var bytes: [UInt8] = []
        for c in from..<to {
            let cell = shown[base + c]
            guard cell == row[c] else { return nil }
            let look = looks[Int(cell.look)]
            guard look == current || (cell.isBlank && blank(look, fits: current)) else { return nil }
            append(cell.glyph, to: &bytes)
        }
        return bytes
    }

    private func blank(_ look: Look, fits current: Look) -> Bool {
        look.blankShowsOnlyBackground && current.blankShowsOnlyBackground && look.background == current.background
    }

    // MARK: attributes

    /// Sets the attributes for a cell in look `id`; for a blank (`blank`) any look that draws it
    /// the same will do.
    private mutating func setLook(_ id: UInt16, blank isBlank: Bool) {
        let target = looks[Int(id)]
        if let current, current == target { return }
        if isBlank, let current, blank(target, fits: current) { return }
        out += transition(from: current, to: target)
        current = target
    }

    /// The shortest way from one look to another this writer knows: attributes that go away need
    /// `sgr0`; then what is added; colors with `op` when one goes back to the default. Adjacent
    /// SGR sequences are joined into one.
    private mutating func transition(from: Look?, to: Look) -> [UInt8] {
        var parts: [[UInt8]] = []
        var now = from ?? Look()
        let removed = from.map { $0.attributes & ~to.attributes & ~Look.lineDrawing } ?? 0xFF
        if removed != 0 || (from != nil && !canSetColors(from: now, to: to)) {
            let knownWithoutLineDrawing = from.map { $0.attributes & Look.lineDrawing == 0 } ?? false
            parts.append((knownWithoutLineDrawing ? shortSGR0 : nil) ?? capabilities["sgr0"] ?? [])
            let colorsBefore = (now.foreground, now.background)
            now = Look()
            if !sgr0ResetsColors, from == nil || colorsBefore != (-1, -1), let op = capabilities["op"] {
                parts.append(op)
            }
        }
        if to.attributes & Look.lineDrawing != now.attributes & Look.lineDrawing {
            if let s = capabilities[to.attributes & Look.lineDrawing != 0 ? "smacs" : "rmacs"] { parts.append(s) }
        }
        let added = to.attributes & ~now.attributes
        for (bit, name) in [(Look.bold, "bold"), (Look.dim, "dim"), (Look.underline, "smul"), (Look.reverse, "rev")] where added & bit != 0 {
            if let s = capabilities[name] { parts.append(s) }
        }
        if (to.foreground < 0 && now.foreground >= 0) || (to.background < 0 && now.background >= 0) {
            if let op = capabilities["op"] { parts.append(op) }
            now.foreground = -1
            now.background = -1
        }
        if to.foreground >= 0 && to.foreground != now.foreground, let s = color(to.foreground, foreground: true) { parts.append(s) }
        if to.background >= 0 && to.background != now.background, let s = color(to.background, foreground: false) { parts.append(s) }
        return FrameWriter.joinSGR(parts)
    }

    /// Whether colors can go from `from`'s to `to`'s without `sgr0` (a default color needs `op`).
    private func canSetColors(from: Look, to: Look) -> Bool {
        let needsDefault = (to.foreground < 0 && from.foreground >= 0) || (to.background < 0 && from.background >= 0)
        return !needsDefault || capabilities["op"] != nil
    }

    private mutating func color(_ number: Int32, foreground: Bool) -> [UInt8]? {
        if let s = format(foreground ? "setaf" : "setab", Int(number)) { return s }
        // The old `setf`/`setb` number red and blue the other way round.
        let swapped: [Int32: Int32] = [1: 4, 4: 1, 3: 6, 6: 3]
        return format(foreground ? "setf" : "setb", Int(swapped[number] ?? number))
    }

    /// A parameterized capability filled in, remembered (up to 64 of them: the motions and
    /// colors of the last frames).
    private mutating func format(_ name: String, _ p1: Int, _ p2: Int = 0) -> [UInt8]? {
        let key = FormatKey(name: name, p1: p1, p2: p2)
        if let known = formatted[key] { return known }
        let value = capabilities.format(name, p1, p2)
        if formatted.count >= 64 { formatted.removeAll(keepingCapacity: true) }
        formatted[key] = value
        return value
    }

    // MARK: SGR sequences

    /// Joins runs of adjacent `CSI params m` sequences into one (an empty parameter list is 0).
    static func joinSGR(_ parts: [[UInt8]]) -> [UInt8] {
        var result: [UInt8] = []
        var params: [[UInt8]] = []
        func flush() {
            guard !params.isEmpty else { return }
            result += [0x1B, UInt8(ascii: "[")] + Array(params.joined(separator: [UInt8(ascii: ";")])) + [UInt8(ascii: "m")]
            params = []
        }
        for part in parts {
            let sequences = sgrSequences(in: part)
            if sequences.count == 1, sgrLength(part) == part.count {
                params.append(sequences[0].isEmpty ? [UInt8(ascii: "0")] : sequences[0])
            } else {
                flush()
                result += part
            }
        }
        flush()
        return result
    }

    /// The parameters of every `CSI params m` in `bytes` (digits, `;` and `:` only).
    static func sgrSequences(in bytes: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < bytes.count, isParameter(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
                    found.append(Array(bytes[(i + 2)..<j]))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The length of `bytes` when it is exactly one `CSI params m`, else 0.
    private static func sgrLength(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 3, bytes[0] == 0x1B, bytes[1] == UInt8(ascii: "["), bytes.last == UInt8(ascii: "m"),
            bytes[2..<(bytes.count - 1)].allSatisfy(isParameter)
        else { return 0 }
        return bytes.count
    }

    private static func isParameter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i..<(i + needle.count)
        }
        return nil
    }
}
