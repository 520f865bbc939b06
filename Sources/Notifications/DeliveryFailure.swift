import Scheduling

/// Why a message was not delivered. `permanent` failures (an invalid recipient, a message that
/// cannot be built) are not retried: they are `failed` at once, for a person.
public struct DeliveryFailure: Error, Sendable, Hashable {
    /// Why, in every language; the outbox records the English text.
    public var text: Localized
    public var reason: String { text.english }
    public var permanent: Bool
    public init(permanent: Bool = false, _ make: (Catalog) -> String) {
        text = Localized(make)
        self.permanent = permanent
    }
    /// A reason worded elsewhere (a program's own output, a system error): the same in every language.
    public init(_ reason: String, permanent: Bool = false) {
        text = Localized { _ in reason }
        self.permanent = permanent
    }
}
