import Foundation
import Testing

@testable import Scheduling

/// The waiting list for earlier slots (docs/policy.md W1-W5, and R3/R7 applied up front). The case's
/// appointment is Tue 2026-06-30 09:00 EDT at BOS; `now` is Sun 2026-06-14 12:00 EDT unless said.
@Suite("W1-W5 waiting list and offers")
struct WaitlistTests {
    static let now = Fx.iso("2026-06-14T12:00:00-04:00")
    static let current = Fx.iso("2026-06-30T09:00:00-04:00")
    static let bos = Fx.center()
    static let nyc = Fx.center(code: "NYC", name: "New York ASC")
    static let known: Set<String> = ["BOS", "NYC", "PHX"]

    static func snapshot(form: String = "I-485", prior: Int = 0, start: Date = current, status: AppointmentStatus = .scheduled) -> CaseSnapshot {
        CaseSnapshot(
            caseFile: Fx.caseFile(form: form), appointment: Fx.appointment(start: start, prior: prior, status: status),
            center: bos, lastRequestAt: nil, pendingEscalation: nil)
    }

    static func ask(
        _ actor: Actor = Fx.applicant, centers: [String] = [], from: String? = nil, before: String? = nil, not: String = "",
        cause: GoodCause = GoodCause(reason: .workOrCare), askedAt: Date = now
    ) -> WaitlistRequest {
        let ex = try! WaitlistExclusions.parse(not).get()
        return WaitlistRequest(
            receipt: Fx.receipt(), centers: centers, from: from.map(Fx.date), before: before.map(Fx.date),
            exclusions: ex, goodCause: cause, askedAt: askedAt, actor: actor)
    }

    static func evaluate(_ r: WaitlistRequest, _ s: CaseSnapshot = snapshot(), now: Date = now) -> WaitlistDecision {
        WaitlistPolicy.evaluate(r, snapshot: s, knownCenters: known, now: now)
    }

    static func refusedCodes(_ d: WaitlistDecision) -> [VerdictCode]? {
        if case let .refused(v) = d { return v.codes }
        return nil
    }
    static func problems(_ d: WaitlistDecision) -> [WaitlistCode]? {
        if case let .invalid(p) = d { return p.map(\.code) }
        return nil
    }
    static func accepted(_ d: WaitlistDecision) -> WaitlistRequest? {
        if case let .accepted(r) = d { return r }
        return nil
    }

    // MARK: Asking: R3 up front, with the codes a reschedule gets

    @Test("R3 W0 an online request for a case that could be rescheduled online is accepted, at the case's center by default")
    func onlineAccepted() throws {
        let r = try #require(Self.accepted(Self.evaluate(Self.ask())))
        #expect(r.centers == ["BOS"])
        #expect(r.channel == .online)
    }

