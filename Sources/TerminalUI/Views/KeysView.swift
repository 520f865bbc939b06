import Foundation
import Scheduling

/// The SSH keys screen, drawn over the current one (see `KeysScreen`).
enum KeysView {
    static func draw(_ s: AppState, _ scr: inout Screen) {
        guard let k = s.keys else { return }
        let w = min(scr.size.columns - 4, 78), h = min(scr.size.rows - 4, 16)
        let rect = Rect(row: (scr.size.rows - h) / 2, column: (scr.size.columns - w) / 2, width: w, height: h)
        scr.fill(rect, style: .dialog)
        scr.box(rect, title: k.own ? "Your SSH keys" : "SSH keys of \(k.holder.id)", style: .dialog, titleStyle: .dialogTitle)
        let inner = w - 4
        var lines: [(String, StyleToken)] = []
        if !k.loaded { lines.append(("Loading…", .muted)) }
        else if k.keys.isEmpty { lines.append((k.own ? "No key is linked to your account." : "No key in force for this account.", .muted)) }
        for (i, key) in k.keys.enumerated() {
            let added = ISO8601DateFormatter.string(from: key.addedAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            lines.append(((i == k.index ? "▸ " : "  ") + key.fingerprint, i == k.index ? .selection : .text))
            lines.append(("    \(key.key.type), added \(added) (\(key.addedHow))", .muted))
        }
        if let code = k.code {
            lines.append(("", .text))
            lines.append(("Enrollment code: \(code)", .statusOK))
            lines.append(("Once, within 30 days: ssh enroll@ the biosched host.", .muted))
        }
        if let c = k.confirm {
            lines.append(("", .text))
            lines.append((c == .removeOne ? "Remove the selected key? Logins with it stop working.  y / n"
                                          : "Revoke every key of \(k.holder.id)? (a lost device)  y / n", .statusWarning))
        }
        for (i, l) in lines.prefix(h - 2).enumerated() {
            _ = scr.put(l.0, row: rect.row + 1 + i, column: rect.column + 2, style: l.1, maxWidth: inner)
        }
    }
}
