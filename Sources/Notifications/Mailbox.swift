/// A person's name and a checked email address: a From or To of a message, an ORGANIZER or ATTENDEE of an event.
public struct Mailbox: Sendable, Hashable {
    public var name: String
    public var address: EmailAddress
    public init(name: String, address: EmailAddress) {
        self.name = name
        self.address = address
    }
}
