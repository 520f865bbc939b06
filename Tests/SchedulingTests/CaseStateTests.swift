import Foundation
import Testing

@testable import Scheduling

/// Missed appointments (R10) and denied cases (R11). The appointment is Tue 2026-06-16 09:00 EDT.
@Suite("R10 R11 missed appointments and denied cases")
struct CaseStateTests {
    static let afterwards = Fx.iso("2026-06-17T12:00:00-04:00")

    static func flags(
        status: AppointmentStatus = .missed, lastRequestAt: Date? = nil, addressChangedAt: Date? = nil,
        now: Date = afterwards, receipt: String = "EAC2414052317", form: String = "I-485",
        caseStatus: CaseStatus = .pending
    ) -> [VerdictCode] {
        CaseFlags.flags(
            appointment: Fx.appointment(status: status, receipt: receipt),
            caseFile: Fx.caseFile(receipt: receipt, form: form, status: caseStatus, addressChangedAt: addressChangedAt),
            lastRequestAt: lastRequestAt, now: now)
    }

    // MARK: R10

    @Test("R10 missed with no timely request and no address change: ABANDONMENT_RISK")
    func r10_missedNoRequest() {
        #expect(Self.flags() == [.abandonmentRisk])
    }

    @Test("R10 a scheduled appointment whose start has passed without attended is missed")
    func r10_passedScheduled() {
        #expect(Self.flags(status: .scheduled, now: Fx.vectorStart) == [.abandonmentRisk])
        #expect(Self.flags(status: .scheduled, now: Fx.vectorStart.addingTimeInterval(-1)) == [])
    }

    @Test("R10 a timely request before the start clears the flag")
    func r10_timelyRequest() {
        #expect(Self.flags(lastRequestAt: Fx.vectorStart.addingTimeInterval(-1)) == [])
        #expect(Self.flags(lastRequestAt: Fx.iso("2026-06-10T08:00:00-04:00")) == [])
    }

    @Test("R10 a request at or after the start is untimely and does not clear the flag")
    func r10_untimelyRequest() {
        #expect(Self.flags(lastRequestAt: Fx.vectorStart) == [.abandonmentRisk])
        #expect(Self.flags(lastRequestAt: Fx.iso("2026-06-16T15:00:00-04:00")) == [.abandonmentRisk])
    }

    @Test("R10 a change of address before the start clears the flag; after it does not")
    func r10_addressChange() {
        #expect(Self.flags(addressChangedAt: Fx.iso("2026-06-01T10:00:00-04:00")) == [])
        #expect(Self.flags(addressChangedAt: Fx.vectorStart.addingTimeInterval(-60)) == [])
        #expect(Self.flags(addressChangedAt: Fx.vectorStart) == [.abandonmentRisk])
        #expect(Self.flags(addressChangedAt: Fx.iso("2026-06-16T17:00:00-04:00")) == [.abandonmentRisk])
    }

    @Test("R10 attended, rescheduled, cancelled and future appointments are not at risk")
    func r10_notMissed() {
        #expect(Self.flags(status: .attended) == [])
        #expect(Self.flags(status: .rescheduled) == [])
        #expect(Self.flags(status: .cancelled) == [])
        #expect(Self.flags(status: .scheduled, now: Fx.iso("2026-06-15T12:00:00-04:00")) == [])
    }

    @Test("R10 abandonmentRisk agrees with flags")
    func r10_abandonmentRiskFunction() {
        let a = Fx.appointment(status: .missed)
        #expect(CaseFlags.abandonmentRisk(appointment: a, caseFile: Fx.caseFile(), lastRequestAt: nil, now: Self.afterwards))
        #expect(
            !CaseFlags.abandonmentRisk(
                appointment: a, caseFile: Fx.caseFile(),
                lastRequestAt: Fx.iso("2026-06-15T22:00:00-04:00"), now: Self.afterwards))
    }

    @Test("R10 flags come in a stable order with ASYLUM, CASE_DENIED, UNKNOWN_PREFIX")
    func r10_flagOrder() {
        #expect(
            Self.flags(receipt: "ZZZ2414052317", form: "I-589", caseStatus: .denied)
                == [.abandonmentRisk, .asylum, .caseDenied, .unknownPrefix])
    }

    // MARK: R11

    @Test(
        "R11 a denied case cannot be rescheduled: CASE_DENIED with I-290B guidance",
        arguments: [Fx.applicant, Fx.representative, Fx.agent, Fx.officer])
    func r11_denied(_ actor: Actor) {
        let v = Fx.evaluate(actor: actor, caseStatus: .denied, now: Fx.iso("2026-06-10T10:00:00-04:00"))
        #expect(v.decision == .refused)
        #expect(v.codes == [.caseDenied])
        #expect(v.guidance?.contains("I-290B") == true)
        #expect(v.guidance?.contains("motion to reopen") == true)
    }

    @Test("R11 a denied case shows CASE_DENIED only, not the other failures")
    func r11_deniedOnly() {
        let v = Fx.evaluate(
            actor: Fx.applicant, form: "I-600", caseStatus: .denied, prior: 2,
            now: Fx.iso("2026-06-16T08:00:00-04:00"))
        #expect(v.codes == [.caseDenied])
    }

    @Test("R11 approved, pending and withdrawn cases are not CASE_DENIED", arguments: [CaseStatus.pending, .approved, .withdrawn])
    func r11_notDenied(_ status: CaseStatus) {
        let v = Fx.evaluate(actor: Fx.applicant, caseStatus: status, now: Fx.iso("2026-06-10T10:00:00-04:00"))
        #expect(!v.codes.contains(.caseDenied))
    }

    @Test("R11 the status pane flags a denied case")
    func r11_flag() {
        #expect(Self.flags(status: .scheduled, now: Fx.iso("2026-06-10T10:00:00-04:00"), caseStatus: .denied) == [.caseDenied])
    }
}
