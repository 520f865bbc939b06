import Foundation
import Scheduling

enum CaseListView {
    static func draw(_ find: FindState, _ v: ViewContext, _ scr: inout Screen, _ r: Rect) {
        let t = v.t
        let title = t.caseListTitle(representative: v.config.actor.role == .representative)
        scr.box(r, title: title)
        let inner = r.inset(1)
        var row = inner.row
        if find.filtering || !find.caseFilter.text.isEmpty {
            scr.put(t.filterLabel, row: row, column: inner.column, style: .muted)
            let (shown, c) = find.caseFilter.visible(width: inner.width - 9)
            scr.fill(Rect(row: row, column: inner.column + 8, width: inner.width - 9, height: 1), style: .input)
            scr.put(shown, row: row, column: inner.column + 8, style: .input)
            if find.filtering && !v.dialogOpen { scr.cursor = Point(row: row, column: inner.column + 8 + c) }
            row += 2
        }
        let list = find.visibleCases
        if list.isEmpty {
            let empty = v.inFlight.contains(.cases) ? t.loadingCases : t.noCases
            scr.put(find.cases.isEmpty ? empty : t.noCaseMatches, row: row, column: inner.column, style: .muted)
            return
        }
        // Where the appointment does not fit beside the case, it goes on a line of its own.
        let oneLine = inner.width >= 70
        let perCase = oneLine ? 1 : 2
        let visibleCases = max(1, (inner.row + inner.height - row) / perCase)
        let first = max(0, min(find.caseIndex - visibleCases + 1, list.count - visibleCases))
        for (i, c) in list.enumerated().dropFirst(max(0, first)).prefix(visibleCases) {
            let selected = i == find.caseIndex
            let when = c.localStart.map { "\(c.centerCode) \($0)" } ?? ""
            let text = "\(selected ? "▶" : " ") \(c.receipt.value)  \(c.form.code.padding(toLength: 7, withPad: " ", startingAt: 0)) \(c.applicantName)"
            let style: StyleToken = selected ? (find.filtering ? .selection : .focus) : .text
            scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: perCase), style: selected ? style : .text)
            scr.put(text, row: row, column: inner.column, style: style, maxWidth: inner.width)
            if !when.isEmpty {
                if oneLine {
                    scr.put(when, row: row, column: inner.column + inner.width - when.displayWidth, style: selected ? style : .muted)
                } else {
                    scr.put("  " + when, row: row + 1, column: inner.column, style: selected ? style : .muted, maxWidth: inner.width)
                }
            }
            scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: perCase), target: .listRow(i)))
            if selected && !find.filtering && !v.dialogOpen { scr.cursor = Point(row: row, column: inner.column) }
            row += perCase
        }
    }
}
