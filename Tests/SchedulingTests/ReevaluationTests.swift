import Foundation
import Testing

@testable import Scheduling

/// R14: booking re-checks the policy and the slot with the current time. The transaction itself
/// is a store concern; here only the domain parts: the same request judged at a later `now`.
@Suite("R14 re-evaluation at booking time")
struct ReevaluationTests {
    @Test("R14 an online request allowed when shown is refused WITHIN_12_HOURS when booked later")
    func r14_onlineCrossesCutoff() {
        let shown = Fx.context(actor: Fx.applicant, now: Fx.iso("2026-06-15T20:55:00-04:00"))
        #expect(ReschedulePolicy.evaluate(shown).decision == .allowed)
        var booked = shown
        booked.now = Fx.iso("2026-06-15T21:00:00-04:00")
        let v = ReschedulePolicy.evaluate(booked)
        #expect(v.decision == .refused)
        #expect(v.codes == [.within12Hours])
    }

    @Test("R14 an agent's request allowed when shown is escalated UNTIMELY when booked after the start")
    func r14_agentCrossesStart() {
        var c = Fx.context(actor: Fx.agent, now: Fx.iso("2026-06-16T08:59:30-04:00"))
        #expect(ReschedulePolicy.evaluate(c).decision == .allowed)
        c.now = Fx.iso("2026-06-16T09:00:00-04:00")
        let v = ReschedulePolicy.evaluate(c)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.untimely])
    }

    @Test("R14 an appointment changed since it was shown is judged as it is now")
    func r14_changedAppointment() {
        var c = Fx.context(actor: Fx.applicant, prior: 1, now: Fx.iso("2026-06-12T10:00:00-04:00"))
        #expect(ReschedulePolicy.evaluate(c).decision == .allowed)
        // Someone else rescheduled it meanwhile: the old appointment is no longer scheduled.
        c.appointment.status = .rescheduled
        c.appointment.version += 1
        #expect(ReschedulePolicy.evaluate(c).codes == [.notScheduled])
        // Or the chain's count went up to the limit.
        var d = Fx.context(actor: Fx.applicant, prior: 1, now: Fx.iso("2026-06-12T10:00:00-04:00"))
        d.appointment.priorReschedules = 2
        #expect(ReschedulePolicy.evaluate(d).codes == [.rescheduleLimitReached])
    }

    @Test("R14 a slot offered when shown falls inside the lead time when booked later")
    func r14_slotLeavesWindow() {
        let center = Fx.center()
        let shownAt = Fx.iso("2026-06-15T09:00:00-04:00")
        #expect(Fx.check(center, "2026-06-16T09:30", now: shownAt).isOffered)
        let bookedAt = Fx.iso("2026-06-15T09:30:00-04:00")
        #expect(Fx.check(center, "2026-06-16T09:30", now: bookedAt).codes == [.slotOutOfWindow])
    }

    @Test("R14 a slot with one free station when shown is unavailable once it fills")
    func r14_slotFills() {
        let center = Fx.center(stations: 2)
        let now = Fx.iso("2026-06-15T09:00:00-04:00")
        #expect(Fx.check(center, "2026-06-18T11:00", booked: 1, now: now).isOffered)
        #expect(Fx.check(center, "2026-06-18T11:00", booked: 2, now: now).codes == [.slotUnavailable])
    }

    @Test("R14 CONFLICT and SLOT_FULL codes exist with their RULES.md names")
    func r14_codes() {
        #expect(VerdictCode.conflict.rawValue == "CONFLICT")
        #expect(VerdictCode.slotFull.rawValue == "SLOT_FULL")
    }
}
