import Foundation
import Scheduling
import SchedulingStore
import Testing

/// The same expectations on every store, through the public protocols only (no SQL). A new
/// backend (PostgreSQL) joins by adding a `StoreKind`.
@Suite("Store conformance: every backend")
struct StoreConformanceTests {
    @Test(
        "R14 a booking supersedes the old appointment, counts a prior reschedule, moves the station and writes notice and audit", arguments: StoreKind.allCases)
    func booking(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let s = t.store
        let before = try s.caseSnapshot(receipt("EAC2414052317"), for: maria)
        let out = try s.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock)
        #expect(out.result == .booked)
        #expect(out.notice?.when == "Wed 2026-06-24 09:00 EDT")
        let after = try s.caseSnapshot(receipt("EAC2414052317"), for: maria)
        #expect(after.appointment.id != before.appointment.id)
        #expect(after.appointment.priorReschedules == 1)
        #expect(after.appointment.version > before.appointment.version + 1, "versions continue the chain")
        #expect(try s.currentNotice(receipt("EAC2414052317"), for: maria)?.number == out.notice?.number)
        let center = try #require(try s.center(code: "BOS"))
        let old = try #require(center.zone.instant(of: LocalDateTime(iso: "2026-06-18T09:00")!))
        let new = try #require(center.zone.instant(of: LocalDateTime(iso: "2026-06-24T09:00")!))
        let counts = try s.bookedCounts(center: "BOS", from: old.addingTimeInterval(-1), to: new.addingTimeInterval(1))
        #expect(counts[old, default: 0] == 0 && counts[new] == 1)
        #expect(try s.auditLog(receipt: receipt("EAC2414052317")).map(\.action) == ["rescheduled"])
    }

    @Test("Receipts on file: exactly the cases the store holds, none read or written beyond that", arguments: StoreKind.allCases)
    func receiptsOnFile(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let held = [receipt("EAC2414052317"), receipt("WAC2390112345")]
        let unknown = [receipt("IOE0000000001"), receipt("LIN9999999999")]
        #expect(try t.store.receiptsOnFile(held + unknown + [held[0]]) == Set(held))
        #expect(try t.store.receiptsOnFile(unknown).isEmpty)
        #expect(try t.store.receiptsOnFile([]).isEmpty)
        #expect(try t.store.auditLog(receipt: held[0]).isEmpty)
    }

    @Test("R3a R14 a refusal books nothing and is audited", arguments: StoreKind.allCases)
    func refusal(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let out = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-24T09:00"), clock: clock)
        #expect(out.verdict.codes == [.within12Hours])
        #expect(try t.store.caseSnapshot(receipt("WAC2390112345"), for: li).appointment.priorReschedules == 0)
        #expect(try t.store.auditLog(receipt: receipt("WAC2390112345")).map(\.action) == ["refused"])
    }

    @Test(
        "R14 a request id replayed by its actor returns the first result; anyone else's reuse of it is a new request of their own, revealing nothing (ids scoped per actor)",
        arguments: StoreKind.allCases)
    func replay(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let first = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00", id: "r-1"), clock: clock)
        let again = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-25T09:00", id: "r-1"), clock: clock)
        #expect(again.replayed && again.notice?.number == first.notice?.number)
        #expect(first.notice?.enrollmentCode != nil && again.notice?.enrollmentCode == nil, "the one-time code is shown once, never replayed")
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: maria).appointment.priorReschedules == 1)
        // Someone else's reuse: not a replay, not a refusal; their own request, answered with the id they gave.
        let other = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-26T09:00", id: "r-1"), clock: clock)
        // (li's appointment is within 12 hours here: her own request is refused WITHIN_12_HOURS, as with any id.)
        #expect(other.verdict.codes == [.within12Hours] && !other.replayed && other.requestID == "r-1" && other.notice == nil, "\(other.verdict.codes)")
        let retry = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-29T09:00", id: "r-1"), clock: clock)
        #expect(retry.replayed && retry.verdict.codes == [.within12Hours] && retry.requestID == "r-1")
        // On a case not theirs: NOT_AUTHORIZED, as with any id.
        let notTheirs = try t.store.reschedule(request("EAC2414052317", li, to: "2026-06-26T09:00", id: "r-1"), clock: clock)
        #expect(notTheirs.verdict.codes == [.notAuthorized] && notTheirs.notice == nil && !notTheirs.replayed)
    }

    @Test("R5 another applicant's case and an unknown case are both NOT_AUTHORIZED", arguments: StoreKind.allCases)
    func notAuthorized(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        for r in ["WAC2390112345", "LIN2501234567"] {
            #expect(throws: StoreError.notAuthorized) { try t.store.caseSnapshot(receipt(r), for: maria) }
            let out = try t.store.reschedule(request(r, maria, to: "2026-06-24T09:00"), clock: clock)
            #expect(out.verdict.codes == [.notAuthorized])
        }
    }

    @Test("R14 CONFLICT for a stale version or appointment, also after a reschedule", arguments: StoreKind.allCases)
    func conflict(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let seen = try t.store.caseSnapshot(receipt("EAC2414052317"), for: agent).appointment
        #expect(try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-24T09:00", version: seen.version), clock: clock).result == .booked)
        #expect(try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-25T09:00", version: seen.version), clock: clock).result == .conflict)
        #expect(try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-25T09:00", appointment: seen.id), clock: clock).result == .conflict)
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: agent).appointment.priorReschedules == 1)
    }

    @Test("R14 SLOT_FULL when the slot's stations are taken", arguments: StoreKind.allCases)
    func slotFull(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind, stations: 1)
        defer { t.cleanup() }
        #expect(try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-24T11:00"), clock: clock).result == .booked)
        let out = try t.store.reschedule(request("IOE0923456781", officer, to: "2026-06-24T11:00", reason: .medical), clock: clock)
        #expect(out.result == .slotFull || out.result == .escalated, "\(out.result)")
        let late = try t.store.reschedule(request("WAC2390112345", agent, to: "2026-06-24T11:00"), clock: clock)
        #expect(late.result == .slotFull)
        #expect(late.verdict.codes == [.slotFull])
    }

    @Test("R7 R8 an escalation books nothing; the officer approves (booking) or denies, always with a note", arguments: StoreKind.allCases)
    func escalationAndReview(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let esc = try t.store.reschedule(request("IOE0923456781", agent, to: "2026-06-24T10:00", id: "esc-1"), clock: clock)
        #expect(esc.result == .escalated && esc.verdict.codes.contains(.asylum))
        #expect(try t.store.pendingReviews().map(\.requestID) == ["esc-1"])
        #expect(try t.store.caseSnapshot(receipt("IOE0923456781"), for: agent).pendingEscalation == "esc-1")
        #expect(throws: StoreError.self) {
            try t.store.review(ReviewDecision(requestID: "esc-1", kind: .approve, officer: officer.id, note: "  "), clock: clock)
        }
        let ok = try t.store.review(ReviewDecision(requestID: "esc-1", kind: .approve, officer: officer.id, note: "asylum interview moved"), clock: clock)
        #expect(ok.result == .booked)
        #expect(try t.store.pendingReviews().isEmpty)
        #expect(throws: StoreError.self) {
            try t.store.review(ReviewDecision(requestID: "esc-1", kind: .deny, officer: officer.id, note: "again"), clock: clock)
        }
        let esc2 = try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-24T10:30", reason: .other, id: "esc-2"), clock: clock)
        #expect(esc2.result == .escalated)
        let denied = try t.store.review(ReviewDecision(requestID: "esc-2", kind: .deny, officer: officer.id, note: "no reason given"), clock: clock)
        #expect(denied.result == .denied)
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: agent).appointment.priorReschedules == 0)
        #expect(try t.store.auditLog(receipt: nil).map(\.action).suffix(4) == ["escalated", "review-approved", "escalated", "review-denied"])
    }

    @Test("The audit log is append-only and its chain verifies after every kind of write", arguments: StoreKind.allCases)
    func auditChain(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        _ = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock)
        _ = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-24T09:00"), clock: clock)
        try t.store.addStaff("jdoe", role: .agent, by: officer.id, now: conformanceNow)
        try t.store.recordEvent(.caseViewed, actor: agent, receipt: receipt("EAC2414052317"), detail: "looked", now: conformanceNow)
        let log = try t.store.auditLog(receipt: nil)
        #expect(log.map(\.action) == ["store-created", "imported", "enrollment-code-issued", "rescheduled", "refused", "staff-added", "case-viewed"])
        #expect(log.map(\.id) == Array(1...Int64(log.count)))
        let v = try t.store.verifyAudit()
        #expect(v.firstBroken == nil && v.rows == log.count)
        #expect(throws: StoreError.self) { try t.store.addStaff("bad login;", role: .agent, by: officer.id, now: conformanceNow) }
    }

    @Test("Import is all or nothing: an error in the last record leaves the store as it was", arguments: StoreKind.allCases)
    func importAllOrNothing(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        var doc = ImportDocument()
        doc.cases = [.init(receipt: "NBC2412345678", form: "I-90", applicant: nil, applicantName: "New Person")]
        doc.appointments = [
            .init(receipt: "NBC2412345678", center: "BOS", start: "2026-06-25T09:00"),
            .init(receipt: "NBC2412345678", center: "ZZZ", start: "2026-06-25T09:30")
        ]
        #expect(throws: StoreError.self) { try t.store.importDocument(doc, actor: officer, now: conformanceNow) }
        #expect(throws: StoreError.notAuthorized) { try t.store.caseSnapshot(receipt("NBC2412345678"), for: agent) }
        doc.appointments.removeLast()
        let summary = try t.store.importDocument(doc, actor: officer, now: conformanceNow)
        #expect(summary.cases == 1 && summary.appointments == 1)
        #expect(try t.store.caseSnapshot(receipt("NBC2412345678"), for: agent).caseFile.applicantName == "New Person")
    }

    @Test(
        "Import: a case naming no such account, an applicant who is a representative, or a representative who is an applicant is refused at that record; the right ones load",
        arguments: StoreKind.allCases)
    func importChecksTheAccountsACaseNames(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        var doc = ImportDocument()
        doc.accounts = [.init(id: "rep.one", role: "representative", name: "Rep One")]
        doc.appointments = [
            .init(receipt: "NBC2412345670", center: "BOS", start: "2026-06-25T09:00"),
            .init(receipt: "NBC2412345678", center: "BOS", start: "2026-06-25T09:30")
        ]
        let filler = ImportDocument.CaseRecord(receipt: "NBC2412345670", form: "I-90", applicant: "maria")
        let refused: [(ImportDocument.CaseRecord, String)] = [
            (.init(receipt: "NBC2412345678", form: "I-90", applicant: "nobody"), #"cases[1] (receipt NBC2412345678).applicant: no account "nobody""#),
            (
                .init(receipt: "NBC2412345678", form: "I-90", applicant: "rep.one"),
                #"cases[1] (receipt NBC2412345678).applicant: account "rep.one" is a representative, not an applicant"#
            ),
            (
                .init(receipt: "NBC2412345678", form: "I-90", applicant: nil, applicantName: "New Person", representatives: ["rep.one", "maria"]),
                "cases[1] (receipt NBC2412345678).representatives[1]"
            )
        ]
        for (record, expected) in refused {
            doc.cases = [filler, record]
            do {
                _ = try t.store.importDocument(doc, actor: officer, now: conformanceNow)
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.message.contains(expected), "\(kind): \(error.message)")
            }
            #expect(throws: StoreError.notAuthorized) { try t.store.caseSnapshot(receipt("NBC2412345670"), for: agent) }
        }
        doc.cases = [filler, .init(receipt: "NBC2412345678", form: "I-90", applicant: "jose", representatives: ["rep.one"])]
        let summary = try t.store.importDocument(doc, actor: officer, now: conformanceNow)
        #expect(summary.cases == 2 && summary.accounts == 1)
        #expect(try t.store.caseSnapshot(receipt("NBC2412345678"), for: agent).caseFile.applicantName == "José Luis Garcia")
    }

    @Test("R14 capacity: 12 threads racing for a 2-station slot book exactly 2; the rest get SLOT_FULL", arguments: StoreKind.allCases)
    func racingThreads(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        var doc = ImportDocument()
        for i in 0..<12 {
            let r = "SRC26" + String(format: "%08d", i)
            doc.cases.append(.init(receipt: r, form: "I-90", applicant: nil, applicantName: "Racer \(i)"))
            doc.appointments.append(.init(receipt: r, center: "BOS", start: String(format: "2026-06-29T%02d:00", 8 + i / 2)))
        }
        _ = try t.store.importDocument(doc, actor: officer, now: conformanceNow)
        let store = t.store
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 12) { i in
            let r = "SRC26" + String(format: "%08d", i)
            let out = try? store.reschedule(request(r, agent, to: "2026-06-30T09:00"), clock: clock)
            results.add(out?.result)
        }
        #expect(results.count(.booked) == 2)
        #expect(results.count(.slotFull) == 10)
        let center = try #require(try store.center(code: "BOS"))
        let slot = try #require(center.zone.instant(of: LocalDateTime(iso: "2026-06-30T09:00")!))
        #expect(try store.bookedCounts(center: "BOS", from: slot, to: slot.addingTimeInterval(1))[slot] == 2)
        // Every attempt is on the record, also those that lost the last station at the write.
        let log = try store.auditLog(receipt: nil).filter { $0.receipt?.hasPrefix("SRC26") == true }.map(\.action)
        #expect(log.filter { $0 == "rescheduled" }.count == 2 && log.filter { $0 == "refused" }.count == 10, "\(log)")
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [RescheduleOutcome.Result?] = []
    func add(_ r: RescheduleOutcome.Result?) {
        lock.lock()
        all.append(r)
        lock.unlock()
    }
    func count(_ r: RescheduleOutcome.Result) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return all.filter { $0 == r }.count
    }
}

