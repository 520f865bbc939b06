/// Where messages leave biosched: a sendmail program and an SMS gateway program (or, in tests, anything else).
public protocol Transport: Sendable {
    /// Hands one rendered email to sendmail; throws when it was not accepted.
    func sendMail(_ message: String, to: EmailAddress, from: EmailAddress) throws(DeliveryFailure)
    /// Hands one SMS to the gateway; throws when it was not accepted.
    func sendSMS(_ text: String, to: PhoneNumber) throws(DeliveryFailure)
}
