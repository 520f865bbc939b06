import Foundation
import Scheduling

/// What a training sandbox draws: the clock in the status pane, the trainer panel (Ctrl-T) and the
/// story list. Draws nothing outside a sandbox.
enum TrainingView {
    /// The first lines of the status pane: the trainer's clock, where it is from the sandbox's
    /// start, and from the open case's appointment.
    static func statusLines(_ s: AppState, width: Int) -> [(String, StyleToken)] {
        guard s.training != nil else { return [] }
        var lines: [(String, StyleToken)] = []
        let head = s.t.trainingClockHead(Training.startRelative(s, s.now))
        for l in wrap(head, width: width) { lines.append((l, .statusWarning)) }
        for l in wrap(Training.clockText(s, s.now), width: width) { lines.append((l, .text)) }
        if let rel = Training.appointmentRelative(s) {
            for l in wrap(rel, width: width) { lines.append((l, .muted)) }
        }
        lines.append(("", .text))
        return lines
    }

    static func draw(_ s: AppState, _ scr: inout Screen) {
        guard let t = s.training, let panel = t.panel else { return }
        switch panel {
        case .trainer: trainerPanel(s, t, &scr)
        case .stories: storyList(s, t, &scr)
        }
    }

    /// The trainer panel, docked at the bottom right so the status pane (and its verdict) stays
    /// in view while the clock moves. Its keys come from the keymap table.
    static func trainerPanel(_ s: AppState, _ t: TrainingState, _ scr: inout Screen) {
        let entries = Keymap.bindings.filter { $0.trainingOnly && $0.contexts == [.trainer] }
            .map { (keys: $0.keys.first?.name ?? "", label: Catalog(s.language).key($0.label)) }
        let left = s.phase == .reviewQueue ? 0 : Render.statusPaneWidth(scr.size)
        let width = scr.size.columns - left
        let innerWidth = width - 2
        let columns = innerWidth >= 44 ? 2 : 1
        let rowsNeeded = (entries.count + columns - 1) / columns
        let height = min(scr.size.rows - 2, rowsNeeded + 4)
        let r = Rect(row: scr.size.rows - 1 - height, column: left, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: s.t.trainerTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let who = Training.describe(s.config.actor, s.language)
        scr.put(s.t.actingAsLine(who), row: inner.row, column: inner.column + 1, style: .dialogTitle, maxWidth: inner.width - 2)
        let colWidth = inner.width / columns
        for (i, e) in entries.enumerated() {
            let row = inner.row + 2 + i % rowsNeeded
            guard row < inner.row + inner.height else { continue }
            let col = inner.column + 1 + (i / rowsNeeded) * colWidth
            scr.put(e.keys, row: row, column: col, style: .dialogTitle, maxWidth: 3)
            scr.put(e.label, row: row, column: col + 3, style: .dialog, maxWidth: colWidth - 4)
        }
        scr.cursor = Point(row: inner.row, column: inner.column + 1)
    }

    /// The story cases, one per situation of the rules, with the selected one's description.
    static func storyList(_ s: AppState, _ t: TrainingState, _ scr: inout Screen) {
        let width = min(scr.size.columns - 4, 96)
        let height = scr.size.rows - 3
        let r = Rect(row: 1, column: (scr.size.columns - width) / 2, width: width, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: s.t.storiesTitle, style: .dialog, titleStyle: .dialogTitle)
        let inner = r.inset(1)
        let stories = t.settings.stories
        guard !stories.isEmpty else {
            scr.put(s.t.noStories, row: inner.row, column: inner.column + 1, style: .dialog)
            return
        }
        let selected = stories[min(t.storyIndex, stories.count - 1)]
        let who = selected.role.isStaff ? s.t.roleWord(selected.role) : "\(s.t.roleWord(selected.role)) \(selected.account ?? "")"
        let about = [s.t.opensAs(selected.receipt, who)] + wrap(selected.description, width: inner.width - 2)
        let detailRows = min(about.count, max(3, inner.height / 2))
        let listRows = max(1, inner.height - detailRows - 1)
        let first = max(0, min(t.storyIndex - listRows + 1, stories.count - listRows))
        for (i, story) in stories.enumerated().dropFirst(first).prefix(listRows) {
            let row = inner.row + i - first
            let isSelected = i == t.storyIndex
            let style: StyleToken = isSelected ? .focus : .dialog
            let role = s.t.roleWord(story.role)
            scr.fill(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: style)
            scr.put(
                "\(isSelected ? "▶" : " ") \(story.title)", row: row, column: inner.column, style: style,
                maxWidth: inner.width - role.displayWidth - 2)
            scr.put(role, row: row, column: inner.column + inner.width - role.displayWidth - 1, style: style)
            scr.hotspots.append(Hotspot(rect: Rect(row: row, column: inner.column, width: inner.width, height: 1), target: .listRow(i)))
            if isSelected { scr.cursor = Point(row: row, column: inner.column) }
        }
        let sep = inner.row + listRows
        scr.put(String(repeating: "─", count: inner.width), row: sep, column: inner.column, style: .dialog)
        for (i, l) in about.prefix(detailRows).enumerated() {
            scr.put(
                l, row: sep + 1 + i, column: inner.column + 1, style: i == 0 ? .dialogTitle : .dialog,
                maxWidth: inner.width - 2)
        }
    }
}
