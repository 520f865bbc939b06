import Foundation
import Scheduling
import Testing

@testable import Notifications

@Suite("What each message says")
struct NotificationComposerTests {
    @Test("R13 R16 a booking: the new time on the center's clock with its zone, center, address, notice number, what to bring, two calendar files")
    func booking() throws {
        let c = try NotificationComposer.compose(NFx.item(.booked), organizer: NFx.from, now: NFx.now)
        #expect(c.subject.contains("Tue 2026-12-08 10:00 EST"))
        #expect(c.text.contains("New appointment: Tue 2026-12-08 10:00 EST"))
        #expect(c.text.contains("Boston ASC") && c.text.contains("170 Tremont St, Boston, MA"))
        #expect(c.text.contains("BN0000000007"))
        #expect(c.text.contains("Thu 2026-12-03 10:00 EST"), "the time it replaces")
        for item in AppointmentNotice.whatToBring { #expect(c.text.contains(item)) }
        #expect(c.calendars.map(\.method) == [.request, .cancel])
        #expect(c.sms.contains("Tue 2026-12-08 10:00 EST") && c.sms.contains("BN0000000007"))
    }

    @Test("R8 an officer's approval is a booking that says so, with the officer's note")
    func approval() throws {
        let r = RequestFacts(
            id: "req-9", decision: .approved, codes: [.untimely], reviewNote: "Hospital letter seen", preferredWhen: nil, preferredCenterName: nil)
        let c = try NotificationComposer.compose(NFx.item(.booked, request: r), organizer: NFx.from, now: NFx.now)
        #expect(c.subject.hasPrefix("Approved"))
        #expect(c.text.contains("An officer approved") && c.text.contains("Hospital letter seen"))
    }

    @Test("R7 an escalation names the request and its codes, and says the current appointment stands")
    func escalation() throws {
        let r = RequestFacts(
            id: "req-1", decision: .escalated, codes: [.asylum], reviewNote: nil, preferredWhen: "Wed 2026-12-09 09:00 EST", preferredCenterName: "Boston ASC")
        let c = try NotificationComposer.compose(NFx.item(.escalated, request: r), organizer: nil, now: NFx.now)
        #expect(c.text.contains("req-1") && c.text.contains("ASYLUM"))
        #expect(c.text.contains(ReschedulePolicy.asylumWarning))
        #expect(c.text.contains("current appointment stands: Tue 2026-12-08 10:00 EST"))
        #expect(c.calendars.isEmpty)
    }

    @Test("R11 a denial of a denied case gives the I-290B route; of another case it does not")
    func denial() throws {
        let r = RequestFacts(
            id: "req-2", decision: .denied, codes: [.untimely], reviewNote: "No good cause shown", preferredWhen: nil, preferredCenterName: nil)
        let denied = try NotificationComposer.compose(NFx.item(.denied, caseStatus: .denied, request: r), organizer: nil, now: NFx.now)
        #expect(denied.text.contains("Form I-290B") && denied.text.contains("CASE_DENIED"))
        #expect(denied.sms.contains("I-290B"))
        let pending = try NotificationComposer.compose(NFx.item(.denied, request: r), organizer: nil, now: NFx.now)
        #expect(!pending.text.contains("I-290B"))
        #expect(pending.text.contains("No good cause shown") && pending.text.contains("current appointment stands"))
    }

    @Test("A representative's copy says whose case it is")
    func representativeCopy() throws {
        let c = try NotificationComposer.compose(NFx.item(.booked, recipient: "grace@law.example.com", role: .representative), organizer: nil, now: NFx.now)
        #expect(c.subject.hasPrefix("[Copy]"))
        #expect(c.text.hasPrefix("Copy for Grace Lee, Esq., representative with a Form G-28 on file for María García"))
    }

    @Test("A reminder: how far ahead, the time, the calendar file")
    func reminder() throws {
        let c = try NotificationComposer.compose(NFx.item(.reminder, reminderDays: 7), organizer: nil, now: NFx.now)
        #expect(c.subject.contains("in 7 days") && c.subject.contains("Tue 2026-12-08 10:00 EST"))
        #expect(c.calendars.map(\.method) == [.request])
        let tomorrow = try NotificationComposer.compose(NFx.item(.reminder, reminderDays: 1), organizer: nil, now: NFx.now)
        #expect(tomorrow.subject.contains("tomorrow"))
    }

    @Test("A message whose facts are missing fails for good instead of saying something wrong")
    func missingFacts() {
        var item = NFx.item(.booked)
        item.appointment = nil
        #expect(throws: DeliveryFailure.self) { try NotificationComposer.compose(item, organizer: nil, now: NFx.now) }
        do { _ = try NotificationComposer.compose(item, organizer: nil, now: NFx.now) } catch { #expect(error.permanent) }
    }
}
