import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// `biosched-bench offers [--centers N] [--waiting N] [--freed N] [--db postgresql://...]`: N waiting
/// requests spread over the centers (each for its own center, asked by an agent), then `--freed`
/// ordinary reschedules away from earlier slots, one after another, while a second thread runs
/// the offer pass in a loop (as `mailer --follow` does, with no pause). Prints the time from each
/// freeing commit to the offer being committed to the outbox (p50/p99), the time for all of them,
/// and checks: no slot holds more bookings plus holds than stations, no request holds two open offers.
enum OffersBenchmark {
    static func run(_ args: [String]) throws {
        var centers = 130, waiting = 10_000, freed = 1_000
        var database: String?
        var options = OptionReader(args, usage: "usage: biosched-bench offers [--centers N] [--waiting N] [--freed N] [--db postgresql://...]")
        while let option = options.current {
            switch option {
            case "--centers": centers = try options.number()
            case "--waiting": waiting = try options.number()
            case "--freed": freed = try options.number()
            case "--db": database = try options.value()
            default: throw options.unknown()
            }
            options.advance()
        }
        let fresh = try FreshStore(database: database, file: "offers.sqlite", tag: "offers")
        defer { fresh.cleanup() }
        let (store, backend, now) = (fresh.store, fresh.backend, FreshStore.now)
        let zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu"]
        let hours: [Weekday: String] = [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"]
        var doc = ImportDocument()
        func weekdays(from: Int, zone: ZoneRules) -> [LocalDate] {
            let today = zone.local(now).date
            return (from...(from + 14)).map { today.adding(days: $0) }.filter { $0.weekday != .sat && $0.weekday != .sun }
        }
        for c in 0..<centers {
            doc.centers.append(
                .init(
                    code: String(format: "OF%03d", c), name: "Offer \(c) ASC", address: "\(c) Main St", city: "Town \(c)",
                    state: "S\(c % 50)", timeZone: zones[c % zones.count], slotMinutes: 30, stations: 2, hours: hours))
        }
        // The waiting cases: appointments 20+ days out, one per slot, round robin over the centers.
        var waitingCases: [(String, String)] = []
        for n in 0..<waiting {
            let c = n % centers, k = n / centers
            let zone = ZoneRules(identifier: zones[c % zones.count])!
            let day = weekdays(from: 20, zone: zone)[k / 16 % 10]
            let r = String(format: "EAC%010d", n)
            doc.cases.append(.init(receipt: r, form: "I-485", applicant: nil, applicantName: "Waiting \(n)"))
            doc.appointments.append(
                .init(receipt: r, center: String(format: "OF%03d", c), start: String(format: "%@T%02d:%02d", day.iso, 8 + k % 16 / 2, k % 2 * 30)))
            waitingCases.append((r, String(format: "OF%03d", c)))
        }
        // The freers: earlier appointments (days 3 to 12), each in a slot of its own.
        var freers: [(receipt: String, center: String)] = []
        for n in 0..<freed {
            let c = n % centers, k = n / centers
            let zone = ZoneRules(identifier: zones[c % zones.count])!
            let day = weekdays(from: 3, zone: zone)[k / 16 % 8]
            let r = String(format: "WAC%010d", n)
            doc.cases.append(.init(receipt: r, form: "I-765", applicant: nil, applicantName: "Freer \(n)"))
            doc.appointments.append(
                .init(receipt: r, center: String(format: "OF%03d", c), start: String(format: "%@T%02d:%02d", day.iso, 8 + k % 16 / 2, k % 2 * 30)))
            freers.append((r, String(format: "OF%03d", c)))
        }
        let agent = Actor(role: .agent, id: "bench")
        var t0 = monotonicNS()
        _ = try store.importDocument(doc, actor: Actor(role: .officer, id: "bench"), now: now)
        note("imported \(doc.appointments.count) appointments at \(centers) centers in \(fmt(ms(monotonicNS() - t0) / 1000, 1)) s")
        t0 = monotonicNS()
        for (r, _) in waitingCases {
            let asked = WaitlistRequest(
                receipt: try ReceiptNumber(parsing: r), goodCause: GoodCause(reason: .workOrCare), notify: .email, askedAt: now, actor: agent)
            guard case .accepted = try WaitlistService.ask(asked, in: store, clock: { now }) else { throw BenchFailure("\(r) was not put on the waiting list") }
        }
        note("\(waiting) waiting requests in \(fmt(ms(monotonicNS() - t0) / 1000, 1)) s")

        // Freeing commits (wall clock, ns) by slot; the pass thread matches its offers to them.
        let shared = Shared()
        let passerDone = DispatchSemaphore(value: 0)
        let passer = Thread {
            while true {
                let finished = shared.isDone
                guard let report = try? WaitlistService.pass(in: store, clock: { now }) else { continue }
                shared.offered(report.offered, at: monotonicNS())
                if finished && report.offered.isEmpty && report.freedSeen == 0 { break }
            }
            passerDone.signal()
        }
        let all = monotonicNS()
        passer.start()
        for (n, f) in freers.enumerated() {
            let k = n / centers
            let r = try ReceiptNumber(parsing: f.receipt)
            let snap = try store.caseSnapshot(r, for: agent)
            let center = try store.center(code: f.center)!
            // To a slot of its own on days 13 to 19 (after every freed one, before every waiting one).
            let target = weekdays(from: 13, zone: center.zone)[k / 16 % 5]
            // The time before the call stands until the commit's is known (a pass may be quicker):
            // a latency is never under-counted.
            shared.freed("\(f.center)@\(snap.appointment.start.timeIntervalSince1970)", at: monotonicNS())
            let out = try store.reschedule(
                RescheduleRequest(
                    requestID: "free-\(f.receipt)", receipt: r, actor: agent, goodCause: GoodCause(reason: .travel),
                    to: LocalDateTime(iso: String(format: "%@T%02d:%02d", target.iso, 8 + k % 16 / 2, k % 2 * 30))!), clock: { now })
            let at = monotonicNS()
            guard out.result == .booked else { throw BenchFailure("\(f.receipt): \(out.result.rawValue) \(out.verdict.codes)") }
            shared.freed("\(f.center)@\(snap.appointment.start.timeIntervalSince1970)", at: at)
        }
        shared.finish()
        passerDone.wait()
        let total = ms(monotonicNS() - all)
        let (latencies, offers) = shared.results

        // The checks: bookings plus holds per slot against the stations; open offers per request.
        let overview = try WaitlistService.overview(for: agent, in: store, clock: { now })
        var perRequest: [Int64: Int] = [:]
        for o in overview.offers where o.state == .open { perRequest[o.waitlistID, default: 0] += 1 }
        let doubly = perRequest.values.filter { $0 > 1 }.count
        var overbooked = 0
        for c in try store.centers() {
            for (_, n) in try store.bookedCounts(center: c.code, from: now, to: now.addingTimeInterval(40 * 86_400)) where n > c.stations { overbooked += 1 }
        }
        print("offers on \(backend): \(waiting) waiting requests over \(centers) centers (2 stations a slot), \(freed) stations freed by ordinary reschedules")
        print(
            table([
                ["", "value"],
                ["offers made", "\(offers)"],
                ["freeing commit -> offer in the outbox, p50", "\(fmt(ms(percentile(latencies, 0.50)), 1)) ms"],
                ["freeing commit -> offer in the outbox, p99", "\(fmt(ms(percentile(latencies, 0.99)), 1)) ms"],
                ["freeing commit -> offer in the outbox, max", "\(fmt(ms(latencies.max() ?? 0), 1)) ms"],
                ["all \(freed) freed and offered", "\(fmt(total / 1000, 2)) s"],
                ["slots overbooked (bookings + holds > stations)", "\(overbooked)"],
                ["requests with two open offers", "\(doubly)"]
            ]))
    }
}

/// What the freeing loop and the pass thread share, under a lock.
private final class Shared: @unchecked Sendable {
    private let lock = NSLock()
    private var committed: [String: UInt64] = [:]
    private var latencies: [UInt64] = []
    private var offers = 0
    private var done = false
    var isDone: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }
    func finish() {
        lock.lock()
        done = true
        lock.unlock()
    }
    func freed(_ key: String, at: UInt64) {
        lock.lock()
        committed[key] = at
        lock.unlock()
    }
    func offered(_ list: [Offer], at: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        for o in list {
            offers += 1
            if let c = committed["\(o.centerCode)@\(o.start.timeIntervalSince1970)"] { latencies.append(at - c) }
        }
    }
    var results: ([UInt64], Int) {
        lock.lock()
        defer { lock.unlock() }
        return (latencies, offers)
    }
}
