import Foundation
import Scheduling

/// Draws the state into a grid of cells at a size. Pure: same state and size, same screen.
public enum Render {
    /// Below this the program shows what size it needs instead of a broken layout.
    public static let minimum = Size(columns: 60, rows: 18)

    public static func screen(_ s: AppState, size: Size) -> Screen {
        var scr = Screen(size: size)
        guard size.columns >= minimum.columns, size.rows >= minimum.rows else {
            tooSmall(&scr, s.t)
            return scr
        }
        header(s, &scr)
        let body = Rect(row: 1, column: 0, width: size.columns, height: size.rows - 2)
        switch s.phase {
        case .findCase:
            let statusWidth = statusPaneWidth(size)
            StatusPane.draw(s, &scr, Rect(row: body.row, column: 0, width: statusWidth, height: body.height))
            FindView.draw(s.find, s.viewContext, &scr, Rect(row: body.row, column: statusWidth, width: size.columns - statusWidth, height: body.height))
        case .caseList:
            let statusWidth = statusPaneWidth(size)
            StatusPane.draw(s, &scr, Rect(row: body.row, column: 0, width: statusWidth, height: body.height))
            CaseListView.draw(s.find, s.viewContext, &scr, Rect(row: body.row, column: statusWidth, width: size.columns - statusWidth, height: body.height))
        case .picking, .reason, .confirm, .submitting, .outcome:
            let statusWidth = statusPaneWidth(size)
            StatusPane.draw(s, &scr, Rect(row: body.row, column: 0, width: statusWidth, height: body.height))
            let right = Rect(row: body.row, column: statusWidth, width: size.columns - statusWidth, height: body.height)
            switch s.phase {
            case .reason: ReasonView.draw(s, &scr, right)
            case .outcome: OutcomeView.draw(s.outcome, open: s.snapshot, noticeLanguage: s.noticeLanguage, s.viewContext, &scr, right)
            default:
                CalendarView.draw(s.picking, s.viewContext, open: s.snapshot, approving: s.review.approving, refusal: s.refusedAtOpen, &scr, right)
            }
            if s.phase == .confirm || s.phase == .submitting { ConfirmView.draw(s, &scr) }
        case .reviewQueue:
            ReviewView.draw(s.review, s.viewContext, &scr, body)
        }
        WaitlistView.draw(s.waitlist, s.viewContext, &scr) // the case's waiting list, when shown
        KeysView.draw(s, &scr) // the SSH keys screen, when open
        TrainingView.draw(s, &scr) // the trainer panel and the story list (training sandbox only)
        let t = s.t
        switch s.overlay {
        case .help?: HelpView.draw(s, &scr)
        case .quitConfirm?:
            let why = s.isWaitingForStore ? t.quitWaiting : t.quitLoses
            Dialog.message(&scr, title: t.quitTitle, lines: [why, "", t.quitKeys])
        case .centerPicker?: CenterPickerView.draw(s.centerPicker, home: s.snapshot?.center.code, s.viewContext, &scr)
        case .savePrompt?: Dialog.input(&scr, title: t.saveTitle, prompt: t.fileNamePrompt, field: s.outcome.savePath, hint: t.saveHint)
        case let .replaceConfirm(path)?:
            Dialog.message(&scr, title: t.replaceTitle, lines: [t.fileExists(Echo.show(path, limit: 40)), t.replaceLoses, "", t.replaceKeys])
        case let .reviewNote(approve)?:
            Dialog.input(
                &scr, title: t.reviewTitle(approve: approve), prompt: t.reviewPrompt(approve: approve), field: s.review.note,
                hint: t.reviewHint(approve: approve), error: s.review.noteMissing ? t.reviewNeedsNote : nil)
        case let .approveOther(id, when, preferred)?:
            Dialog.message(&scr, title: t.approveOtherTitle(id), lines: [t.approveOtherFull(preferred), t.approveOtherAsk(when), "", t.approveOtherKeys])
        case nil: break
        }
        hintBar(s, &scr)
        idleWarning(s, &scr)
        return scr
    }

    /// The idle warning, over everything on the last row, counting down each second.
    static func idleWarning(_ s: AppState, _ scr: inout Screen) {
        guard let left = s.idleSecondsLeft else { return }
        let row = scr.size.rows - 1
        scr.fill(Rect(row: row, column: 0, width: scr.size.columns, height: 1), style: .statusWarning)
        let text = " " + (scr.size.columns >= 70 ? s.t.idleBar(left) : s.t.idleBarShort(left)) + " "
        scr.put(text, row: row, column: 0, style: .statusWarning)
    }

    static func statusPaneWidth(_ size: Size) -> Int { size.columns >= 110 ? 40 : (size.columns >= 80 ? 32 : 26) }

