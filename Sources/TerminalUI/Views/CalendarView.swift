import Foundation
import Scheduling

/// The calendar slot picker: a month grid marking each day by glyph and color (never color
/// alone), and the selected day's times with free stations.
enum CalendarView {
    static let legend: [(String, String, StyleToken)] = [
        ("●", "free", .dayFree), ("◐", "few", .dayNearlyFull), ("○", "full", .dayFull), ("×", "closed", .dayClosed), ("·", "outside", .dayOutside),
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

    static func draw(_ s: AppState, _ scr: inout Screen, _ r: Rect) {
        if let v = s.refusedAtOpen { drawRefusal(s, v, &scr, r); return }
        guard let cal = s.calendar else { scr.box(r, title: "Pick a new time"); return }
        let c = cal.center
        let title = s.approving != nil ? "Approve \(s.approving!.requestID): pick a time" : "Pick a new time"
        scr.box(r, title: title)
        let inner = r.inset(1)
        scr.put("\(c.name) [\(c.code)]", row: inner.row, column: inner.column, style: .title, maxWidth: inner.width)
        let zoneLine = "\(c.city.isEmpty ? "" : c.city + ", " + c.state + " · ")times in \(c.zone.abbreviation(at: s.now)) (\(c.zone.identifier))"
        scr.put(zoneLine, row: inner.row + 1, column: inner.column, style: .muted, maxWidth: inner.width)
        guard cal.loaded, let day = s.selectedDay, let month = s.month else {
            scr.put("Loading slots…", row: inner.row + 3, column: inner.column, style: .muted)
            return
        }
        let gridWidth = 28
        let side = inner.width >= gridWidth + 20
        let gridCol = inner.column
        var row = inner.row + 3
        // Month header.
        let monthName = monthNames[month.month - 1] + " \(month.year)"
        scr.put("◀ " + monthName + " ▶", row: row, column: gridCol + (gridWidth - monthName.displayWidth - 4) / 2, style: .title)
        row += 1
        var col = gridCol
        for wd in Weekday.allCases { col = scr.put(" " + String(wd.shortName.prefix(2)) + " ", row: row, column: col, style: .muted) }
        row += 1
        let first = month.firstOfMonth
        let offset = Weekday.allCases.firstIndex(of: first.weekday)!
        let daysInMonth = LocalDate.daysIn(month: month.month, year: month.year)
        let today = c.zone.local(s.now).date
        for d in 0..<daysInMonth {
            let date = first.adding(days: d)
            let cell = offset + d
            let r0 = row + cell / 7, c0 = gridCol + (cell % 7) * 4
            let (g, gStyle) = glyph(cal.days[date]?.mark)
            let selected = date == day
            let numStyle: StyleToken = selected ? (s.focusTimes ? .selection : .focus) : (date == today ? .today : (cal.days[date] == nil ? .dayOutside : .text))
            let num = date.day < 10 ? " \(date.day)" : "\(date.day)"
            scr.put(num, row: r0, column: c0, style: numStyle)
            scr.put(g, row: r0, column: c0 + 2, style: selected ? numStyle : gStyle)
            scr.put(" ", row: r0, column: c0 + 3, style: .text)
            scr.hotspots.append(Hotspot(rect: Rect(row: r0, column: c0, width: 4, height: 1), target: .day(date.epochDay)))
            if selected && !s.focusTimes && s.overlay == nil { scr.cursor = Point(row: r0, column: c0) }
        }
        let weeks = (offset + daysInMonth + 6) / 7
        row += weeks
        // Legend.
        var lc = gridCol
        let legendRow = row + (side ? 1 : 0)
        // The legend wraps under the grid rather than losing entries.
        var legendLine = legendRow
        for (g, name, style) in legend {
            if lc + name.displayWidth + 3 > gridCol + (side ? gridWidth : inner.width) { legendLine += 1; lc = gridCol }
            guard legendLine < inner.row + inner.height else { break }
            lc = scr.put(g, row: legendLine, column: lc, style: style)
            lc = scr.put(" \(name) ", row: legendLine, column: lc, style: .muted)
        }
        // Times of the selected day: beside the grid when there is room, else below.
        let timesRect = side
            ? Rect(row: inner.row + 3, column: gridCol + gridWidth + 2, width: inner.width - gridWidth - 2, height: inner.height - 3)
            : Rect(row: legendLine + 2, column: gridCol, width: inner.width, height: inner.row + inner.height - legendLine - 2)
        drawTimes(s, cal, day, &scr, timesRect)
    }

    static func drawTimes(_ s: AppState, _ cal: CalendarModel, _ day: LocalDate, _ scr: inout Screen, _ r: Rect) {
        guard r.height >= 2 else { return }
        let c = cal.center
        let dayText = "\(day.weekday.shortName) \(day.iso)"
        guard let shown = cal.timesDay(for: day), let summary = cal.days[shown] else {
            scr.put(dayText, row: r.row, column: r.column, style: .title, maxWidth: r.width)
            for (i, l) in wrap("Outside the booking window: more than \(s.config.window.leadHours) h and at most \(s.config.window.horizonDays) days ahead.", width: r.width).enumerated() where i < r.height - 1 {
                scr.put(l, row: r.row + 1 + i, column: r.column, style: .muted)
            }
            return
        }
        if shown == day {
            scr.put(dayText, row: r.row, column: r.column, style: .title, maxWidth: r.width)
        } else {
            // Closed or outside the window: the pane keeps its place and shows the nearest day with
            // times, saying so on its first line (Enter goes there).
            let why = cal.days[day]?.mark == .closed
                ? (c.closures.contains(day) ? "closed (closure)" : "closed on \(day.weekday.shortName)")
                : "outside window"
            // One style for the whole line: fewer style switches on the way in and out.
            scr.put("\(day.weekday.shortName) \(day.iso.suffix(5)) \(why); times of \(shown.weekday.shortName) \(shown.iso.suffix(5))",
                    row: r.row, column: r.column, style: .dayClosed, maxWidth: r.width)
        }
        let selectable = shown == day
        let rows = r.height - 1
        let anchor = selectable ? s.timeIndex : (summary.offered.first ?? 0)
        let first = max(0, min(anchor - rows / 2, summary.slots.count - rows))
        for (i, slot) in summary.slots.enumerated().dropFirst(first).prefix(rows) {
            let y = r.row + 1 + i - first
            let offered = summary.offered.contains(i)
            // The chosen time is highlighted once the times have the focus (Enter or Tab).
            let selected = selectable && s.focusTimes && i == s.timeIndex
            let time = "\(slot.slot.local.time.hhmm) \(c.zone.abbreviation(at: slot.slot.start))"
            // A time outside the booking window (too soon, too far) keeps its free stations and
            // its style and differs from an offered one by its mark only (· outside, as in the
            // legend): moving from the window's first or last day to another redraws marks, not rows.
            let outside = !offered && slot.free > 0 && !s.config.window.contains(slot.slot.start, now: s.now)
            let status: String
            if offered || outside { status = "\(slot.free) of \(slot.slot.stations) free" }
            else if slot.free == 0 { status = "full" }
            else if slot.slot.start == s.snapshot?.appointment.start && c.code == s.snapshot?.appointment.centerCode { status = "current" }
            else { status = "not offered" }
            let mark = offered ? "●" : (slot.free == 0 ? "○" : "·")
            var style: StyleToken = offered || outside ? .slotFree : (slot.free == 0 ? .slotFull : .dayOutside)
            if selected { style = .focus }
            scr.fill(Rect(row: y, column: r.column, width: r.width, height: 1), style: selected ? style : .text)
            scr.put("\(mark) \(time)  \(status)", row: y, column: r.column, style: style, maxWidth: r.width)
            guard selectable else { continue }
            scr.hotspots.append(Hotspot(rect: Rect(row: y, column: r.column, width: r.width, height: 1), target: .time(i)))
            if selected && s.overlay == nil { scr.cursor = Point(row: y, column: r.column) }
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
}

extension CalendarView {
    /// Instead of a calendar: why this case cannot be rescheduled by this person, and what to do.
    static func drawRefusal(_ s: AppState, _ v: Verdict, _ scr: inout Screen, _ r: Rect) {
        let online = s.config.actor.role.channel == .online
        scr.box(r, title: online ? "Not possible online" : "Cannot be rescheduled")
        let inner = r.inset(1)
        let width = inner.width - 2, left = inner.column + 1, bottom = inner.row + inner.height
        var row = inner.row + 1
        func say(_ t: String, _ style: StyleToken) {
            for l in wrap(t, width: width) where row < bottom { scr.put(l, row: row, column: left, style: style); row += 1 }
            row += 1
        }
        say("✖ " + v.codes.map(\.rawValue).joined(separator: " "), .statusError)
        say(v.message, .text)
        if let g = v.guidance { say("→ " + g, .text) }
        say(online ? "Nothing was changed: your appointment stays as it is." : "Nothing was changed: the appointment stays as it is.", .muted)
        say("Esc goes back.", .muted)
    }
}
