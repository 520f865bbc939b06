import Foundation
import Scheduling

enum HelpView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        var under = s
        under.overlay = nil
        let lines = Keymap.helpLines(training: s.training != nil, first: under.focusContext, language: s.language)
        let width = min(scr.size.columns - 4, 60)
        let height = min(scr.size.rows - 2, lines.count + 4)
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: s.t.helpTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let keyWidth = 18
        for (i, l) in lines.prefix(inner.height - 1).enumerated() {
            scr.put(l.keys, row: inner.row + i, column: inner.column + 1, style: .dialogTitle, maxWidth: keyWidth)
            scr.put(l.label, row: inner.row + i, column: inner.column + 1 + keyWidth, style: .dialog, maxWidth: inner.width - keyWidth - 2)
        }
        scr.put(s.t.helpMouse, row: inner.row + inner.height - 1, column: inner.column + 1, style: .dialog, maxWidth: inner.width - 2)
        scr.cursor = Point(row: r.row, column: r.column + 2)
    }
}
