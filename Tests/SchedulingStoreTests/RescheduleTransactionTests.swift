import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

@Suite("R14 the reschedule transaction, on a real SQLite file")
struct RescheduleTransactionTests {
    let clock: @Sendable () -> Date = { StoreFixture.now }

    func request(
        _ receipt: String, _ actor: Actor, to: String, center: String? = nil, reason: GoodCauseReason? = .medical,
        id: String = UUID().uuidString, version: Int? = nil, notify: NotifyChannel? = nil, note: String = ""
    ) -> RescheduleRequest {
        RescheduleRequest(
            requestID: id, receipt: StoreFixture.receipt(receipt), actor: actor,
            goodCause: reason.map { GoodCause(reason: $0, explanation: $0 == .other ? "court date" : "") },
            note: note, centerCode: center, to: LocalDateTime(iso: to)!, notify: notify, expectedVersion: version)
    }

    @Test("R14 an online reschedule books, marks the old appointment rescheduled and writes notice, outbox, request and audit")
    func bookingWritesEverything() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let before = try f.tableCounts()
        let out = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00", notify: .email), clock: clock)
        #expect(out.result == .booked)
        #expect(out.notice?.when == "Wed 2026-06-24 09:00 EDT")
        let after = try f.tableCounts()
        #expect(after["appointments"]! == before["appointments"]! + 1)
        #expect(after["notices"]! == before["notices"]! + 1)
        #expect(after["outbox"]! == before["outbox"]! + 1)
        #expect(after["requests"]! == before["requests"]! + 1)
        #expect(after["audit"]! == before["audit"]! + 2, "the booking and the enrollment code issued for its notice")
        #expect(after["booked"]! == before["booked"]!, "one station freed, one taken")
        let snap = try f.store.caseSnapshot(StoreFixture.receipt("EAC2414052317"), for: StoreFixture.maria)
        #expect(snap.appointment.priorReschedules == 1)
        #expect(snap.appointment.status == .scheduled)
        #expect(snap.center.zone.formatLong(snap.appointment.start) == "Wed 2026-06-24 09:00 EDT")
        let old = try f.store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT status, rescheduled_to FROM appointments WHERE receipt = 'EAC2414052317' AND status <> 'scheduled'")!
        }
        #expect((old["status"] as String) == "rescheduled")
        #expect((old["rescheduled_to"] as Int64) == snap.appointment.id)
        let recipient = try f.store.pool.read { db in try String.fetchOne(db, sql: "SELECT recipient FROM outbox") }
        #expect(recipient == "maria@example.org")
    }

    @Test("R14 a retried request id returns the first result and books nothing more")
    func idempotentRequestID() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let first = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00", id: "req-1"), clock: clock)
        let counts = try f.tableCounts()
        let again = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-25T09:00", id: "req-1"), clock: clock)
        #expect(first.result == .booked)
        #expect(again.replayed)
        #expect(again.result == .booked)
        #expect(again.notice?.number == first.notice?.number && again.notice?.enrollmentCode == nil)
        #expect(try f.tableCounts() == counts)
        // Another person reusing the id (issue 20: ids are scoped per actor) books their own case as
        // with any new id, and learns nothing of the first request; a retry of theirs replays theirs.
        let li = Actor(role: .applicant, id: "li")
        let stranger = try f.store.reschedule(request("WAC2390112345", li, to: "2026-06-26T09:00", id: "req-1"), clock: clock)
        #expect(stranger.result == .booked && !stranger.replayed && stranger.requestID == "req-1", "\(stranger.verdict.message)")
        #expect(!stranger.verdict.message.contains("2026-06-24") && stranger.notice?.number != first.notice?.number)
        let stored = try f.store.pool.read { db in try String.fetchAll(db, sql: "SELECT id || ' ' || actor FROM requests ORDER BY received_at, id") }
        #expect(stored.count == 2 && stored.contains("req-1 maria") && stored.contains { $0.hasPrefix("req-1.") && $0.hasSuffix(" li") }, "\(stored)")
        let retry = try f.store.reschedule(request("WAC2390112345", li, to: "2026-06-29T09:00", id: "req-1"), clock: clock)
        #expect(retry.replayed && retry.notice?.number == stranger.notice?.number && retry.requestID == "req-1")
        // The first person's retry still replays theirs.
        #expect(
            try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-25T09:00", id: "req-1"), clock: clock).notice?.number
                == first.notice?.number)
    }

    @Test("R14 an appointment changed since it was shown gives CONFLICT and writes nothing but its audit row and a refused request row")
    func conflict() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let counts = try f.countsBesidesAudit()
        let audit = try f.tableCounts()["audit"]!
        let out = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00", version: 7), clock: clock)
        #expect(out.result == .conflict)
        #expect(out.verdict.codes == [.conflict])
        var expected = counts
        expected["requests", default: 0] += 1
        #expect(try f.countsBesidesAudit() == expected)
        #expect(try f.count("SELECT count(*) FROM requests WHERE decision = 'refused' AND codes = 'CONFLICT'") == 1)
        #expect(try f.auditActions(after: audit) == ["refused"])
    }

    @Test("R14 the last station taken gives SLOT_FULL and writes nothing but the refused request and its audit row")
    func slotFull() throws {
        let f = try StoreFixture(stations: 1)
        defer { f.remove() }
        // Stations = 1, so the fixture's two 06-18 09:00 bookings cannot both exist: use distinct targets.
        let a = try f.store.reschedule(request("IOE0923456781", StoreFixture.agent, to: "2026-06-24T09:00"), clock: clock)
        #expect(a.result == .escalated, "asylum cases escalate")
        let b = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T11:00"), clock: clock)
        #expect(b.result == .booked)
        let counts = try f.countsBesidesAudit()
        let c = try f.store.reschedule(request("WAC2390112345", Actor(role: .applicant, id: "li"), to: "2026-06-24T11:00"), clock: clock)
        #expect(c.result == .slotFull)
        #expect(c.verdict.codes == [.slotFull])
        var expected = counts
        expected["requests", default: 0] += 1
        #expect(try f.countsBesidesAudit() == expected)
        #expect(try f.count("SELECT count(*) FROM slots WHERE booked > capacity") == 0)
    }

    @Test("R12 refusals for the slot (closed day, out of window, same slot) write nothing but their audit rows and refused request rows")
    func slotRefusalsWriteNothing() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let counts = try f.countsBesidesAudit()
        let audit = try f.tableCounts()["audit"]!
        let closed = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-19T09:00"), clock: clock)
        #expect(closed.verdict.codes == [.slotUnavailable])
        let soon = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-16T09:00"), clock: clock)
        #expect(soon.verdict.codes == [.slotOutOfWindow])
        let far = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-07-16T09:00"), clock: clock)
        #expect(far.verdict.codes == [.slotOutOfWindow])
        let same = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-18T09:00"), clock: clock)
        #expect(same.verdict.codes == [.sameSlot])
        let offGrid = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:10"), clock: clock)
        #expect(offGrid.verdict.codes == [.slotUnavailable])
        #expect(offGrid.verdict.message.contains("not a slot start"))
        let noReason = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00", reason: nil), clock: clock)
        #expect(noReason.verdict.codes == [.goodCauseRequired])
        #expect(throws: StoreError.unknownCenter("NOPE")) {
            try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00", center: "NOPE"), clock: clock)
        }
        var expected = counts
        expected["requests", default: 0] += 6
        #expect(try f.countsBesidesAudit() == expected)
        #expect(try f.count("SELECT count(*) FROM requests WHERE decision = 'refused'") == 6, "each refusal is a request row with its codes")
        #expect(try f.count("SELECT count(*) FROM requests WHERE decision = 'refused' AND codes = 'GOOD_CAUSE_REQUIRED'") == 1)
        #expect(try f.auditActions(after: audit) == Array(repeating: "refused", count: 6), "each refusal is on the record; the thrown one is not")
    }

    @Test("R14 the policy is re-checked with the clock read inside the transaction")
    func policyUsesTransactionClock() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        // 06-18 09:00 EDT is 13:00Z; at 01:30Z on 06-18 only 11 h 30 min remain.
        let late: @Sendable () -> Date = { StoreFixture.iso("2026-06-18T01:30:00Z") }
        let out = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T09:00"), clock: late)
        #expect(out.result == .refused)
        #expect(out.verdict.codes == [.within12Hours])
    }

    @Test("R5 another applicant's case and an unknown case look the same: NOT_AUTHORIZED")
    func notAuthorized() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let li = Actor(role: .applicant, id: "li")
        #expect(throws: StoreError.notAuthorized) { try f.store.caseSnapshot(StoreFixture.receipt("EAC2414052317"), for: li) }
        #expect(throws: StoreError.notAuthorized) { try f.store.caseSnapshot(StoreFixture.receipt("EAC9999999999"), for: li) }
        let out = try f.store.reschedule(request("EAC2414052317", li, to: "2026-06-24T09:00"), clock: clock)
        #expect(out.verdict.codes == [.notAuthorized])
        let rep = Actor(role: .representative, id: "attorney.lee")
        #expect(try f.store.cases(for: rep).map(\.receipt.value) == ["EAC2414052317"])
        #expect(try f.store.caseSnapshot(StoreFixture.receipt("EAC2414052317"), for: rep).caseFile.applicantName == "María García")
    }

    @Test("R7 R8 an escalated request books nothing until an officer approves it, with a note")
    func escalateThenApprove() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let booked = try f.tableCounts()["booked"]!
        let esc = try f.store.reschedule(
            request("IOE0923456781", StoreFixture.agent, to: "2026-06-24T10:00", id: "esc-1", note: "caller in hospital"), clock: clock)
        #expect(esc.result == .escalated)
        #expect(esc.verdict.codes == [.asylum])
        #expect(try f.tableCounts()["booked"]! == booked)
        let queue = try f.store.pendingReviews()
        #expect(queue.map(\.requestID) == ["esc-1"])
        #expect(queue.first?.note == "caller in hospital")
        #expect(throws: StoreError.self) {
            try f.store.review(ReviewDecision(requestID: "esc-1", kind: .approve, officer: "officer.jones", note: "  "), clock: clock)
        }
        let ok = try f.store.review(ReviewDecision(requestID: "esc-1", kind: .approve, officer: "officer.jones", note: "medical letter seen"), clock: clock)
        #expect(ok.result == .booked)
        #expect(ok.notice?.when == "Wed 2026-06-24 10:00 EDT")
        #expect(try f.store.pendingReviews().isEmpty)
        #expect(throws: StoreError.self) {
            try f.store.review(ReviewDecision(requestID: "esc-1", kind: .deny, officer: "officer.jones", note: "twice"), clock: clock)
        }
    }

    @Test("R8 a denied escalation leaves the appointment as it was")
    func escalateThenDeny() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let esc = try f.store.reschedule(request("LIN2501234567", StoreFixture.agent, to: "2026-06-24T10:00", id: "esc-2"), clock: clock)
        #expect(esc.verdict.codes == [.repeatRequest])
        let before = try f.store.caseSnapshot(StoreFixture.receipt("LIN2501234567"), for: StoreFixture.agent).appointment
        let denied = try f.store.review(ReviewDecision(requestID: "esc-2", kind: .deny, officer: "officer.jones", note: "no evidence"), clock: clock)
        #expect(denied.result == .denied)
        let after = try f.store.caseSnapshot(StoreFixture.receipt("LIN2501234567"), for: StoreFixture.agent).appointment
        #expect(after == before)
    }

    @Test("R8 approval when the preferred slot is gone asks for another, then books it")
    func approveWhenPreferredGone() throws {
        let f = try StoreFixture(stations: 1)
        defer { f.remove() }
        _ = try f.store.reschedule(request("IOE0923456781", StoreFixture.agent, to: "2026-06-24T10:00", id: "esc-3"), clock: clock)
        let taken = try f.store.reschedule(request("EAC2414052317", StoreFixture.maria, to: "2026-06-24T10:00"), clock: clock)
        #expect(taken.result == .booked)
        let gone = try f.store.review(ReviewDecision(requestID: "esc-3", kind: .approve, officer: "officer.jones", note: "ok"), clock: clock)
        #expect(gone.result == .slotFull)
        #expect(gone.verdict.message.contains("approve with another time"))
        #expect(!gone.verdict.message.contains("--"), "the domain speaks of the case, not of command-line flags")
        let other = try f.store.review(
            ReviewDecision(
                requestID: "esc-3", kind: .approve, officer: "officer.jones", note: "ok",
                to: LocalDateTime(iso: "2026-06-24T10:30")), clock: clock)
        #expect(other.result == .booked)
    }

    @Test("R10 a timely request recorded before the start clears the abandonment risk")
    func abandonmentUsesRequests() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        _ = try f.store.reschedule(request("LIN2501234567", StoreFixture.agent, to: "2026-06-24T10:00"), clock: clock)
        let snap = try f.store.caseSnapshot(StoreFixture.receipt("LIN2501234567"), for: StoreFixture.agent)
        let after = StoreFixture.iso("2026-06-23T12:00:00Z")
        #expect(snap.lastRequestAt == StoreFixture.now)
        #expect(!CaseFlags.abandonmentRisk(appointment: snap.appointment, caseFile: snap.caseFile, lastRequestAt: snap.lastRequestAt, now: after))
        #expect(CaseFlags.abandonmentRisk(appointment: snap.appointment, caseFile: snap.caseFile, lastRequestAt: nil, now: after))
    }
}