@Suite("Store conformance: review rules")
struct ReviewRulesConformanceTests {
    @Test(
        "Separation of duties: on a production store the officer who escalated a request cannot decide it; another officer can", arguments: StoreKind.allCases)
    func separationOfDuties(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind, training: false)
        defer { t.cleanup() }
        try t.store.addStaff("officer.kim", role: .officer, by: officer.id, now: conformanceNow)
        let esc = try t.store.reschedule(request("IOE0923456781", officer, to: "2026-06-24T10:00", id: "esc-own"), clock: clock)
        #expect(esc.result == .escalated)
        #expect(throws: StoreError.self) {
            try t.store.review(ReviewDecision(requestID: "esc-own", kind: .approve, officer: officer.id, note: "mine"), clock: clock)
        }
        let ok = try t.store.review(ReviewDecision(requestID: "esc-own", kind: .approve, officer: "officer.kim", note: "second officer"), clock: clock)
        #expect(ok.result == .booked)
    }

    @Test("A case with a pending escalation gets no second one: the agent is shown the one waiting", arguments: StoreKind.allCases)
    func oneEscalationAtATime(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let first = try t.store.reschedule(request("IOE0923456781", agent, to: "2026-06-24T10:00", id: "esc-a"), clock: clock)
        let second = try t.store.reschedule(request("IOE0923456781", agent, to: "2026-06-25T10:00", id: "esc-b"), clock: clock)
        #expect(first.result == .escalated && second.result == .escalated)
        #expect(second.requestID == "esc-a" && second.verdict.message.contains("already"))
        #expect(try t.store.pendingReviews().map(\.requestID) == ["esc-a"])
    }
}

