import Foundation
import Scheduling

/// `update`, by phase: The case list of applicants and representatives, and its filter.
extension App {
    static func handleCaseList(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        if s.filtering {
            // A whole receipt number that is not in the list is looked up: the store answers
            // NOT_AUTHORIZED for a case that is not theirs, and reveals nothing else (R5).
            if action == .select, let r = try? ReceiptNumber(parsing: s.caseFilter.text),
               !s.cases.contains(where: { $0.receipt == r }) {
                s.filtering = false; s.caseFilter.set(""); s.caseIndex = 0
                fx.append(.loadCase(r))
                return
            }
            switch action {
            case .select, .back:
                s.filtering = false; if action == .back { s.caseFilter.set("") }; s.caseIndex = 0
            case .up, .down:
                s.filtering = false; handleCaseList(&s, key, action, &fx)
            default:
                _ = s.caseFilter.handle(key); s.caseIndex = 0
            }
            return
        }
        let list = s.visibleCases
        switch action {
        case .up: s.caseIndex = max(0, s.caseIndex - 1)
        case .down: s.caseIndex = min(max(0, list.count - 1), s.caseIndex + 1)
        case .search: s.filtering = true
        case .select: if let c = list[safe: s.caseIndex] { fx.append(.loadCase(c.receipt)) }
        case .refresh: fx.append(.loadCases)
        case .back: if !s.caseFilter.text.isEmpty { s.caseFilter.set(""); s.caseIndex = 0 }
        default: break
        }
    }
}
