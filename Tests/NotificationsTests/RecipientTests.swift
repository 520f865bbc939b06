import Testing

@testable import Notifications

@Suite("Recipients are checked before they reach another program")
struct RecipientTests {
    @Test(
        "Email addresses: a conservative pattern",
        arguments: [
            ("maria.garcia@example.com", true), ("grace.lee@lee-immigration.example.com", true), ("a+b_c%d@x.org", true),
            ("", false), ("no-at.example.com", false), ("a@b", false), ("a@@b.org", false), ("-oQ/tmp/x@example.com", false),
            ("a b@example.com", false), ("a@example.com\nBcc: x@y.org", false), ("(no email address on file for x)", false),
            ("a@-x.org", false), ("a..b@x.org", false), ("\"quoted\"@x.org", false), ("ma\u{ED}a@x.org", false)
        ])
    func email(_ text: String, _ valid: Bool) {
        #expect((EmailAddress(text) != nil) == valid, "\(text)")
    }

    @Test(
        "Phone numbers become E.164",
        arguments: [
            ("(617) 555-0142", "+16175550142"), ("+1-617-555-0100", "+16175550100"), ("617.555.0142", "+16175550142"),
            ("1 617 555 0142", "+16175550142"), ("+44 20 7946 0958", "+442079460958"), ("+671 555 0110", "+6715550110")
        ])
    func phone(_ text: String, _ e164: String) {
        #expect(PhoneNumber(text)?.e164 == e164)
    }

    @Test(
        "Phone numbers refused",
        arguments: [
            "", "555-0142", "+1 617 555 01420", "617-555-0142; rm -rf /", "call me", "+0123456789",
            "(617) 555-0142\n+15555555555"
        ])
    func badPhone(_ text: String) {
        #expect(PhoneNumber(text) == nil, "\(text)")
    }
}
