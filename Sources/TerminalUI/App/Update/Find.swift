import Foundation
import Scheduling

/// `update`, by phase: the find screen (staff). What is typed is a receipt (opened at once) or a
/// caller search (a name, a name with a date of birth, an A-number, a phone, an email): its
/// matches are listed, ↑ ↓ choose one, Enter opens it.
extension App {
    static func handleFind(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        let listed = s.find.callersListed
        switch action {
        case .select:
            if listed {
                openCaller(&s, at: s.find.callerIndex, &fx)
                return
            }
            let text = s.find.receiptField.text
            do {
                switch try CallerQuery.parse(text) {
                case let .receipt(r):
                    s.find.receiptField.set(r.value)
                    s.find.callers = nil
                    fx.append(.loadCase(r))
                case let q:
                    fx.append(.findCallers(q, text: text))
                }
            } catch {
                s.log(.error, error.message(in: s.language))
            }
        case .up where listed: s.find.callerIndex = max(0, s.find.callerIndex - 1)
        case .down where listed: s.find.callerIndex = min((s.find.callers?.matches.count ?? 1) - 1, s.find.callerIndex + 1)
        case .reviewQueue where s.config.actor.role == .officer:
            s.phase = .reviewQueue
            fx.append(.loadReviews)
        case .back:
            s.find.receiptField.set("")
            s.find.callers = nil
        case .refresh: break
        default:
            // In the empty field a bound letter acts (the keymap's r, q, ?) instead of typing.
            if case .char = key, s.find.receiptField.text.isEmpty {
                switch Keymap.action(for: key, in: .findCase, training: s.training != nil, fieldEmpty: true) {
                case .reviewQueue? where s.config.actor.role == .officer:
                    s.phase = .reviewQueue
                    fx.append(.loadReviews)
                    return
                case .quit?:
                    s.quit = true
                    fx.append(.quit)
                    return
                case .help?:
                    s.overlay = .help
                    return
                default: break
                }
            }
            _ = s.find.receiptField.handle(key)
        }
    }

    /// Opens the case of the `index`th match (Enter, a click, or a number in plain mode).
    static func openCaller(_ s: inout AppState, at index: Int, _ fx: inout [Effect]) {
        guard let m = s.find.callers?.matches[safe: index] else { return }
        s.find.callerIndex = index
        fx.append(.loadCase(m.receipt))
    }

    static func handleCallersFound(_ s: inout AppState, _ text: String, _ result: Result<CallerSearchResult, StoreError>) {
        switch result {
        case let .success(found):
            s.find.callers = found
            s.find.callersText = text
            s.find.callerIndex = 0
            let n = found.matches.count
            if n == 0 {
                s.log(.warning, s.t.searchNoMatch(Echo.show(text, limit: 40)))
            } else if found.more {
                s.log(.info, s.t.searchMore(n, Echo.show(text, limit: 40), found.query))
            } else {
                s.log(.info, s.t.searchMatches(n, Echo.show(text, limit: 40)))
            }
        case let .failure(e):
            s.log(.error, e.message)
        }
    }
}
