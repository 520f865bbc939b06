import Foundation

/// Why a waiting-list request or an offer step is refused, beside the policy's own codes (R3, R7).
public enum WaitlistCode: String, CaseIterable, Sendable, Codable {
    /// A center code that is not a center of the store.
    case unknownCenter = "WAITLIST_UNKNOWN_CENTER"
    /// More centers than ``WaitlistRequest/maxCenters``.
    case tooManyCenters = "WAITLIST_TOO_MANY_CENTERS"
    /// `--before` later than the current appointment's day.
    case beforeTooLate = "WAITLIST_BEFORE_TOO_LATE"
    /// `--from` on or after `--before` (or after the current appointment): no day is left.
    case emptyRange = "WAITLIST_EMPTY_RANGE"
    /// Every weekday left out.
    case nothingLeft = "WAITLIST_NOTHING_LEFT"
    /// A `--not` item that is neither a weekday, `am`, `pm` nor `HH:MM-HH:MM`.
    case badExclusion = "WAITLIST_BAD_EXCLUSION"
    /// The contact-center rules would send a reschedule to an officer (R7): an offer held for hours
    /// cannot wait for a review, so the request is refused with the escalation's codes.
    case needsOfficer = "WAITLIST_NEEDS_OFFICER"
    /// The case has no request on the waiting list.
    case notWaiting = "WAITLIST_NOT_WAITING"
    /// The offer's deadline has passed (an expired offer cannot be accepted).
    case offerExpired = "OFFER_EXPIRED"
    /// The offer was resolved already (accepted, declined, expired or withdrawn).
    case offerResolved = "OFFER_RESOLVED"
    /// No such offer, or not the actor's (the same answer: nothing leaks, R5).
    case unknownOffer = "OFFER_UNKNOWN"

    public var sentence: String { Catalog.en.waitlistSentence(self) }
}

/// A time of day left out of a request: `[from, to)` on the center's wall clock.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    public var from: LocalTime
    public var to: LocalTime
    public init?(from: LocalTime, to: LocalTime) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
    }
    public func contains(_ t: LocalTime) -> Bool { t >= from && t < to }
    public var description: String { "\(from.hhmm)-\(to.hhmm)" }
    public static let morning = TimeRange(from: LocalTime(minutes: 0)!, to: LocalTime(minutes: 720)!)!
    public static let afternoon = TimeRange(from: LocalTime(minutes: 720)!, to: LocalTime(minutes: 1439)!)!
}

/// Weekdays and times of day a person cannot use (`--not mon,fri,am,13:00-15:00`).
public struct WaitlistExclusions: Hashable, Sendable {
    public var weekdays: Set<Weekday>
    public var times: [TimeRange]
    public init(weekdays: Set<Weekday> = [], times: [TimeRange] = []) {
        self.weekdays = weekdays
        self.times = times
    }
    public var isEmpty: Bool { weekdays.isEmpty && times.isEmpty }

    /// Whether a slot at this wall-clock time is left out.
    public func excludes(_ local: LocalDateTime) -> Bool {
        weekdays.contains(local.date.weekday) || times.contains { $0.contains(local.time) }
    }

    /// The stored and typed form: `mon,fri,08:00-10:00` (weekdays in week order, then times).
    public var text: String {
        (Weekday.allCases.filter(weekdays.contains).map(\.rawValue) + times.map(\.description)).joined(separator: ",")
    }

    /// Parses a comma list of weekdays (`mon` ... `sun`, or the full English or Spanish name),
    /// `am` (before 12:00), `pm` (from 12:00) and `HH:MM-HH:MM` ranges. At most 20 items, each at
    /// most 11 characters. The error names the item and what is expected.
    public static func parse(_ text: String) -> Result<WaitlistExclusions, WaitlistProblem> {
        var out = WaitlistExclusions()
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard items.count <= 20 else { return .failure(WaitlistProblem(.badExclusion, item: String(text.prefix(24)))) }
        for item in items {
            if item.isEmpty { continue }
            if item.count <= 11, let d = weekday(item) {
                out.weekdays.insert(d)
                continue
            }
            if item == "am" {
                out.times.append(.morning)
                continue
            }
            if item == "pm" {
                out.times.append(.afternoon)
                continue
            }
            let parts = item.split(separator: "-", omittingEmptySubsequences: false)
            if item.count <= 11, parts.count == 2, let a = LocalTime(hhmm: String(parts[0])), let b = LocalTime(hhmm: String(parts[1])),
                let r = TimeRange(from: a, to: b)
            {
                if !out.times.contains(r) { out.times.append(r) }
                continue
            }
            return .failure(WaitlistProblem(.badExclusion, item: item))
        }
        return .success(out)
    }

    static let names: [String: Weekday] = [
        "monday": .mon, "tuesday": .tue, "wednesday": .wed, "thursday": .thu, "friday": .fri, "saturday": .sat, "sunday": .sun,
        "lunes": .mon, "martes": .tue, "miercoles": .wed, "miércoles": .wed, "jueves": .thu, "viernes": .fri,
        "sabado": .sat, "sábado": .sat, "domingo": .sun,
        "lun": .mon, "mar": .tue, "mie": .wed, "mié": .wed, "jue": .thu, "vie": .fri, "sab": .sat, "sáb": .sat, "dom": .sun
    ]
    static func weekday(_ s: String) -> Weekday? { Weekday(rawValue: s) ?? names[s] }
}

