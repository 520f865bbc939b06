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
        var lines: [(String, StyleToken)] = []
        contentLines(s, width: w, into: &lines)
        draw(lines: lines, s, &scr, inner)
    }

    /// The case, its appointment, flags and the verdict (or what to do with no case open).
    static func contentLines(_ s: AppState, width w: Int, into lines: inout [(String, StyleToken)]) {
        let t = s.t
        lines += TrainingView.statusLines(s, width: w) // the trainer's clock (sandbox only)
        if let snap = s.snapshot {
            let c = snap.center, a = snap.appointment
            lines.append(("\(snap.caseFile.receipt.value) \(snap.caseFile.form.code)", .title))
            for l in wrap(snap.caseFile.applicantName, width: w) { lines.append((l, .text)) } // a name is never cut
            lines.append((t.appointmentStatus(t.statusWord(a.status)), .muted))
            lines.append((t.dateTimeShort(a.start, c.zone), .text))
            for l in wrap("\(c.name) [\(c.code)]", width: w) { lines.append((l, .text)) }
            lines.append(
                (
                    t.reschedulesUsed(a.priorReschedules, ReschedulePolicy.onlineLimit),
                    a.priorReschedules >= ReschedulePolicy.onlineLimit ? .statusWarning : .text
                ))
            let flags = s.flags
            if flags.isEmpty { lines.append((t.flagsNone, .muted)) }
            for f in flags {
                let style: StyleToken = f == .unknownPrefix ? .statusWarning : .statusError
                for l in wrap("⚑ \(f.rawValue): \(t.sentence(f))", width: w) { lines.append((l, style)) }
            }
            if let p = snap.pendingEscalation { for l in wrap(t.pendingEscalation(p), width: w) { lines.append((l, .statusWarning)) } }
            // The waiting list (an agent sees the caller's offer and request here; w opens them).
            if let v = s.waitlist?.view, v.receipt == snap.caseFile.receipt {
                if let o = v.openOffers.first, let oc = v.centers[o.centerCode] {
                    for l in wrap(t.waitlistStatusOffer(t.dateTimeShort(o.start, oc.zone)), width: w) { lines.append((l, .statusOK)) }
                }
                if v.request != nil { for l in wrap(t.waitlistStatusPlace(v.place ?? 1), width: w) { lines.append((l, .text)) } }
            }
            if let v = s.verdict {
                lines.append(("", .text))
                let style: StyleToken =
                    switch v.decision {
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
    }

    static func messageLines(_ s: AppState, width w: Int) -> [(String, StyleToken)] {
        s.messages.flatMap { m -> [(String, StyleToken)] in
            let style: StyleToken =
                switch m.level {
                case .info: .muted
                case .ok: .statusOK
                case .warning: .statusWarning
                case .error: .statusError
                }
            return wrap(m.text, width: w).map { ($0, style) }
        }
    }

    /// Lays out the case lines, then the messages (newest last) and what the store has not
    /// answered yet. When it all fits, all of it; else the case and the newest messages, with a
    /// last line saying F3 shows the rest, page by page (nothing a person needs is out of reach).
    static func draw(lines: [(String, StyleToken)], _ s: AppState, _ scr: inout Screen, _ inner: Rect) {
        let w = inner.width, h = inner.height
        var waiting: [(String, StyleToken)] = []
        if let line = waitingLine(s) { waiting = wrap(line, width: w).map { ($0, .statusWarning) } }
        let messages = messageLines(s, width: w) + waiting
        let separator = (String(repeating: "─", count: w), StyleToken.border)
        let all = lines + (messages.isEmpty ? [] : [separator] + messages)
        func put(_ list: [(String, StyleToken)], from row: Int) {
            for (i, (text, style)) in list.enumerated() where row + i < inner.row + h {
                scr.put(text, row: row + i, column: inner.column, style: style, maxWidth: w)
            }
        }
        if all.count <= h {
            // The case at the top, the messages at the bottom (newest last, where the eye goes).
            put(lines, from: inner.row)
            if !messages.isEmpty { put([separator] + messages, from: inner.row + h - messages.count - 1) }
            return
        }
        let pageSize = max(1, h - 1)
        let pages = (all.count + pageSize - 1) / pageSize
        if let page = s.statusPage, page < pages {
            put(Array(all.dropFirst(page * pageSize).prefix(pageSize)), from: inner.row)
            put([(s.t.statusMorePage(page + 1, pages), .muted)], from: inner.row + h - 1)
            return
        }
        // The case first; the newest messages at the bottom; the more line between them.
        // The case comes first; the messages take the rest, but the newest (up to 3 lines) always shows.
        let newest = Array(messages.suffix(min(messages.count, max(3, h - 2 - lines.count))))
        let caseRoom = h - 1 - (newest.isEmpty ? 0 : newest.count + 1)
        put(Array(lines.prefix(caseRoom)), from: inner.row)
        put([(s.t.statusMoreLines(all.count - caseRoom - newest.count - (newest.isEmpty ? 0 : 1)), .muted)], from: inner.row + caseRoom)
        if !newest.isEmpty { put([separator] + newest, from: inner.row + caseRoom + 1) }
    }

    /// How many pages the status pane has at this size (1 when it all fits).
    static func pageCount(_ s: AppState) -> Int {
        let r = Rect(row: 1, column: 0, width: Render.statusPaneWidth(s.size), height: s.size.rows - 2)
        let inner = r.inset(1)
        var lines: [(String, StyleToken)] = []
        contentLines(s, width: inner.width, into: &lines)
        var waiting: [(String, StyleToken)] = []
        if let line = waitingLine(s) { waiting = wrap(line, width: inner.width).map { ($0, .statusWarning) } }
        let messages = messageLines(s, width: inner.width) + waiting
        let total = lines.count + (messages.isEmpty ? 0 : messages.count + 1)
        return total <= inner.height ? 1 : (total + inner.height - 2) / max(1, inner.height - 1)
    }
}

extension StatusPane {
    /// What the status pane says while effects are in flight: a write waits for the store (another
    /// process may hold its lock), a read is only loading.
    static func waitingLine(_ s: AppState) -> String? {
        if s.inFlight.contains(.submit) { return s.t.bookingWaiting }
        if s.inFlight.contains(.review) { return s.t.reviewWaiting }
        if s.inFlight.contains(.notice) { return s.t.savingNotice }
        if s.inFlight.contains(.waitlistWrite) { return s.t.waitlistWaiting }
        return s.inFlight.isEmpty ? nil : s.t.loading
    }
}
