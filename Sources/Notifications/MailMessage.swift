import Foundation

/// An email as sendmail reads it (`sendmail -t -oi`): headers, a text part and calendar files in
/// a MIME multipart/mixed body. Pure; every header value is checked for CR and LF.
public struct MailMessage: Sendable {
    public var from: Mailbox
    public var to: Mailbox
    public var subject: String
    public var date: Date
    /// `<outbox-42@biosched.STORE>`: the same for every try of one outbox message.
    public var messageID: String
    public var text: String
    public var attachments: [CalendarFile]
    /// Extra `X-` headers (name, value).
    public var extraHeaders: [(String, String)]

    public init(
        from: Mailbox, to: Mailbox, subject: String, date: Date,
        messageID: String, text: String, attachments: [CalendarFile] = [], extraHeaders: [(String, String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }

    /// The message with LF line endings (sendmail's convention; the calendar files keep their CRLF
    /// inside base64). Throws when a header value would hold a line break (header injection).
    public func render() throws(MailAddressHeader.Injection) -> String {
        var h: [String] = [
            "From: " + (try MailAddressHeader.mailbox(name: from.name, address: from.address, header: "From")),
            "To: " + (try MailAddressHeader.mailbox(name: to.name, address: to.address, header: "To")),
            "Subject: " + (try MailAddressHeader.unstructured(subject, header: "Subject")),
            "Date: " + MailMessage.rfc5322(date),
            "Message-ID: " + (try MailAddressHeader.checked(messageID, header: "Message-ID")),
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated"
        ]
        for (name, value) in extraHeaders {
            guard name.hasPrefix("X-"), name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }) else {
                throw MailAddressHeader.Injection(header: name)
            }
            h.append("\(name): " + (try MailAddressHeader.unstructured(value, header: name)))
        }
        let textPart = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", MailMessage.base64(text)]
        if attachments.isEmpty {
            return (h + textPart).joined(separator: "\n") + "\n"
        }
        let boundary = "=_biosched_" + String(messageID.unicodeScalars.filter { MailMessage.isBoundaryChar($0) }.map(Character.init))
        let preamble = "This is a message in MIME format." // not for a person: the MIME preamble (RFC 2046), shown only by mail programs without MIME
        var body = h + ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", preamble, "", "--" + boundary] + textPart
        for a in attachments {
            body += [
                "--" + boundary,
                "Content-Type: text/calendar; charset=utf-8; method=\(a.method.rawValue); name=\"\(a.filename)\"",
                "Content-Disposition: attachment; filename=\"\(a.filename)\"",
                "Content-Transfer-Encoding: base64", "", MailMessage.base64(a.text)
            ]
        }
        body.append("--" + boundary + "--")
        return body.joined(separator: "\n") + "\n"
    }

    static func isBoundaryChar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "."
    }

    /// Base64 in lines of 76 characters.
    static func base64(_ text: String) -> String {
        let all = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var i = all.startIndex
        while i < all.endIndex {
            let j = all.index(i, offsetBy: 76, limitedBy: all.endIndex) ?? all.endIndex
            lines.append(all[i..<j])
            i = j
        }
        return lines.joined(separator: "\n")
    }

    /// `Mon, 30 Nov 2026 15:00:00 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'" // not for a person: the RFC 5322 date format
        return f.string(from: date)
    }
}
