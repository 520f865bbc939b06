import Foundation
import Scheduling

enum Dialog {
    static func message(_ scr: inout Screen, title: String, lines: [String]) {
        let width = min(scr.size.columns - 4, max(title.displayWidth + 8, (lines.map(\.displayWidth).max() ?? 0) + 4))
        let height = lines.count + 2
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: title, style: .dialog, titleStyle: .dialogTitle)
        for (i, l) in lines.enumerated() { scr.put(l, row: r.row + 1 + i, column: r.column + 2, style: .dialog, maxWidth: width - 4) }
        scr.cursor = Point(row: r.row + height - 2, column: r.column + 2)
    }

    static func input(_ scr: inout Screen, title: String, prompt: String, field: TextField, hint: String, error: String? = nil) {
        let width = min(scr.size.columns - 4, 64)
        let r = Rect(row: (scr.size.rows - 6) / 2, column: (scr.size.columns - width) / 2, width: width, height: 6)
        scr.fill(r, style: .dialog)
        scr.box(r, title: title, style: .dialog, titleStyle: .dialogTitle)
        scr.put(prompt, row: r.row + 1, column: r.column + 2, style: .dialog, maxWidth: width - 4)
        let (v, cur) = field.visible(width: width - 4)
        scr.fill(Rect(row: r.row + 2, column: r.column + 2, width: width - 4, height: 1), style: .input)
        scr.put(v, row: r.row + 2, column: r.column + 2, style: .input)
        if let error { scr.put(error, row: r.row + 3, column: r.column + 2, style: .statusWarning, maxWidth: width - 4) }
        scr.put(hint, row: r.row + 4, column: r.column + 2, style: .dialog, maxWidth: width - 4)
        scr.cursor = Point(row: r.row + 2, column: r.column + 2 + cur)
    }
}
