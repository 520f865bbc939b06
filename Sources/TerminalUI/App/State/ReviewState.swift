import Foundation
import Scheduling

/// The officer's review queue: the escalated requests, the filter, the decision's note and result,
/// and the approval whose preferred slot was gone (while another slot is picked for it).
public struct ReviewState: Sendable, Hashable {
    public var queue: [ReviewItem] = []
    public var index = 0
    /// The queue shows only requests with this code (nil: all), oldest first.
    public var filter: VerdictCode?
    public var note = TextField(maxLength: 300)
    /// The note dialog's Enter found no note: the dialog says so on its own line.
    public var noteMissing = false
    /// The last decision's result, shown at the top of the queue (not only in the log).
    public var result: Message?
    /// Set while an officer picks another slot for an approval whose preferred slot is gone.
    public var approving: ReviewItem?

    public init() {}

    /// The requests the filter lets through.
    public var visible: [ReviewItem] { filter.map { f in queue.filter { $0.codes.contains(f) } } ?? queue }

    /// The next filter: all → UNTIMELY → REPEAT_REQUEST → ASYLUM → OTHER_REASON → all; back to the top.
    mutating func nextFilter() {
        let codes = ReviewItem.filterCodes
        filter =
            filter.flatMap { codes.firstIndex(of: $0) }.flatMap { $0 + 1 < codes.count ? codes[$0 + 1] : nil }
            ?? (filter == nil ? codes.first : nil)
        index = 0
    }
}
