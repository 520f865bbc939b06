import Foundation
import Testing

@testable import Scheduling

/// One row of the RULES.md test-vector table. The appointment is Tue 2026-06-16 09:00 EDT
/// (America/New_York, no DST change that week).
struct Vector: Sendable, CustomTestStringConvertible {
    let row: String
    let now: Date
    let prior: Int
    let actor: Actor
    let cause: GoodCause
    let decision: Decision
    let codes: [VerdictCode]
    var testDescription: String { row }
}

@Suite("RULES.md test vectors")
struct TestVectorTests {
    static let vectors: [Vector] = [
        Vector(
            row: "Mon 20:59:59, prior 1, online: allowed",
            now: Fx.iso("2026-06-15T20:59:59-04:00"), prior: 1, actor: Fx.applicant,
            cause: GoodCause(reason: .medical), decision: .allowed, codes: []),
        Vector(
            row: "Mon 21:00:00 (exactly 12 h), prior 0, online: refused WITHIN_12_HOURS",
            now: Fx.iso("2026-06-15T21:00:00-04:00"), prior: 0, actor: Fx.applicant,
            cause: GoodCause(reason: .medical), decision: .refused, codes: [.within12Hours]),
        Vector(
            row: "Mon 23:30, prior 2, online: refused WITHIN_12_HOURS, RESCHEDULE_LIMIT_REACHED",
            now: Fx.iso("2026-06-15T23:30:00-04:00"), prior: 2, actor: Fx.applicant,
            cause: GoodCause(reason: .medical), decision: .refused, codes: [.within12Hours, .rescheduleLimitReached]),
        Vector(
            row: "Mon 23:30, prior 0, contact-center agent medical: allowed",
            now: Fx.iso("2026-06-15T23:30:00-04:00"), prior: 0, actor: Fx.agent,
            cause: GoodCause(reason: .medical), decision: .allowed, codes: []),
        Vector(
            row: "Tue 08:59:59, prior 0, contact-center agent travel: allowed",
            now: Fx.iso("2026-06-16T08:59:59-04:00"), prior: 0, actor: Fx.agent,
            cause: GoodCause(reason: .travel), decision: .allowed, codes: []),
        Vector(
            row: "Tue 09:00:00, prior 0, contact-center agent medical: escalated UNTIMELY",
            now: Fx.iso("2026-06-16T09:00:00-04:00"), prior: 0, actor: Fx.agent,
            cause: GoodCause(reason: .medical), decision: .escalated, codes: [.untimely]),
        Vector(
            row: "Tue 09:00:00, prior 0, online: refused APPOINTMENT_PASSED",
            now: Fx.iso("2026-06-16T09:00:00-04:00"), prior: 0, actor: Fx.applicant,
            cause: GoodCause(reason: .medical), decision: .refused, codes: [.appointmentPassed]),
        Vector(
            row: "timely (Mon 10:00), prior 2, contact-center agent medical: escalated REPEAT_REQUEST",
            now: Fx.iso("2026-06-15T10:00:00-04:00"), prior: 2, actor: Fx.agent,
            cause: GoodCause(reason: .medical), decision: .escalated, codes: [.repeatRequest]),
        Vector(
            row: "timely (Tue 08:59:59), prior 2, contact-center agent medical: escalated REPEAT_REQUEST",
            now: Fx.iso("2026-06-16T08:59:59-04:00"), prior: 2, actor: Fx.agent,
            cause: GoodCause(reason: .medical), decision: .escalated, codes: [.repeatRequest]),
        Vector(
            row: "timely (Mon 10:00), prior 0, contact-center agent other + text: escalated OTHER_REASON",
            now: Fx.iso("2026-06-15T10:00:00-04:00"), prior: 0, actor: Fx.agent,
            cause: GoodCause(reason: .other, explanation: "My landlord locked me out of my apartment."),
            decision: .escalated, codes: [.otherReason]),
        Vector(
            row: "timely (Mon 23:30), prior 0, contact-center agent other + text: escalated OTHER_REASON",
            now: Fx.iso("2026-06-15T23:30:00-04:00"), prior: 0, actor: Fx.agent,
            cause: GoodCause(reason: .other, explanation: "Jury duty summons."),
            decision: .escalated, codes: [.otherReason])
    ]

    @Test("R1 R3 R6 R7 test-vector row", arguments: vectors)
    func row(_ v: Vector) {
        let verdict = Fx.evaluate(actor: v.actor, start: Fx.vectorStart, prior: v.prior, cause: v.cause, now: v.now)
        #expect(verdict.decision == v.decision)
        #expect(verdict.codes == v.codes)
    }

    @Test("Vector appointment is Tue 2026-06-16 09:00 EDT = 13:00Z")
    func vectorAppointment() {
        #expect(Fx.utc([Fx.vectorStart]) == ["2026-06-16T13:00:00Z"])
        #expect(Fx.newYork.formatLong(Fx.vectorStart) == "Tue 2026-06-16 09:00 EDT")
        #expect(Fx.at("2026-06-16T09:00") == Fx.vectorStart)
    }

    // MARK: DST and zones

    @Test("R1 R3a DST: Sat 2024-03-09 20:30 EST to Sun 09:00 EDT leaves 11h30, online refused WITHIN_12_HOURS")
    func r3a_springForwardNewYork() {
        let start = Fx.at("2024-03-10T09:00", Fx.newYork)
        let now = Fx.at("2024-03-09T20:30", Fx.newYork)
        #expect(Fx.utc([start, now]) == ["2024-03-10T13:00:00Z", "2024-03-10T01:30:00Z"])
        #expect(start.timeIntervalSince(now) == 11.5 * 3600)
        // The wall clocks are 12 h 30 min apart; the rule must not look at them.
        #expect(Fx.local("2024-03-10T09:00").wallSeconds - Fx.local("2024-03-09T20:30").wallSeconds == 12 * 3600 + 1800)
        let v = Fx.evaluate(actor: Fx.applicant, start: start, prior: 0, now: now)
        #expect(v.decision == .refused)
        #expect(v.codes == [.within12Hours])
        #expect(Fx.newYork.formatLong(start) == "Sun 2024-03-10 09:00 EDT")
        #expect(Fx.newYork.formatLong(now) == "Sat 2024-03-09 20:30 EST")
    }

    @Test("R1 R7 Phoenix 2024-07-01 10:00 MST seen at 00:30 CDT in Chicago: 11h30 remain")
    func r7_phoenixSeenFromChicago() {
        let start = Fx.at("2024-07-01T10:00", Fx.phoenix)
        let now = Fx.at("2024-07-01T00:30", Fx.chicago)
        #expect(Fx.utc([start, now]) == ["2024-07-01T17:00:00Z", "2024-07-01T05:30:00Z"])
        #expect(start.timeIntervalSince(now) == 11.5 * 3600)
        #expect(Fx.phoenix.format(start) == "2024-07-01 10:00 MST")
        #expect(Fx.chicago.format(now) == "2024-07-01 00:30 CDT")
        // The agent completes it (within 12 hours is fine for the contact center) ...
        let agent = Fx.evaluate(actor: Fx.agent, start: start, now: now)
        #expect(agent.decision == .allowed)
        #expect(agent.codes == [])
        #expect(agent.message.contains("within 12 hours"))
        // ... but online it is too late.
        let online = Fx.evaluate(actor: Fx.applicant, start: start, now: now)
        #expect(online.decision == .refused)
        #expect(online.codes == [.within12Hours])
    }
}
