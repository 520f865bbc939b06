import Foundation
import Testing

@testable import Scheduling

/// The contact center: R7, R8, R9. The appointment is Tue 2026-06-16 09:00 EDT.
@Suite("R7 R8 R9 contact center and channels")
struct ContactCenterTests {
    static let timely = Fx.iso("2026-06-15T10:00:00-04:00")
    static let within12h = Fx.iso("2026-06-16T06:00:00-04:00")
    static let untimely = Fx.iso("2026-06-16T10:15:00-04:00")

    // MARK: R7

    @Test(
        "R7 an agent completes a listed reason at once, also within 12 hours",
        arguments: [GoodCauseReason.medical, .travel, .lifeEvent, .transportation, .workOrCare, .notice])
    func r7_listedReasonWithin12h(_ reason: GoodCauseReason) {
        let v = Fx.evaluate(actor: Fx.agent, prior: 1, cause: GoodCause(reason: reason), now: Self.within12h)
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
        #expect(v.message.contains("within 12 hours"))
    }

    @Test("R7 an agent's allowed request more than 12 hours out says nothing about 12 hours")
    func r7_allowedComfortably() {
        let v = Fx.evaluate(actor: Fx.agent, now: Self.timely)
        #expect(v.decision == .allowed)
        #expect(!v.message.contains("12 hours"))
    }

    @Test("R7 UNTIMELY: a request at or after the start is escalated")
    func r7_untimely() {
        let v = Fx.evaluate(actor: Fx.agent, now: Self.untimely)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.untimely])
        #expect(v.message.contains("discretion"))
        #expect(v.guidance?.contains("preferred slot") == true)
    }

    @Test("R7 UNTIMELY: a missed appointment is escalated")
    func r7_missedIsUntimely() {
        let v = Fx.evaluate(actor: Fx.agent, status: .missed, now: Fx.iso("2026-06-18T10:00:00-04:00"))
        #expect(v.decision == .escalated)
        #expect(v.codes == [.untimely])
    }

    @Test("R7 REPEAT_REQUEST: two or more prior reschedules are escalated", arguments: [2, 3, 5])
    func r7_repeat(_ prior: Int) {
        let v = Fx.evaluate(actor: Fx.agent, prior: prior, now: Self.timely)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.repeatRequest])
    }

    @Test("R7 OTHER_REASON: other with text is escalated")
    func r7_other() {
        let v = Fx.evaluate(actor: Fx.agent, cause: GoodCause(reason: .other, explanation: "House fire"), now: Self.timely)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.otherReason])
    }

    @Test("R7 ASYLUM: an I-589 request is escalated with a dismissal warning")
    func r7_asylum() {
        let v = Fx.evaluate(actor: Fx.agent, form: "I-589", now: Self.timely)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.asylum])
        #expect(v.warnings == [.asylum])
        #expect(v.message.contains("dismissal"))
    }

    @Test("R7 all four escalation codes together, in order")
    func r7_allCodes() {
        let v = Fx.evaluate(
            actor: Fx.agent, form: "I-589", prior: 2,
            cause: GoodCause(reason: .other, explanation: "Detained by a flight cancellation"),
            now: Self.untimely)
        #expect(v.decision == .escalated)
        #expect(v.codes == [.untimely, .repeatRequest, .otherReason, .asylum])
        for code in v.codes { #expect(v.message.contains(code.sentence)) }
    }

    @Test("R7 combined codes: UNTIMELY + REPEAT_REQUEST, REPEAT_REQUEST + OTHER_REASON, UNTIMELY + ASYLUM")
    func r7_pairs() {
        #expect(Fx.evaluate(actor: Fx.agent, prior: 2, now: Self.untimely).codes == [.untimely, .repeatRequest])
        #expect(
            Fx.evaluate(
                actor: Fx.agent, prior: 4, cause: GoodCause(reason: .other, explanation: "x"),
                now: Self.timely
            ).codes == [.repeatRequest, .otherReason])
        #expect(Fx.evaluate(actor: Fx.agent, form: "I-589", now: Self.untimely).codes == [.untimely, .asylum])
    }

    @Test("R7 an agent cannot move an appointment that is not scheduled", arguments: [AppointmentStatus.attended, .rescheduled, .cancelled])
    func r7_notScheduled(_ status: AppointmentStatus) {
        let v = Fx.evaluate(actor: Fx.agent, status: status, now: Self.timely)
        #expect(v.decision == .refused)
        #expect(v.codes == [.notScheduled])
    }

    // MARK: R8

    @Test("R8 an untimely request is never allowed outright, whoever takes it", arguments: [Fx.agent, Fx.officer])
    func r8_untimelyNeverBookedDirectly(_ actor: Actor) {
        for reason in GoodCauseReason.allCases {
            let v = Fx.evaluate(actor: actor, cause: GoodCause(reason: reason, explanation: "explained"), now: Fx.vectorStart)
            #expect(v.decision == .escalated)
            #expect(v.codes.first == .untimely)
        }
    }

    // MARK: R9

    @Test(
        "R9 mail and in-person requests are refused CHANNEL_NOT_ACCEPTED for everyone",
        arguments: [Channel.mail, .inPerson], [Fx.applicant, Fx.representative, Fx.agent, Fx.officer, Fx.otherApplicant])
    func r9_channelNotAccepted(_ channel: Channel, _ actor: Actor) {
        let v = Fx.evaluate(actor: actor, channel: channel, now: Self.timely)
        #expect(v.decision == .refused)
        #expect(v.codes == [.channelNotAccepted])
        #expect(v.guidance?.contains(ContactCenter.phone) == true)
    }

    @Test("R9 channel names")
    func r9_channelNames() {
        #expect(Channel.mail.rawValue == "mail")
        #expect(Channel.inPerson.rawValue == "in-person")
    }
}
