import Foundation

/// A waiting-list request as the store keeps it.
public struct StoredWaitlistEntry: Hashable, Sendable {
    public var entry: WaitingEntry
    public var state: String
    public init(entry: WaitingEntry, state: String) {
        self.entry = entry
        self.state = state
    }
}

/// A station given back (an appointment left its slot, or a hold ended unaccepted), as the freeing
/// transaction recorded it.
public struct FreedStation: Hashable, Sendable {
    public var id: Int64
    public var centerCode: String
    public var start: Date
    /// When the freeing transaction wrote it (the database's clock, milliseconds), for the benchmark.
    public var freedAtMillis: Int64
    public init(id: Int64, centerCode: String, start: Date, freedAtMillis: Int64) {
        self.id = id
        self.centerCode = centerCode
        self.start = start
        self.freedAtMillis = freedAtMillis
    }
    /// The `start` of a record that stands for every slot of its center: capacity or hours were
    /// added (an import raised the stations or widened a day's hours), so any slot may have room.
    public static let everySlot = Date(timeIntervalSince1970: 0)
    public var isEverySlot: Bool { start == Self.everySlot }
}

/// The waiting-list primitives of a store's write transaction (rows only; `WaitlistService` decides).
/// A hold is a booking's twin: `insertOffer` takes a station of the slot (the store's capacity
/// guard refuses a full slot with `.capacityExceeded`), and ending an open offer gives it back.
public protocol WaitlistTransaction: BookingTransaction {
    func offerSettings() throws -> OfferSettings
    /// The case's waiting request, if it has one.
    func waitingRequest(_ receipt: ReceiptNumber) throws -> WaitingEntry?
    /// Every waiting request that names `center`, with its case's current appointment.
    func waitingEntries(center: String) throws -> [WaitingEntry]
    /// The requests offered this slot before (declined, expired, withdrawn): never offered it again.
    func waitlistIDsOffered(center: String, start: Date) throws -> Set<Int64>
    /// Every waiting request (staff's list; an applicant's place).
    func allWaiting() throws -> [WaitingEntry]
    func insertWaitlist(_ r: WaitlistRequest) throws -> Int64
    /// Ends a waiting request (`withdrawn` or `served`).
    func endWaitlist(id: Int64, state: String, at: Date) throws
    /// Holds a station of the slot for the request; returns the offer's id.
    func insertOffer(waitlistID: Int64, receipt: ReceiptNumber, center: String, start: Date, createdAt: Date, deadline: Date) throws -> Int64
    func offer(_ id: Int64) throws -> Offer?
    func offers(receipt: ReceiptNumber?) throws -> [Offer]
    /// Open offers whose deadline is at or before `now`.
    func lateOffers(now: Date) throws -> [Offer]
    /// Moves an open offer to a final state, giving its station back; false when it was not open.
    /// With `appointmentID` on an offer already `accepted` (and not yet linked): links the booking.
    @discardableResult
    func resolveOffer(_ id: Int64, to state: OfferState, at: Date, appointmentID: Int64?) throws -> Bool
    /// Locks the slots a step will change, in one fixed order (a store with row locks; else nothing).
    func lockSlots(_ slots: [(center: String, start: Date)]) throws
    /// Takes (removes) up to `limit` recorded freed stations, oldest first.
    func takeFreedStations(limit: Int) throws -> [FreedStation]
    /// Queues the offer's message (the outbox).
    func enqueueOffer(_ offer: Offer, notify: NotifyChannel?) throws
}

/// What an offer step did.
public struct OfferReport: Sendable, Hashable {
    public var offered: [Offer] = []
    public var expired: [Offer] = []
    public var freedSeen = 0
    public init() {}
}

/// The answer to accepting an offer.
public struct OfferAnswer: Sendable {
    public var offer: Offer?
    public var outcome: RescheduleOutcome?
    public var problem: WaitlistCode?
    /// Offers made to the next in line (a decline).
    public var passedOn: [Offer]
    public init(offer: Offer?, outcome: RescheduleOutcome? = nil, problem: WaitlistCode? = nil, passedOn: [Offer] = []) {
        self.offer = offer
        self.outcome = outcome
        self.problem = problem
        self.passedOn = passedOn
    }
}