@Suite("Store conformance: agency rebooking after a closure")
struct AgencyRebookingConformanceTests {
    @Test(
        "Closing a day lists its appointments; --rebook moves each to the nearest free slot, not counted as a reschedule, with a notice; all or nothing",
        arguments: StoreKind.allCases)
    func closeAndRebook(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind, stations: 2)
        defer { t.cleanup() }
        let day = LocalDate(iso: "2026-06-23")!
        // Listing only: the closure is recorded, the 16 fillers are reported, nothing moves.
        let listed = try AgencyRebooking.close(center: "BOS", on: day, reason: "storm", rebook: false, by: officer, in: t.store, clock: clock)
        #expect(listed.newlyClosed && listed.moves.count == 16 && listed.rebooked == 0)
        #expect(try t.store.center(code: "BOS")?.closures.contains(day) == true)
        let report = try AgencyRebooking.close(center: "BOS", on: day, reason: "storm", rebook: true, by: officer, in: t.store, clock: clock)
        #expect(!report.newlyClosed && report.rebooked == 16 && report.stranded == 0)
        let center = try #require(try t.store.center(code: "BOS"))
        for m in report.moves {
            let snap = try t.store.caseSnapshot(m.receipt, for: agent)
            #expect(snap.appointment.start == m.to && snap.appointment.status == .scheduled)
            #expect(center.zone.local(snap.appointment.start).date != day, "moved off the closed day")
            #expect(snap.appointment.priorReschedules == 0, "an agency rebooking is not a reschedule")
            #expect(try t.store.currentNotice(m.receipt, for: agent)?.number == ReschedulingService.noticeNumber(snap.appointment.id))
        }
        // Capacity held everywhere: no slot above its stations.
        let all = try t.store.bookedCounts(center: "BOS", from: conformanceNow, to: conformanceNow.addingTimeInterval(40 * 86_400))
        #expect(all.values.allSatisfy { $0 <= 2 })
        #expect(try t.store.auditLog(receipt: nil).filter { $0.action == "agency-rebooked" }.count == 16)
    }

    @Test(
        "R17 an appointment whose day became a closure is flagged; the applicant moving it online after two reschedules, with no reason, is an agency rebooking: allowed, not counted, the notice says why and the closure's reason",
        arguments: StoreKind.allCases)
    func closedDayOnline(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let r = receipt("EAC2414052317")
        #expect(try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-24T09:00"), clock: clock).result == .booked)
        #expect(try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-25T09:00"), clock: clock).result == .booked)
        #expect(try t.store.caseSnapshot(r, for: maria).appointment.priorReschedules == 2)
        // Before the closure: the limit holds (RESCHEDULE_LIMIT_REACHED), nothing flagged.
        let before = try t.store.caseSnapshot(r, for: maria)
        #expect(!before.centerClosedThatDay && CaseFlags.flags(before, now: conformanceNow).isEmpty)
        #expect(try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-26T09:00"), clock: clock).verdict.codes == [.rescheduleLimitReached])
        let listed = try AgencyRebooking.close(
            center: "BOS", on: LocalDate(iso: "2026-06-25")!, reason: "water leak", rebook: false, by: officer, in: t.store, clock: clock)
        #expect(listed.moves.map(\.receipt) == [r])
        let snap = try t.store.caseSnapshot(r, for: maria)
        #expect(snap.centerClosedThatDay && CaseFlags.flags(snap, now: conformanceNow) == [.centerClosed])
        let out = try t.store.reschedule(request("EAC2414052317", maria, to: "2026-06-26T09:00", reason: nil), clock: clock)
        #expect(out.result == .booked, "\(out.verdict.codes)")
        #expect(out.verdict.message.contains("does not count"))
        let after = try t.store.caseSnapshot(r, for: maria)
        #expect(after.appointment.priorReschedules == 2, "an agency rebooking is not a reschedule")
        #expect(!after.centerClosedThatDay)
        let notice = try #require(try t.store.currentNotice(r, for: maria))
        #expect(notice.closedDay?.centerName == "Boston ASC")
        #expect(notice.text.contains("moved because the center is closed that day"))
        // The closure's reason is stored with it: the move says it, whoever makes it (not only `--rebook`).
        #expect(notice.closedDay?.reason == "water leak")
        #expect(notice.text.contains("water leak"))
        #expect(try t.store.auditLog(receipt: r).map(\.action).suffix(2) == ["refused", "agency-rebooked"])
    }

    @Test(
        "R17 an agent moving a closed-day appointment one by one, and an officer approving an escalation whose day closed since, never count a reschedule",
        arguments: StoreKind.allCases)
    func closedDayStaff(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        // The officer: an asylum case escalated on an open day, then its day closes; the approval counts nothing.
        let esc = try t.store.reschedule(request("IOE0923456781", agent, to: "2026-06-24T10:00", id: "esc-closed"), clock: clock)
        #expect(esc.result == .escalated)
        _ = try AgencyRebooking.close(center: "BOS", on: LocalDate(iso: "2026-06-22")!, reason: "", rebook: false, by: officer, in: t.store, clock: clock)
        let ok = try t.store.review(ReviewDecision(requestID: "esc-closed", kind: .approve, officer: officer.id, note: "center closed"), clock: clock)
        #expect(ok.result == .booked)
        #expect(try t.store.caseSnapshot(receipt("IOE0923456781"), for: agent).appointment.priorReschedules == 0)
        #expect(ok.notice?.closedDay != nil)
        // The agent: the same move on an open day counts one; on a closed day none, with no reason given.
        #expect(try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-24T11:00"), clock: clock).result == .booked)
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: agent).appointment.priorReschedules == 1)
        _ = try AgencyRebooking.close(center: "BOS", on: LocalDate(iso: "2026-06-24")!, reason: "", rebook: false, by: officer, in: t.store, clock: clock)
        let moved = try t.store.reschedule(request("EAC2414052317", agent, to: "2026-06-25T11:00", reason: nil), clock: clock)
        #expect(moved.result == .booked, "\(moved.verdict.codes)")
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: agent).appointment.priorReschedules == 1)
        // Approving moved IOE off 06-22 to 06-24, which closed after: it is flagged again and moves again for nothing.
        #expect(try t.store.caseSnapshot(receipt("IOE0923456781"), for: agent).centerClosedThatDay)
    }

    @Test("R17 the stranded days of a list of closures: only days with scheduled appointments, each listed in order", arguments: StoreKind.allCases)
    func strandedDays(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let days = try AgencyRebooking.stranded(
            [
                (center: "BOS", date: LocalDate(iso: "2026-06-23")!), (center: "BOS", date: LocalDate(iso: "2026-06-19")!),
                (center: "BOS", date: LocalDate(iso: "2026-06-18")!)
            ], in: t.store)
        #expect(days.map(\.date.iso) == ["2026-06-23", "2026-06-18"])
        #expect(days[0].appointments.count == 16 && days[1].appointments.map(\.receipt.value) == ["EAC2414052317"])
    }
}

