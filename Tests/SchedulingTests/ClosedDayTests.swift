import Foundation
import Testing

@testable import Scheduling

/// R17: a closed day never costs the caller. The appointment is Tue 2026-06-16 09:00 EDT at BOS;
/// the center's closures name that Tuesday or not.
@Suite("R17 a closed day never costs the caller")
struct ClosedDayTests {
    static let closedBOS = Fx.center(closures: [Fx.date("2026-06-16")])
    static let openBOS = Fx.center(closures: [Fx.date("2026-06-17")])
    static let comfortable = Fx.iso("2026-06-14T12:00:00-04:00") // 45 h before
    static let lateMonday = Fx.iso("2026-06-15T23:30:00-04:00") // 9 h 30 min before
    static let afterStart = Fx.iso("2026-06-16T10:00:00-04:00")

    static func evaluate(
        actor: Actor, form: String = "I-485", prior: Int = 0, status: AppointmentStatus = .scheduled,
        cause: GoodCause? = nil, now: Date, center: Center = closedBOS
    ) -> Verdict {
        let a = Fx.appointment(prior: prior, status: status)
        return ReschedulePolicy.evaluate(
            RescheduleContext(
                actor: actor, caseFile: Fx.caseFile(form: form), appointment: a, goodCause: cause,
                now: now, centerClosed: ClosedDay.applies(to: a, at: center)))
    }

    @Test("R17 the day is read on the center's wall clock: 23:30 EDT is the closed Tuesday, 00:30 EDT Wednesday is not")
    func r17_wallClockDay() {
        let c = Self.closedBOS
        #expect(ClosedDay.isClosure(Fx.at("2026-06-16T23:30"), at: c))
        #expect(!ClosedDay.isClosure(Fx.at("2026-06-17T00:30"), at: c))
        // 02:00Z on Wednesday is still Tuesday 22:00 in Boston.
        #expect(ClosedDay.isClosure(Fx.iso("2026-06-17T02:00:00Z"), at: c))
        #expect(!ClosedDay.applies(to: Fx.appointment(), at: Self.openBOS))
    }

    @Test(
        "R17 only an appointment still to be kept is flagged: attended, rescheduled and cancelled ones are not; another center's closure is not",
        arguments: [(AppointmentStatus.scheduled, true), (.missed, true), (.attended, false), (.rescheduled, false), (.cancelled, false)])
    func r17_statuses(_ status: AppointmentStatus, _ flagged: Bool) {
        #expect(ClosedDay.applies(to: Fx.appointment(status: status), at: Self.closedBOS) == flagged)
        #expect(!ClosedDay.applies(to: Fx.appointment(status: status, center: "NYC"), at: Self.closedBOS))
    }

    @Test("R17 R3b online: two prior reschedules and no reason, still allowed; the message says why and that it does not count")
    func r17_onlineLimitIgnored() {
        let v = Self.evaluate(actor: Fx.applicant, prior: 2, now: Self.comfortable)
        #expect(v.decision == .allowed && v.codes.isEmpty)
        #expect(v.warnings == [.centerClosed])
        #expect(v.message.contains("Center closed that day") && v.message.contains("does not count"))
        #expect(v.message(in: .es).contains("no cuenta"))
        // The same case on an open day is refused, so the rule is what allows it.
        let open = Self.evaluate(actor: Fx.applicant, prior: 2, cause: GoodCause(reason: .medical), now: Self.comfortable, center: Self.openBOS)
        #expect(open.codes == [.rescheduleLimitReached])
    }

    @Test("R17 R3a online within 12 hours and after the start of a closed day: allowed (the caller could not have attended)")
    func r17_onlineCutoffIgnored() {
        #expect(Self.evaluate(actor: Fx.applicant, now: Self.lateMonday).isAllowed)
        #expect(Self.evaluate(actor: Fx.applicant, now: Self.afterStart).isAllowed)
        #expect(Self.evaluate(actor: Fx.applicant, cause: GoodCause(reason: .medical), now: Self.lateMonday, center: Self.openBOS).codes == [.within12Hours])
    }

