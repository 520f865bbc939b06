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
    /// A one-time code for the applicant's account to let their own SSH key in (`ssh enroll@...`):
    /// on the notice given at booking only; the store keeps only its hash.
    public var enrollmentCode: String?

    public init(number: String, receipt: ReceiptNumber, applicantName: String, center: Center, start: Date, issuedAt: Date) {
        self.number = number; self.receipt = receipt; self.applicantName = applicantName
        self.centerName = center.name; self.centerAddress = center.fullAddress
        self.when = center.zone.formatLong(start); self.start = start; self.issuedAt = issuedAt
    }

    /// What to bring (R16).
    public static let whatToBring = [
        "This appointment notice, printed on paper. Centers do not accept electronic copies.",
        "Every other appointment notice you have received.",
        "A valid, unexpired photo identification (passport, driver's license, or other government ID).",
    ]

    /// The notice as plain text, ready to print.
    public var text: String {
        var lines: [String] = []
        lines.append("U.S. Citizenship and Immigration Services")
        lines.append("BIOMETRIC SERVICES APPOINTMENT NOTICE")
        lines.append("")
        lines.append("Notice number:   \(number)")
        lines.append("Receipt number:  \(receipt.value)")
        lines.append("Applicant:       \(applicantName)")
        lines.append("")
        lines.append("Application Support Center:")
        lines.append("  \(centerName)")
        lines.append("  \(centerAddress)")
        lines.append("Date and time:   \(when)")
        lines.append("")
        lines.append("Bring with you:")
        for item in AppointmentNotice.whatToBring { lines.append("  - \(item)") }
        lines.append("")
        lines.append("To reschedule, use your USCIS online account or call the Contact Center at \(ContactCenter.phone) (TTY \(ContactCenter.tty)).")
        if let enrollmentCode {
            lines.append("")
            lines.append("Enrollment code: \(enrollmentCode)")
            lines.append("  (to reach your cases over SSH with your own key: ssh enroll@ the agency's host; once, within 30 days)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