@Suite("Finding a caller, on every store")
struct CallerSearchConformanceTests {
    func find(_ t: StoreUnderTest, _ text: String, as actor: Actor = agent, limit: Int = CallerSearch.limit) throws -> CallerSearchResult {
        try t.store.findCallers(try CallerQuery.parse(text), for: actor, limit: limit, now: conformanceNow)
    }

    @Test(
        "R5 staff find a caller by surname, name with date of birth, A-number, email, phone or receipt; each search is audited", arguments: StoreKind.allCases)
    func findsCallers(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        let garcia = try find(t, "garcia")
        #expect(garcia.matches.map(\.name) == ["José Luis Garcia", "María García"])
        #expect(garcia.more == false)
        let maria = try #require(garcia.matches.last)
        #expect(maria.receipt.value == "EAC2414052317" && maria.form == "I-485" && maria.dateOfBirth == LocalDate(iso: "1985-03-14"))
        #expect(maria.next?.centerCode == "BOS" && maria.centerTimeZone == "America/New_York")
        #expect(garcia.matches.first?.next == nil, "José's case has no appointment")
        #expect(try find(t, "García 1985-03-14").matches.map(\.name) == ["María García"])
        #expect(try find(t, "garcia 03/14/1985").matches.map(\.name) == ["María García"])
        #expect(try find(t, "garcia 1985-03-15").matches.isEmpty)
        #expect(try find(t, "luis gar").matches.map(\.name) == ["José Luis Garcia"])
        #expect(try find(t, "PEREZ").matches.map(\.name) == ["Ana Pérez"], "a name on a case without an account")
        #expect(try find(t, "A-12-345-678").matches.map(\.receipt.value) == ["EAC2414052317"], "8 digits: padded to 9")
        #expect(try find(t, "a012345678").matches.map(\.receipt.value) == ["EAC2414052317"])
        #expect(try find(t, "MARIA@Example.org").matches.map(\.receipt.value) == ["EAC2414052317"])
        #expect(try find(t, "+1 617.555.0142").matches.map(\.receipt.value) == ["EAC2414052317"])
        #expect(try find(t, "wac-23-901-12345").matches.map(\.name) == ["Li Wei"])
        #expect(try find(t, "arcia").matches.isEmpty, "a word matches from its start")
        let first = try find(t, "garcia", limit: 1)
        #expect(first.matches.count == 1 && first.more)
        let log = try t.store.auditLog(receipt: nil).filter { $0.action == "callers-searched" }
        #expect(log.count == 13)
        #expect(log.first?.actor == agent.id && log.first?.detail.contains("name \"garcia\": 2 listed") == true)
    }