/// The waiting list's steps, once for every store, each in one write transaction.
public enum WaitlistService {
    static func wtx(_ tx: any BookingTransaction) throws -> any WaitlistTransaction {
        guard let w = tx as? any WaitlistTransaction else { throw StoreError.invalid(Localized { $0.waitlistNotInStore }) }
        return w
    }

    /// Asks (or replaces the case's request). R5 first: a case the actor may not see is `.notAuthorized`.
    public static func ask(_ r: WaitlistRequest, in store: some TransactionalStore, clock: () -> Date) throws(StoreError) -> WaitlistDecision {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            var r = r
            r.askedAt = now
            let snap = try CaseSnapshot.load(r.receipt, for: r.actor, from: tx)
            let known = Set(try r.centers.compactMap { try tx.center($0.uppercased())?.code })
            let decision = WaitlistPolicy.evaluate(r, snapshot: snap, knownCenters: known.union([snap.center.code]), now: now)
            switch decision {
            case let .accepted(ok):
                var replaced = ""
                if let old = try w.waitingRequest(r.receipt) {
                    try withdrawOffers(w, waitlistID: old.id, receipt: r.receipt, now: now)
                    try w.endWaitlist(id: old.id, state: "withdrawn", at: now)
                    replaced = " replaced=\(old.id)"
                }
                let id = try w.insertWaitlist(ok)
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: r.actor, action: .waitlistAdded, receipt: r.receipt, requestID: nil,
                        detail:
                            "waitlist=\(id) centers=\(ok.centers.joined(separator: ",")) from=\(ok.from?.iso ?? "") before=\(ok.before?.iso ?? "") not=\(ok.exclusions.text) reason=\(ok.goodCause.reason.rawValue)\(replaced)"
                    ))
            case let .refused(v):
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: r.actor, action: .refused, receipt: r.receipt, requestID: nil,
                        detail: "waitlist codes=\(v.codes.map(\.rawValue).joined(separator: ","))"))
            case let .invalid(p):
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: r.actor, action: .refused, receipt: r.receipt, requestID: nil,
                        detail: "waitlist codes=\(p.map(\.code.rawValue).joined(separator: ","))"))
            }
            return decision
        }
    }

    /// Withdraws the case's request and its open offer (the station goes to the next in line).
    public static func withdraw(_ receipt: ReceiptNumber, by actor: Actor, in store: some TransactionalStore, clock: () -> Date) throws(StoreError) -> Bool {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            _ = try CaseSnapshot.load(receipt, for: actor, from: tx)
            guard let e = try w.waitingRequest(receipt) else { return false }
            let freed = try withdrawOffers(w, waitlistID: e.id, receipt: receipt, now: now)
            try w.endWaitlist(id: e.id, state: "withdrawn", at: now)
            try tx.appendAudit(AuditEvent(at: now, actor: actor, action: .waitlistRemoved, receipt: receipt, requestID: nil, detail: "waitlist=\(e.id)"))
            for o in freed { _ = try offerStation(w, center: o.centerCode, start: o.start, now: now, by: actor) }
            return true
        }
    }

    @discardableResult
    static func withdrawOffers(_ w: any WaitlistTransaction, waitlistID: Int64, receipt: ReceiptNumber, now: Date) throws -> [Offer] {
        var out: [Offer] = []
        for o in try w.offers(receipt: receipt) where o.waitlistID == waitlistID && o.state == .open {
            if try w.resolveOffer(o.id, to: .withdrawn, at: now, appointmentID: nil) { out.append(o) }
        }
        return out
    }

    /// Offers the free stations of one slot to the requests that match, first asked first (W2),
    /// each held until its deadline (W4), each message queued, each step audited.
    static func offerStation(_ w: any WaitlistTransaction, center code: String, start: Date, now: Date, by actor: Actor) throws -> [Offer] {
        guard let center = try w.center(code) else { return [] }
        let local = center.zone.local(start)
        guard let slot = SlotCalendar.slot(of: center, at: local), slot.start == start else { return [] }
        let window = try w.slotWindow()
        let settings = try w.offerSettings()
        guard let deadline = OfferRules.deadline(now: now, slotStart: start, window: window, settings: settings) else { return [] }
        var out: [Offer] = []
        let before = try w.waitlistIDsOffered(center: code, start: start)
        var entries = try w.waitingEntries(center: code).filter { !before.contains($0.id) }
        while try w.bookedCount(center: code, start: start) < center.stations && !center.isClosed(on: local.date),
            let e = WaitlistMatching.next(for: slot, among: entries, now: now, window: window)
        {
            let id = try w.insertOffer(waitlistID: e.id, receipt: e.request.receipt, center: code, start: start, createdAt: now, deadline: deadline)
            let o = Offer(
                id: id, waitlistID: e.id, receipt: e.request.receipt, centerCode: code, start: start, createdAt: now, deadline: deadline, state: .open)
            try w.enqueueOffer(o, notify: e.request.notify)
            try w.appendAudit(
                AuditEvent(
                    at: now, actor: actor, action: .offerMade, receipt: e.request.receipt, requestID: nil,
                    detail: "offer=\(id) waitlist=\(e.id) slot=\(code) \(center.zone.format(start)) deadline=\(center.zone.format(deadline))"))
            out.append(o)
            entries.removeAll { $0.id == e.id }
        }
        return out
    }

    /// Capacity or hours added at a center: every slot of it, earliest first, up to the latest
    /// current appointment of a request waiting there, is offered as if a station had freed in it
    /// (`offerStation`: only where a station is free and a request matches), until every request
    /// there holds an offer.
    static func offerCenter(_ w: any WaitlistTransaction, center code: String, now: Date, by actor: Actor) throws -> [Offer] {
        guard let center = try w.center(code) else { return [] }
        let window = try w.slotWindow()
        var waiting = try w.waitingEntries(center: code).filter { !$0.hasOpenOffer }
        guard let last = waiting.map(\.currentStart).max() else { return [] }
        let dates = SlotCalendar.candidateDates(of: center, now: now, window: window)
        let lastDate = min(dates.upperBound, center.zone.local(last).date)
        guard dates.lowerBound <= lastDate else { return [] }
        var out: [Offer] = []
        var day = dates.lowerBound
        while day <= lastDate && !waiting.isEmpty {
            for slot in SlotCalendar.slots(of: center, on: day)
            where !waiting.isEmpty
                && waiting.contains(where: { WaitlistMatching.matches($0, slot: slot, now: now, window: window) })
            {
                let made = try offerStation(w, center: code, start: slot.start, now: now, by: actor)
                let served = Set(made.map(\.waitlistID))
                waiting.removeAll { served.contains($0.id) }
                out += made
            }
            day = day.adding(days: 1)
        }
        return out
    }

    /// The pass: expires late offers (each station offered on at once), then offers the stations the
    /// freeing transactions recorded. One transaction per step, so a long pass never holds the store.
    public static func pass(in store: some TransactionalStore, clock: () -> Date, batch: Int = 64) throws(StoreError) -> OfferReport {
        var report = OfferReport()
        let system = Actor(role: .officer, id: "biosched-offers")
        while true {
            let more: Bool = try store.withWriteTransaction { tx in
                let w = try wtx(tx)
                let now = clock()
                let late = try w.lateOffers(now: now).prefix(batch)
                for o in late where try w.resolveOffer(o.id, to: .expired, at: now, appointmentID: nil) {
                    var e = o
                    e.state = .expired
                    e.resolvedAt = now
                    report.expired.append(e)
                    try tx.appendAudit(AuditEvent(at: now, actor: system, action: .offerExpired, receipt: o.receipt, requestID: nil, detail: "offer=\(o.id)"))
                }
                let freed = try w.takeFreedStations(limit: batch)
                report.freedSeen += freed.count
                var seen = Set<String>()
                for f in freed where seen.insert("\(f.centerCode)@\(f.start.timeIntervalSince1970)").inserted {
                    report.offered +=
                        f.isEverySlot
                        ? try offerCenter(w, center: f.centerCode, now: now, by: system)
                        : try offerStation(w, center: f.centerCode, start: f.start, now: now, by: system)
                }
                return late.count == batch || freed.count == batch
            }
            if !more { return report }
        }
    }

    /// R5 then W5: the offer, if the actor may act on its case and it can still be answered; else
    /// the answer saying why (an offer of someone else's case is as unknown as one that never was).
    static func answerable(_ w: any WaitlistTransaction, _ id: Int64, by actor: Actor, now: Date) throws -> (Offer?, OfferAnswer?) {
        guard let o = try w.offer(id), let file = try w.caseFile(o.receipt), file.isAuthorized(actor) else {
            return (nil, OfferAnswer(offer: nil, problem: .unknownOffer))
        }
        if let p = OfferRules.resolvable(o, now: now) { return (nil, OfferAnswer(offer: o, problem: p)) }
        return (o, nil)
    }

    /// Accepts an offer: in one transaction the hold is released and the slot booked as a
    /// reschedule under every rule (`ReschedulingService`: R3/R7 re-checked now, a new notice, the
    /// message, the audit row, one more prior reschedule), the offer marked accepted, the request
    /// served. A refusal by the rules writes nothing (the offer stays open until declined or late);
    /// anything refused after the hold was released rolls all of it back.
    public static func accept(_ id: Int64, by actor: Actor, requestID: String, in store: some TransactionalStore, clock: () -> Date) throws(StoreError)
        -> OfferAnswer
    {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            let (found, refusal) = try answerable(w, id, by: actor, now: now)
            guard let o = found else { return refusal! }
            guard let e = try w.waitingRequest(o.receipt), e.id == o.waitlistID, let center = try tx.center(o.centerCode) else {
                return OfferAnswer(offer: o, problem: .offerResolved)
            }
            // The rules first, with nothing written: an escalation or a refusal books nothing.
            let snap = try CaseSnapshot.load(o.receipt, for: actor, from: tx)
            let verdict = ReschedulePolicy.evaluate(
                RescheduleContext(
                    actor: actor, caseFile: snap.caseFile, appointment: snap.appointment,
                    goodCause: e.request.goodCause, now: now, centerClosed: snap.centerClosedThatDay))
            guard verdict.decision == .allowed else {
                let v =
                    verdict.decision == .escalated
                    ? Verdict(
                        decision: .refused, codes: verdict.codes,
                        text: Localized { t in t.waitlistNeedsOfficer(verdict.codes.map(\.rawValue).joined(separator: ", ")) },
                        guidance: Localized { $0.guidanceRecordForOfficer })
                    : verdict
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: actor, action: .refused, receipt: o.receipt, requestID: nil,
                        detail: "offer=\(id) codes=\(v.codes.map(\.rawValue).joined(separator: ","))"))
                return OfferAnswer(offer: o, outcome: RescheduleOutcome(requestID: requestID, result: .refused, verdict: v))
            }
            try w.lockSlots([(snap.appointment.centerCode, snap.appointment.start), (o.centerCode, o.start)])
            guard try w.resolveOffer(id, to: .accepted, at: now, appointmentID: nil) else { return OfferAnswer(offer: o, problem: .offerResolved) }
            let r = RescheduleRequest(
                requestID: requestID, receipt: o.receipt, actor: actor, goodCause: e.request.goodCause,
                note: "offer \(id)", centerCode: o.centerCode, to: center.zone.local(o.start), notify: e.request.notify,
                expectedAppointmentID: snap.appointment.id)
            let outcome = try ReschedulingService.decide(tx, r, now: now)
            guard outcome.result == .booked, !outcome.replayed, let newID = try tx.currentAppointment(o.receipt)?.id else {
                // Released but not booked: nothing of it stays.
                throw StoreError.conflict
            }
            try w.resolveOffer(id, to: .accepted, at: now, appointmentID: newID)
            try w.endWaitlist(id: e.id, state: "served", at: now)
            try tx.appendAudit(
                AuditEvent(
                    at: now, actor: actor, action: .offerAccepted, receipt: o.receipt, requestID: r.requestID,
                    detail: "offer=\(id) appointment=\(newID)"))
            var done = o
            done.state = .accepted
            done.resolvedAt = now
            return OfferAnswer(offer: done, outcome: outcome)
        }
    }

    /// Declines an offer: the hold is released and the station offered to the next in line, in the
    /// same transaction. The request keeps its place for later slots (W2).
    public static func decline(_ id: Int64, by actor: Actor, in store: some TransactionalStore, clock: () -> Date) throws(StoreError) -> OfferAnswer {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            let (found, refusal) = try answerable(w, id, by: actor, now: now)
            guard let o = found else { return refusal! }
            guard try w.resolveOffer(id, to: .declined, at: now, appointmentID: nil) else { return OfferAnswer(offer: o, problem: .offerResolved) }
            try tx.appendAudit(AuditEvent(at: now, actor: actor, action: .offerDeclined, receipt: o.receipt, requestID: nil, detail: "offer=\(id)"))
            let next = try offerStation(w, center: o.centerCode, start: o.start, now: now, by: actor)
            var done = o
            done.state = .declined
            done.resolvedAt = now
            return OfferAnswer(offer: done, passedOn: next)
        }
    }
}

