import Foundation
import Scheduling

/// The reason selector: the six good-cause reasons and `other` with text; agents add a note.
enum ReasonView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        scr.box(r, title: "Why can't they attend? (good cause)")
        let inner = r.inset(1)
        var row = inner.row
        if let slot = s.selectedSlot, let c = s.calendar?.center {
            scr.put("New time: \(c.zone.formatLong(slot.slot.start)) [\(c.code)]", row: row, column: inner.column, style: .muted, maxWidth: inner.width)
            row += 2
        }
        for (i, item) in s.reasonItems.enumerated() where row < inner.row + inner.height {
            let focused = i == s.reasonFocus && s.overlay == nil
            switch item {
            case let .reason(reason):
                let chosen = s.reason == reason
                let label = reason.title.displayWidth + 4 <= inner.width ? reason.title : reason.shortTitle
                let text = "\(chosen ? "(•)" : "( )") \(label)"
                let style: StyleToken = focused ? .focus : (chosen ? .selection : .text)
                scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: focused ? style : .text)
                scr.put(text, row: row, column: inner.column, style: style, maxWidth: inner.width)
                if focused { scr.cursor = Point(row: row, column: inner.column + 1) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
                row += 1
            case .explanation, .note:
                row += 1
                let label = item == .explanation ? "Explain the other reason:" : "Note for the record:"
                scr.put(label, row: row, column: inner.column, style: focused ? .title : .muted)
                row += 1
                let field = item == .explanation ? s.explanation : s.note
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
                let choice = s.notify.map { $0 == .email ? "email" : "SMS" } ?? "none"
                let text = "Confirmation by: \(choice)  (Enter changes)"
                scr.put(text, row: row, column: inner.column, style: focused ? .focus : .text, maxWidth: inner.width)
                if focused { scr.cursor = Point(row: row, column: inner.column) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
                row += 1
            case .proceed:
                row += 1
                let ready = s.reason != nil && !(s.reason == .other && s.explanation.isBlank)
                let text = "[ Continue to confirm ]"
                scr.put(text, row: row, column: inner.column, style: focused ? .focus : (ready ? .title : .muted))
                if focused { scr.cursor = Point(row: row, column: inner.column + 2) }
                scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: text.displayWidth, height: 1), target: .listRow(i)))
                row += 1
            }
        }
    }
}

