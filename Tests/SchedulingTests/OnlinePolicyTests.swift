import Foundation
import Testing

@testable import Scheduling

/// Online self-service: R3, R4, R5, R6. The appointment is Tue 2026-06-16 09:00 EDT.
@Suite("R3 R4 R5 R6 online self-service")
struct OnlinePolicyTests {
    static let comfortable = Fx.iso("2026-06-14T12:00:00-04:00") // 45 h before
    static let lateMonday = Fx.iso("2026-06-15T23:30:00-04:00") // 9 h 30 min before

    // MARK: R3a

    @Test("R3a 12 hours and 1 second before is allowed")
    func r3a_justOver12h() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Fx.vectorStart.addingTimeInterval(-(12 * 3600 + 1)))
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    @Test("R3a exactly 12 hours before is refused WITHIN_12_HOURS")
    func r3a_exactly12h() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Fx.vectorStart.addingTimeInterval(-12 * 3600))
        #expect(v.decision == .refused)
        #expect(v.codes == [.within12Hours])
    }

    @Test("R3a one second before the start is refused WITHIN_12_HOURS only")
    func r3a_oneSecondBefore() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Fx.vectorStart.addingTimeInterval(-1))
        #expect(v.codes == [.within12Hours])
    }

    @Test("R3a refusal tells the person to call the Contact Center")
    func r3a_callGuidance() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Self.lateMonday)
        #expect(v.guidance == ContactCenter.callGuidance)
        #expect(v.guidance?.contains("800-375-5283") == true)
        #expect(v.message.contains(VerdictCode.within12Hours.sentence))
    }

    // MARK: R3b

    @Test(
        "R3b one prior reschedule is allowed, two or more are refused RESCHEDULE_LIMIT_REACHED",
        arguments: [(0, true), (1, true), (2, false), (3, false)])
    func r3b_limit(_ prior: Int, _ allowed: Bool) {
        let v = Fx.evaluate(actor: Fx.applicant, prior: prior, now: Self.comfortable)
        #expect(v.isAllowed == allowed)
        #expect(v.codes == (allowed ? [] : [.rescheduleLimitReached]))
    }

    // MARK: R3c

    @Test("R3c a passed appointment is refused APPOINTMENT_PASSED, not WITHIN_12_HOURS")
    func r3c_passed() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Fx.iso("2026-06-16T11:00:00-04:00"))
        #expect(v.decision == .refused)
        #expect(v.codes == [.appointmentPassed])
    }

    @Test("R3c a missed appointment is refused APPOINTMENT_PASSED")
    func r3c_missed() {
        let v = Fx.evaluate(actor: Fx.applicant, status: .missed, now: Fx.iso("2026-06-17T10:00:00-04:00"))
        #expect(v.codes == [.appointmentPassed])
    }

    @Test(
        "R3c an appointment that is not scheduled is refused NOT_SCHEDULED",
        arguments: [AppointmentStatus.attended, .rescheduled, .cancelled])
    func r3c_notScheduled(_ status: AppointmentStatus) {
        let v = Fx.evaluate(actor: Fx.applicant, status: status, now: Self.comfortable)
        #expect(v.decision == .refused)
        #expect(v.codes == [.notScheduled])
    }

    // MARK: R3d

    @Test(
        "R3d intercountry adoption forms are refused FORM_EXCLUDED online",
        arguments: ["I-600", "I-600A", "I-800", "I-800A", "i-800a", " I-600 "])
    func r3d_excludedForm(_ form: String) {
        let v = Fx.evaluate(actor: Fx.applicant, form: form, now: Self.comfortable)
        #expect(v.decision == .refused)
        #expect(v.codes == [.formExcluded])
    }

    @Test("R3d other forms are not excluded", arguments: ["I-485", "I-765", "N-400", "I-90", "I-601", "I-589"])
    func r3d_notExcluded(_ form: String) {
        let v = Fx.evaluate(actor: Fx.applicant, form: form, now: Self.comfortable)
        #expect(v.decision == .allowed)
        #expect(!v.codes.contains(.formExcluded))
    }

    @Test("R3d the exclusion is online only: an agent completes an I-800A request")
    func r3d_agentMayMoveExcludedForm() {
        let v = Fx.evaluate(actor: Fx.agent, form: "I-800A", now: Self.comfortable)
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    // MARK: R3 all at once

    @Test("R3 every failing condition is reported: within 12h + limit + excluded form + no good cause")
    func r3_allFailuresTogether() {
        let v = Fx.evaluate(
            actor: Fx.applicant, form: "I-600A", prior: 2,
            cause: GoodCause(reason: .other, explanation: " "), now: Self.lateMonday)
        #expect(v.decision == .refused)
        #expect(v.codes == [.within12Hours, .rescheduleLimitReached, .formExcluded, .goodCauseRequired])
        for code in v.codes { #expect(v.message.contains(code.sentence)) }
        #expect(v.guidance == ContactCenter.callGuidance)
    }

    @Test("R3 within 12h + limit + excluded form are reported together")
    func r3_threeFailures() {
        let v = Fx.evaluate(actor: Fx.representative, form: "I-800", prior: 2, now: Self.lateMonday)
        #expect(v.codes == [.within12Hours, .rescheduleLimitReached, .formExcluded])
    }

    @Test("R3 passed + limit + not scheduled combinations")
    func r3_passedAndLimit() {
        let passed = Fx.evaluate(actor: Fx.applicant, form: "I-600", prior: 2, now: Fx.iso("2026-06-16T09:30:00-04:00"))
        #expect(passed.codes == [.rescheduleLimitReached, .appointmentPassed, .formExcluded])
        let attended = Fx.evaluate(actor: Fx.applicant, prior: 3, status: .attended, now: Fx.iso("2026-06-16T10:00:00-04:00"))
        #expect(attended.codes == [.rescheduleLimitReached, .notScheduled])
    }

    @Test("R3 an I-589 case can be rescheduled online but carries the ASYLUM warning")
    func r3_asylumOnlineWarning() {
        let v = Fx.evaluate(actor: Fx.applicant, form: "I-589", now: Self.comfortable)
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
        #expect(v.warnings == [.asylum])
        #expect(v.message.contains("I-589"))
    }

    // MARK: R4

    @Test("R4 an allowed online request says how many online reschedules are used", arguments: [0, 1])
    func r4_usedCount(_ prior: Int) {
        let v = Fx.evaluate(actor: Fx.applicant, prior: prior, now: Self.comfortable)
        #expect(v.decision == .allowed)
        #expect(v.message.contains("\(prior) of 2 online reschedules used"))
    }

    @Test("R4 the new time may be at another center: the same instant elsewhere is not SAME_SLOT")
    func r4_anotherCenter() {
        let boston = Fx.center(code: "BOS")
        let newYork = Fx.center(code: "NYC", name: "New York ASC")
        let current = Fx.at("2026-06-23T09:00")
        let now = Self.comfortable
        let elsewhere = Fx.check(newYork, "2026-06-23T09:00", now: now, currentCenter: boston.code, currentStart: current)
        #expect(elsewhere.isOffered)
        #expect(elsewhere.codes == [])
        let same = Fx.check(boston, "2026-06-23T09:00", now: now, currentCenter: boston.code, currentStart: current)
        #expect(same.codes == [.sameSlot])
    }

    // MARK: R5

    @Test("R5 an applicant acts on the case linked to their account")
    func r5_ownCase() {
        let v = Fx.evaluate(actor: Fx.applicant, now: Self.comfortable)
        #expect(v.decision == .allowed)
    }

    @Test("R5 a representative with a G-28 on file acts on the case")
    func r5_representativeWithG28() {
        let v = Fx.evaluate(actor: Fx.representative, now: Self.comfortable)
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    @Test(
        "R5 unauthorized actors get only NOT_AUTHORIZED and see nothing about the case",
        arguments: [
            Fx.otherApplicant, Fx.otherRepresentative,
            Actor(role: .applicant, id: ""), Actor(role: .representative, id: Fx.applicant.id)
        ])
    func r5_notAuthorizedOnly(_ actor: Actor) {
        // Everything else about this request would fail too: within 12 h, limit, excluded form, denied.
        let v = Fx.evaluate(
            actor: actor, form: "I-600", caseStatus: .denied, prior: 2,
            cause: GoodCause(reason: .other), now: Self.lateMonday)
        #expect(v.decision == .refused)
        #expect(v.codes == [.notAuthorized])
        #expect(v.warnings == [])
        let shown = v.message + " " + (v.guidance ?? "")
        for secret in ["EAC2414052317", Fx.applicantName, "I-600", "denied", "09:00", "2026"] {
            #expect(!shown.contains(secret), "leaks \(secret)")
        }
    }

    @Test("R5 an unauthorized applicant on an asylum case gets no ASYLUM warning")
    func r5_noAsylumLeak() {
        let v = Fx.evaluate(actor: Fx.otherApplicant, form: "I-589", now: Self.comfortable)
        #expect(v.codes == [.notAuthorized])
        #expect(v.warnings == [])
    }

    @Test("R5 an appointment of another receipt than the case is NOT_AUTHORIZED")
    func r5_mismatchedAppointment() {
        let c = RescheduleContext(
            actor: Fx.applicant, caseFile: Fx.caseFile(),
            appointment: Fx.appointment(receipt: "WAC2390112345"),
            goodCause: GoodCause(reason: .medical), now: Self.comfortable)
        let v = ReschedulePolicy.evaluate(c)
        #expect(v.codes == [.notAuthorized])
    }

    @Test("R5 isAuthorized: own account, G-28, staff; not others")
    func r5_isAuthorized() {
        let c = Fx.caseFile()
        #expect(c.isAuthorized(Fx.applicant))
        #expect(c.isAuthorized(Fx.representative))
        #expect(c.isAuthorized(Fx.agent))
        #expect(c.isAuthorized(Fx.officer))
        #expect(!c.isAuthorized(Fx.otherApplicant))
        #expect(!c.isAuthorized(Fx.otherRepresentative))
        // A case with no linked account is nobody's online.
        var unlinked = c
        unlinked.applicantAccount = nil
        #expect(!unlinked.isAuthorized(Fx.applicant))
    }

    // MARK: R6

    @Test("R6 an untimely request is refused online and escalated by the contact center")
    func r6_untimelyOnlyThroughContactCenter() {
        let now = Fx.iso("2026-06-16T09:20:00-04:00")
        let online = Fx.evaluate(actor: Fx.applicant, now: now)
        #expect(online.decision == .refused)
        #expect(online.codes == [.appointmentPassed])
        #expect(online.guidance?.contains(ContactCenter.phone) == true)
        let rep = Fx.evaluate(actor: Fx.representative, now: now)
        #expect(rep.codes == [.appointmentPassed])
        let agent = Fx.evaluate(actor: Fx.agent, now: now)
        #expect(agent.decision == .escalated)
        #expect(agent.codes == [.untimely])
    }

    @Test(
        "R6 an applicant or representative cannot claim the contact-center channel to skip R3",
        arguments: [Fx.applicant, Fx.representative])
    func r6_contactCenterIsStaffOnly(_ actor: Actor) {
        // Untimely and within 12 hours: the contact center would escalate or allow, online refuses.
        for now in [Fx.vectorStart, Self.lateMonday] {
            let v = Fx.evaluate(actor: actor, channel: .contactCenter, now: now)
            #expect(v.decision == .refused)
            #expect(v.codes == [.notAuthorized])
        }
    }

    @Test("R6 roles map to their channels")
    func r6_roleChannels() {
        #expect(Role.applicant.channel == .online)
        #expect(Role.representative.channel == .online)
        #expect(Role.agent.channel == .contactCenter)
        #expect(Role.officer.channel == .contactCenter)
        #expect(Channel.contactCenter.rawValue == "contact-center")
    }
}