    @Test("R5 an applicant or representative cannot search for callers; the refusal is audited and reveals nothing", arguments: StoreKind.allCases)
    func applicantsCannotSearch(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        #expect(throws: StoreError.notAuthorized) { try find(t, "garcia", as: maria) }
        #expect(throws: StoreError.notAuthorized) { try find(t, "li", as: Actor(role: .representative, id: "attorney.lee")) }
        let log = try t.store.auditLog(receipt: nil)
        #expect(!log.contains { $0.action == "callers-searched" })
        #expect(log.filter { $0.action == "not-authorized" }.count == 2)
    }
}

@Suite("Refused requests are on the record, on every store")
struct RefusedRequestConformanceTests {
    @Test(
        "R3a R14 a refused request is kept with its codes; replaying its id gives the same refusal; it never counts as a request", arguments: StoreKind.allCases
    )
    func refusedKept(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        // Li's appointment is 7 hours away: online is refused (WITHIN_12_HOURS).
        let first = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-24T09:00", id: "li-1"), clock: clock)
        #expect(first.result == .refused && first.verdict.codes.contains(.within12Hours))
        let again = try t.store.reschedule(request("WAC2390112345", li, to: "2026-06-24T10:00", id: "li-1"), clock: clock)
        #expect(again.replayed && again.verdict.codes == first.verdict.codes)
        #expect(try t.store.pendingReviews().isEmpty, "a refusal is not waiting for an officer")
        // An agent then completes it (R7): not a repeat request, and the refusal stays on the record.
        let agentDone = try t.store.reschedule(request("WAC2390112345", agent, to: "2026-06-24T09:00", id: "agent-1"), clock: clock)
        #expect(agentDone.result == .booked, "\(agentDone.verdict)")
        let log = try t.store.auditLog(receipt: receipt("WAC2390112345")).map(\.action)
        #expect(log.contains("refused") && log.contains("rescheduled"))
    }
}

