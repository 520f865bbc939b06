import Foundation
import Scheduling

/// The center picker's state (a dialog over the picking phase): the centers and the filter.
public struct CenterPickerState: Sendable, Hashable {
    public var centers: [Center] = []
    public var filter = TextField(maxLength: 40)
    public var index = 0

    public init() {}

    /// Centers matching the filter, the case's own center (`home`) first.
    public func visible(home: String?) -> [Center] {
        let f = filter.text.lowercased()
        let matching = f.isEmpty ? centers : centers.filter { "\($0.code) \($0.name) \($0.city) \($0.state)".lowercased().contains(f) }
        return matching.filter { $0.code == home } + matching.filter { $0.code != home }
    }
}
