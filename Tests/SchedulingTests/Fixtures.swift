import Foundation
import Testing

@testable import Scheduling

/// Shared builders for the domain tests. Every instant is fixed: nothing here reads a clock.
enum Fx {
    // MARK: Zones

    static func zone(_ id: String) -> ZoneRules {
        guard let z = ZoneRules(identifier: id) else { fatalError("unknown zone \(id)") }
        return z
    }
    static let newYork = zone("America/New_York")
    static let chicago = zone("America/Chicago")
    static let phoenix = zone("America/Phoenix")
    static let guam = zone("Pacific/Guam")
    static let honolulu = zone("Pacific/Honolulu")
    static let puertoRico = zone("America/Puerto_Rico")

    // MARK: Instants

    /// A wall-clock time `YYYY-MM-DDTHH:MM` in `zone`, as an instant (R13 rules apply).
    static func at(_ local: String, _ zone: ZoneRules = newYork) -> Date {
        guard let l = LocalDateTime(iso: local) else { fatalError("bad local time \(local)") }
        guard let d = zone.instant(of: l) else { fatalError("\(local) does not exist in \(zone.identifier)") }
        return d
    }

    /// An ISO 8601 timestamp with an explicit offset, e.g. `2026-06-15T20:59:59-04:00`.
    static func iso(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        guard let d = f.date(from: s) else { fatalError("bad ISO 8601 timestamp \(s)") }
        return d
    }

    static func date(_ s: String) -> LocalDate {
        guard let d = LocalDate(iso: s) else { fatalError("bad date \(s)") }
        return d
    }

    static func local(_ s: String) -> LocalDateTime {
        guard let l = LocalDateTime(iso: s) else { fatalError("bad local time \(s)") }
        return l
    }

    static func hours(_ s: String) -> OpeningHours {
        guard let h = OpeningHours(parsing: s) else { fatalError("bad hours \(s)") }
        return h
    }

    /// Instants as UTC ISO 8601 strings, for readable comparisons.
    static func utc(_ dates: [Date]) -> [String] {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return dates.map { f.string(from: $0) }
    }

    // MARK: The reference appointment of the RULES.md test vectors

    /// Tue 2026-06-16 09:00 EDT = 13:00Z.
    static let vectorStart = iso("2026-06-16T09:00:00-04:00")

    // MARK: Receipts, cases, appointments

    static func receipt(_ s: String = "EAC2414052317") -> ReceiptNumber {
        do { return try ReceiptNumber(parsing: s) } catch { fatalError("bad receipt \(s): \(error.message)") }
    }

    static let applicantName = "Maria Elena Sandoval"
    static let applicant = Actor(role: .applicant, id: "acct-maria")
    static let otherApplicant = Actor(role: .applicant, id: "acct-someone-else")
    static let representative = Actor(role: .representative, id: "rep-okafor")
    static let otherRepresentative = Actor(role: .representative, id: "rep-no-g28")
    static let agent = Actor(role: .agent, id: "agent.lee")
    static let officer = Actor(role: .officer, id: "officer.ng")

    static func caseFile(
        receipt: String = "EAC2414052317", form: String = "I-485", status: CaseStatus = .pending,
        addressChangedAt: Date? = nil
    ) -> CaseFile {
        CaseFile(
            receipt: Fx.receipt(receipt), form: FormType(form), status: status,
            applicantName: applicantName, applicantAccount: applicant.id,
            representatives: [representative.id], addressChangedAt: addressChangedAt)
    }

    static func appointment(
        start: Date = vectorStart, prior: Int = 0, status: AppointmentStatus = .scheduled,
        receipt: String = "EAC2414052317", center: String = "BOS"
    ) -> Appointment {
        Appointment(
            id: 41, receipt: Fx.receipt(receipt), centerCode: center, start: start, status: status,
            priorReschedules: prior, version: 3)
    }

    static func context(
        actor: Actor = applicant, channel: Channel? = nil, form: String = "I-485",
        caseStatus: CaseStatus = .pending, start: Date = vectorStart, prior: Int = 0,
        status: AppointmentStatus = .scheduled, cause: GoodCause? = GoodCause(reason: .medical),
        now: Date
    ) -> RescheduleContext {
        RescheduleContext(
            actor: actor, channel: channel, caseFile: caseFile(form: form, status: caseStatus),
            appointment: appointment(start: start, prior: prior, status: status),
            goodCause: cause, now: now)
    }

    /// Evaluates one request with the policy.
    static func evaluate(
        actor: Actor = applicant, channel: Channel? = nil, form: String = "I-485",
        caseStatus: CaseStatus = .pending, start: Date = vectorStart, prior: Int = 0,
        status: AppointmentStatus = .scheduled, cause: GoodCause? = GoodCause(reason: .medical),
        now: Date
    ) -> Verdict {
        ReschedulePolicy.evaluate(
            context(
                actor: actor, channel: channel, form: form, caseStatus: caseStatus,
                start: start, prior: prior, status: status, cause: cause, now: now))
    }

    // MARK: Centers

    /// A center with the given hours on the given weekdays (others closed).
    static func center(
        code: String = "BOS", name: String = "Boston ASC", zone: ZoneRules = newYork,
        days: [Weekday] = [.mon, .tue, .wed, .thu, .fri], hours: String = "08:00-16:00",
        slotMinutes: Int = 30, stations: Int = 3, closures: Set<LocalDate> = []
    ) -> Center {
        let h = Fx.hours(hours)
        return Center(
            code: code, name: name, address: "170 Portland St", city: "Boston", state: "MA",
            zone: zone, hours: Dictionary(uniqueKeysWithValues: days.map { ($0, h) }),
            slotMinutes: slotMinutes, stations: stations, closures: closures)
    }

    /// A center open every day 00:00-06:00 with 30-minute slots, so that DST gaps and overlaps
    /// fall inside its hours.
    static func nightCenter(zone: ZoneRules, code: String = "NIT") -> Center {
        center(code: code, name: "Night ASC", zone: zone, days: Weekday.allCases, hours: "00:00-06:00")
    }

    /// Checks a wall time at a center with the standard window.
    static func check(
        _ center: Center, _ local: String, booked: Int = 0, now: Date,
        window: SlotWindow = .standard, currentCenter: String? = nil, currentStart: Date? = nil
    ) -> SlotCheck {
        SlotCalendar.check(
            center: center, at: Fx.local(local), booked: booked, now: now, window: window,
            currentCenter: currentCenter, currentStart: currentStart)
    }
}
