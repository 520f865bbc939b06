import Foundation
import Scheduling

/// The outcome: booked (the notice), escalated (request id and what happens next), refused.
enum OutcomeView {
    static func draw(_ outcome: OutcomeState, open snapshot: CaseSnapshot?, noticeLanguage: Language, _ v: ViewContext, _ scr: inout Screen, _ r: Rect) {
        let t = v.t
        guard let o = outcome.answer else {
            scr.box(r, title: t.outcomeTitle)
            return
        }
        let title = t.outcomeWord(o.result)
        let style: StyleToken
        switch o.result {
        case .booked: style = .statusOK
        case .escalated: style = .statusWarning
        case .refused: style = .statusError
        case .conflict: style = .statusWarning
        case .slotFull: style = .statusWarning
        case .denied: style = .statusError
        }
        scr.box(r, title: title, titleStyle: style)
        let inner = r.inset(1)
        var lines: [(String, StyleToken)] = []
        switch o.result {
        case .booked:
            for w in wrap(t.rescheduledRequest(o.requestID), width: inner.width) { lines.append((w, .statusOK)) }
            if !v.config.canWriteFiles { lines.append((t.copyFromScreen, .muted)) }
            if v.config.actor.role.isStaff, let snap = snapshot, snap.caseFile.applicantAccount == nil {
                for w in wrap(t.mustBeMailed, width: inner.width) {
                    lines.append((w, .statusWarning))
                }
            }
            if noticeLanguage != v.language { lines.append((t.noticeIn(noticeLanguage), .muted)) }
            lines.append(("", .text))
            for l in (o.notice?.text(in: noticeLanguage) ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                for w in wrap(String(l), width: inner.width) { lines.append((w, .text)) }
            }
        case .escalated:
            for l in wrap(t.waitingForOfficer(o.requestID), width: inner.width) { lines.append((l, .statusWarning)) }
            for w in wrap(t.codesLine(o.verdict.codes.map(\.rawValue).joined(separator: ", ")), width: inner.width) { lines.append((w, .text)) }
            for l in wrap(o.verdict.message(in: v.language), width: inner.width) { lines.append((l, .text)) }
            lines.append(("", .text))
            for l in wrap(t.whatHappensNext, width: inner.width) { lines.append((l, .muted)) }
        default:
            for w in wrap(t.codesLine(o.verdict.codes.map(\.rawValue).joined(separator: ", ")), width: inner.width) { lines.append((w, style)) }
            for l in wrap(o.verdict.message(in: v.language), width: inner.width) { lines.append((l, .text)) }
            if let g = o.verdict.guidance(in: v.language) {
                lines.append(("", .text))
                for l in wrap(t.whatToDo(g), width: inner.width) { lines.append((l, .muted)) }
            }
        }
        // Longer than the pane: the last row says where the view is and how to scroll.
        let room = lines.count > inner.height ? inner.height - 1 : inner.height
        let scroll = min(outcome.scroll, max(0, lines.count - room))
        for (i, (text, st)) in lines.dropFirst(scroll).prefix(room).enumerated() {
            scr.put(text, row: inner.row + i, column: inner.column, style: st, maxWidth: inner.width)
        }
        if room < inner.height {
            scr.put(
                t.scrollLine(more: scroll + room < lines.count, from: scroll + 1, to: min(lines.count, scroll + room), of: lines.count),
                row: inner.row + room, column: inner.column, style: .muted, maxWidth: inner.width)
        }
        if !v.dialogOpen { scr.cursor = Point(row: inner.row, column: inner.column) }
    }
}
