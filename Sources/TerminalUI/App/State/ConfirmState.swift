import Foundation
import Scheduling

/// The confirm and submitting phases' state: the request id of a submit not yet answered (a retry
/// reuses it, so trying again cannot book twice).
public struct ConfirmState: Sendable, Hashable {
    public var requestSeq = 0
    public var pendingRequestID: String?

    public init() {}
}
