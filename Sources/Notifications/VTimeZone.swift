import Foundation
import Scheduling

/// The VTIMEZONE component of a center's IANA zone (RFC 5545 §3.6.5), built from the system's
/// zone rules: one STANDARD or DAYLIGHT observance per transition from a year before the first
/// instant to a year after the last, each with its DTSTART on the wall clock it leaves, its
/// offsets and abbreviation. A zone without transitions (Phoenix, Honolulu, Puerto Rico, Guam)
/// gets one STANDARD observance from 1970.
public enum VTimeZone {
    public static func lines(zone: ZoneRules, covering instants: [Date]) -> [String] {
        let first = (instants.min() ?? Date(timeIntervalSince1970: 0)).addingTimeInterval(-366 * 86_400)
        let last = (instants.max() ?? Date(timeIntervalSince1970: 0)).addingTimeInterval(366 * 86_400)
        var transitions: [Date] = []
        var cursor = first
        while let next = zone.timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= last, transitions.count < 16 {
            transitions.append(next)
            cursor = next
        }
        var out = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        if transitions.isEmpty {
            let off = zone.offset(at: first)
            out += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(ICalendarText.offset(off))",
                "TZOFFSETTO:\(ICalendarText.offset(off))", "TZNAME:\(ICalendarText.escape(zone.abbreviation(at: first)))", "END:STANDARD"
            ]
        }
        for t in transitions {
            let from = zone.offset(at: t.addingTimeInterval(-1)), to = zone.offset(at: t)
            let kind = zone.timeZone.isDaylightSavingTime(for: t) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the wall-clock time the transition happens at, in the offset before it.
            let wall = Int(t.timeIntervalSince1970.rounded(.down)) + from
            let day = Int((Double(wall) / 86_400).rounded(.down))
            let local = LocalDateTime(date: LocalDate(epochDay: day), time: LocalTime(minutes: (wall - day * 86_400) / 60)!)
            out += [
                "BEGIN:\(kind)", "DTSTART:\(ICalendarText.local(local))", "TZOFFSETFROM:\(ICalendarText.offset(from))",
                "TZOFFSETTO:\(ICalendarText.offset(to))", "TZNAME:\(ICalendarText.escape(zone.abbreviation(at: t)))", "END:\(kind)"
            ]
        }
        out.append("END:VTIMEZONE")
        return out
    }
}
