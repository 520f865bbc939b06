import Foundation
import Scheduling

/// The outcome phase's state: the store's answer shown, the notice's file name, the scroll.
public struct OutcomeState: Sendable, Hashable {
    public var answer: RescheduleOutcome?
    public var savePath = TextField(maxLength: 200)
    public var scroll = 0

    public init() {}
}
