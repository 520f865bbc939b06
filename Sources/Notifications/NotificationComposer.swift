import Foundation
import Scheduling

/// Builds what an outbox message says from the store's facts (pure: `now` comes in).
///
/// Times are the center's wall clock with its zone abbreviation (R13); a booking carries the
/// whole new notice (R16: center, address, notice number, what to bring) and its calendar files;
/// a denial of a denied case carries the I-290B guidance (R11); a representative's copy says whose
/// case it is about.
public enum NotificationComposer {
    public static func compose(_ item: OutboxItem, organizer: Mailbox?, now: Date) throws(DeliveryFailure) -> NotificationContent {
        let attendee = item.channel == .email ? EmailAddress(item.recipient).map { Mailbox(name: item.recipientName, address: $0) } : nil
        var c: NotificationContent
        switch item.kind {
        case .legacy:
            c = NotificationContent(subject: item.storedSubject, text: item.storedBody + "\n", sms: item.storedBody)
        case .booked:
            let a = try need(item.appointment, "the booked appointment", item)
            let approved = item.request?.decision == .approved
            let head = approved
                ? "An officer approved the request to reschedule the biometric services appointment for receipt \(item.receipt.value)."
                : "The biometric services appointment for receipt \(item.receipt.value) was rescheduled."
            var lines = [head]
            if approved, let note = item.request?.reviewNote, !note.isEmpty { lines.append("The officer's note: \(note)") }
            lines += ["", "New appointment: \(a.when)", "  \(a.center.name)", "  \(a.center.fullAddress)", "Notice number:   \(a.noticeNumber)"]
            if let p = item.previous { lines.append("It replaces:     \(p.when) at \(p.center.name) (that appointment is cancelled).") }
            lines += ["", "Print the notice below and bring it, with everything it lists. Centers do not accept electronic copies.",
                      "The attached appointment.ics puts the new time in your calendar" + (item.previous == nil ? "." : " and cancelled-appointment.ics removes the old one."),
                      "", notice(item, a, now: now)]
            if let code = item.enrollmentCode {
                lines += ["", "Enrollment code: \(code)",
                          "  (to let your own SSH key in: ssh enroll@ the biosched host, then your receipt number and this code; once, within 30 days)"]
            }
            var files = [ICalendar.file(.request, appointment: a, receipt: item.receipt, applicantName: item.applicantName,
                                        storeID: item.storeID, stamp: now, organizer: organizer, attendee: attendee)]
            if let p = item.previous {
                files.append(ICalendar.file(.cancel, appointment: p, receipt: item.receipt, applicantName: item.applicantName,
                                            storeID: item.storeID, stamp: now, organizer: organizer, attendee: attendee))
            }
            c = NotificationContent(
                subject: "\(approved ? "Approved: b" : "B")iometrics appointment rescheduled to \(a.when) (receipt \(item.receipt.value))",
                text: lines.joined(separator: "\n"),
                sms: "USCIS: biometrics appointment for \(item.receipt.value) \(approved ? "approved and " : "")moved to \(a.when), \(a.center.name), \(a.center.fullAddress). Notice \(a.noticeNumber). Bring the printed notice, your other appointment notices and photo ID."
                    + (item.enrollmentCode.map { " Enrollment code: \($0)." } ?? ""),
                calendars: files)
        case .escalated:
            let r = try need(item.request, "the escalated request", item)
            var lines = ["The request to reschedule the biometric services appointment for receipt \(item.receipt.value) was sent to an officer for review (request \(r.id)).", ""]
            for code in r.codes { lines.append("- \(code.rawValue): \(code.sentence)") }
            if let w = r.preferredWhen { lines.append("Preferred time: \(w)\(r.preferredCenterName.map { " at \($0)" } ?? "")") }
            if let a = item.appointment { lines.append("Until the officer decides, the current appointment stands: \(a.when) at \(a.center.name), \(a.center.fullAddress).") }
            if r.codes.contains(.asylum) { lines += ["", ReschedulePolicy.asylumWarning] }
            lines += ["", "An officer approves (booking the preferred time, or another if it is gone) or denies the request, always with a note. You will get a message either way.",
                      ContactCenter.callGuidance]
            c = NotificationContent(
                subject: "Your request to reschedule is with an officer (receipt \(item.receipt.value))",
                text: lines.joined(separator: "\n"),
                sms: "USCIS: the request to reschedule biometrics for \(item.receipt.value) is with an officer (request \(r.id)). Keep your current appointment\(item.appointment.map { " (\($0.when))" } ?? "") until you hear back.")
        case .denied:
            let r = try need(item.request, "the denied request", item)
            var lines = ["An officer denied the request to reschedule the biometric services appointment for receipt \(item.receipt.value) (request \(r.id)).",
                         "The officer's note: \(r.reviewNote ?? "")", ""]
            if let a = item.appointment, a.status == .scheduled {
                lines.append("The current appointment stands: \(a.when) at \(a.center.name), \(a.center.fullAddress). Notice \(a.noticeNumber).")
            }
            let caseDenied = item.caseStatus == .denied
            if caseDenied { lines.append("\(VerdictCode.caseDenied.rawValue): \(VerdictCode.caseDenied.sentence) \(guidanceI290B)") }
            lines.append(ContactCenter.callGuidance)
            c = NotificationContent(
                subject: "Your request to reschedule was denied (receipt \(item.receipt.value))",
                text: lines.joined(separator: "\n"),
                sms: "USCIS: the request to reschedule biometrics for \(item.receipt.value) was denied. \(caseDenied ? guidanceI290B + " " : "")\(ContactCenter.callGuidance)")
        case .reminder:
            let a = try need(item.appointment, "the appointment", item)
            let days = item.reminderDays ?? 1
            let inText = days == 1 ? "tomorrow" : "in \(days) days"
            var lines = ["Reminder: the biometric services appointment for receipt \(item.receipt.value) is \(inText).", "",
                         "Appointment:   \(a.when)", "  \(a.center.name)", "  \(a.center.fullAddress)", "Notice number: \(a.noticeNumber)", "",
                         "Bring with you:"]
            lines += AppointmentNotice.whatToBring.map { "  - " + $0 }
            lines += ["", "To reschedule, use your USCIS online account or call the Contact Center at \(ContactCenter.phone) (TTY \(ContactCenter.tty))."]
            c = NotificationContent(
                subject: "Reminder: biometrics appointment \(inText), \(a.when) (receipt \(item.receipt.value))",
                text: lines.joined(separator: "\n"),
                sms: "USCIS reminder: biometrics for \(item.receipt.value) \(inText), \(a.when), \(a.center.name), \(a.center.fullAddress). Bring the printed notice and photo ID.",
                calendars: [ICalendar.file(.request, appointment: a, receipt: item.receipt, applicantName: item.applicantName,
                                           storeID: item.storeID, stamp: now, organizer: organizer, attendee: attendee)])
        }
        if item.recipientRole == .representative {
            let copy = "Copy for \(item.recipientName), representative with a Form G-28 on file for \(item.applicantName) (receipt \(item.receipt.value))."
            c.text = copy + "\n\n" + c.text
            c.subject = "[Copy] " + c.subject
            c.sms = "Copy (G-28) for \(item.applicantName): " + c.sms
        }
        if !c.text.hasSuffix("\n") { c.text += "\n" }
        return c
    }

    /// R11: a denied case is not rescheduled; the route is a motion to reopen.
    public static let guidanceI290B = "A motion to reopen (Form I-290B) is the route."

    /// The new notice (R16), as it prints.
    static func notice(_ item: OutboxItem, _ a: CalendarAppointment, now: Date) -> String {
        AppointmentNotice(number: a.noticeNumber, receipt: item.receipt, applicantName: item.applicantName, center: a.center,
                          start: a.start, issuedAt: now).text
    }

    static func need<T>(_ value: T?, _ what: String, _ item: OutboxItem) throws(DeliveryFailure) -> T {
        guard let value else {
            throw DeliveryFailure("outbox message \(item.id) (\(item.kind.rawValue)) names no \(what) in the store", permanent: true)
        }
        return value
    }
}
