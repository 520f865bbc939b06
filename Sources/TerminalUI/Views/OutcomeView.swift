import Foundation
import Scheduling

/// The outcome: booked (the notice), escalated (request id and what happens next), refused.
enum OutcomeView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        guard let o = s.outcome else { scr.box(r, title: "Outcome"); return }
        let title: String
        let style: StyleToken
        switch o.result {
        case .booked: (title, style) = ("Booked", .statusOK)
        case .escalated: (title, style) = ("Sent to an officer", .statusWarning)
        case .refused: (title, style) = ("Refused", .statusError)
        case .conflict: (title, style) = ("Conflict", .statusWarning)
        case .slotFull: (title, style) = ("Slot full", .statusWarning)
        case .denied: (title, style) = ("Denied", .statusError)
        }
        scr.box(r, title: title, titleStyle: style)
        let inner = r.inset(1)
        var lines: [(String, StyleToken)] = []
        switch o.result {
        case .booked:
            for w in wrap("The appointment was rescheduled. Request \(o.requestID).", width: inner.width) { lines.append((w, .statusOK)) }
            if !s.config.canWriteFiles { lines.append(("Copy or print this notice from your screen.", .muted)) }
            if s.config.actor.role.isStaff, let snap = s.snapshot, snap.caseFile.applicantAccount == nil {
                for w in wrap("No online account (no email, no phone): the notice must be mailed to the applicant.", width: inner.width) {
                    lines.append((w, .statusWarning))
                }
            }
            lines.append(("", .text))
            for l in (o.notice?.text ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                for w in wrap(String(l), width: inner.width) { lines.append((w, .text)) }
            }
        case .escalated:
            for w in wrap("Request \(o.requestID) is waiting for an officer's review.", width: inner.width) { lines.append((w, .statusWarning)) }
            for w in wrap("Codes: \(o.verdict.codes.map(\.rawValue).joined(separator: ", "))", width: inner.width) { lines.append((w, .text)) }
            for l in wrap(o.verdict.message, width: inner.width) { lines.append((l, .text)) }
            lines.append(("", .text))
            for l in wrap("What happens next: an officer approves (booking the preferred slot, or another if it is gone) or denies it, always with a note. Until then the current appointment stands.", width: inner.width) { lines.append((l, .muted)) }
        default:
            for w in wrap("Codes: \(o.verdict.codes.map(\.rawValue).joined(separator: ", "))", width: inner.width) { lines.append((w, style)) }
            for l in wrap(o.verdict.message, width: inner.width) { lines.append((l, .text)) }
            if let g = o.verdict.guidance { lines.append(("", .text)); for l in wrap("What to do: " + g, width: inner.width) { lines.append((l, .muted)) } }
        }
        // Longer than the pane: the last row says where the view is and how to scroll.
        let room = lines.count > inner.height ? inner.height - 1 : inner.height
        let scroll = min(s.outcomeScroll, max(0, lines.count - room))
        for (i, (text, st)) in lines.dropFirst(scroll).prefix(room).enumerated() {
            scr.put(text, row: inner.row + i, column: inner.column, style: st, maxWidth: inner.width)
        }
        if room < inner.height {
            let more = scroll + room < lines.count ? "↓ more" : "end"
            scr.put("\(more) · lines \(scroll + 1)–\(min(lines.count, scroll + room)) of \(lines.count) · ↑↓ scroll",
                    row: inner.row + room, column: inner.column, style: .muted, maxWidth: inner.width)
        }
        if s.overlay == nil { scr.cursor = Point(row: inner.row, column: inner.column) }
    }
}
