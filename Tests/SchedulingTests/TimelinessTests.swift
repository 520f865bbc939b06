import Foundation
import Testing

@testable import Scheduling

@Suite("R1 R2 timeliness and good cause")
struct TimelinessTests {
    // MARK: R1

    @Test("R1 one second before the start is timely")
    func r1_oneSecondBefore() {
        let a = Fx.appointment(start: Fx.vectorStart)
        #expect(a.isTimely(at: Fx.vectorStart.addingTimeInterval(-1)))
    }

    @Test("R1 exactly at the start is untimely")
    func r1_exactlyAtStart() {
        let a = Fx.appointment(start: Fx.vectorStart)
        #expect(!a.isTimely(at: Fx.vectorStart))
        #expect(!a.isTimely(at: Fx.iso("2026-06-16T13:00:00Z")))
    }

    @Test("R1 after the start is untimely")
    func r1_afterStart() {
        let a = Fx.appointment(start: Fx.vectorStart)
        #expect(!a.isTimely(at: Fx.vectorStart.addingTimeInterval(1)))
        #expect(!a.isTimely(at: Fx.iso("2026-06-17T09:00:00-04:00")))
    }

    @Test("R1 instants are compared, not wall clocks: 08:30 PDT is after 09:00 EDT")
    func r1_instantsNotWallClocks() {
        let a = Fx.appointment(start: Fx.vectorStart) // 09:00 EDT = 06:00 PDT
        // The Los Angeles wall clock reads 08:30, earlier than "09:00", yet the instant is later.
        #expect(!a.isTimely(at: Fx.iso("2026-06-16T08:30:00-07:00")))
        #expect(a.isTimely(at: Fx.iso("2026-06-16T05:59:59-07:00")))
        #expect(!a.isTimely(at: Fx.iso("2026-06-16T06:00:00-07:00")))
    }

    @Test("R1 the agent's verdict flips from allowed to escalated UNTIMELY exactly at the start")
    func r1_policyFlipsAtStart() {
        let before = Fx.evaluate(actor: Fx.agent, now: Fx.vectorStart.addingTimeInterval(-1))
        let at = Fx.evaluate(actor: Fx.agent, now: Fx.vectorStart)
        #expect(before.decision == .allowed)
        #expect(at.decision == .escalated)
        #expect(at.codes == [.untimely])
    }

    // MARK: R2

    @Test("R2 the reason codes are the published ones")
    func r2_reasonCodes() {
        #expect(
            GoodCauseReason.allCases.map(\.rawValue)
                == ["medical", "travel", "life-event", "transportation", "work-or-care", "notice", "other"])
        #expect(GoodCauseReason.allCases.filter(\.isListed).count == 6)
        #expect(!GoodCauseReason.other.isListed)
    }

    @Test(
        "R2 each listed reason is good cause without text",
        arguments: [GoodCauseReason.medical, .travel, .lifeEvent, .transportation, .workOrCare, .notice])
    func r2_listedReasonSufficient(_ reason: GoodCauseReason) {
        #expect(GoodCause(reason: reason).isSufficient)
        let v = Fx.evaluate(actor: Fx.applicant, cause: GoodCause(reason: reason), now: Fx.iso("2026-06-14T12:00:00-04:00"))
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    @Test("R2 other needs a non-blank explanation", arguments: ["", "   ", "\n\t  \n"])
    func r2_otherBlankInsufficient(_ text: String) {
        #expect(!GoodCause(reason: .other, explanation: text).isSufficient)
    }

    @Test("R2 other with text is good cause")
    func r2_otherWithText() {
        #expect(GoodCause(reason: .other, explanation: "Court hearing the same morning").isSufficient)
        let v = Fx.evaluate(
            actor: Fx.applicant, cause: GoodCause(reason: .other, explanation: "Court hearing"),
            now: Fx.iso("2026-06-14T12:00:00-04:00"))
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    @Test("R2 online: other with blank text is refused GOOD_CAUSE_REQUIRED")
    func r2_onlineBlankOther() {
        let v = Fx.evaluate(
            actor: Fx.applicant, cause: GoodCause(reason: .other, explanation: "  "),
            now: Fx.iso("2026-06-14T12:00:00-04:00"))
        #expect(v.decision == .refused)
        #expect(v.codes == [.goodCauseRequired])
        #expect(v.guidance?.contains("Choose a reason") == true)
    }

    @Test("R2 contact center: other with blank text is refused GOOD_CAUSE_REQUIRED, not escalated")
    func r2_agentBlankOther() {
        let v = Fx.evaluate(
            actor: Fx.agent, cause: GoodCause(reason: .other, explanation: ""),
            now: Fx.iso("2026-06-14T12:00:00-04:00"))
        #expect(v.decision == .refused)
        #expect(v.codes == [.goodCauseRequired])
    }

    @Test("R2 without a reason the policy only answers eligibility (status pane)")
    func r2_eligibilityWithoutReason() {
        // `goodCause == nil` is the documented "could a request go ahead" question; it must not
        // invent other refusals, and a real request must carry a cause.
        let ok = Fx.evaluate(actor: Fx.applicant, cause: nil, now: Fx.iso("2026-06-14T12:00:00-04:00"))
        #expect(ok.decision == .allowed)
        let late = Fx.evaluate(actor: Fx.applicant, cause: nil, now: Fx.iso("2026-06-16T01:00:00-04:00"))
        #expect(late.codes == [.within12Hours])
    }
}
