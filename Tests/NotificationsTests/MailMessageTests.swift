import Foundation
import Testing

@testable import Notifications

@Suite("Email messages (MIME) and header injection")
struct MailMessageTests {
    func message(subject: String = "Appointment", toName: String = "María García", attachments: [CalendarFile] = []) -> MailMessage {
        MailMessage(
            from: NFx.from, to: Mailbox(name: toName, address: EmailAddress("maria@example.org")!), subject: subject,
            date: NFx.now, messageID: "<outbox-42@biosched.s1>", text: "Hello\nMaría\n", attachments: attachments)
    }

    @Test("Headers: encoded words for non-ASCII, an RFC 5322 date, the Message-ID; the text in base64")
    func headers() throws {
        let text = try message(subject: "Cita reprogramada: miércoles").render()
        let head = text.components(separatedBy: "\n\n")[0]
        #expect(head.contains("From: \"USCIS Biometric Services\" <no-reply@biosched.invalid>"))
        #expect(head.contains("To: =?UTF-8?B?"))
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(head.contains("Date: Mon, 30 Nov 2026 15:00:00 +0000"))
        #expect(head.contains("Message-ID: <outbox-42@biosched.s1>"))
        #expect(text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "the rendered message is 7-bit")
        #expect(text.contains(Data("Hello\nMaría\n".utf8).base64EncodedString()))
    }

    @Test("A line break in any header value is refused (header injection), never sent")
    func injection() {
        #expect(throws: MailAddressHeader.Injection.self) { try message(subject: "Hi\r\nBcc: victim@example.org").render() }
        #expect(throws: MailAddressHeader.Injection.self) { try message(subject: "Hi\nBcc: victim@example.org").render() }
        #expect(throws: MailAddressHeader.Injection.self) { try message(toName: "Eve\nBcc: victim@example.org").render() }
        var m = message()
        m.messageID = "<a@b>\r\nBcc: x@example.org"
        #expect(throws: MailAddressHeader.Injection.self) { try m.render() }
    }

    @Test("With calendar files: multipart/mixed, each text/calendar part with its method and file name")
    func multipart() throws {
        let files = [
            CalendarFile(filename: "appointment.ics", method: .request, text: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
            CalendarFile(filename: "cancelled-appointment.ics", method: .cancel, text: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        ]
        let text = try message(attachments: files).render()
        let boundary = try #require(text.components(separatedBy: "boundary=\"").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(text.components(separatedBy: "\n--\(boundary)\n").count == 4)
        #expect(text.hasSuffix("--\(boundary)--\n"))
        #expect(text.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=\"appointment.ics\""))
        #expect(text.contains("Content-Type: text/calendar; charset=utf-8; method=CANCEL; name=\"cancelled-appointment.ics\""))
        #expect(text.contains(Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8).base64EncodedString()))
    }
}
