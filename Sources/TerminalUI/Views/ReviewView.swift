import Foundation
import Scheduling

/// The officer's queue of escalated requests, oldest first: a list (how long each has waited,
/// the applicant, the form, the codes) and the chosen one's details: the reason and explanation,
/// the agent's note, the current appointment and the preferred slot in each center's local time.
enum ReviewView {
    static func draw(_ review: ReviewState, _ v: ViewContext, _ scr: inout Screen, _ r: Rect) {
        let t = v.t
        let list = review.visible
        scr.box(r, title: t.reviewQueueTitleFiltered(list.count, review.filter?.rawValue))
        var inner = r.inset(1)
        // The last decision's result heads the queue.
        if let result = review.result {
            let style: StyleToken =
                switch result.level {
                case .ok: .statusOK
                case .error: .statusError
                default: .statusWarning
                }
            let lines = wrap(result.text, width: inner.width).prefix(3)
            for (i, l) in lines.enumerated() { scr.put(l, row: inner.row + i, column: inner.column, style: style, maxWidth: inner.width) }
            inner = Rect(row: inner.row + lines.count + 1, column: inner.column, width: inner.width, height: max(0, inner.height - lines.count - 1))
        }
        if list.isEmpty {
            let text = review.queue.isEmpty ? t.noReviewWaiting : t.noReviewWithCode(review.filter?.rawValue ?? "")
            scr.put(text, row: inner.row, column: inner.column, style: .muted, maxWidth: inner.width)
            return
        }
        let listHeight = min(list.count, max(3, inner.height / 3))
        let first = max(0, min(review.index - listHeight + 1, list.count - listHeight))
        for (i, item) in list.enumerated().dropFirst(first).prefix(listHeight) {
            let y = inner.row + i - first
            let selected = i == review.index
            let waited = item.waited(now: v.now).padding(toLength: 9, withPad: " ", startingAt: 0)
            let codes = item.codes.map(\.rawValue).joined(separator: ",")
            let name = item.applicantName.isEmpty ? item.receipt.value : item.applicantName
            let style: StyleToken = selected ? .focus : .text
            scr.fill(Rect(row: y, column: inner.column, width: inner.width, height: 1), style: selected ? style : .text)
            let end = scr.put("\(selected ? "▶" : " ") \(waited) ", row: y, column: inner.column, style: style)
            let right = " \(item.form) \(codes)"
            scr.put(name, row: y, column: end, style: style, maxWidth: max(1, inner.column + inner.width - end - right.displayWidth))
            scr.put(right, row: y, column: inner.column + inner.width - right.displayWidth, style: selected ? style : .muted)
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
            if selected && !v.dialogOpen { scr.cursor = Point(row: y, column: inner.column) }
        }
        guard let item = list[safe: review.index] else { return }
        var y = inner.row + listHeight + 1
        scr.put(String(repeating: "─", count: inner.width), row: y - 1, column: inner.column, style: .border)
        for l in detailLines(item, now: v.now, v.language, ownOnTraining: v.config.ownRequestOnTraining(item)).flatMap({ line in
            wrap(line.0, width: inner.width).map { ($0, line.1) }
        }) where y < inner.row + inner.height {
            scr.put(l.0, row: y, column: inner.column, style: l.1, maxWidth: inner.width)
            y += 1
        }
    }

    /// The details of one request, as sentences (the plain mode says the same).
    /// `ownOnTraining`: the viewer escalated this request and the store is a training store, where
    /// separation of duties is switched off: said first, so nobody learns it the wrong way.
    static func detailLines(_ item: ReviewItem, now: Date, _ language: Language = .en, ownOnTraining: Bool = false) -> [(String, StyleToken)] {
        let t = Catalog(language)
        func when(_ d: Date?, _ zone: ZoneRules?, fallback: String) -> String { d.flatMap { d in zone.map { t.dateTimeShort(d, $0) } } ?? fallback }
        let reason = item.goodCause.map { t.reasonTitle($0.reason) + ($0.explanation.isEmpty ? "" : ": " + $0.explanation) } ?? t.noneGiven
        let current =
            item.current.map { t.reviewCurrentAt(when($0.start, item.currentZone, fallback: "?"), $0.centerCode, t.statusWord($0.status)) } ?? t.noAppointment
        var lines: [(String, StyleToken)] = [
            ("\(item.applicantName.isEmpty ? t.noName : item.applicantName) · \(item.form) · \(item.receipt.value)", .title),
            (t.reviewRequestBy(item.requestID, item.agent, item.waited(now: now)), .muted),
            (t.reviewReason(reason), .text),
            (t.agentNote(item.note.isEmpty ? t.noneWord : item.note), .text),
            (t.reviewCurrent(current), .text),
            (t.reviewPreferred(when(item.preferredStart, item.preferredZone, fallback: item.preferredLocal.iso), item.preferredCenter), .text)
        ]
        lines += item.codes.map { (t.codeMessage($0.rawValue, t.sentence($0)), .statusWarning) }
        if ownOnTraining { lines.insert((t.separationOffInTraining, .statusWarning), at: 0) }
        return lines
    }
}
