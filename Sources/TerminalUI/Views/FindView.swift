import Foundation
import Scheduling

/// The staff's first screen: one field for a receipt or a caller search, and the matches, two
/// lines each (name and date of birth; form, center and next appointment), nothing more.
enum FindView {
    static func draw(_ find: FindState, _ v: ViewContext, _ scr: inout Screen, _ r: Rect) {
        let t = v.t
        scr.box(r, title: t.findCallerTitle)
        let inner = r.inset(1)
        let width = inner.width - 2, left = inner.column + 1
        var row = inner.row
        for l in wrap(t.findCallerLabel, width: width) {
            scr.put(l, row: row, column: left, style: .text)
            row += 1
        }
        let text = find.receiptField.text
        let receiptProblem = CallerQuery.looksLikeReceipt(text) ? ReceiptNumber.problemSoFar(ReceiptNumber.normalize(text))?.message(in: v.language) : nil
        let (visible, cursor) = find.receiptField.visible(width: width)
        scr.fill(Rect(row: row, column: left, width: width, height: 1), style: receiptProblem == nil ? .input : .inputInvalid)
        scr.put(visible, row: row, column: left, style: receiptProblem == nil ? .input : .inputInvalid, maxWidth: width)
        if !v.dialogOpen { scr.cursor = Point(row: row, column: left + cursor) }
        row += 1
        let bottom = inner.row + inner.height
        func say(_ text: String, _ style: StyleToken) {
            for l in wrap(text, width: width) where row < bottom {
                scr.put(l, row: row, column: left, style: style)
                row += 1
            }
        }
        if let receiptProblem {
            say(receiptProblem, .statusError)
        } else if CallerQuery.looksLikeReceipt(text) {
            let normalized = ReceiptNumber.normalize(text)
            scr.put(t.typedOf13(normalized, normalized.count), row: row, column: left, style: normalized.count == 13 ? .statusOK : .muted, maxWidth: width)
            row += 1
            if normalized.count == 13, let rn = try? ReceiptNumber(parsing: normalized), !rn.hasKnownPrefix {
                say(t.unknownPrefix(rn.prefix), .statusWarning)
            }
        } else if text.isEmpty {
            say(t.findCallerExamples, .muted)
            if v.config.actor.role == .officer { say(t.reviewQueueHint, .muted) }
            if v.config.isTraining && !v.config.tryCases.isEmpty && bottom - row > 4 {
                row += 1
                say(t.demoCasesToTry, .text)
                let titleWidth = width - 14
                for c in v.config.tryCases {
                    let lines = wrap(c.title, width: titleWidth)
                    guard bottom - row >= lines.count else { break }
                    scr.put(c.receipt.value, row: row, column: left, style: .text)
                    for l in lines {
                        scr.put(l, row: row, column: left + 14, style: .muted)
                        row += 1
                    }
                }
            }
        }
        guard let found = find.callers, find.callersText == text else {
            if v.inFlight.contains(.callers) {
                row += 1
                say(t.searching, .muted)
            }
            return
        }
        row += 1
        let n = found.matches.count
        say(n == 0 ? t.noCaseMatchesSearch : t.matchesLine(n, more: found.more), n == 0 ? .statusWarning : .muted)
        // R17: a match on a closed day takes a third line that says so (every match the same height).
        // A name that does not fit beside the date of birth wraps (a searched surname is never cut).
        func nameLines(_ m: CallerMatch) -> [String] {
            let born = m.dateOfBirth.map { t.born($0.iso) } ?? t.bornUnknown
            return wrap(m.name, width: max(4, width - 2 - born.displayWidth - 1))
        }
        let nameRows = found.matches.map { nameLines($0).count }.max() ?? 1
        let perMatch = nameRows + (found.matches.contains(where: \.centerClosed) ? 2 : 1)
        let room = max(1, (bottom - row) / perMatch)
        let first = max(0, min(find.callerIndex - room + 1, n - room))
        for (i, m) in found.matches.enumerated().dropFirst(first).prefix(room) {
            let selected = i == find.callerIndex
            let style: StyleToken = selected ? .focus : .text
            scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: perMatch), style: selected ? style : .text)
            let born = m.dateOfBirth.map { t.born($0.iso) } ?? t.bornUnknown
            for (k, line) in nameLines(m).enumerated() {
                scr.put((k == 0 ? (selected ? "▶ " : "  ") : "  ") + line, row: row + k, column: left, style: style)
            }
            scr.put(born, row: row, column: left + width - born.displayWidth, style: selected ? style : .muted)
            let below = row + nameRows - 1
            let next: String
            if let a = m.next, let zone = m.centerTimeZone.flatMap(ZoneRules.init(identifier:)) {
                next = "\(a.centerCode) \(t.dateTimeShort(a.start, zone))"
            } else {
                next = t.noAppointmentScheduled
            }
            scr.put("  \(m.form) · \(next)", row: below + 1, column: left, style: selected ? style : .muted, maxWidth: width)
            if m.centerClosed {
                scr.put("  ⚑ " + t.closedDayShort, row: below + 2, column: left, style: selected ? style : .statusWarning, maxWidth: width)
            }
            scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: perMatch), target: .listRow(i)))
            row += perMatch
        }
    }
}
