import Foundation
import Scheduling

/// The confirm dialog: old and new appointment side by side, reason, channel.
enum ConfirmView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        guard let snap = s.snapshot, let slot = s.picking.selectedSlot, let c = s.picking.calendar?.center else { return }
        let width = min(scr.size.columns - 4, 76)
        let height = min(scr.size.rows - 4, 12)
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        let t = s.t
        scr.box(r, title: s.phase == .submitting ? t.submittingTitle : t.confirmTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let half = (inner.width - 1) / 2
        var row = inner.row
        scr.put(t.currentColumn, row: row, column: inner.column + 1, style: .dialogTitle)
        scr.put(t.newColumn, row: row, column: inner.column + half + 1, style: .dialogTitle)
        row += 1
        let old = [t.dateTimeShort(snap.appointment.start, snap.center.zone), snap.center.name]
        let new = [t.dateTimeShort(slot.slot.start, c.zone), c.name]
        for i in 0..<2 {
            scr.put(old[i], row: row, column: inner.column + 1, style: .dialog, maxWidth: half - 1)
            scr.put(new[i], row: row, column: inner.column + half + 1, style: .dialog, maxWidth: half - 1)
            row += 1
        }
        row += 1
        let reasonText =
            s.reason.chosen.map { $0 == .other ? t.otherReason(s.reason.explanation.text) : t.reasonTitle($0) }
            ?? (s.snapshot?.centerClosedThatDay == true ? t.closedDayNoReason : "-")
        scr.put(t.reasonLine(reasonText), row: row, column: inner.column + 1, style: .dialog, maxWidth: inner.width - 2)
        row += 1
        scr.put(
            t.channelLine(t.channelName(s.config.actor.role.channel), s.config.actor.role, s.config.actor.id), row: row, column: inner.column + 1,
            style: .dialog, maxWidth: inner.width - 2)
        row += 1
        if let v = s.verdict {
            let (text, style): (String, StyleToken) =
                switch v.decision {
                case .allowed: (t.enterBooks, .dialogTitle)
                case .escalated: (t.enterEscalates(v.codes.map(\.rawValue).joined(separator: ", ")), .dialogTitle)
                case .refused: (t.enterRefused(v.codes.map(\.rawValue).joined(separator: ", ")), .dialogTitle)
                }
            row += 1
            for l in wrap(text, width: inner.width - 2) where row < inner.row + inner.height - 1 {
                scr.put(l, row: row, column: inner.column + 1, style: style)
                row += 1
            }
        }
        let hint = s.phase == .submitting ? (s.isWaitingForStore ? t.bookingWaiting : t.pleaseWait) : t.confirmHint
        scr.put(hint, row: inner.row + inner.height - 1, column: inner.column + 1, style: .dialog)
        scr.hotspots.append(Hotspot(rect: Rect(row: inner.row + inner.height - 1, column: inner.column + 1, width: 13, height: 1), target: .button("confirm")))
        if s.overlay == nil { scr.cursor = Point(row: inner.row + inner.height - 1, column: inner.column + 1) }
    }
}
