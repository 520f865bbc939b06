import Foundation
import Scheduling

enum CenterPickerView {
    static func draw(_ picker: CenterPickerState, home: String?, _ v: ViewContext, _ scr: inout Screen) {
        let width = min(scr.size.columns - 4, 70)
        let height = scr.size.rows - 4
        let r = Rect(row: 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: v.t.centerPickerTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        scr.put(v.t.filterLabel, row: inner.row, column: inner.column, style: .dialog)
        let (shown, cur) = picker.filter.visible(width: inner.width - 9)
        scr.fill(Rect(row: inner.row, column: inner.column + 8, width: inner.width - 9, height: 1), style: .input)
        scr.put(shown, row: inner.row, column: inner.column + 8, style: .input)
        scr.cursor = Point(row: inner.row, column: inner.column + 8 + cur)
        let list = picker.visible(home: home)
        if picker.centers.isEmpty {
            scr.put(v.t.loadingCenters, row: inner.row + 2, column: inner.column, style: .dialog)
            return
        }
        if list.isEmpty {
            scr.put(v.t.noCenterMatches, row: inner.row + 2, column: inner.column, style: .dialog)
            return
        }
        let rows = inner.height - 2
        let first = max(0, min(picker.index - rows + 1, list.count - rows))
        for (i, c) in list.enumerated().dropFirst(first).prefix(rows) {
            let y = inner.row + 2 + i - first
            let selected = i == picker.index
            let mark = c.code == home ? v.t.currentMark : ""
            let text = "\(c.code.padding(toLength: 5, withPad: " ", startingAt: 0)) \(c.name), \(c.city) \(c.state)\(mark)"
            let style: StyleToken = selected ? .focus : .dialog
            scr.fill(Rect(row: y, column: inner.column, width: inner.width, height: 1), style: style)
            scr.put(text, row: y, column: inner.column, style: style, maxWidth: inner.width)
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
        }
    }
}
