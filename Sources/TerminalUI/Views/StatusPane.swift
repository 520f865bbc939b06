import Foundation
import Scheduling

/// The status pane, always visible: the case, its appointment, reschedules used, flags, the verdict
/// for this person on this channel now, and the session's messages.
enum StatusPane {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        let t = s.t
        scr.box(r, title: t.statusTitle)
        let inner = r.inset(1)
        let w = inner.width
        var lines: [(String, StyleToken)] = TrainingView.statusLines(s, width: w)   // the trainer's clock (sandbox only)
        if let snap = s.snapshot {
            let c = snap.center, a = snap.appointment
            lines.append(("\(snap.caseFile.receipt.value) \(snap.caseFile.form.code)", .title))
            lines.append((snap.caseFile.applicantName, .text))
            lines.append((t.appointmentStatus(t.statusWord(a.status)), .muted))
            lines.append((t.dateTimeShort(a.start, c.zone), .text))
            lines.append(("\(c.name) [\(c.code)]", .text))
            lines.append((t.reschedulesUsed(a.priorReschedules, ReschedulePolicy.onlineLimit), a.priorReschedules >= 2 ? .statusWarning : .text))
            let flags = s.flags
            if flags.isEmpty { lines.append((t.flagsNone, .muted)) }
            for f in flags {
                let style: StyleToken = f == .unknownPrefix ? .statusWarning : .statusError
                for l in wrap("⚑ \(f.rawValue): \(t.sentence(f))", width: w) { lines.append((l, style)) }
            }
            if let p = snap.pendingEscalation { for l in wrap(t.pendingEscalation(p), width: w) { lines.append((l, .statusWarning)) } }
            if let v = s.verdict {
                lines.append(("", .text))
                let style: StyleToken = switch v.decision {
                case .allowed: .statusOK
                case .escalated: .statusWarning
                case .refused: .statusError
                }
                let word = t.decisionWord(v.decision)
                lines.append((word, style))
                lines.append((t.asRoleChannel(s.config.actor.role, online: s.config.actor.role.channel == .online), .muted))
                if !v.codes.isEmpty { for l in wrap(v.codes.map(\.rawValue).joined(separator: " "), width: w) { lines.append((l, style)) } }
                for l in wrap(v.message(in: s.language), width: w) { lines.append((l, .text)) }
                if let g = v.guidance(in: s.language) { for l in wrap("→ " + g, width: w) { lines.append((l, .muted)) } }
            }
        } else {
            lines.append((t.noCaseOpen, .muted))
            switch s.config.actor.role {
            case .agent, .officer:
                for l in wrap(t.findTheCaller, width: w) { lines.append((l, .muted)) }
            case .applicant, .representative: lines.append((t.chooseYourCase, .muted))
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
        if s.inFlight.contains(.submit) { return s.t.bookingWaiting }
        if s.inFlight.contains(.review) { return s.t.reviewWaiting }
        if s.inFlight.contains(.notice) { return s.t.savingNotice }
        return s.inFlight.isEmpty ? nil : s.t.loading
    }
}