/// One refusal of a waiting-list request: its code, and the item it is about when there is one.
public struct WaitlistProblem: Error, Hashable, Sendable {
    public var code: WaitlistCode
    public var item: String?
    public init(_ code: WaitlistCode, item: String? = nil) {
        self.code = code
        self.item = item
    }
    /// What was wrong and what is expected, in `language`.
    public func message(in language: Language) -> String { Catalog(language).waitlistProblem(self) }
}

/// A request to be offered an earlier slot: one per case (a new one replaces it).
public struct WaitlistRequest: Hashable, Sendable {
    public var receipt: ReceiptNumber
    /// Center codes, upper case, in the order given; the case's own center when none are given.
    public var centers: [String]
    /// Slots on or after this day (at the slot's center).
    public var from: LocalDate?
    /// Slots on days before this one; never later than the current appointment's day.
    public var before: LocalDate?
    public var exclusions: WaitlistExclusions
    /// Good cause (R2): accepting an offer is a reschedule, and every reschedule needs one.
    public var goodCause: GoodCause
    /// Where the offer is sent (R4's channels).
    public var notify: NotifyChannel?
    public var askedAt: Date
    public var actor: Actor
    public var channel: Channel

    public static let maxCenters = 5

    public init(
        receipt: ReceiptNumber, centers: [String] = [], from: LocalDate? = nil, before: LocalDate? = nil,
        exclusions: WaitlistExclusions = WaitlistExclusions(), goodCause: GoodCause, notify: NotifyChannel? = nil,
        askedAt: Date, actor: Actor, channel: Channel? = nil
    ) {
        self.receipt = receipt
        self.centers = centers
        self.from = from
        self.before = before
        self.exclusions = exclusions
        self.goodCause = goodCause
        self.notify = notify
        self.askedAt = askedAt
        self.actor = actor
        self.channel = channel ?? actor.role.channel
    }
}

/// The answer to asking: accepted (with the request as it will be stored) or refused with codes.
public enum WaitlistDecision: Sendable {
    case accepted(WaitlistRequest)
    /// The policy's refusal (R3 online, R5, R7 for an agent, R9, R11): the same verdict a reschedule gets.
    case refused(Verdict)
    /// The request itself is malformed.
    case invalid([WaitlistProblem])
}

/// The rules of asking (pure: the snapshot, the known centers and `now` are passed in).
public enum WaitlistPolicy {
    /// Decides a request for the case in `snapshot`. Order: the policy first (R5 before anything
    /// about the case is judged; online R3 with the same codes a reschedule gets; the contact
    /// center's R7, where an escalation refuses), then the request's own shape.
    public static func evaluate(_ asked: WaitlistRequest, snapshot: CaseSnapshot, knownCenters: Set<String>, now: Date) -> WaitlistDecision {
        var r = asked
        let ctx = RescheduleContext(
            actor: r.actor, channel: r.channel, caseFile: snapshot.caseFile, appointment: snapshot.appointment,
            goodCause: r.goodCause, now: now)
        let verdict = ReschedulePolicy.evaluate(ctx)
        switch verdict.decision {
        case .refused: return .refused(verdict)
        case .escalated:
            let codes = verdict.codes
            return .refused(
                Verdict(
                    decision: .refused, codes: codes,
                    text: Localized { t in t.waitlistNeedsOfficer(codes.map(\.rawValue).joined(separator: ", ")) },
                    guidance: Localized { $0.guidanceRecordForOfficer }, warnings: verdict.warnings))
        case .allowed: break
        }
        var problems: [WaitlistProblem] = []
        var seen = Set<String>()
        var centers: [String] = []
        for c in (r.centers.isEmpty ? [snapshot.appointment.centerCode] : r.centers) {
            let code = c.trimmingCharacters(in: .whitespaces).uppercased()
            guard !code.isEmpty, seen.insert(code).inserted else { continue }
            if !knownCenters.contains(code) { problems.append(WaitlistProblem(.unknownCenter, item: Echo.show(code, limit: 12))) }
            centers.append(code)
        }
        if centers.count > WaitlistRequest.maxCenters { problems.append(WaitlistProblem(.tooManyCenters, item: String(centers.count))) }
        let currentDay = snapshot.center.zone.local(snapshot.appointment.start).date
        if let b = r.before, b > currentDay { problems.append(WaitlistProblem(.beforeTooLate, item: currentDay.iso)) }
        let last = min(r.before ?? currentDay.adding(days: 1), currentDay.adding(days: 1))
        if let f = r.from, f >= last { problems.append(WaitlistProblem(.emptyRange, item: f.iso)) }
        if r.exclusions.weekdays.count == Weekday.allCases.count { problems.append(WaitlistProblem(.nothingLeft)) }
        guard problems.isEmpty else { return .invalid(problems) }
        r.centers = centers
        return .accepted(r)
    }
}
