import Foundation
import Scheduling

/// The SSH keys screen, drawn over the current one (see `KeysScreen`).
enum KeysView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        guard let k = s.keys else { return }
        let w = min(scr.size.columns - 4, 78), h = min(scr.size.rows - 4, 16)
        let rect = Rect(row: (scr.size.rows - h) / 2, column: (scr.size.columns - w) / 2, width: w, height: h)
        scr.fill(rect, style: .dialog)
        scr.box(rect, title: s.t.keysTitle(own: k.own, k.holder.id), style: .dialog, titleStyle: .dialogTitle)
        let inner = w - 4
        var lines: [(String, StyleToken)] = []
        if !k.loaded { lines.append((s.t.loading, .muted)) } else if k.keys.isEmpty { lines.append((k.own ? s.t.noOwnKey : s.t.noKeyInForce, .muted)) }
        for (i, key) in k.keys.enumerated() {
            let added = ISO8601DateFormatter.string(from: key.addedAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            lines.append(((i == k.index ? "▸ " : "  ") + key.fingerprint, i == k.index ? .selection : .text))
            lines.append((s.t.keyAdded(key.key.type, added, key.addedHow), .muted))
        }
        if let code = k.code {
            lines.append(("", .text))
            lines.append((s.t.enrollmentCode(code), .statusOK))
            // The command must be read whole: wrapped, never cut.
            for l in wrap(s.t.enrollmentOnce(k.door), width: inner) { lines.append((l, .muted)) }
        }
        if let c = k.confirm {
            lines.append(("", .text))
            lines.append((c == .removeOne ? s.t.removeKeyQuestion : s.t.revokeQuestion(k.holder.id), .statusWarning))
        }
        for (i, l) in lines.prefix(h - 2).enumerated() {
            _ = scr.put(l.0, row: rect.row + 1 + i, column: rect.column + 2, style: l.1, maxWidth: inner)
        }
    }
}
