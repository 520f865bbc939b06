import Foundation
import Scheduling

/// The calendar slot picker: a month grid marking each day by glyph and color (never color
/// alone), and the selected day's times with free stations.
enum CalendarView {
    static let legend: [(String, DayMarkWord, StyleToken)] = [
        ("●", .free, .dayFree), ("◐", .few, .dayNearlyFull), ("○", .full, .dayFull), ("×", .closed, .dayClosed), ("·", .outside, .dayOutside)
    ]

    static func glyph(_ mark: DaySummary.Mark?) -> (String, StyleToken) {
        switch mark {
        case .free?: ("●", .dayFree)
        case .nearlyFull?: ("◐", .dayNearlyFull)
        case .full?: ("○", .dayFull)
        case .closed?: ("×", .dayClosed)
        case .outside?, nil: ("·", .dayOutside)
        }
    }

    static func draw(
        _ p: PickingState, _ v: ViewContext, open snapshot: CaseSnapshot?, approving: ReviewItem?, refusal: Verdict?,
        _ scr: inout Screen, _ r: Rect
    ) {
        let t = v.t
        if let refusal {
            drawRefusal(refusal, v, &scr, r)
            return
        }
        guard let cal = p.calendar else {
            scr.box(r, title: t.pickTitle)
            return
        }
        let c = cal.center
        let title = approving.map { t.approvePickTitle($0.requestID) } ?? t.pickTitle
        scr.box(r, title: title)
        let inner = r.inset(1)
        scr.put("\(c.name) [\(c.code)]", row: inner.row, column: inner.column, style: .title, maxWidth: inner.width)
        let zoneLine = t.timesIn(c.city.isEmpty ? "" : c.city + ", " + c.state + " · ", c.zone.abbreviation(at: v.now), c.zone.identifier)
        if zoneLine.displayWidth <= inner.width || c.city.isEmpty {
            scr.put(zoneLine, row: inner.row + 1, column: inner.column, style: .muted, maxWidth: inner.width)
        } else {
            // The zone is read back to callers: never cut. The place and the zone take a line each
            // (the second is the blank line above the month).
            scr.put(c.city + ", " + c.state, row: inner.row + 1, column: inner.column, style: .muted, maxWidth: inner.width)
            scr.put(
                t.timesIn("", c.zone.abbreviation(at: v.now), c.zone.identifier), row: inner.row + 2, column: inner.column, style: .muted, maxWidth: inner.width
            )
        }
        guard cal.loaded, let day = p.selectedDay, let month = p.month else {
            scr.put(t.loadingSlots, row: inner.row + 3, column: inner.column, style: .muted)
            return
        }
        let gridWidth = 28
        let side = inner.width >= gridWidth + 20
        let gridCol = inner.column
        var row = inner.row + 3
        // Month header.
        let monthName = t.monthYear(month.month, month.year)
        scr.put("◀ " + monthName + " ▶", row: row, column: gridCol + (gridWidth - monthName.displayWidth - 4) / 2, style: .title)
        row += 1
        var col = gridCol
        for wd in Weekday.allCases { col = scr.put(" " + t.weekdayTwo(wd) + " ", row: row, column: col, style: .muted) }
        row += 1
        let first = month.firstOfMonth
        let offset = Weekday.allCases.firstIndex(of: first.weekday)!
        let daysInMonth = LocalDate.daysIn(month: month.month, year: month.year)
        let today = c.zone.local(v.now).date
        for d in 0..<daysInMonth {
            let date = first.adding(days: d)
            let cell = offset + d
            let r0 = row + cell / 7, c0 = gridCol + (cell % 7) * 4
            let (g, gStyle) = glyph(cal.days[date]?.mark)
            let selected = date == day
            // A day's number, mark and the blank after it share the mark's style (the mark's glyph
            // says the same, never the color alone): a run of days alike is one style run, so a new
            // month or a moved selection costs few style switches. Today and the selection keep
            // their own style, and the blank after them the plain one.
            let numStyle: StyleToken = selected ? (p.focusTimes ? .selection : .focus) : (date == today ? .today : gStyle)
            let num = date.day < 10 ? " \(date.day)" : "\(date.day)"
            scr.put(num, row: r0, column: c0, style: numStyle)
            scr.put(g, row: r0, column: c0 + 2, style: selected ? numStyle : gStyle)
            scr.put(" ", row: r0, column: c0 + 3, style: numStyle == gStyle ? gStyle : .text)
            scr.hotspots.append(Hotspot(rect: Rect(row: r0, column: c0, width: 4, height: 1), target: .day(date.epochDay)))
            if selected && !p.focusTimes && !v.dialogOpen { scr.cursor = Point(row: r0, column: c0) }
        }
        let weeks = (offset + daysInMonth + 6) / 7
        row += weeks
        // Legend.
        var lc = gridCol
        let legendRow = row + (side ? 1 : 0)
        // The legend wraps under the grid rather than losing entries.
        var legendLine = legendRow
        for (g, word, style) in legend {
            let name = t.legend(word)
            if lc + name.displayWidth + 3 > gridCol + (side ? gridWidth : inner.width) {
                legendLine += 1
                lc = gridCol
            }
            guard legendLine < inner.row + inner.height else { break }
            lc = scr.put(g, row: legendLine, column: lc, style: style)
            lc = scr.put(" \(name) ", row: legendLine, column: lc, style: .muted)
        }
        // Times of the selected day: beside the grid when there is room, else below.
        let timesRect =
            side
            ? Rect(row: inner.row + 3, column: gridCol + gridWidth + 2, width: inner.width - gridWidth - 2, height: inner.height - 3)
            : Rect(row: legendLine + 2, column: gridCol, width: inner.width, height: inner.row + inner.height - legendLine - 2)
        drawTimes(p, v, open: snapshot, cal, day, &scr, timesRect)
    }