/// One center's line of the staff's waiting list.
public struct WaitlistCenterLine: Sendable, Hashable, Codable {
    public var center: String
    public var waiting: Int
    public var oldest: Date?
    public var offersOut: Int
    public var accepted: Int
    public var expired: Int
}

/// The waiting list as one actor may see it: staff every request (per center, with counts), an
/// applicant or representative only the cases they may act on, each with its place (W3).
public struct WaitlistOverview: Sendable {
    public var centers: [WaitlistCenterLine]
    public var entries: [(entry: WaitingEntry, place: Int)]
    public var offers: [Offer]
}

extension WaitlistService {
    public static func overview(for actor: Actor, center: String? = nil, in store: some TransactionalStore, clock: () -> Date) throws(StoreError)
        -> WaitlistOverview
    {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            let all = try w.allWaiting()
            var offers = try w.offers(receipt: nil)
            var visible = all
            if !actor.role.isStaff {
                var mine: [ReceiptNumber: Bool] = [:]
                func may(_ r: ReceiptNumber) throws -> Bool {
                    if let m = mine[r] { return m }
                    let m = try tx.caseFile(r)?.isAuthorized(actor) ?? false
                    mine[r] = m
                    return m
                }
                visible = try all.filter { try may($0.request.receipt) }
                offers = try offers.filter { try may($0.receipt) }
            }
            if let center { visible = visible.filter { $0.request.centers.contains(center) } }
            var lines: [WaitlistCenterLine] = []
            if actor.role.isStaff {
                var codes = Set(all.flatMap(\.request.centers)).union(offers.map(\.centerCode))
                if let center { codes = codes.intersection([center]) }
                for code in codes.sorted() {
                    let waiting = all.filter { $0.request.centers.contains(code) }
                    let here = offers.filter { $0.centerCode == code }
                    lines.append(
                        WaitlistCenterLine(
                            center: code, waiting: waiting.count, oldest: waiting.map(\.request.askedAt).min(),
                            offersOut: here.filter { $0.state(at: now) == .open }.count,
                            accepted: here.filter { $0.state == .accepted }.count,
                            expired: here.filter { $0.state(at: now) == .expired }.count))
                }
            }
            return WaitlistOverview(
                centers: lines, entries: visible.map { ($0, WaitlistMatching.place(of: $0, among: all)) },
                offers: offers.filter { o in center == nil || o.centerCode == center })
        }
    }
}