    @Test(
        "R17 R7 an agent completes a move off a closed day at once: no REPEAT_REQUEST, no UNTIMELY, no OTHER_REASON escalation",
        arguments: [(2, GoodCause?.none), (3, GoodCause(reason: .other, explanation: "")), (0, GoodCause(reason: .other, explanation: "storm"))])
    func r17_agentNoEscalation(_ prior: Int, _ cause: GoodCause?) {
        for now in [Self.comfortable, Self.afterStart] {
            let v = Self.evaluate(actor: Fx.agent, prior: prior, cause: cause, now: now)
            #expect(v.decision == .allowed, "\(prior) \(String(describing: cause)) \(now)")
        }
        #expect(
            Self.evaluate(actor: Fx.agent, prior: 2, cause: GoodCause(reason: .medical), now: Self.comfortable, center: Self.openBOS).codes == [.repeatRequest])
    }

    @Test("R17 R3d an adoption form is still not moved online (FORM_EXCLUDED, call the Contact Center); the agent moves it")
    func r17_formExcludedStays() {
        let online = Self.evaluate(actor: Fx.applicant, form: "I-600", now: Self.comfortable)
        #expect(online.codes == [.formExcluded] && online.guidance == ContactCenter.callGuidance)
        #expect(Self.evaluate(actor: Fx.agent, form: "I-600", now: Self.comfortable).isAllowed)
    }

    @Test("R17 R11 R5 a denied case and someone else's case are refused as before")
    func r17_deniedAndUnauthorized() {
        let a = Fx.appointment()
        let denied = ReschedulePolicy.evaluate(
            RescheduleContext(
                actor: Fx.agent, caseFile: Fx.caseFile(status: .denied), appointment: a, goodCause: nil,
                now: Self.comfortable, centerClosed: true))
        #expect(denied.codes == [.caseDenied])
        let other = ReschedulePolicy.evaluate(
            RescheduleContext(
                actor: Fx.otherApplicant, caseFile: Fx.caseFile(), appointment: a, goodCause: nil,
                now: Self.comfortable, centerClosed: true))
        #expect(other.codes == [.notAuthorized])
    }

    @Test("R17 R7 an asylum case moved off a closed day is not escalated; ASYLUM stays a warning")
    func r17_asylumWarning() {
        let v = Self.evaluate(actor: Fx.agent, form: "I-589", now: Self.comfortable)
        #expect(v.isAllowed && v.warnings == [.centerClosed, .asylum])
    }

    @Test("R17 R10 the flags: CENTER_CLOSED first, and a closed day that passed is never ABANDONMENT_RISK")
    func r17_flags() {
        let snap = CaseSnapshot(caseFile: Fx.caseFile(), appointment: Fx.appointment(), center: Self.closedBOS, lastRequestAt: nil, pendingEscalation: nil)
        #expect(CaseFlags.flags(snap, now: Self.comfortable) == [.centerClosed])
        #expect(CaseFlags.flags(snap, now: Self.afterStart) == [.centerClosed])
        var open = snap
        open.center = Self.openBOS
        #expect(CaseFlags.flags(open, now: Self.afterStart) == [.abandonmentRisk])
        #expect(VerdictCode.centerClosed.sentence == "Center closed that day: this appointment must be moved.")
    }

    @Test("R17 find: a match whose appointment falls on a closure of its center is marked; each center is looked up once")
    func r17_findMarks() {
        var result = CallerSearchResult(
            query: .receipt(Fx.receipt()),
            matches: [
                CallerMatch(receipt: Fx.receipt(), name: "A", dateOfBirth: nil, form: "I-485", next: Fx.appointment(), centerTimeZone: "America/New_York"),
                CallerMatch(
                    receipt: Fx.receipt("WAC2390112345"), name: "B", dateOfBirth: nil, form: "I-485",
                    next: Fx.appointment(start: Fx.at("2026-06-18T09:00"), receipt: "WAC2390112345"), centerTimeZone: "America/New_York"),
                CallerMatch(receipt: Fx.receipt("LIN2501234567"), name: "C", dateOfBirth: nil, form: "I-485", next: nil, centerTimeZone: nil)
            ], more: false)
        var asked = 0
        result.markClosedDays { (code: String) -> Center? in
            asked += 1
            return code == "BOS" ? Self.closedBOS : nil
        }
        #expect(result.matches.map(\.centerClosed) == [true, false, false])
        #expect(asked == 1)
    }

    @Test("R17 R16 the notice of a move off a closed day says why (with the closure's reason) and that it does not count, in both languages")
    func r17_notice() {
        var n = AppointmentNotice(
            number: "BN0000000042", receipt: Fx.receipt(), applicantName: Fx.applicantName, center: Self.openBOS,
            start: Fx.at("2026-06-18T09:00"), issuedAt: Self.comfortable)
        #expect(!n.text.contains("closed"))
        n.closedDay = ClosedDayMove(from: Fx.vectorStart, center: Self.closedBOS, reason: "snow storm")
        #expect(n.text.contains("Your appointment of Tue 2026-06-16 09:00 EDT at Boston ASC was moved because the center is closed that day (snow storm)."))
        #expect(n.text.contains("does not count as one of your reschedules"))
        #expect(n.text(in: .es).contains("porque el centro está cerrado ese día (snow storm)"))
        #expect(n.text(in: .es).contains("no cuenta como uno de sus cambios permitidos"))
        n.closedDay = ClosedDayMove(from: Fx.vectorStart, center: Self.closedBOS, reason: "  ")
        #expect(n.text.contains("closed that day. This change"), "a blank reason is left out")
    }
}
