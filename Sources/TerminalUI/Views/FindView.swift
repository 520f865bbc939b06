import Foundation
import Scheduling

enum FindView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        let t = s.t
        scr.box(r, title: t.findTitle)
        let inner = r.inset(1)
        var row = inner.row + 1
        scr.put(t.receiptLabel, row: row, column: inner.column + 1, style: .text)
        row += 1
        let fieldWidth = min(24, inner.width - 2)
        let normalized = ReceiptNumber.normalize(s.receiptField.text)
        let problem = ReceiptNumber.problemSoFar(normalized)?.message(in: s.language)
        let (visible, cursor) = s.receiptField.visible(width: fieldWidth)
        scr.fill(Rect(row: row, column: inner.column + 1, width: fieldWidth, height: 1), style: problem == nil ? .input : .inputInvalid)
        scr.put(visible, row: row, column: inner.column + 1, style: problem == nil ? .input : .inputInvalid, maxWidth: fieldWidth)
        if s.overlay == nil { scr.cursor = Point(row: row, column: inner.column + 1 + cursor) }
        row += 2
        let shape = t.receiptShape
        if let problem {
            for l in wrap(problem, width: inner.width - 2) { scr.put(l, row: row, column: inner.column + 1, style: .statusError); row += 1 }
        } else if !normalized.isEmpty {
            let n = normalized.count
            scr.put(t.typedOf13(normalized, n), row: row, column: inner.column + 1, style: n == 13 ? .statusOK : .muted, maxWidth: inner.width - 2)
            row += 1
            if n == 13, let r = try? ReceiptNumber(parsing: normalized), !r.hasKnownPrefix {
                for l in wrap(t.unknownPrefix(r.prefix), width: inner.width - 2) {
                    scr.put(l, row: row, column: inner.column + 1, style: .statusWarning); row += 1
                }
            }
        } else {
            for l in wrap(shape, width: inner.width - 2) { scr.put(l, row: row, column: inner.column + 1, style: .muted); row += 1 }
        }
        if s.config.actor.role == .officer {
            row += 1
            scr.put(t.reviewQueueHint, row: row, column: inner.column + 1, style: .muted, maxWidth: inner.width - 2)
        }
    }

}
