import Foundation
import Scheduling

@testable import Notifications

/// Fixed facts for the message tests: nothing here reads a clock.
enum NFx {
    static func zone(_ id: String) -> ZoneRules { ZoneRules(identifier: id)! }
    static func iso(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)!
    }
    static func center(_ code: String = "BOS", zone: String = "America/New_York", name: String = "Boston ASC") -> Center {
        Center(
            code: code, name: name, address: "170 Tremont St", city: "Boston", state: "MA", zone: NFx.zone(zone),
            hours: [:], slotMinutes: 30, stations: 2)
    }
    static let receipt = try! ReceiptNumber(parsing: "IOE0923456781")
    /// Mon 2026-11-30 10:00 EST.
    static let now = iso("2026-11-30T15:00:00Z")

    static func appointment(
        _ id: Int64, start: String, position: Int, root: Int64 = 1, center: Center = NFx.center(),
        status: AppointmentStatus = .scheduled
    ) -> CalendarAppointment {
        CalendarAppointment(
            id: id, center: center, start: iso(start), status: status, noticeNumber: "BN" + String(format: "%010lld", id),
            chainRoot: root, position: position)
    }

    static func item(
        _ kind: OutboxKind, id: Int64 = 42, channel: NotifyChannel = .email, recipient: String = "maria@example.org",
        role: RecipientRole = .applicant, caseStatus: CaseStatus = .pending, attempts: Int = 1,
        request: RequestFacts? = nil, reminderDays: Int? = nil
    ) -> OutboxItem {
        OutboxItem(
            id: id, kind: kind, channel: channel, recipient: recipient, recipientName: role == .applicant ? "María García" : "Grace Lee, Esq.",
            recipientRole: role, receipt: receipt, applicantName: "María García", caseStatus: caseStatus, attempts: attempts,
            storeID: "0123abcd", storedSubject: kind == .legacy ? "Old subject" : "", storedBody: kind == .legacy ? "Old body" : "",
            appointment: appointment(7, start: "2026-12-08T15:00:00Z", position: 1),
            previous: kind == .booked ? appointment(1, start: "2026-12-03T15:00:00Z", position: 0, status: .rescheduled) : nil,
            request: request, reminderDays: reminderDays)
    }

    static let from = Mailbox(name: "USCIS Biometric Services", address: EmailAddress("no-reply@biosched.invalid")!)
}
