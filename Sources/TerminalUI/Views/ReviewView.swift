import Foundation
import Scheduling

/// The officer's queue of escalated requests.
enum ReviewView {
    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        let t = s.t
        scr.box(r, title: t.reviewQueueTitle(s.reviews.count))
        let inner = r.inset(1)
        if s.reviews.isEmpty {
            scr.put(t.noReviewWaiting, row: inner.row, column: inner.column, style: .muted)
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
        let reason = item.goodCause.map { t.reasonTitle($0.reason) + ($0.explanation.isEmpty ? "" : ": " + $0.explanation) } ?? "-"
        var lines = [t.reviewReceipt(item.receipt.value, item.agent),
                     t.reviewPreferred(item.preferredLocal.iso.replacingOccurrences(of: "T", with: " "), item.preferredCenter),
                     t.reviewReason(reason),
                     t.agentNote(item.note.isEmpty ? "-" : item.note)]
        lines += item.codes.map { t.codeMessage($0.rawValue, t.sentence($0)) }
        for l in lines.flatMap({ wrap($0, width: inner.width) }) where y < inner.row + inner.height {
            scr.put(l, row: y, column: inner.column, style: .text); y += 1
        }
    }
}
