import Foundation
import Scheduling
import Testing

@testable import Notifications

@Suite("iCalendar files (RFC 5545)")
struct ICalendarTests {
    func unfold(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test("Lines are folded at 75 octets without splitting a UTF-8 character, and unfold to the original")
    func folding() {
        let long = "DESCRIPTION:" + String(repeating: "Nguyễn Văn An 李小龙 ", count: 12)
        let folded = ICalendarText.fold(long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.components(separatedBy: "\r\n").count > 3)
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
        #expect(ICalendarText.fold("SHORT:x") == "SHORT:x")
    }

    @Test("TEXT values escape backslash, semicolon, comma and line breaks")
    func escaping() {
        #expect(ICalendarText.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(ICalendarText.escape("bell\u{07}") == "bell")
    }

    @Test("R13 DTSTART is the center's wall clock with TZID and a VTIMEZONE of that zone; CRLF lines")
    func request() {
        let a = NFx.appointment(7, start: "2026-12-08T15:00:00Z", position: 1)
        let f = ICalendar.file(
            .request, appointment: a, receipt: NFx.receipt, applicantName: "María García", storeID: "s1", stamp: NFx.now,
            organizer: NFx.from, attendee: Mailbox(name: "María", address: EmailAddress("maria@example.org")!))
        let lines = unfold(f.text)
        #expect(f.text.hasSuffix("\r\n"))
        #expect(!f.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.contains("METHOD:REQUEST"))
        #expect(lines.contains("DTSTART;TZID=America/New_York:20261208T100000"))
        #expect(lines.contains("DTEND;TZID=America/New_York:20261208T103000"))
        #expect(lines.contains("TZID:America/New_York"))
        #expect(lines.contains("UID:appointment-chain-1@biosched.s1"))
        #expect(lines.contains("SEQUENCE:2"))
        #expect(lines.contains("DTSTAMP:20261130T150000Z"))
        #expect(lines.contains("LOCATION:Boston ASC\\, 170 Tremont St\\, Boston\\, MA"))
        #expect(lines.contains("ORGANIZER;CN=\"USCIS Biometric Services\":mailto:no-reply@biosched.invalid"))
        #expect(lines.contains { $0.hasPrefix("ATTENDEE;CN=\"María\"") })
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
    }

    @Test("One UID per chain; a reschedule's request outranks the cancellation of the old time, which outranks the old request")
    func sequences() {
        let old = NFx.appointment(1, start: "2026-12-03T15:00:00Z", position: 0)
        let new = NFx.appointment(7, start: "2026-12-08T15:00:00Z", position: 1)
        #expect(ICalendar.uid(old, storeID: "s") == ICalendar.uid(new, storeID: "s"))
        let seqs = [ICalendar.sequence(old, method: .request), ICalendar.sequence(old, method: .cancel), ICalendar.sequence(new, method: .request)]
        #expect(seqs == [0, 1, 2])
        let cancel = unfold(ICalendar.file(.cancel, appointment: old, receipt: NFx.receipt, applicantName: "M", storeID: "s", stamp: NFx.now).text)
        #expect(cancel.contains("METHOD:CANCEL") && cancel.contains("STATUS:CANCELLED") && cancel.contains("SEQUENCE:1"))
        #expect(cancel.contains("DTSTART;TZID=America/New_York:20261203T100000"))
    }

    @Test("VTIMEZONE: New York's DST transitions with their offsets; Phoenix (no DST) one standard observance")
    func timeZones() {
        let ny = VTimeZone.lines(zone: NFx.zone("America/New_York"), covering: [NFx.iso("2026-12-08T15:00:00Z")])
        #expect(ny.contains("BEGIN:DAYLIGHT") && ny.contains("BEGIN:STANDARD"))
        // 2026-11-01 02:00 EDT becomes 01:00 EST; 2026-03-08 02:00 EST becomes 03:00 EDT.
        let fallBack = ny.firstIndex(of: "DTSTART:20261101T020000")
        #expect(fallBack != nil)
        if let i = fallBack { #expect(Array(ny[i + 1...i + 3]) == ["TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST"]) }
        let spring = ny.firstIndex(of: "DTSTART:20260308T020000")
        #expect(spring != nil)
        if let i = spring { #expect(Array(ny[i + 1...i + 3]) == ["TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT"]) }
        let phx = VTimeZone.lines(zone: NFx.zone("America/Phoenix"), covering: [NFx.iso("2026-12-08T17:00:00Z")])
        #expect(
            phx == [
                "BEGIN:VTIMEZONE", "TZID:America/Phoenix", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:-0700",
                "TZOFFSETTO:-0700", "TZNAME:MST", "END:STANDARD", "END:VTIMEZONE"
            ])
        let guam = VTimeZone.lines(zone: NFx.zone("Pacific/Guam"), covering: [NFx.iso("2026-12-08T00:00:00Z")])
        #expect(guam.contains("TZOFFSETTO:+1000"))
    }
}
