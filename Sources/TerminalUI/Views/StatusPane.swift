import Foundation
import Scheduling

/// The status pane, always visible: the case, its appointment, reschedules used, flags, the verdict
/// for this person on this channel now, and the session's messages.
enum StatusPane {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        scr.box(r, title: "Status")
        let inner = r.inset(1)
        let w = inner.width
        var lines: [(String, StyleToken)] = TrainingView.statusLines(s, width: w)   // the trainer's clock (sandbox only)
        if let snap = s.snapshot {
            let c = snap.center, a = snap.appointment
            lines.append(("\(snap.caseFile.receipt.value) \(snap.caseFile.form.code)", .title))
            lines.append((snap.caseFile.applicantName, .text))
            lines.append(("Appointment (\(a.status.rawValue)):", .muted))
            lines.append((c.zone.formatLong(a.start), .text))
            lines.append(("\(c.name) [\(c.code)]", .text))
            lines.append(("\(a.priorReschedules) of \(ReschedulePolicy.onlineLimit) online reschedules used", a.priorReschedules >= 2 ? .statusWarning : .text))
            let flags = s.flags
            if flags.isEmpty { lines.append(("Flags: none", .muted)) }
            for f in flags {
                let style: StyleToken = f == .unknownPrefix ? .statusWarning : .statusError
                for l in wrap("⚑ \(f.rawValue): \(f.sentence)", width: w) { lines.append((l, style)) }
            }
            if let p = snap.pendingEscalation { for l in wrap("Escalated request \(p) waits for an officer.", width: w) { lines.append((l, .statusWarning)) } }
            if let v = s.verdict {
                lines.append(("", .text))
                let (word, style): (String, StyleToken) = switch v.decision {
                case .allowed: ("✔ ALLOWED", .statusOK)
                case .escalated: ("▲ TO AN OFFICER", .statusWarning)
                case .refused: ("✖ REFUSED", .statusError)
                }
                lines.append((word, style))
                lines.append(("as \(s.config.actor.role.rawValue), \(s.config.actor.role.channel == .online ? "online" : "contact center")", .muted))
                if !v.codes.isEmpty { for l in wrap(v.codes.map(\.rawValue).joined(separator: " "), width: w) { lines.append((l, style)) } }
                for l in wrap(v.message, width: w) { lines.append((l, .text)) }
                if let g = v.guidance { for l in wrap("→ " + g, width: w) { lines.append((l, .muted)) } }
            }
        } else {
            lines.append(("No case open.", .muted))
            switch s.config.actor.role {
            case .agent, .officer:
                for l in wrap("Find the caller: a receipt, A-number, name, phone or email.", width: w) { lines.append((l, .muted)) }
            case .applicant, .representative: lines.append(("Choose one of your cases.", .muted))
            }
        }
        // Messages take the rest, newest last; below them, what the store has not answered yet.
        var waiting: [(String, StyleToken)] = []
        if let line = waitingLine(s) { waiting = wrap(line, width: w).map { ($0, .statusWarning) } }
        let room = inner.height - lines.count - 1 - waiting.count
        var msgLines: [(String, StyleToken)] = []
        if room > 0 && !s.messages.isEmpty {
            for m in s.messages.reversed() {
                let style: StyleToken = switch m.level {
                case .info: .muted
                case .ok: .statusOK
                case .warning: .statusWarning
                case .error: .statusError
                }
                let wrapped = wrap(m.text, width: w).map { ($0, style) }
                if msgLines.count + wrapped.count > room { break }
                msgLines.insert(contentsOf: wrapped, at: 0)
            }
        }
        msgLines += waiting
        var row = inner.row
        for (text, style) in lines.prefix(max(0, inner.height - (msgLines.isEmpty ? 0 : msgLines.count + 1))) {
            scr.put(text, row: row, column: inner.column, style: style, maxWidth: w)
            row += 1
        }
        if !msgLines.isEmpty {
            let start = inner.row + inner.height - msgLines.count
            scr.put(String(repeating: "─", count: w), row: start - 1, column: inner.column, style: .border)
            for (i, (text, style)) in msgLines.enumerated() {
                scr.put(text, row: start + i, column: inner.column, style: style, maxWidth: w)
            }
        }
    }
}

extension StatusPane {
    /// What the status pane says while effects are in flight: a write waits for the store (another
    /// process may hold its lock), a read is only loading.
    static func waitingLine(_ s: AppState) -> String? {
        if s.inFlight.contains(.submit) { return "Booking… waiting for the store" }
        if s.inFlight.contains(.review) { return "Saving the review… waiting for the store" }
        if s.inFlight.contains(.notice) { return "Saving the notice…" }
        return s.inFlight.isEmpty ? nil : "Loading…"
    }
}
