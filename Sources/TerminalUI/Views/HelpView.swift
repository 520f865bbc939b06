import Foundation
import Scheduling

/// The help overlay: every key, the screen's own first, under headings; it scrolls (↑ ↓ PgUp
/// PgDn) when it is longer than the window, and says where it is.
enum HelpView {
    enum Line { case heading(String), key(String, String), blank }

    static func lines(_ s: AppState) -> [Line] {
        var under = s
        under.overlay = nil
        var out: [Line] = []
        for (i, section) in Keymap.helpSections(training: s.training != nil, first: under.focusContext, language: s.language).enumerated() {
            if i > 0 { out.append(.blank) }
            out.append(.heading(section.title))
            out += section.lines.map { Line.key($0.keys, $0.label) }
        }
        return out
    }

    static func frame(_ size: Size) -> Rect {
        let width = min(size.columns - 4, 64), height = size.rows - 2
        return Rect(row: 1, column: (size.columns - width) / 2, width: width, height: height)
    }

    /// Lines shown at once: the frame less its border and the footer line.
    static func pageSize(_ size: Size) -> Int { max(1, frame(size).height - 3) }

    static func draw(_ s: AppState, _ scr: inout Screen) {
        let all = lines(s)
        let page = pageSize(scr.size)
        let fits = all.count <= page
        let r =
            fits
            ? Rect(row: (scr.size.rows - (all.count + 3)) / 2, column: frame(scr.size).column, width: frame(scr.size).width, height: all.count + 3)
            : frame(scr.size)
        scr.fill(r, style: .dialog)
        scr.box(r, title: s.t.keysTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let keyWidth = 16
        let first = max(0, min(s.helpScroll, all.count - page))
        for (i, l) in all.dropFirst(first).prefix(page).enumerated() {
            let row = inner.row + i
            switch l {
            case let .heading(t):
                scr.put(t.prefix(1).uppercased() + t.dropFirst() + ":", row: row, column: inner.column + 1, style: .dialogTitle, maxWidth: inner.width - 2)
            case let .key(k, label):
                scr.put(k, row: row, column: inner.column + 3, style: .dialogTitle, maxWidth: keyWidth)
                scr.put(label, row: row, column: inner.column + 3 + keyWidth, style: .dialog, maxWidth: inner.width - keyWidth - 4)
            case .blank: break
            }
        }
        let footer = fits ? s.t.anyKeyCloses : s.t.helpScroll(first + 1, min(all.count, first + page), all.count)
        scr.put(footer, row: inner.row + inner.height - 1, column: inner.column + 1, style: .muted, maxWidth: inner.width - 2)
        scr.cursor = Point(row: r.row, column: r.column + 2)
    }
}
