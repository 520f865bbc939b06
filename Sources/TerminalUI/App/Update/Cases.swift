import Foundation
import Scheduling

/// `update`, by phase: The case list of applicants and representatives, and its filter (its own slice only).
extension App {
    static func handleCaseList(_ f: inout FindState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        if f.filtering {
            // A whole receipt number that is not in the list is looked up: the store answers
            // NOT_AUTHORIZED for a case that is not theirs, and reveals nothing else (R5).
            if action == .select, let r = try? ReceiptNumber(parsing: f.caseFilter.text),
                !f.cases.contains(where: { $0.receipt == r })
            {
                f.filtering = false
                f.caseFilter.set("")
                f.caseIndex = 0
                fx.append(.loadCase(r))
                return
            }
            switch action {
            case .select, .back:
                f.filtering = false
                if action == .back { f.caseFilter.set("") }
                f.caseIndex = 0
            case .up, .down:
                f.filtering = false
                handleCaseList(&f, key, action, &fx)
            default:
                _ = f.caseFilter.handle(key)
                f.caseIndex = 0
            }
            return
        }
        let list = f.visibleCases
        switch action {
        case .up: f.caseIndex = max(0, f.caseIndex - 1)
        case .down: f.caseIndex = min(max(0, list.count - 1), f.caseIndex + 1)
        case .search: f.filtering = true
        case .select: if let c = list[safe: f.caseIndex] { fx.append(.loadCase(c.receipt)) }
        case .refresh: fx.append(.loadCases)
        case .back:
            if !f.caseFilter.text.isEmpty {
                f.caseFilter.set("")
                f.caseIndex = 0
            }
        default: break
        }
    }
}