/// The confirm dialog: old and new appointment side by side, reason, channel.
enum ConfirmView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        guard let snap = s.snapshot, let slot = s.selectedSlot, let c = s.calendar?.center else { return }
        let width = min(scr.size.columns - 4, 76)
        let height = min(scr.size.rows - 4, 12)
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: s.phase == .submitting ? "Submitting…" : "Confirm the new appointment", style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let half = (inner.width - 1) / 2
        var row = inner.row
        scr.put("Current", row: row, column: inner.column + 1, style: .dialogTitle)
        scr.put("New", row: row, column: inner.column + half + 1, style: .dialogTitle)
        row += 1
        let old = [snap.center.zone.formatLong(snap.appointment.start), snap.center.name]
        let new = [c.zone.formatLong(slot.slot.start), c.name]
        for i in 0..<2 {
            scr.put(old[i], row: row, column: inner.column + 1, style: .dialog, maxWidth: half - 1)
            scr.put(new[i], row: row, column: inner.column + half + 1, style: .dialog, maxWidth: half - 1)
            row += 1
        }
        row += 1
        let reasonText = s.reason.map { $0 == .other ? "other: \(s.explanation.text)" : $0.title } ?? "-"
        scr.put("Reason:  \(reasonText)", row: row, column: inner.column + 1, style: .dialog, maxWidth: inner.width - 2); row += 1
        scr.put("Channel: \(s.config.actor.role.channel.rawValue) (\(s.config.actor.role.rawValue) \(s.config.actor.id))", row: row, column: inner.column + 1, style: .dialog, maxWidth: inner.width - 2); row += 1
        if let v = s.verdict {
            let (text, style): (String, StyleToken) = switch v.decision {
            case .allowed: ("Enter books this time.", .dialogTitle)
            case .escalated: ("Enter sends it to an officer (\(v.codes.map(\.rawValue).joined(separator: ", "))); nothing is booked yet.", .dialogTitle)
            case .refused: ("Refused: \(v.codes.map(\.rawValue).joined(separator: ", ")). Enter submits anyway to record the answer.", .dialogTitle)
            }
            row += 1
            for l in wrap(text, width: inner.width - 2) where row < inner.row + inner.height - 1 {
                scr.put(l, row: row, column: inner.column + 1, style: style); row += 1
            }
        }
        let hint = s.phase == .submitting ? (s.isWaitingForStore ? "Booking… waiting for the store" : "Please wait…") : "Enter confirm · Esc back"
        scr.put(hint, row: inner.row + inner.height - 1, column: inner.column + 1, style: .dialog)
        scr.hotspots.append(Hotspot(rect: Rect(row: inner.row + inner.height - 1, column: inner.column + 1, width: 13, height: 1), target: .button("confirm")))
        if s.overlay == nil { scr.cursor = Point(row: inner.row + inner.height - 1, column: inner.column + 1) }
    }
}

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
            lines.append(("The appointment was rescheduled. Request \(o.requestID).", .statusOK))
            if !s.config.canWriteFiles { lines.append(("Copy or print this notice from your screen.", .muted)) }
            lines.append(("", .text))
            for l in (o.notice?.text ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                for w in wrap(String(l), width: inner.width) { lines.append((w, .text)) }
            }
        case .escalated:
            lines.append(("Request \(o.requestID) is waiting for an officer's review.", .statusWarning))
            lines.append(("Codes: \(o.verdict.codes.map(\.rawValue).joined(separator: ", "))", .text))
            for l in wrap(o.verdict.message, width: inner.width) { lines.append((l, .text)) }
            lines.append(("", .text))
            for l in wrap("What happens next: an officer approves (booking the preferred slot, or another if it is gone) or denies it, always with a note. Until then the current appointment stands.", width: inner.width) { lines.append((l, .muted)) }
        default:
            lines.append(("Codes: \(o.verdict.codes.map(\.rawValue).joined(separator: ", "))", style))
            for l in wrap(o.verdict.message, width: inner.width) { lines.append((l, .text)) }
            if let g = o.verdict.guidance { lines.append(("", .text)); for l in wrap("What to do: " + g, width: inner.width) { lines.append((l, .muted)) } }
        }
        let scroll = min(s.outcomeScroll, max(0, lines.count - inner.height))
        for (i, (text, st)) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            scr.put(text, row: inner.row + i, column: inner.column, style: st, maxWidth: inner.width)
        }
        if s.overlay == nil { scr.cursor = Point(row: inner.row, column: inner.column) }
    }
}

/// The officer's queue of escalated requests.
enum ReviewView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        scr.box(r, title: "Review queue: \(s.reviews.count) escalated request\(s.reviews.count == 1 ? "" : "s")")
        let inner = r.inset(1)
        if s.reviews.isEmpty {
            scr.put("No escalated request is waiting.", row: inner.row, column: inner.column, style: .muted)
            return
        }
        let listHeight = max(3, inner.height / 2)
        let first = max(0, min(s.reviewIndex - listHeight + 1, s.reviews.count - listHeight))
        for (i, item) in s.reviews.enumerated().dropFirst(first).prefix(listHeight) {
            let y = inner.row + i - first
            let selected = i == s.reviewIndex
            let text = "\(selected ? "▶" : " ") \(item.requestID)  \(item.receipt.value)  \(item.codes.map(\.rawValue).joined(separator: ","))  \(item.goodCause?.reason.rawValue ?? "-")"
            let style: StyleToken = selected ? .focus : .text
            scr.fill(Rect(row: y, column: inner.column, width: inner.width, height: 1), style: selected ? style : .text)
            scr.put(text, row: y, column: inner.column, style: style, maxWidth: inner.width)
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
            if selected && s.overlay == nil { scr.cursor = Point(row: y, column: inner.column) }
        }
        guard let item = s.reviews[safe: s.reviewIndex] else { return }
        var y = inner.row + listHeight + 1
        scr.put(String(repeating: "─", count: inner.width), row: y - 1, column: inner.column, style: .border)
        var lines = ["Receipt \(item.receipt.value), requested by \(item.agent)",
                     "Preferred: \(item.preferredLocal.iso.replacingOccurrences(of: "T", with: " ")) at \(item.preferredCenter)",
                     "Reason: \(item.goodCause.map { $0.reason.title + ($0.explanation.isEmpty ? "" : ": " + $0.explanation) } ?? "-")",
                     "Agent's note: \(item.note.isEmpty ? "-" : item.note)"]
        lines += item.codes.map { "\($0.rawValue): \($0.sentence)" }
        for l in lines.flatMap({ wrap($0, width: inner.width) }) where y < inner.row + inner.height {
            scr.put(l, row: y, column: inner.column, style: .text); y += 1
        }
    }
}

