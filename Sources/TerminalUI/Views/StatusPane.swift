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
            case .agent, .officer: lines.append(("Type a receipt number.", .muted))
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

enum FindView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        scr.box(r, title: "Find a case")
        let inner = r.inset(1)
        var row = inner.row + 1
        scr.put("Receipt number:", row: row, column: inner.column + 1, style: .text)
        row += 1
        let fieldWidth = min(24, inner.width - 2)
        let normalized = ReceiptNumber.normalize(s.receiptField.text)
        let problem = ReceiptNumber.problemSoFar(normalized)?.message
        let (visible, cursor) = s.receiptField.visible(width: fieldWidth)
        scr.fill(Rect(row: row, column: inner.column + 1, width: fieldWidth, height: 1), style: problem == nil ? .input : .inputInvalid)
        scr.put(visible, row: row, column: inner.column + 1, style: problem == nil ? .input : .inputInvalid, maxWidth: fieldWidth)
        if s.overlay == nil { scr.cursor = Point(row: row, column: inner.column + 1 + cursor) }
        row += 2
        let shape = "Three letters and ten digits, e.g. EAC2414052317; spaces and dashes are ignored."
        if let problem {
            for l in wrap(problem, width: inner.width - 2) { scr.put(l, row: row, column: inner.column + 1, style: .statusError); row += 1 }
        } else if !normalized.isEmpty {
            let n = normalized.count
            scr.put("\(normalized)  \(n) of 13", row: row, column: inner.column + 1, style: n == 13 ? .statusOK : .muted, maxWidth: inner.width - 2)
            row += 1
            if n == 13, let r = try? ReceiptNumber(parsing: normalized), !r.hasKnownPrefix {
                for l in wrap("Warning: \(r.prefix) is not a known service center prefix.", width: inner.width - 2) {
                    scr.put(l, row: row, column: inner.column + 1, style: .statusWarning); row += 1
                }
            }
        } else {
            for l in wrap(shape, width: inner.width - 2) { scr.put(l, row: row, column: inner.column + 1, style: .muted); row += 1 }
        }
        if s.config.actor.role == .officer {
            row += 1
            scr.put("r with an empty field: the review queue", row: row, column: inner.column + 1, style: .muted, maxWidth: inner.width - 2)
        }
    }

}

enum CaseListView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        let title = s.config.actor.role == .representative ? "Your clients' cases" : "Your cases"
        scr.box(r, title: title)
        let inner = r.inset(1)
        var row = inner.row
        if s.filtering || !s.caseFilter.text.isEmpty {
            scr.put("Filter: ", row: row, column: inner.column, style: .muted)
            let (v, c) = s.caseFilter.visible(width: inner.width - 9)
            scr.fill(Rect(row: row, column: inner.column + 8, width: inner.width - 9, height: 1), style: .input)
            scr.put(v, row: row, column: inner.column + 8, style: .input)
            if s.filtering && s.overlay == nil { scr.cursor = Point(row: row, column: inner.column + 8 + c) }
            row += 2
        }
        let list = s.visibleCases
        if list.isEmpty {
            let empty = s.inFlight.contains(.cases) ? "Loading your cases…" : "No cases."
            scr.put(s.cases.isEmpty ? empty : "No case matches the filter.", row: row, column: inner.column, style: .muted)
            return
        }
        // Where the appointment does not fit beside the case, it goes on a line of its own.
        let oneLine = inner.width >= 70
        let perCase = oneLine ? 1 : 2
        let visibleCases = max(1, (inner.row + inner.height - row) / perCase)
        let first = max(0, min(s.caseIndex - visibleCases + 1, list.count - visibleCases))
        for (i, c) in list.enumerated().dropFirst(max(0, first)).prefix(visibleCases) {
            let selected = i == s.caseIndex
            let when = c.localStart.map { "\(c.centerCode) \($0)" } ?? ""
            let text = "\(selected ? "▶" : " ") \(c.receipt.value)  \(c.form.code.padding(toLength: 7, withPad: " ", startingAt: 0)) \(c.applicantName)"
            let style: StyleToken = selected ? (s.filtering ? .selection : .focus) : .text
            scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: perCase), style: selected ? style : .text)
            scr.put(text, row: row, column: inner.column, style: style, maxWidth: inner.width)
            if !when.isEmpty {
                if oneLine { scr.put(when, row: row, column: inner.column + inner.width - when.displayWidth, style: selected ? style : .muted) }
                else { scr.put("  " + when, row: row + 1, column: inner.column, style: selected ? style : .muted, maxWidth: inner.width) }
            }
            scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: perCase), target: .listRow(i)))
            if selected && !s.filtering && s.overlay == nil { scr.cursor = Point(row: row, column: inner.column) }
            row += perCase
        }
    }
}
