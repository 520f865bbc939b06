/// Why a message was not delivered. `permanent` failures (an invalid recipient, a message that
/// cannot be built) are not retried: they are `failed` at once, for a person.
public struct DeliveryFailure: Error, Sendable, Hashable {
    public var reason: String
    public var permanent: Bool
    public init(_ reason: String, permanent: Bool = false) { self.reason = reason; self.permanent = permanent }
}
