import Foundation
import Scheduling

/// The reason selector: the six good-cause reasons and `other` with text; agents add a note.
enum ReasonView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        let t = s.t
        scr.box(r, title: s.config.actor.role.isStaff ? t.reasonTitle : t.reasonTitleYou)
        let inner = r.inset(1)
        var row = inner.row
        if let slot = s.picking.selectedSlot, let c = s.picking.calendar?.center {
            scr.put(t.newTime(t.dateTimeShort(slot.slot.start, c.zone), c.code), row: row, column: inner.column, style: .muted, maxWidth: inner.width)
            row += 2
        }
        let closed = s.snapshot?.centerClosedThatDay == true
        if closed { // R17: said on the line the blank left, so nothing below moves.
            scr.put(t.closedDayNoReason, row: row - 1, column: inner.column, style: .statusWarning, maxWidth: inner.width)
        }
        for (i, item) in s.reasonItems.enumerated() where row < inner.row + inner.height {
            let focused = i == s.reason.focus && s.overlay == nil
            switch item {
            case let .reason(reason):
                let chosen = s.reason.chosen == reason
                let label = t.reasonTitle(reason).displayWidth + 4 <= inner.width ? t.reasonTitle(reason) : t.reasonShort(reason)
                let text = "\(chosen ? "(•)" : "( )") \(label)"
                let style: StyleToken = focused ? .focus : (chosen ? .selection : .text)
                scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: focused ? style : .text)
                scr.put(text, row: row, column: inner.column, style: style, maxWidth: inner.width)
                if focused { scr.cursor = Point(row: row, column: inner.column + 1) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
                row += 1
            case .explanation, .note:
                row += 1
                let label = item == .explanation ? t.explainOther : t.noteForRecord
                scr.put(label, row: row, column: inner.column, style: focused ? .title : .muted)
                row += 1
                let field = item == .explanation ? s.reason.explanation : s.reason.note
                let width = inner.width
                let blankOther = item == .explanation && field.isBlank
                let (v, cur) = field.visible(width: width)
                scr.fill(Rect(row: row, column: inner.column, width: width, height: 1), style: blankOther && !focused ? .inputInvalid : .input)
                scr.put(v, row: row, column: inner.column, style: .input, maxWidth: width)
                if focused { scr.cursor = Point(row: row, column: inner.column + cur) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: width, height: 1), target: .listRow(i)))
                row += 1
            case .notify:
                row += 1
                let text = t.confirmationBy(s.notifyLabel(s.reason.notify), changes: s.notifyChoices.count > 1)
                if text.displayWidth > inner.width, let address = s.notifyAddress(s.reason.notify) {
                    // The address is read back to the caller: never cut. The channel takes the blank
                    // line above, the address a line of its own (an email too long for it breaks
                    // before its "@").
                    scr.put(
                        t.confirmationBy(s.notifyLabel(s.reason.notify, withAddress: false), changes: s.notifyChoices.count > 1),
                        row: row - 1, column: inner.column, style: focused ? .focus : .text, maxWidth: inner.width)
                    var parts = [address]
                    if address.displayWidth > inner.width, let at = address.firstIndex(of: "@") {
                        parts = [String(address[..<at]), String(address[at...])]
                    }
                    for (k, part) in parts.enumerated() {
                        if k > 0 { row += 1 }
                        scr.put(part, row: row, column: inner.column, style: focused ? .focus : .text, maxWidth: inner.width)
                    }
                } else {
                    scr.put(text, row: row, column: inner.column, style: focused ? .focus : .text, maxWidth: inner.width)
                }
                if focused { scr.cursor = Point(row: row, column: inner.column) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
                row += 1
            case .proceed:
                row += 1
                let ready = (s.reason.chosen != nil || closed) && !(s.reason.chosen == .other && s.reason.explanation.isBlank)
                let text = t.continueButton
                scr.put(text, row: row, column: inner.column, style: focused ? .focus : (ready ? .title : .muted))
                if focused { scr.cursor = Point(row: row, column: inner.column + 2) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: text.displayWidth, height: 1), target: .listRow(i)))
                row += 1
            }
        }
    }
}