    static func tooSmall(_ scr: inout Screen, _ t: Catalog) {
        let lines = [t.tooSmallTitle, t.tooSmallHave(scr.size.columns, scr.size.rows), t.tooSmallNeed(minimum.columns, minimum.rows), t.tooSmallWhat]
        for (i, l) in lines.enumerated() where i < scr.size.rows {
            scr.put(l, row: i, column: 0, style: i == 0 ? .statusWarning : .text)
        }
    }

    static func header(_ s: AppState, _ scr: inout Screen) {
        let w = scr.size.columns
        scr.fill(Rect(row: 0, column: 0, width: w, height: 1), style: .header)
        let id = s.config.actor.id
        let role = s.t.role(s.config.actor.role)
        let channel = s.t.channelWord(online: s.config.actor.role.channel == .online)
        let zone = s.snapshot?.center.zone ?? s.picking.calendar?.center.zone ?? ZoneRules(identifier: "UTC")!
        let clock = " \(s.t.dateTimeShort(s.now, zone)) "
        let banner = s.config.isTraining ? (w >= 110 ? s.t.bannerLong : s.t.bannerShort) : ""
        let room = w - clock.displayWidth - banner.displayWidth - 1
        var left = " biosched · \(role) \(id) · \(channel)"
        if left.displayWidth > room { left = " \(role) \(id)" }
        let end = scr.put(left, row: 0, column: 0, style: .header, maxWidth: max(0, room))
        if !banner.isEmpty { scr.put(banner, row: 0, column: max(end + 1, (w - banner.displayWidth) / 2), style: .trainingBanner) }
        scr.put(clock, row: 0, column: w - clock.displayWidth, style: .header)
    }

    static func hintBar(_ s: AppState, _ scr: inout Screen) {
        let row = scr.size.rows - 1
        scr.fill(Rect(row: row, column: 0, width: scr.size.columns, height: 1), style: .hintText)
        for h in hintBarEntries(s, width: scr.size.columns) {
            let col = scr.put(" \(h.keys) ", row: row, column: h.column, style: .hintKey)
            scr.put("\(h.label) ", row: row, column: col, style: .hintText)
        }
    }
}

extension Render {
    /// The hints that fit in `width`, in the keymap's order (the keys that matter first). When
    /// some do not fit, the last place goes to the help key as "more", so nothing is out of reach.
    static func hintBarEntries(_ s: AppState, width: Int) -> [(keys: String, label: String, column: Int)] {
        // No hint for a key that does nothing on this screen (no notice to save on an escalation's outcome).
        let entries = Keymap.hintEntries(for: s.focusContext, training: s.training != nil).filter { s.hintApplies($0.action) }
        let t = s.t
        var all = entries.map { (keys: $0.keyText, label: t.key($0.label)) }
        func size(_ h: (keys: String, label: String)) -> Int { h.keys.displayWidth + h.label.displayWidth + 3 }
        var shown = all
        if all.reduce(0, { $0 + size($1) }) > width {
            // Short form: one key per entry (the arrows keep their glyphs; PgUp/PgDn stays a pair).
            all = zip(entries, all).map { e, h in
                e.keys.allSatisfy(\.isArrow) || e.keyText == "PgUp/PgDn" ? h : (keys: e.keys[0].name, label: h.label)
            }
            shown = all
        }
        if all.reduce(0, { $0 + size($1) }) > width, let helpAt = entries.firstIndex(where: { $0.action == .help }) {
            let help = all[helpAt]
            let more = (keys: help.keys, label: t.more)
            var room = width - size(more)
            shown = []
            // Moving, choosing and going back first; then the screen's own keys in table order.
            func rank(_ a: Action) -> Int { [.down: 0, .select: 1, .back: 2, .nextMonth: 4][a] ?? 3 }
            let ordered = zip(entries, all).enumerated().sorted { (rank($0.element.0.action), $0.offset) < (rank($1.element.0.action), $1.offset) }.map(
                \.element.1)
            for h in ordered where h.label != help.label {
                guard size(h) <= room else { break }
                shown.append(h)
                room -= size(h)
            }
            shown.append(more)
        }
        var out: [(String, String, Int)] = [], col = 0
        for h in shown {
            guard col + size(h) <= width else { break }
            out.append((h.keys, h.label, col))
            col += size(h)
        }
        return out
    }
}

/// Word wrap to a width in columns.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            while w.displayWidth > width {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                var head = "", used = 0
                var rest = Substring(w)
                while let c = rest.first, used + DisplayWidth.of(c) <= width {
                    head.append(c)
                    used += DisplayWidth.of(c)
                    rest = rest.dropFirst()
                }
                lines.append(head)
                w = String(rest)
            }
            if line.isEmpty {
                line = w
            } else if line.displayWidth + 1 + w.displayWidth <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = w
            }
        }
        lines.append(line)
    }
    return lines
}
