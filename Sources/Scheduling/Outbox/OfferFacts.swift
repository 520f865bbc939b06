import Foundation

/// An offer as its message shows it: the held slot at its center and the deadline to answer.
public struct OfferFacts: Sendable, Hashable {
    public var id: Int64
    public var center: Center
    public var start: Date
    public var deadline: Date
    public var state: OfferState
    public init(id: Int64, center: Center, start: Date, deadline: Date, state: OfferState) {
        self.id = id
        self.center = center
        self.start = start
        self.deadline = deadline
        self.state = state
    }
}
