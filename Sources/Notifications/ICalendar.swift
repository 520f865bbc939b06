import Foundation
import Scheduling

/// Builds the `.ics` of an appointment (RFC 5545, iTIP methods of RFC 5546), pure.
///
/// - UID: one per appointment chain, `appointment-chain-ROOT@biosched.STORE`, so every reschedule
///   updates the same event in the person's calendar.
/// - SEQUENCE: `2 × position` for the event at that place in the chain (0 for the first
///   appointment, 2 after the first reschedule, ...); its cancellation has `2 × position + 1`.
///   A booking message carries the new event (REQUEST, SEQUENCE 2n) and the cancellation of the
///   old one (CANCEL, 2n − 1): in whichever order a client reads them, the higher sequence wins,
///   so the calendar ends with the new time only.
/// - DTSTART/DTEND: the center's wall clock with `TZID=` its IANA zone, and a VTIMEZONE for it.
public enum ICalendar {
    public static func uid(_ a: CalendarAppointment, storeID: String) -> String { "appointment-chain-\(a.chainRoot)@biosched.\(storeID)" }

    public static func sequence(_ a: CalendarAppointment, method: CalendarFile.Method) -> Int {
        2 * a.position + (method == .cancel ? 1 : 0)
    }

    /// The event of `appointment` with `method`: REQUEST (an invitation to keep), CANCEL (it is
    /// off), PUBLISH (a file to import, e.g. `biosched notice --format ics`).
    public static func file(
        _ method: CalendarFile.Method, appointment a: CalendarAppointment, receipt: ReceiptNumber,
        applicantName: String, storeID: String, stamp: Date,
        organizer: Mailbox? = nil, attendee: Mailbox? = nil, comment: String? = nil,
        language: Language = .en
    ) -> CalendarFile {
        let c = a.center
        let t = Catalog(language)
        let when = t.dateTimeLong(a.start, c.zone)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//biosched//Biometric services appointments//EN",
            "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"
        ]
        lines += VTimeZone.lines(zone: c.zone, covering: [a.start, a.end])
        let cancelled = method == .cancel
        let summary = t.icsSummary(receipt.value, cancelled: cancelled)
        var description =
            cancelled
            ? t.icsCancelled(when, c.name)
            : t.icsDescription(applicantName, receipt.value, a.noticeNumber, when, c.name, c.fullAddress)
                + t.noticeBring.map { "- " + $0 }.joined(separator: "\n")
        description += t.icsContactCenter
        lines += [
            "BEGIN:VEVENT",
            "UID:\(uid(a, storeID: storeID))",
            "SEQUENCE:\(sequence(a, method: method))",
            "DTSTAMP:\(ICalendarText.utc(stamp))",
            "DTSTART;TZID=\(c.zone.identifier):\(ICalendarText.local(c.zone.local(a.start)))",
            "DTEND;TZID=\(c.zone.identifier):\(ICalendarText.local(c.zone.local(a.end)))",
            "SUMMARY:\(ICalendarText.escape(summary))",
            "LOCATION:\(ICalendarText.escape([c.name, c.fullAddress].filter { !$0.isEmpty }.joined(separator: ", ")))",
            "DESCRIPTION:\(ICalendarText.escape(description))",
            "STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")",
            "TRANSP:OPAQUE"
        ]
        if let comment { lines.append("COMMENT:\(ICalendarText.escape(comment))") }
        if let o = organizer { lines.append("ORGANIZER;CN=\(parameter(o.name)):mailto:\(o.address.value)") }
        if let p = attendee { lines.append("ATTENDEE;CN=\(parameter(p.name));ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:\(p.address.value)") }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        let name = cancelled ? "cancelled-appointment.ics" : "appointment.ics"
        return CalendarFile(filename: name, method: method, text: ICalendarText.document(lines))
    }

    /// A parameter value (CN=...): quoted, without the characters a quoted value cannot hold.
    static func parameter(_ text: String) -> String {
        "\"" + String(text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)) + "\""
    }
}