    static func drawTimes(
        _ p: PickingState, _ v: ViewContext, open snapshot: CaseSnapshot?, _ cal: CalendarModel, _ day: LocalDate, _ scr: inout Screen, _ r: Rect
    ) {
        guard r.height >= 2 else { return }
        let c = cal.center
        let t = v.t
        let dayText = t.day(day)
        guard let shown = cal.timesDay(for: day), let summary = cal.days[shown] else {
            scr.put(dayText, row: r.row, column: r.column, style: .title, maxWidth: r.width)
            for (i, l) in wrap(t.outsideWindowShort(lead: v.config.window.leadHours, horizon: v.config.window.horizonDays), width: r.width).enumerated()
            where i < r.height - 1 {
                scr.put(l, row: r.row + 1 + i, column: r.column, style: .muted)
            }
            return
        }
        if shown == day {
            scr.put(dayText, row: r.row, column: r.column, style: .title, maxWidth: r.width)
        } else {
            // Closed or outside the window: the pane keeps its place and shows the nearest day with
            // times, saying so on its first line (Enter goes there).
            let why =
                cal.days[day]?.mark == .closed
                ? (c.closures.contains(day) ? t.closedClosure : t.closedOnWeekday(day.weekday))
                : t.outsideWindowWord
            // One style for the whole line: fewer style switches on the way in and out.
            scr.put(
                t.timesOf("\(t.weekdayShort(day.weekday)) \(day.iso.suffix(5))", why, "\(t.weekdayShort(shown.weekday)) \(shown.iso.suffix(5))"),
                row: r.row, column: r.column, style: .dayClosed, maxWidth: r.width)
        }
        let selectable = shown == day
        // When the times do not all fit, the last row says how many are above and below (PgUp/PgDn,
        // Home/End and typing an hour move through them).
        let overflow = summary.slots.count > r.height - 1
        let rows = r.height - 1 - (overflow ? 1 : 0)
        let anchor = selectable ? p.timeIndex : (summary.offered.first ?? 0)
        let first = max(0, min(anchor - rows / 2, summary.slots.count - rows))
        if overflow, rows > 0 {
            let above = first, below = max(0, summary.slots.count - first - rows)
            scr.put(t.timesMore(above: above, below: below), row: r.row + 1 + rows, column: r.column, style: .muted, maxWidth: r.width)
        }
        for (i, slot) in summary.slots.enumerated().dropFirst(first).prefix(rows) {
            let y = r.row + 1 + i - first
            let offered = summary.offered.contains(i)
            // The chosen time is highlighted once the times have the focus (Enter or Tab).
            let selected = selectable && p.focusTimes && i == p.timeIndex
            let time = "\(slot.slot.local.time.hhmm) \(c.zone.abbreviation(at: slot.slot.start))"
            // A time outside the booking window (too soon, too far) keeps its free stations and
            // its style and differs from an offered one by its mark only (· outside, as in the
            // legend): moving from the window's first or last day to another redraws marks, not rows.
            let outside = !offered && slot.free > 0 && !v.config.window.contains(slot.slot.start, now: v.now)
            let status: String
            if offered || outside {
                status = t.freeOf(slot.free, slot.slot.stations)
            } else if slot.free == 0 {
                status = t.slotFullWord
            } else if slot.slot.start == snapshot?.appointment.start && c.code == snapshot?.appointment.centerCode {
                status = t.slotCurrentWord
            } else {
                status = t.slotNotOffered
            }
            let mark = offered ? "●" : (slot.free == 0 ? "○" : "·")
            var style: StyleToken = offered || outside ? .slotFree : (slot.free == 0 ? .slotFull : .dayOutside)
            if selected { style = .focus }
            scr.fill(Rect(row: y, column: r.column, width: r.width, height: 1), style: selected ? style : .text)
            scr.put("\(mark) \(time)  \(status)", row: y, column: r.column, style: style, maxWidth: r.width)
            guard selectable else { continue }
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: r.column, width: r.width, height: 1), target: .time(i)))
            if selected && !v.dialogOpen { scr.cursor = Point(row: y, column: r.column) }
        }
    }
}

extension CalendarView {
    /// Instead of a calendar: why this case cannot be rescheduled by this person, and what to do.
    static func drawRefusal(_ verdict: Verdict, _ v: ViewContext, _ scr: inout Screen, _ r: Rect) {
        let online = v.config.actor.role.channel == .online
        let t = v.t
        scr.box(r, title: t.refusalTitle(online: online))
        let inner = r.inset(1)
        let width = inner.width - 2, left = inner.column + 1, bottom = inner.row + inner.height
        var row = inner.row + 1
        func say(_ text: String, _ style: StyleToken) {
            for l in wrap(text, width: width) where row < bottom {
                scr.put(l, row: row, column: left, style: style)
                row += 1
            }
            row += 1
        }
        say("✖ " + verdict.codes.map(\.rawValue).joined(separator: " "), .statusError)
        say(verdict.message(in: v.language), .text)
        if let g = verdict.guidance(in: v.language) { say("→ " + g, .text) }
        say(t.nothingChanged(online: online), .muted)
        say(t.escGoesBack, .muted)
    }
}
