import Foundation
import Scheduling

/// The waiting list of the open case, drawn over it (see `WaitlistScreen`): the open offer (the
/// slot and the deadline in the center's zone, accept or decline), the request and its place, the
/// request form, and why an ask was refused.
enum WaitlistView {
    static func draw(_ waitlist: WaitlistState?, _ c: ViewContext, _ scr: inout Screen) {
        guard let w = waitlist, w.shown else { return }
        let t = c.t
        let width = min(scr.size.columns - 4, 96), height = min(scr.size.rows - 4, 22)
        let rect = Rect(row: (scr.size.rows - height) / 2, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(rect, style: .dialog)
        scr.box(rect, title: t.waitlistTitle(w.receipt.value), style: .dialog, titleStyle: .dialogTitle)
        let inner = width - 4
        var lines: [(String, StyleToken)] = []
        func add(_ text: String, _ style: StyleToken = .dialog, indent: String = "") {
            for l in wrap(text, width: inner - indent.displayWidth) { lines.append((indent + l, style)) }
        }
        var cursor: Point?
        let staff = c.config.actor.role.isStaff
        if let f = w.form {
            add(w.view?.request == nil ? t.waitlistAskHeading : t.waitlistChangeHeading, .dialogTitle)
            add(t.waitlistFormReason, .muted)
            let labelWidth = WaitlistForm.Field.allCases.map { t.waitlistFieldName($0.rawValue).displayWidth }.max() ?? 8
            let fieldWidth = min(30, inner - labelWidth - 2)
            for field in WaitlistForm.Field.allCases {
                let name = t.waitlistFieldName(field.rawValue)
                let (v, cur) = f[field].visible(width: fieldWidth)
                lines.append((name.padding(toDisplayWidth: labelWidth) + "  " + v, field == f.focus ? .input : .dialog))
                if field == f.focus { cursor = Point(row: lines.count - 1, column: labelWidth + 2 + cur) }
                add(t.waitlistFieldHint(field.rawValue), .muted, indent: String(repeating: " ", count: labelWidth + 2))
            }
            for p in w.problems { add(p, .statusWarning) }
        } else if w.view == nil {
            add(t.loading, .muted)
        } else if let view = w.view {
            if let o = w.offer {
                let center = view.centers[o.centerCode]
                let zone = center?.zone ?? ZoneRules(identifier: "UTC")!
                add(staff ? t.waitlistOfferHeldCaller(String(o.id)) : t.waitlistOfferHeldYou(String(o.id)), .statusOK)
                add(t.waitlistOfferSlot(t.dateTimeShort(o.start, zone), center.map { "\($0.name) (\($0.code))" } ?? o.centerCode), indent: "  ")
                add(t.waitlistOfferDeadline(t.dateTimeShort(o.deadline, zone), minutesLeft(o.deadline, c.now)), indent: "  ")
                add(t.waitlistAcceptSays, .muted, indent: "  ")
                add(t.waitlistDeclineSays, .muted, indent: "  ")
                if view.openOffers.count > 1 { add(t.waitlistMoreOffers(view.openOffers.count - 1), .muted, indent: "  ") }
            } else {
                add(t.waitlistNoOffer, .muted)
            }
            lines.append(("", .dialog))
            if let e = view.request {
                let r = e.request
                add(t.waitlistRequestPlace(view.place ?? 1), .dialogTitle)
                add(t.waitlistRequestCenters(r.centers.joined(separator: ", ")), indent: "  ")
                add(t.waitlistRequestRange(r.from.map(t.day) ?? t.waitlistAnyDay, r.before.map(t.day) ?? t.waitlistBeforeAppointment), indent: "  ")
                if !r.exclusions.isEmpty { add(t.waitlistRequestNot(r.exclusions.text), indent: "  ") }
            } else {
                add(t.waitlistNoRequest, .muted)
            }
            if let v = w.refusal {
                lines.append(("", .dialog))
                add(t.codesLine(v.codes.map(\.rawValue).joined(separator: ", ")), .statusError)
                add(v.message(in: c.language))
                if let g = v.guidance(in: c.language) { add(t.whatToDo(g), .muted) }
            }
        }
        for (i, l) in lines.prefix(height - 2).enumerated() {
            _ = scr.put(l.0, row: rect.row + 1 + i, column: rect.column + 2, style: l.1, maxWidth: inner)
        }
        if let p = cursor, p.row < height - 2, !c.dialogOpen { scr.cursor = Point(row: rect.row + 1 + p.row, column: rect.column + 2 + p.column) }
        if let confirm = w.confirm, !c.dialogOpen {
            switch confirm {
            case let .accept(id):
                let o = w.view?.openOffers.first { $0.id == id }
                let zone = o.flatMap { w.view?.centers[$0.centerCode]?.zone } ?? ZoneRules(identifier: "UTC")!
                Dialog.message(
                    &scr, title: t.waitlistAcceptTitle,
                    lines: wrapAll(
                        [
                            t.waitlistAcceptAsk(o.map { t.dateTimeShort($0.start, zone) } ?? String(id)),
                            "", t.waitlistYesNo
                        ], scr))
            case .decline:
                Dialog.message(&scr, title: t.waitlistDeclineTitle, lines: wrapAll([t.waitlistDeclineAsk, "", t.waitlistYesNo], scr))
            case .withdraw:
                Dialog.message(&scr, title: t.waitlistWithdrawTitle, lines: wrapAll([t.waitlistWithdrawAsk, "", t.waitlistYesNo], scr))
            }
        }
    }

    /// Lines of a dialog, each wrapped to what fits the screen.
    static func wrapAll(_ lines: [String], _ scr: Screen) -> [String] {
        let room = min(scr.size.columns - 8, 60)
        return lines.flatMap { $0.isEmpty ? [""] : wrap($0, width: room) }
    }

    static func minutesLeft(_ deadline: Date, _ now: Date) -> Int { max(0, Int(deadline.timeIntervalSince(now) / 60)) }
}

extension String {
    /// The text followed by spaces up to `width` display columns.
    func padding(toDisplayWidth width: Int) -> String { self + String(repeating: " ", count: max(0, width - displayWidth)) }
}