/// One case's part of the waiting list, as the person (or the agent on the call) sees it: the
/// request and its place, and the offers still open, with their centers (for the zone and name).
public struct WaitlistCaseView: Sendable, Hashable {
    public var receipt: ReceiptNumber
    public var request: WaitingEntry?
    public var place: Int?
    public var openOffers: [Offer]
    public var centers: [String: Center]
    public init(receipt: ReceiptNumber, request: WaitingEntry? = nil, place: Int? = nil, openOffers: [Offer] = [], centers: [String: Center] = [:]) {
        self.receipt = receipt
        self.request = request
        self.place = place
        self.openOffers = openOffers
        self.centers = centers
    }
}

extension WaitlistService {
    /// The case's request, its place (W3) and its open offers. R5 first: a case the actor may not
    /// see is `.notAuthorized`, as opening it is.
    public static func caseView(_ receipt: ReceiptNumber, for actor: Actor, in store: some TransactionalStore, clock: () -> Date) throws(StoreError)
        -> WaitlistCaseView
    {
        try store.withWriteTransaction { tx in
            let w = try wtx(tx)
            let now = clock()
            _ = try CaseSnapshot.load(receipt, for: actor, from: tx)
            var view = WaitlistCaseView(receipt: receipt)
            if let e = try w.waitingRequest(receipt) {
                var sharing: [Int64: WaitingEntry] = [:]
                for c in e.request.centers { for o in try w.waitingEntries(center: c) { sharing[o.id] = o } }
                view.request = e
                view.place = WaitlistMatching.place(of: e, among: sharing.values)
            }
            view.openOffers = try w.offers(receipt: receipt).filter { $0.state(at: now) == .open }.sorted { $0.start < $1.start }
            for o in view.openOffers where view.centers[o.centerCode] == nil { view.centers[o.centerCode] = try tx.center(o.centerCode) }
            return view
        }
    }
}
