import Foundation
import Scheduling

/// The waiting list's primitives in memory (the SQL store's `WaitlistSQL.swift`, row for row).
extension MemoryTransaction: WaitlistTransaction {
    func freeStation(_ center: String, _ start: Date) {
        let ms = Int64(Date().timeIntervalSince1970 * 1000)
        state.freed.append(FreedStation(id: state.nextFreedID, centerCode: center, start: start, freedAtMillis: ms))
        state.nextFreedID += 1
    }

    func offerSettings() throws -> OfferSettings { OfferSettings(holdMinutes: state.offerHoldMinutes) }

    func entry(_ id: Int64) -> WaitingEntry? {
        guard let w = state.waitlist[id], w.state == "waiting",
            let a = state.appointments.values.first(where: { $0.appointment.receipt == w.request.receipt && $0.appointment.status == .scheduled })
        else { return nil }
        let open = state.offers.values.contains { $0.waitlistID == id && $0.state == .open }
        return WaitingEntry(id: id, request: w.request, currentCenter: a.appointment.centerCode, currentStart: a.appointment.start, hasOpenOffer: open)
    }

    func waitlistIDsOffered(center: String, start: Date) throws -> Set<Int64> {
        Set(state.offers.values.filter { $0.centerCode == center && $0.start == start }.map(\.waitlistID))
    }

    func allWaiting() throws -> [WaitingEntry] {
        state.waitlist.keys.compactMap(entry).sorted { ($0.request.askedAt, $0.id) < ($1.request.askedAt, $1.id) }
    }
    func waitingRequest(_ receipt: ReceiptNumber) throws -> WaitingEntry? { try allWaiting().first { $0.request.receipt == receipt } }
    func waitingEntries(center: String) throws -> [WaitingEntry] { try allWaiting().filter { $0.request.centers.contains(center) } }

    func insertWaitlist(_ r: WaitlistRequest) throws -> Int64 {
        if try waitingRequest(r.receipt) != nil { throw StoreError.conflict }
        let id = state.nextWaitlistID
        state.nextWaitlistID += 1
        state.waitlist[id] = (r, "waiting")
        return id
    }

    func endWaitlist(id: Int64, state s: String, at: Date) throws {
        guard state.waitlist[id]?.state == "waiting" else { return }
        state.waitlist[id]?.state = s
    }

    func lockSlots(_ slots: [(center: String, start: Date)]) throws {}

    func insertOffer(waitlistID: Int64, receipt: ReceiptNumber, center: String, start: Date, createdAt: Date, deadline: Date) throws -> Int64 {
        guard let c = state.centers[center] else { throw StoreError.unknownCenter(center) }
        guard deadline > createdAt else { throw StoreError.failed("an offer's deadline comes after it is made") }
        if try bookedCount(center: center, start: start) >= c.stations { throw StoreError.capacityExceeded }
        if state.offers.values.contains(where: { $0.waitlistID == waitlistID && $0.state == .open }) { throw StoreError.conflict }
        let id = Int64(state.offers.count + 1)
        state.offers[id] = Offer(
            id: id, waitlistID: waitlistID, receipt: receipt, centerCode: center, start: start, createdAt: createdAt,
            deadline: deadline, state: .open)
        return id
    }

    func offer(_ id: Int64) throws -> Offer? { state.offers[id] }
    func offers(receipt: ReceiptNumber?) throws -> [Offer] {
        state.offers.values.filter { receipt == nil || $0.receipt == receipt }.sorted { $0.id < $1.id }
    }
    func lateOffers(now: Date) throws -> [Offer] {
        state.offers.values.filter { $0.state == .open && $0.deadline <= now }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
    }

    @discardableResult
    func resolveOffer(_ id: Int64, to s: OfferState, at: Date, appointmentID: Int64?) throws -> Bool {
        guard var o = state.offers[id] else { return false }
        if let appointmentID {
            guard o.state == .accepted, state.offerAppointments[id] == nil else { return false }
            state.offerAppointments[id] = appointmentID
            return true
        }
        guard o.state == .open, s != .open else { return false }
        // As the schema's CHECKs: accepted only before the deadline, expired only at or after it.
        if s == .accepted && at >= o.deadline { throw StoreError.failed("an expired offer cannot be accepted") }
        if s == .expired && at < o.deadline { throw StoreError.failed("an offer expires at its deadline, not before") }
        o.state = s
        o.resolvedAt = at
        state.offers[id] = o
        if s != .accepted { freeStation(o.centerCode, o.start) }
        return true
    }

    func takeFreedStations(limit: Int) throws -> [FreedStation] {
        let out = Array(state.freed.prefix(limit))
        state.freed.removeFirst(out.count)
        return out
    }

    func enqueueOffer(_ offer: Offer, notify: NotifyChannel?) throws {
        var n = PendingNotification(kind: .offer, receipt: offer.receipt, notify: notify, createdAt: offer.createdAt)
        n.offerID = offer.id
        state.outbox.append(n)
    }
}
