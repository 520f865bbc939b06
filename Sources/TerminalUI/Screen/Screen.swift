/// A semantic style: what a cell *is*, not how it looks. A theme maps each token to colors and
/// monochrome attributes when the screen is presented.
public enum StyleToken: String, CaseIterable, Sendable, Hashable {
    case text, muted, border, title, focus, selection
    case dayFree = "day-free", dayNearlyFull = "day-nearly-full", dayFull = "day-full", dayClosed = "day-closed"
    case dayOutside = "day-outside", today
    case slotFree = "slot-free", slotFull = "slot-full"
    case statusOK = "status-ok", statusWarning = "status-warning", statusError = "status-error"
    case hintKey = "hint-key", hintText = "hint-text"
    case input, inputInvalid = "input-invalid", dialog, dialogTitle = "dialog-title"
    case trainingBanner = "training-banner", header
}

/// One cell of the grid: a character (or the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for the second column of a wide character.
    public var text: String
    public var style: StyleToken
    public init(_ text: String = " ", _ style: StyleToken = .text) {
        self.text = text
        self.style = style
    }
    public var isContinuation: Bool { text.isEmpty }
}

public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
    public var description: String { "\(columns)x\(rows)" }
}

public struct Point: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

public struct Rect: Hashable, Sendable {
    public var row: Int, column: Int, width: Int, height: Int
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public func contains(_ p: Point) -> Bool {
        p.row >= row && p.row < row + height && p.column >= column && p.column < column + width
    }
    public func inset(_ n: Int) -> Rect { Rect(row: row + n, column: column + n, width: width - 2 * n, height: height - 2 * n) }
}

/// A grid of styled cells: what one frame shows. Rendering produces it; a presenter (ncurses, or
/// a test) shows it. Like ratatui's Buffer.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor rests: on the focused item, so magnifiers and braille follow it.
    public var cursor: Point?
    /// Regions that react to a mouse click, latest drawn on top.
    public var hotspots: [Hotspot] = []
    /// Text that did not fit where it was put and was cut: a screen a person reads whole has
    /// none (the 80x24 test checks every screen).
    public var clipped: [String] = []

    public init(size: Size, fill: Cell = Cell()) {
        self.size = size
        cells = Array(repeating: fill, count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set { cells[row * size.columns + column] = newValue }
    }

    /// Writes `text` from (row, column), clipped at `maxWidth` columns (and at the screen's edge).
    /// Wide characters take two cells; one that would not fit is replaced by a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: StyleToken, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.rows else { return column }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        var col = column
        for (offset, ch) in text.enumerated() {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit && col >= 0 { self[row, col] = Cell(" ", style) }
                if text.dropFirst(offset).contains(where: { !$0.isWhitespace }) { clipped.append(text) }
                break
            }
            if col >= 0 {
                clearWide(row: row, column: col)
                self[row, col] = Cell(String(ch), style)
                if w == 2 {
                    clearWide(row: row, column: col + 1)
                    self[row, col + 1] = Cell("", style)
                }
            }
            col += w
        }
        return col
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(row: Int, column: Int) {
        guard column < size.columns else { return }
        if self[row, column].isContinuation, column > 0 { self[row, column - 1] = Cell(" ", self[row, column - 1].style) }
        if column + 1 < size.columns, self[row, column + 1].isContinuation, !self[row, column].isContinuation,
            DisplayWidth.of(self[row, column].text) == 2
        {
            self[row, column + 1] = Cell(" ", self[row, column + 1].style)
        }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ r: Rect, with text: String = " ", style: StyleToken) {
        for row in max(0, r.row)..<min(size.rows, r.row + r.height) {
            for col in max(0, r.column)..<min(size.columns, r.column + r.width) {
                self[row, col] = Cell(text, style)
            }
        }
    }

    /// Restyles a rectangle, keeping its text.
    public mutating func restyle(_ r: Rect, style: StyleToken) {
        for row in max(0, r.row)..<min(size.rows, r.row + r.height) {
            for col in max(0, r.column)..<min(size.columns, r.column + r.width) {
                self[row, col].style = style
            }
        }
    }

    /// A box with a title in its top border.
    public mutating func box(_ r: Rect, title: String? = nil, style: StyleToken = .border, titleStyle: StyleToken = .title) {
        guard r.width >= 2, r.height >= 2 else { return }
        let right = r.column + r.width - 1, bottom = r.row + r.height - 1
        put("┌" + String(repeating: "─", count: r.width - 2) + "┐", row: r.row, column: r.column, style: style)
        for row in (r.row + 1)..<bottom {
            put("│", row: row, column: r.column, style: style)
            put("│", row: row, column: right, style: style)
        }
        put("└" + String(repeating: "─", count: r.width - 2) + "┘", row: bottom, column: r.column, style: style)
        if let title, r.width > 6 {
            put(" \(title) ", row: r.row, column: r.column + 2, style: titleStyle, maxWidth: r.width - 4)
        }
    }

    /// The text of one row (continuation cells omitted), trailing spaces kept.
    public func line(_ row: Int) -> String {
        var s = ""
        for col in 0..<size.columns where !self[row, col].isContinuation { s += self[row, col].text }
        return s
    }

    /// All rows, trailing spaces trimmed: what a person sees.
    public var text: String {
        (0..<size.rows).map { line($0).trimmingTrailingSpaces }.joined(separator: "\n")
    }

    /// A golden-file form: the text in a frame, then the style runs of each row
    /// (`row: start-end token, ...`, columns half-open), like ratatui's Buffer debug format.
    public var golden: String {
        var out = ["size \(size)" + (cursor.map { " cursor \($0.row),\($0.column)" } ?? "")]
        out.append("+" + String(repeating: "-", count: size.columns) + "+")
        for row in 0..<size.rows { out.append("|" + line(row) + "|") }
        out.append("+" + String(repeating: "-", count: size.columns) + "+")
        for row in 0..<size.rows {
            var runs: [String] = []
            var start = 0
            var current = self[row, 0].style
            for col in 1...size.columns {
                let s = col < size.columns ? self[row, col].style : nil
                if s != current {
                    if current != .text { runs.append("\(start)-\(col) \(current.rawValue)") }
                    start = col
                    if let s { current = s }
                }
            }
            if !runs.isEmpty { out.append("\(row): " + runs.joined(separator: ", ")) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A clickable region and the event a click there sends.
public struct Hotspot: Hashable, Sendable {
    public var rect: Rect
    public var target: ClickTarget
    public init(rect: Rect, target: ClickTarget) {
        self.rect = rect
        self.target = target
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
    /// Display width in terminal columns.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1) } }
}
