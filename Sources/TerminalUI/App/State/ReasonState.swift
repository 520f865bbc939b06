import Foundation
import Scheduling

/// The reason phase's state: the good-cause reason chosen, its explanation, the staff note, where
/// the confirmation goes, and which item has the focus.
public struct ReasonState: Sendable, Hashable {
    public var chosen: GoodCauseReason?
    public var explanation = TextField(maxLength: 300)
    public var note = TextField(maxLength: 300)
    public var notify: NotifyChannel?
    public var focus = 0

    public init() {}

    /// Items of the reason pane: staff have a note for the record.
    public func items(staff: Bool) -> [ReasonItem] {
        var items = GoodCauseReason.allCases.map(ReasonItem.reason)
        if chosen == .other { items.append(.explanation) }
        if staff { items.append(.note) }
        items.append(.notify)
        items.append(.proceed)
        return items
    }

    /// The good cause as chosen, if any.
    public var goodCause: GoodCause? { chosen.map { GoodCause(reason: $0, explanation: explanation.text) } }
}
