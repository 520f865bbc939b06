import Foundation
import Scheduling

/// Every booking made so far, per slot, so no slot gets more bookings than stations.
struct Ledger {
    struct DayKey: Hashable {
        let site: Int
        let day: Int
    }
    struct SlotKey: Hashable {
        let site: Int
        let start: Int64
    }
    let sites: [Site]
    private var days: [DayKey: [Slot]] = [:]
    private var booked: [SlotKey: Int] = [:]

    init(sites: [Site]) { self.sites = sites }

    mutating func slots(_ site: Int, _ day: LocalDate) -> [Slot] {
        let k = DayKey(site: site, day: day.epochDay)
        if let s = days[k] { return s }
        let s = SlotCalendar.slots(of: sites[site].center, on: day)
        days[k] = s
        return s
    }
    func count(_ site: Int, _ start: Date) -> Int { booked[SlotKey(site: site, start: secs(start))] ?? 0 }
    func isFree(_ site: Int, _ start: Date) -> Bool { count(site, start) < sites[site].center.stations }
    mutating func take(_ site: Int, _ start: Date) {
        let k = SlotKey(site: site, start: secs(start))
        let n = (booked[k] ?? 0) + 1
        precondition(n <= sites[site].center.stations, "demo data would overbook \(sites[site].code) at \(start)")
        booked[k] = n
    }

    /// A free slot of `site` starting in `(after, upTo]`, searched from a random day and slot.
    mutating func randomFree(_ site: Int, after: Date, upTo: Date, rng: inout SplitMix64) -> Slot? {
        let zone = sites[site].zone
        let first = zone.local(after).date, last = zone.local(upTo).date
        let n = last.epochDay - first.epochDay + 1
        guard n > 0 else { return nil }
        let d0 = rng.int(n)
        for k in 0..<n {
            let day = first.adding(days: (d0 + k) % n)
            let list = slots(site, day)
            if list.isEmpty { continue }
            let s0 = rng.int(list.count)
            for j in 0..<list.count {
                let s = list[(s0 + j) % list.count]
                if s.start > after && s.start <= upTo && isFree(site, s.start) { return s }
            }
        }
        return nil
    }

    /// A free slot near `minute` (local) on the first day from `day`, stepping `step` days, that
    /// has one starting in `(after, before)`.
    mutating func near(_ site: Int, day: LocalDate, step: Int = 1, minute: Int = 600, after: Date, before: Date) -> Slot {
        for k in 0..<120 {
            let d = day.adding(days: k * step)
            let ok = slots(site, d).filter { $0.start > after && $0.start < before && isFree(site, $0.start) }
            if let best = ok.min(by: { abs($0.local.time.minutes - minute) < abs($1.local.time.minutes - minute) }) { return best }
        }
        preconditionFailure("no free slot for the demo data at \(sites[site].code) from \(day.iso)")
    }
}
