/// Why an `authorized_keys` file or a forced command could not be made: said to the person as it is.
public struct AccessError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
