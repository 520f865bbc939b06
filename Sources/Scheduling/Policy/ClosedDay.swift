import Foundation

/// R17 (decision): a closed day never costs the caller. An appointment whose day has become a
/// closure of its center must be moved by the agency: it is flagged `CENTER_CLOSED` wherever the
/// case is shown, and moving it, by whoever does it (`centers close --rebook`, an agent, an
/// officer, the applicant online), is an agency rebooking: it never counts toward the two prior
/// reschedules (R3b, R7 `REPEAT_REQUEST`) and needs no good cause (R2).
public enum ClosedDay {
    /// Whether `start`, on `center`'s wall clock, falls on one of its closure dates.
    public static func isClosure(_ start: Date, at center: Center) -> Bool {
        center.closures.contains(center.zone.local(start).date)
    }

    /// R17: the appointment is still to be kept (scheduled, or marked missed on a day the center
    /// did not open) and its day is a closure of its center.
    public static func applies(to appointment: Appointment, at center: Center) -> Bool {
        guard appointment.centerCode == center.code,
            appointment.status == .scheduled || appointment.status == .missed
        else { return false }
        return isClosure(appointment.start, at: center)
    }
}

extension CaseSnapshot {
    /// R17: the current appointment's day is a closure of its center.
    public var centerClosedThatDay: Bool { ClosedDay.applies(to: appointment, at: center) }
}

extension RescheduleContext {
    /// The context for a case as loaded, R17 included.
    public init(actor: Actor, channel: Channel? = nil, snapshot: CaseSnapshot, goodCause: GoodCause?, now: Date) {
        self.init(
            actor: actor, channel: channel, caseFile: snapshot.caseFile, appointment: snapshot.appointment,
            goodCause: goodCause, now: now, centerClosed: snapshot.centerClosedThatDay)
    }
}

extension CaseFlags {
    /// Every flag of a case as loaded, R17's `CENTER_CLOSED` included.
    public static func flags(_ snapshot: CaseSnapshot, now: Date) -> [VerdictCode] {
        flags(
            appointment: snapshot.appointment, caseFile: snapshot.caseFile, lastRequestAt: snapshot.lastRequestAt, now: now,
            centerClosed: snapshot.centerClosedThatDay)
    }
}

extension CallerSearchResult {
    /// R17 on a list of callers: marks each match whose scheduled appointment falls on a closure
    /// of its center (`center` looks a center up by code; each is asked once).
    public mutating func markClosedDays<E: Error>(_ center: (String) throws(E) -> Center?) throws(E) {
        var seen: [String: Center?] = [:]
        for i in matches.indices {
            guard let next = matches[i].next else { continue }
            let code = next.centerCode
            if seen[code] == nil { seen[code] = .some(try center(code)) }
            if let c = seen[code] ?? nil { matches[i].centerClosed = ClosedDay.applies(to: next, at: c) }
        }
    }
}
