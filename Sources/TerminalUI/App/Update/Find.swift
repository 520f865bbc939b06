import Foundation
import Scheduling

/// `update`, by phase: The find screen: a receipt number typed, checked and looked up (staff).
extension App {
    static func handleFind(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .select:
            do {
                let r = try ReceiptNumber(parsing: s.receiptField.text)
                s.receiptField.set(r.value)
                fx.append(.loadCase(r))
            } catch {
                s.log(.error, s.t.codeMessage(VerdictCode.invalidReceipt.rawValue, error.message(in: s.language)))
            }
        case .reviewQueue where s.config.actor.role == .officer:
            s.phase = .reviewQueue; fx.append(.loadReviews)
        case .back: s.receiptField.set("")
        case .refresh: break
        default:
            if case .char(let c) = key, s.receiptField.text.isEmpty {
                if c == "r" && s.config.actor.role == .officer { s.phase = .reviewQueue; fx.append(.loadReviews); return }
                if c == "q" { s.quit = true; fx.append(.quit); return }
                if c == "?" { s.overlay = .help; return }
            }
            _ = s.receiptField.handle(key)
        }
    }
}