    @Test("R3b W0 online: two prior reschedules refuse the request RESCHEDULE_LIMIT_REACHED")
    func onlineTwoPrior() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(), Self.snapshot(prior: 2))) == [.rescheduleLimitReached])
    }

    @Test("R3a W0 online: exactly 12 hours before the appointment is refused WITHIN_12_HOURS")
    func onlineWithin12h() {
        let start = Self.now.addingTimeInterval(12 * 3600)
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(), Self.snapshot(start: start))) == [.within12Hours])
    }

    @Test("R3c W0 online: a passed appointment is refused APPOINTMENT_PASSED")
    func onlinePassed() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(), Self.snapshot(start: Self.now))) == [.appointmentPassed])
    }

    @Test("R3d W0 online: an adoption form is refused FORM_EXCLUDED, with every other failing code")
    func onlineExcludedForm() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(), Self.snapshot(form: "I-800A", prior: 2))) == [.rescheduleLimitReached, .formExcluded])
    }

    @Test("R2 W0 online: other without an explanation is refused GOOD_CAUSE_REQUIRED")
    func onlineNoCause() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(cause: GoodCause(reason: .other)))) == [.goodCauseRequired])
    }

    @Test("R5 W0 another applicant's case is NOT_AUTHORIZED")
    func notAuthorized() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(Fx.otherApplicant))) == [.notAuthorized])
    }

    @Test("R7 W0 an agent may ask for a caller within 12 hours with a listed reason")
    func agentWithin12h() {
        let start = Self.now.addingTimeInterval(6 * 3600)
        #expect(Self.accepted(Self.evaluate(Self.ask(Fx.agent), Self.snapshot(start: start))) != nil)
    }

    @Test("R7 W0 an agent's request that would go to an officer (REPEAT_REQUEST) is refused with the escalation's codes")
    func agentRepeat() {
        let d = Self.evaluate(Self.ask(Fx.agent), Self.snapshot(prior: 2))
        #expect(Self.refusedCodes(d) == [.repeatRequest])
        if case let .refused(v) = d {
            #expect(v.message.hasPrefix("WAITLIST_NEEDS_OFFICER"))
            #expect(v.message(in: .es).contains("oficial"))
        }
    }

    @Test("R7 W0 an agent's request for an asylum case is refused ASYLUM (an officer decides)")
    func agentAsylum() {
        #expect(Self.refusedCodes(Self.evaluate(Self.ask(Fx.agent), Self.snapshot(form: "I-589"))) == [.asylum])
    }

    @Test("R6 W0 an applicant cannot claim the contact-center channel")
    func applicantClaimsContactCenter() {
        var r = Self.ask()
        r.channel = .contactCenter
        #expect(Self.refusedCodes(Self.evaluate(r)) == [.notAuthorized])
    }

    // MARK: The request's own shape

    @Test("W0 centers are upper-cased, de-duplicated and must be known; more than five is refused")
    func centers() throws {
        let r = try #require(Self.accepted(Self.evaluate(Self.ask(centers: ["nyc", "BOS", "nyc "]))))
        #expect(r.centers == ["NYC", "BOS"])
        #expect(Self.problems(Self.evaluate(Self.ask(centers: ["XYZ"]))) == [.unknownCenter])
        #expect(
            Self.problems(Self.evaluate(Self.ask(centers: ["A1", "A2", "A3", "A4", "A5", "A6"]))) == Array(repeating: .unknownCenter, count: 6) + [
                .tooManyCenters
            ])
    }

    @Test("W0 before may be the current appointment's day but not later; from must leave a day")
    func dates() {
        #expect(Self.accepted(Self.evaluate(Self.ask(before: "2026-06-30"))) != nil)
        #expect(Self.problems(Self.evaluate(Self.ask(before: "2026-07-01"))) == [.beforeTooLate])
        #expect(Self.problems(Self.evaluate(Self.ask(from: "2026-06-20", before: "2026-06-20"))) == [.emptyRange])
        #expect(Self.problems(Self.evaluate(Self.ask(from: "2026-07-01"))) == [.emptyRange])
        #expect(Self.accepted(Self.evaluate(Self.ask(from: "2026-06-30"))) != nil)
    }

    @Test("W0 --not parses weekdays (English and Spanish), am, pm and ranges; anything else names the item")
    func exclusions() throws {
        let e = try WaitlistExclusions.parse("Mon, viernes ,am,13:00-15:00").get()
        #expect(e.weekdays == [.mon, .fri])
        #expect(e.times == [.morning, TimeRange(from: LocalTime(hhmm: "13:00")!, to: LocalTime(hhmm: "15:00")!)!])
        #expect(e.text == "mon,fri,00:00-12:00,13:00-15:00")
        guard case let .failure(p) = WaitlistExclusions.parse("mon,noon") else {
            Issue.record("accepted noon")
            return
        }
        #expect(p.code == .badExclusion && p.item == "noon")
        #expect(p.message(in: .en).contains("\"noon\""))
        #expect(p.message(in: .es).contains("«noon»"))
        guard case .failure = WaitlistExclusions.parse("15:00-13:00") else {
            Issue.record("accepted a backwards range")
            return
        }
        let all = try WaitlistExclusions.parse("mon,tue,wed,thu,fri,sat,sun").get()
        #expect(
            Self.problems(
                Self.evaluate(
                    WaitlistRequest(
                        receipt: Fx.receipt(), exclusions: all, goodCause: GoodCause(reason: .medical),
                        askedAt: Self.now, actor: Fx.applicant))) == [.nothingLeft])
    }

    // MARK: W1, W2, W3 matching and order

    static func entry(
        _ id: Int64, askedAt: Date, centers: [String] = ["BOS"], from: String? = nil, before: String? = nil, not: String = "",
        currentStart: Date = current, open: Bool = false
    ) -> WaitingEntry {
        var r = ask(centers: centers, from: from, before: before, not: not, askedAt: askedAt)
        r.centers = centers
        return WaitingEntry(id: id, request: r, currentCenter: "BOS", currentStart: currentStart, hasOpenOffer: open)
    }

    static func slot(_ local: String, _ center: Center = bos) -> Slot { SlotCalendar.slot(of: center, at: Fx.local(local))! }

    @Test("W1 a slot matches only at a chosen center, earlier than the current appointment, inside from/before, not left out, inside the window")
    func w1Matches() {
        let w = SlotWindow.standard
        let e = Self.entry(1, askedAt: Self.now, from: "2026-06-17", before: "2026-06-26", not: "wed,pm")
        #expect(WaitlistMatching.matches(e, slot: Self.slot("2026-06-18T09:00"), now: Self.now, window: w)) // Thu morning
        #expect(!WaitlistMatching.matches(e, slot: Self.slot("2026-06-17T09:00"), now: Self.now, window: w)) // Wed left out
        #expect(!WaitlistMatching.matches(e, slot: Self.slot("2026-06-18T13:00"), now: Self.now, window: w)) // pm left out
        #expect(!WaitlistMatching.matches(e, slot: Self.slot("2026-06-16T09:00"), now: Self.now, window: w)) // before from
        #expect(!WaitlistMatching.matches(e, slot: Self.slot("2026-06-26T09:00"), now: Self.now, window: w)) // on the before day
        #expect(!WaitlistMatching.matches(e, slot: Self.slot("2026-06-18T09:00", Self.nyc), now: Self.now, window: w)) // other center
        let plain = Self.entry(2, askedAt: Self.now)
        #expect(!WaitlistMatching.matches(plain, slot: Self.slot("2026-06-30T09:00"), now: Self.now, window: w)) // not earlier
        #expect(WaitlistMatching.matches(plain, slot: Self.slot("2026-06-30T08:30"), now: Self.now, window: w)) // 30 min earlier
        // R12: a slot within the lead time cannot be offered: Mon 2026-06-15 11:30 is 23.5 h away.
        #expect(!WaitlistMatching.matches(plain, slot: Self.slot("2026-06-15T11:30"), now: Self.now, window: w))
        #expect(WaitlistMatching.matches(plain, slot: Self.slot("2026-06-15T12:30"), now: Self.now, window: w))
    }

    @Test("W2 the station goes to the matching request that asked first; open offers wait; ties go to the lower id")
    func w2Order() {
        let s = Self.slot("2026-06-18T09:00")
        let t0 = Self.now.addingTimeInterval(-86_400)
        let entries = [
            Self.entry(5, askedAt: t0.addingTimeInterval(300)),
            Self.entry(3, askedAt: t0, not: "thu"), // asked first, but not Thursdays
            Self.entry(4, askedAt: t0.addingTimeInterval(60), open: true), // has an open offer
            Self.entry(7, askedAt: t0.addingTimeInterval(120)),
            Self.entry(6, askedAt: t0.addingTimeInterval(120))
        ]
        #expect(WaitlistMatching.next(for: s, among: entries, now: Self.now, window: .standard)?.id == 6)
        #expect(WaitlistMatching.next(for: s, among: entries.filter { $0.id != 6 }, now: Self.now, window: .standard)?.id == 7)
        #expect(WaitlistMatching.next(for: Self.slot("2026-06-18T09:00", Self.nyc), among: entries, now: Self.now, window: .standard) == nil)
    }

    @Test("W3 a request's place counts the earlier requests sharing one of its centers")
    func w3Place() {
        let t0 = Self.now
        let a = Self.entry(1, askedAt: t0, centers: ["BOS"])
        let b = Self.entry(2, askedAt: t0.addingTimeInterval(1), centers: ["NYC"])
        let c = Self.entry(3, askedAt: t0.addingTimeInterval(2), centers: ["NYC", "BOS"])
        #expect(WaitlistMatching.place(of: a, among: [a, b, c]) == 1)
        #expect(WaitlistMatching.place(of: b, among: [a, b, c]) == 1)
        #expect(WaitlistMatching.place(of: c, among: [a, b, c]) == 3)
    }

    // MARK: W4, W5 deadlines and states

    @Test("W4 the deadline is now plus the hold (default 2 hours), but never later than the lead time allows")
    func w4Deadline() {
        let far = Fx.iso("2026-06-20T09:00:00-04:00")
        #expect(OfferRules.deadline(now: Self.now, slotStart: far, window: .standard, settings: .standard) == Self.now.addingTimeInterval(7200))
        // 25 hours away with a 24-hour lead: 1 hour less 1 second is left.
        let near = Self.now.addingTimeInterval(25 * 3600)
        #expect(OfferRules.deadline(now: Self.now, slotStart: near, window: .standard, settings: .standard) == Self.now.addingTimeInterval(3599))
        #expect(OfferRules.deadline(now: Self.now, slotStart: Self.now.addingTimeInterval(24 * 3600), window: .standard, settings: .standard) == nil)
        #expect(
            OfferRules.deadline(now: Self.now, slotStart: far, window: .standard, settings: OfferSettings(holdMinutes: 30)) == Self.now.addingTimeInterval(1800)
        )
    }

    @Test("W5 an open offer is late at its deadline; resolved offers stay as they are; final states never move")
    func w5States() {
        let o = Offer(
            id: 1, waitlistID: 1, receipt: Fx.receipt(), centerCode: "BOS", start: Self.current, createdAt: Self.now,
            deadline: Self.now.addingTimeInterval(7200), state: .open)
        #expect(OfferRules.resolvable(o, now: Self.now.addingTimeInterval(7199)) == nil)
        #expect(OfferRules.resolvable(o, now: Self.now.addingTimeInterval(7200)) == .offerExpired)
        #expect(o.state(at: Self.now.addingTimeInterval(7200)) == .expired)
        var accepted = o
        accepted.state = .accepted
        #expect(OfferRules.resolvable(accepted, now: Self.now) == .offerResolved)
        #expect(accepted.state(at: Self.now.addingTimeInterval(99_999)) == .accepted)
        for s in OfferState.allCases {
            #expect(OfferRules.canMove(from: .open, to: s) == (s != .open))
            for t in OfferState.allCases where s.isFinal { #expect(!OfferRules.canMove(from: s, to: t)) }
        }
    }

    @Test("W0 every waiting-list code has a sentence in English and Spanish")
    func catalog() {
        for c in WaitlistCode.allCases {
            #expect(!Catalog(.en).waitlistSentence(c).isEmpty)
            #expect(Catalog(.es).waitlistSentence(c) != Catalog(.en).waitlistSentence(c))
        }
    }
}
