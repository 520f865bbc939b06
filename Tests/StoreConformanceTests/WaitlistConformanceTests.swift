import Foundation
import Scheduling
import SchedulingStore
import Testing

/// The waiting list on every store (docs/policy.md W0-W5): holds count against capacity, order,
/// accept as a reschedule, decline and expiry passing the station on, and the database's refusals.
/// `now` is Mon 2026-06-15 09:00 EDT; maria's appointment is Thu 06-18 09:00, 2 stations a slot.
@Suite("Store conformance: waiting list and offers")
struct WaitlistConformanceTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var t = conformanceNow
        var now: Date {
            lock.lock()
            defer { lock.unlock() }
            return t
        }
        func advance(_ s: TimeInterval) {
            lock.lock()
            t = t.addingTimeInterval(s)
            lock.unlock()
        }
    }

    /// Two fillers fill Wed 06-17 10:00; jose's case is booked Thu 06-25 09:00.
    static func setUp(_ kind: StoreKind) throws -> StoreUnderTest {
        let t = try StoreUnderTest(kind)
        _ = try t.store.importDocument(holders, actor: officer, now: conformanceNow)
        return t
    }

    /// The holders of Wed 06-17 10:00 and jose's appointment, on top of the conformance document.
    static var holders: ImportDocument {
        var doc = ImportDocument()
        for i in 0..<2 {
            let r = "NBC26" + String(format: "%08d", i)
            doc.cases.append(.init(receipt: r, form: "I-90", applicant: nil, applicantName: "Holder \(i)"))
            doc.appointments.append(.init(receipt: r, center: "BOS", start: "2026-06-17T10:00"))
        }
        doc.appointments.append(.init(receipt: "LIN2501234567", center: "BOS", start: "2026-06-25T09:00"))
        return doc
    }

    static let jose = Actor(role: .applicant, id: "jose")

    static func ask(_ r: String, _ a: Actor, at: Date, not: String = "") -> WaitlistRequest {
        WaitlistRequest(
            receipt: receipt(r), exclusions: try! WaitlistExclusions.parse(not).get(), goodCause: GoodCause(reason: .workOrCare),
            notify: .email, askedAt: at, actor: a)
    }

    static func slot(_ s: some BookingStore, _ local: String) throws -> Date {
        try #require(try s.center(code: "BOS")).zone.instant(of: LocalDateTime(iso: local)!)!
    }

    static func booked(_ s: some BookingStore, _ local: String) throws -> Int {
        let d = try slot(s, local)
        return try s.bookedCounts(center: "BOS", from: d, to: d.addingTimeInterval(1))[d] ?? 0
    }

    /// A filler moves away (an agent's reschedule): its station at 06-17 10:00 is freed.
    static func freeOne(_ s: some ConformingStore, _ clock: Clock) throws {
        let out = try s.reschedule(request("NBC2600000000", agent, to: "2026-06-24T09:00"), clock: { clock.now })
        #expect(out.result == .booked)
    }

    @Test(
        "W0 R3a online asking is refused up front with R3's codes; R5 another's case is NOT_AUTHORIZED; a valid request is audited",
        arguments: StoreKind.allCases)
    func asking(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        guard case let .refused(v) = try WaitlistService.ask(Self.ask("WAC2390112345", li, at: c.now), in: s, clock: { c.now }) else {
            Issue.record("li's request within 12 hours was not refused")
            return
        }
        #expect(v.codes == [.within12Hours])
        #expect(throws: StoreError.notAuthorized) { try WaitlistService.ask(Self.ask("EAC2414052317", li, at: c.now), in: s, clock: { c.now }) }
        guard case .accepted = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now }) else {
            Issue.record("maria's request was not accepted")
            return
        }
        // Asking again replaces the request: still one waiting for the case.
        _ = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now, not: "fri"), in: s, clock: { c.now })
        let o = try WaitlistService.overview(for: officer, in: s, clock: { c.now })
        #expect(o.entries.count == 1 && o.entries[0].entry.request.exclusions.weekdays == [.fri])
        #expect(o.centers.map(\.waiting) == [1])
        #expect(try s.auditLog(receipt: receipt("EAC2414052317")).map(\.action) == ["waitlist-added", "waitlist-added"])
        // An applicant sees only their own case.
        #expect(try WaitlistService.overview(for: li, in: s, clock: { c.now }).entries.isEmpty)
        #expect(try WaitlistService.withdraw(receipt("EAC2414052317"), by: maria, in: s, clock: { c.now }))
        #expect(try WaitlistService.overview(for: officer, in: s, clock: { c.now }).entries.isEmpty)
    }

    @Test(
        "W2 W4 a freed station is held for the first to ask (it counts against capacity: nobody else can book it); accepting books it as a reschedule (R14) and counts",
        arguments: StoreKind.allCases)
    func offerAndAccept(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        _ = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now })
        c.advance(60)
        _ = try WaitlistService.ask(Self.ask("LIN2501234567", Self.jose, at: c.now), in: s, clock: { c.now })
        try Self.freeOne(s, c)
        #expect(try Self.booked(s, "2026-06-17T10:00") == 1)
        let pass = try WaitlistService.pass(in: s, clock: { c.now })
        #expect(pass.offered.count == 1)
        let offer = try #require(pass.offered.first)
        #expect(offer.receipt == receipt("EAC2414052317"), "maria asked first")
        #expect(offer.deadline == c.now.addingTimeInterval(7200))
        #expect(try Self.booked(s, "2026-06-17T10:00") == 2, "the hold counts against capacity")
        // Nobody else can book the held station.
        let other = try s.reschedule(request("WAC2390112345", agent, to: "2026-06-17T10:00"), clock: { c.now })
        #expect(other.result == .slotFull)
        // A second pass offers nothing more: the slot is full (one booking, one hold).
        #expect(try WaitlistService.pass(in: s, clock: { c.now }).offered.isEmpty)
        // Another applicant cannot see or answer it.
        #expect(try WaitlistService.accept(offer.id, by: li, requestID: "x", in: s, clock: { c.now }).problem == .unknownOffer)
        c.advance(600)
        let answer = try WaitlistService.accept(offer.id, by: maria, requestID: "accept-1", in: s, clock: { c.now })
        #expect(answer.problem == nil)
        #expect(answer.outcome?.result == .booked)
        #expect(answer.outcome?.notice?.when == "Wed 2026-06-17 10:00 EDT")
        #expect(try Self.booked(s, "2026-06-17T10:00") == 2, "the hold became the booking")
        let snap = try s.caseSnapshot(receipt("EAC2414052317"), for: maria)
        #expect(snap.appointment.priorReschedules == 1)
        #expect(try s.currentNotice(receipt("EAC2414052317"), for: maria)?.number == answer.outcome?.notice?.number)
        // Accepted at most once.
        #expect(try WaitlistService.accept(offer.id, by: maria, requestID: "accept-2", in: s, clock: { c.now }).problem == .offerResolved)
        #expect(try s.auditLog(receipt: receipt("EAC2414052317")).map(\.action) == ["waitlist-added", "offer-made", "rescheduled", "offer-accepted"])
        let o = try WaitlistService.overview(for: officer, in: s, clock: { c.now })
        #expect(o.entries.map(\.entry.request.receipt) == [receipt("LIN2501234567")], "maria was served")
        #expect(o.centers.first?.accepted == 1)
        // Maria's old slot (Thu 06-18 09:00) was freed by the acceptance and goes to jose on the next pass.
        let next = try WaitlistService.pass(in: s, clock: { c.now })
        #expect(next.offered.map(\.receipt) == [receipt("LIN2501234567")])
        #expect(next.offered.first.map { $0.start } == (try Self.slot(s, "2026-06-18T09:00")))
    }

    @Test(
        "W2 W5 declining passes the station to the next in line in the same transaction; an expired offer cannot be accepted and goes on at once; nobody is offered the same slot twice",
        arguments: StoreKind.allCases)
    func declineAndExpire(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        _ = try WaitlistService.ask(Self.ask("LIN2501234567", Self.jose, at: c.now), in: s, clock: { c.now })
        c.advance(60)
        _ = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now })
        try Self.freeOne(s, c)
        let first = try #require(try WaitlistService.pass(in: s, clock: { c.now }).offered.first)
        #expect(first.receipt == receipt("LIN2501234567"))
        let declined = try WaitlistService.decline(first.id, by: Self.jose, in: s, clock: { c.now })
        #expect(declined.offer?.state == .declined)
        let second = try #require(declined.passedOn.first)
        #expect(second.receipt == receipt("EAC2414052317"))
        #expect(try Self.booked(s, "2026-06-17T10:00") == 2)
        // Late at the deadline itself: refused, nothing changes.
        c.advance(7200)
        let late = try WaitlistService.accept(second.id, by: maria, requestID: "late", in: s, clock: { c.now })
        #expect(late.problem == .offerExpired)
        #expect(try s.caseSnapshot(receipt("EAC2414052317"), for: maria).appointment.priorReschedules == 0)
        // The pass expires it and offers the station on, but to nobody who had it already: it is free.
        let pass = try WaitlistService.pass(in: s, clock: { c.now })
        #expect(pass.expired.map(\.id) == [second.id])
        #expect(pass.offered.isEmpty)
        #expect(try Self.booked(s, "2026-06-17T10:00") == 1)
        let o = try WaitlistService.overview(for: officer, in: s, clock: { c.now })
        #expect(o.centers.first.map { [$0.waiting, $0.offersOut, $0.expired] } == [2, 0, 1], "both keep their place")
        #expect(try s.auditLog(receipt: receipt("EAC2414052317")).map(\.action) == ["waitlist-added", "offer-made", "offer-expired"])
        // A newcomer who matches gets it at the next freeing of that slot; withdrawing ends a request.
        #expect(try WaitlistService.withdraw(receipt("LIN2501234567"), by: Self.jose, in: s, clock: { c.now }))
        #expect(try WaitlistService.overview(for: officer, in: s, clock: { c.now }).entries.count == 1)
    }

    @Test("W1 a request that leaves the slot's weekday out gets no offer, and a slot inside the lead time is never offered", arguments: StoreKind.allCases)
    func matchingRules(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        _ = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now, not: "wed"), in: s, clock: { c.now })
        try Self.freeOne(s, c)
        #expect(try WaitlistService.pass(in: s, clock: { c.now }).offered.isEmpty)
        #expect(try Self.booked(s, "2026-06-17T10:00") == 1)
    }

    @Test(
        "W4 R14 threads racing: a station freed while 12 bookers, 2 offer passes and 2 acceptors go at the slot, 2 rounds: bookings plus holds never exceed the stations",
        arguments: StoreKind.allCases)
    func racingThreads(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        _ = try WaitlistService.ask(Self.ask("EAC2414052317", maria, at: c.now), in: s, clock: { c.now })
        _ = try WaitlistService.ask(Self.ask("LIN2501234567", Self.jose, at: c.now), in: s, clock: { c.now })
        let slot = try Self.slot(s, "2026-06-17T10:00")
        var freers = ["NBC2600000000", "NBC2600000001"]
        for round in 0..<2 {
            let freer = freers.removeFirst()
            DispatchQueue.concurrentPerform(iterations: 17) { i in
                switch i {
                case 0: _ = try? s.reschedule(request(freer, agent, to: "2026-06-24T09:00"), clock: { c.now })
                case 1...12:
                    let r = "MSC26" + String(format: "%08d", round * 8 + i % 8)
                    _ = try? s.reschedule(request(r, agent, to: "2026-06-17T10:00"), clock: { c.now })
                case 13, 14: _ = try? WaitlistService.pass(in: s, clock: { c.now })
                default:
                    let who = i == 15 ? maria : Self.jose
                    for _ in 0..<3 {
                        for id in 1...6 { _ = try? WaitlistService.accept(Int64(id), by: who, requestID: UUID().uuidString, in: s, clock: { c.now }) }
                    }
                }
            }
            let booked = try s.bookedCounts(center: "BOS", from: slot, to: slot.addingTimeInterval(1))[slot] ?? 0
            let open = try WaitlistService.overview(for: officer, in: s, clock: { c.now }).offers.filter { $0.state == .open && $0.start == slot }.count
            // (Whether the freed station was taken in the round depends on who ran first; never more than the stations.)
            #expect(booked <= 2 && open <= booked, "round \(round): \(booked) booked or held, \(open) held")
        }
        // Later, every late offer is ended by the pass (a station it frees may be offered anew, with a new deadline).
        c.advance(3 * 3600)
        _ = try WaitlistService.pass(in: s, clock: { c.now })
        let offers = try WaitlistService.overview(for: officer, in: s, clock: { c.now }).offers
        #expect(!offers.contains { $0.state == .open && $0.deadline <= c.now }, "\(offers.map { ($0.id, $0.state) })")
        let booked = try s.bookedCounts(center: "BOS", from: slot, to: slot.addingTimeInterval(1))[slot] ?? 0
        #expect(booked <= 2)
        #expect(try s.verifyAudit().firstBroken == nil)
    }

    @Test(
        "W2 capacity or hours added at a center (an import raising the stations, widening a day) is recorded like a freed station: the next pass offers the slot that now has room",
        arguments: StoreKind.allCases)
    func capacityAdded(kind: StoreKind) throws {
        let t = try Self.setUp(kind)
        defer { t.cleanup() }
        let s = t.store, c = Clock()
        // maria wants Wed 06-17 10:00 only (the slot the two holders fill); jose Saturday 06-20 only (closed).
        var m = Self.ask("EAC2414052317", maria, at: c.now, not: "08:00-10:00,10:30-16:00")
        m.from = LocalDate(iso: "2026-06-17")
        m.before = LocalDate(iso: "2026-06-18")
        _ = try WaitlistService.ask(m, in: s, clock: { c.now })
        var j = Self.ask("LIN2501234567", Self.jose, at: c.now)
        j.from = LocalDate(iso: "2026-06-20")
        j.before = LocalDate(iso: "2026-06-21")
        _ = try WaitlistService.ask(j, in: s, clock: { c.now })
        #expect(try WaitlistService.pass(in: s, clock: { c.now }).offered.isEmpty)
        // A record that gives BOS no more room records nothing.
        var same = ImportDocument()
        same.centers = [
            .init(
                code: "BOS", name: "Boston ASC", timeZone: "America/New_York", slotMinutes: 30, stations: 2, hours: [.mon: "08:00-16:00"],
                given: ["name", "stations", "hours"])
        ]
        _ = try s.importDocument(same, actor: officer, now: c.now)
        #expect(try WaitlistService.pass(in: s, clock: { c.now }).offered.isEmpty)
        // Three stations a slot: the full slot has room, and maria is offered it.
        var more = ImportDocument()
        more.centers = [.init(code: "BOS", name: "", timeZone: "", slotMinutes: 30, stations: 3, hours: [:], given: ["stations"])]
        _ = try s.importDocument(more, actor: officer, now: c.now)
        let offered = try WaitlistService.pass(in: s, clock: { c.now }).offered
        #expect(offered.map(\.receipt) == [receipt("EAC2414052317")])
        #expect(offered.first?.start == (try Self.slot(s, "2026-06-17T10:00")))
        #expect(try Self.booked(s, "2026-06-17T10:00") == 3, "two bookings and the hold")
        // Saturday hours added: jose is offered its first slot.
        var saturday = ImportDocument()
        saturday.centers = [.init(code: "BOS", name: "", timeZone: "", slotMinutes: 30, stations: 3, hours: [.sat: "08:00-12:00"], given: ["hours"])]
        _ = try s.importDocument(saturday, actor: officer, now: c.now)
        let sat = try WaitlistService.pass(in: s, clock: { c.now }).offered
        #expect(sat.map(\.receipt) == [receipt("LIN2501234567")])
        #expect(sat.first?.start == (try Self.slot(s, "2026-06-20T08:00")))
        #expect(try s.verifyAudit().firstBroken == nil)
    }
}
