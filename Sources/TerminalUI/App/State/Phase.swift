import Foundation
import Scheduling

/// Where the person is in the flow.
public enum Phase: String, Sendable, Hashable {
    case findCase, caseList, picking, reason, confirm, submitting, outcome, reviewQueue
}