enum HelpView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        var under = s
        under.overlay = nil
        let lines = Keymap.helpLines(training: s.training != nil, first: under.focusContext)
        let width = min(scr.size.columns - 4, 60)
        let height = min(scr.size.rows - 2, lines.count + 4)
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: "Keys (any key closes)", style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let keyWidth = 18
        for (i, l) in lines.prefix(inner.height - 1).enumerated() {
            scr.put(l.keys, row: inner.row + i, column: inner.column + 1, style: .dialogTitle, maxWidth: keyWidth)
            scr.put(l.label, row: inner.row + i, column: inner.column + 1 + keyWidth, style: .dialog, maxWidth: inner.width - keyWidth - 2)
        }
        scr.put("Mouse: click a day or a time to select it.", row: inner.row + inner.height - 1, column: inner.column + 1, style: .dialog, maxWidth: inner.width - 2)
        scr.cursor = Point(row: r.row, column: r.column + 2)
    }
}

enum CenterPickerView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        let width = min(scr.size.columns - 4, 70)
        let height = scr.size.rows - 4
        let r = Rect(row: 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: "Choose a center (type code, city or state)", style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        scr.put("Filter: ", row: inner.row, column: inner.column, style: .dialog)
        let (v, cur) = s.centerFilter.visible(width: inner.width - 9)
        scr.fill(Rect(row: inner.row, column: inner.column + 8, width: inner.width - 9, height: 1), style: .input)
        scr.put(v, row: inner.row, column: inner.column + 8, style: .input)
        scr.cursor = Point(row: inner.row, column: inner.column + 8 + cur)
        let list = s.visibleCenters
        if s.centers.isEmpty { scr.put("Loading centers…", row: inner.row + 2, column: inner.column, style: .dialog); return }
        if list.isEmpty { scr.put("No center matches.", row: inner.row + 2, column: inner.column, style: .dialog); return }
        let rows = inner.height - 2
        let first = max(0, min(s.centerIndex - rows + 1, list.count - rows))
        for (i, c) in list.enumerated().dropFirst(first).prefix(rows) {
            let y = inner.row + 2 + i - first
            let selected = i == s.centerIndex
            let home = c.code == s.snapshot?.center.code ? " (current)" : ""
            let text = "\(c.code.padding(toLength: 5, withPad: " ", startingAt: 0)) \(c.name), \(c.city) \(c.state)\(home)"
            let style: StyleToken = selected ? .focus : .dialog
            scr.fill(Rect(row: y, column: inner.column, width: inner.width, height: 1), style: style)
            scr.put(text, row: y, column: inner.column, style: style, maxWidth: inner.width)
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
        }
    }
}

enum Dialog {
    static func message(_ scr: inout Screen, title: String, lines: [String]) {
        let width = min(scr.size.columns - 4, max(title.displayWidth + 8, (lines.map(\.displayWidth).max() ?? 0) + 4))
        let height = lines.count + 2
        let r = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: title, style: .dialog, titleStyle: .dialogTitle)
        for (i, l) in lines.enumerated() { scr.put(l, row: r.row + 1 + i, column: r.column + 2, style: .dialog, maxWidth: width - 4) }
        scr.cursor = Point(row: r.row + height - 2, column: r.column + 2)
    }

    static func input(_ scr: inout Screen, title: String, prompt: String, field: TextField, hint: String) {
        let width = min(scr.size.columns - 4, 64)
        let r = Rect(row: (scr.size.rows - 6) / 2, column: (scr.size.columns - width) / 2, width: width, height: 6)
        scr.fill(r, style: .dialog)
        scr.box(r, title: title, style: .dialog, titleStyle: .dialogTitle)
        scr.put(prompt, row: r.row + 1, column: r.column + 2, style: .dialog, maxWidth: width - 4)
        let (v, cur) = field.visible(width: width - 4)
        scr.fill(Rect(row: r.row + 2, column: r.column + 2, width: width - 4, height: 1), style: .input)
        scr.put(v, row: r.row + 2, column: r.column + 2, style: .input)
        scr.put(hint, row: r.row + 4, column: r.column + 2, style: .dialog, maxWidth: width - 4)
        scr.cursor = Point(row: r.row + 2, column: r.column + 2 + cur)
    }
}
