import Foundation
import Testing

@testable import Notifications

/// Issue 20: RFC 5322 2.1.1, a header line is at most 998 octets, whatever the subject or name.
@Suite("Mail headers folded (issue 20)")
struct HeaderFoldingTests {
    @Test("Mail headers: a subject or name of any length is folded into lines of at most 998 octets")
    func headerFolding() throws {
        let long = String(repeating: "Reschedule ", count: 200) // 2,200 ASCII octets
        let accents = "A" + String(repeating: "\u{0301}", count: 2_000) // one grapheme of 4,001 octets
        for subject in [long, accents, String(repeating: "x", count: 5_000)] {
            let m = MailMessage(
                from: Mailbox(name: long, address: EmailAddress("noreply@example.org")!),
                to: Mailbox(name: accents, address: EmailAddress("maria@example.org")!),
                subject: subject, date: Date(timeIntervalSince1970: 1_781_528_400), messageID: "<outbox-1@biosched.test>", text: "hello")
            let text = try m.render()
            let header = text.components(separatedBy: "\n\n")[0]
            let longest = header.split(separator: "\n").map { $0.utf8.count }.max() ?? 0
            #expect(longest <= 998, "a header line of \(longest) octets")
            #expect(header.contains("Subject: "))
        }
    }

}