@Suite("A G-28 accepted brings the representative an enrollment code, on every store")
struct RepresentationConformanceTests {
    static func key(_ n: UInt8) -> PublicKey {
        var bytes: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        bytes += (0..<32).map { UInt8(truncatingIfNeeded: Int($0) * 5 + Int(n)) }
        return try! PublicKey(parsing: "ssh-ed25519 \(Data(bytes).base64EncodedString())")
    }

    @Test(
        "R5 the officer accepts a G-28: the representative acts on the case, and their code from the acceptance links their key", arguments: StoreKind.allCases)
    func acceptAndEnroll(kind: StoreKind) throws {
        let t = try StoreUnderTest(kind)
        defer { t.cleanup() }
        guard let keys = t.store as? any KeyRegistry else {
            Issue.record("\(kind) is not a key registry")
            return
        }
        _ = try t.store.importDocument(
            {
                var d = ImportDocument()
                d.accounts = [.init(id: "attorney.kim", role: "representative", name: "Sam Kim, Esq.")]
                return d
            }(),
            actor: officer, now: conformanceNow)
        let kim = Actor(role: .representative, id: "attorney.kim")
        #expect(throws: StoreError.notAuthorized) { try t.store.caseSnapshot(receipt("EAC2414052317"), for: kim) }
        let accepted = try keys.acceptRepresentation(receipt: receipt("EAC2414052317"), account: "attorney.kim", by: officer, now: conformanceNow)
        #expect(!accepted.alreadyOnFile && accepted.applicantName == "María García")
        #expect(accepted.text.contains("Enrollment code: \(accepted.enrollmentCode)\n"), "the code on a line of its own")
        #expect(try t.store.caseSnapshot(receipt("EAC2414052317"), for: kim).caseFile.receipt.value == "EAC2414052317")
        // The code from the acceptance enrolls the representative's key, for the representative.
        let result = try keys.enroll(
            receipt: receipt("EAC2414052317"), code: accepted.enrollmentCode, key: Self.key(1), client: "198.51.100.9", now: conformanceNow)
        #expect(result == .enrolled(account: "attorney.kim"))
        #expect(try keys.activeKey(blob: Self.key(1).blob)?.holder == .account("attorney.kim", .representative))
        // Not for a non-representative, and a second acceptance only issues a new code.
        #expect(throws: StoreError.self) { try keys.acceptRepresentation(receipt: receipt("EAC2414052317"), account: "li", by: officer, now: conformanceNow) }
        let again = try keys.acceptRepresentation(receipt: receipt("EAC2414052317"), account: "attorney.kim", by: officer, now: conformanceNow)
        #expect(again.alreadyOnFile && again.enrollmentCode != accepted.enrollmentCode)
        #expect(try t.store.auditLog(receipt: receipt("EAC2414052317")).filter { $0.action == "g28-accepted" }.count == 2)
    }
}
