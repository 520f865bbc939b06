import Foundation

/// The appointment notice a booking produces (R16).
public struct AppointmentNotice: Hashable, Sendable, Codable {
    public var number: String
    public var receipt: ReceiptNumber
    public var applicantName: String
    public var centerName: String
    public var centerAddress: String
    /// Date and time in the center's local time with its zone, e.g. `Tue 2024-03-12 09:00 EDT`.
    public var when: String
    public var start: Date
    public var issuedAt: Date
    /// A one-time code for the applicant's account to let their own SSH key in (`ssh biosched@HOST`):
    /// on the notice given at booking only; the store keeps only its hash.
    public var enrollmentCode: String?
    /// Where to use the code (the store's `enroll_host` and `enroll_user` when the code was
    /// issued); nil on a notice without a code, or stored before there was this setting.
    public var enrollDoor: EnrollmentDoor?
    /// The center's time zone, to write the date in another language (`nil` on notices stored
    /// before there was a second language: then `when` is shown as it is).
    public var timeZone: String?
    /// R17: set when the booking moved an appointment off a closed day of its center.
    public var closedDay: ClosedDayMove?

    public init(number: String, receipt: ReceiptNumber, applicantName: String, center: Center, start: Date, issuedAt: Date) {
        self.number = number
        self.receipt = receipt
        self.applicantName = applicantName
        self.centerName = center.name
        self.centerAddress = center.fullAddress
        self.when = center.zone.formatLong(start)
        self.start = start
        self.issuedAt = issuedAt
        self.timeZone = center.zone.identifier
    }

    /// What to bring (R16).
    public static var whatToBring: [String] { Catalog.en.noticeBring }

    /// The date and time in `language`, in the center's zone.
    public func when(in language: Language) -> String {
        guard let id = timeZone, let zone = ZoneRules(identifier: id) else { return when }
        return Catalog(language).dateTimeLong(start, zone)
    }

    /// The notice as plain text, ready to print (English).
    public var text: String { text(in: .en) }

    /// The notice as plain text in `language`, ready to print.
    public func text(in language: Language) -> String {
        let t = Catalog(language)
        var lines: [String] = []
        lines.append(t.noticeAgency)
        lines.append(t.noticeHeading)
        lines.append("")
        lines.append(t.noticeNumberLine(number))
        lines.append(t.noticeReceiptLine(receipt.value))
        lines.append(t.noticeApplicantLine(applicantName))
        lines.append("")
        lines.append(t.noticeCenterHeading)
        lines.append("  \(centerName)")
        lines.append("  \(centerAddress)")
        lines.append(t.noticeWhenLine(when(in: language)))
        if let closedDay {
            lines.append("")
            lines.append(closedDay.text(in: language))
        }
        lines.append("")
        lines.append(t.noticeBringHeading)
        for item in t.noticeBring { lines.append("  - \(item)") }
        lines.append("")
        lines.append(t.noticeToReschedule)
        if let enrollmentCode {
            lines.append("")
            lines.append(t.noticeEnrollmentLine(enrollmentCode))
            lines.append(t.noticeEnrollmentHow(enrollDoor ?? EnrollmentDoor()))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// R17: the appointment a booking moved off a closed day, for the notice and the message: when
/// and where it was, and the closure's reason if one was given.
public struct ClosedDayMove: Hashable, Sendable, Codable {
    public var from: Date
    public var centerName: String
    public var timeZone: String
    public var reason: String?

    public init(from: Date, center: Center, reason: String?) {
        self.from = from
        self.centerName = center.name
        self.timeZone = center.zone.identifier
        self.reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }

    /// Why it was moved and that it does not count, in `language`.
    public func text(in language: Language) -> String {
        let t = Catalog(language)
        let when = ZoneRules(identifier: timeZone).map { t.dateTimeLong(from, $0) } ?? ISO8601DateFormatter().string(from: from)
        return t.closedDayMoved(when, centerName, reason: reason)
    }
}
