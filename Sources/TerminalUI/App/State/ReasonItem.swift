import Foundation
import Scheduling

/// One item of the reason pane.
public enum ReasonItem: Hashable, Sendable {
    case reason(GoodCauseReason), explanation, note, notify, proceed
}
