import Foundation

/// A request as it waits in the store, with what matching needs of its case.
public struct WaitingEntry: Hashable, Sendable {
    public var id: Int64
    public var request: WaitlistRequest
    /// The case's current (scheduled) appointment: only earlier slots are offered.
    public var currentCenter: String
    public var currentStart: Date
    /// True while one of its offers is open (one open offer per request).
    public var hasOpenOffer: Bool
    public init(id: Int64, request: WaitlistRequest, currentCenter: String, currentStart: Date, hasOpenOffer: Bool = false) {
        self.id = id
        self.request = request
        self.currentCenter = currentCenter
        self.currentStart = currentStart
        self.hasOpenOffer = hasOpenOffer
    }
}

/// Which request gets a freed station, and until when it is held.
public enum WaitlistMatching {
    /// W1: whether a slot suits a request: at one of its centers, on or after `from`, on a day
    /// before `before`, strictly earlier than the case's current appointment, not on a weekday or
    /// at a time left out, and offerable now (R12: inside the window, so there is time to accept).
    public static func matches(_ e: WaitingEntry, slot: Slot, now: Date, window: SlotWindow) -> Bool {
        let r = e.request
        guard r.centers.contains(slot.centerCode), slot.start < e.currentStart else { return false }
        if let f = r.from, slot.local.date < f { return false }
        if let b = r.before, slot.local.date >= b { return false }
        if r.exclusions.excludes(slot.local) { return false }
        return window.contains(slot.start, now: now)
    }

    /// W2: the station goes to the matching request that asked first (ties: the lower id, i.e. the
    /// one stored first). A request with an open offer waits for it to be resolved; one that
    /// declined before keeps its place.
    public static func next(for slot: Slot, among entries: some Sequence<WaitingEntry>, now: Date, window: SlotWindow) -> WaitingEntry? {
        var best: WaitingEntry?
        for e in entries where !e.hasOpenOffer && matches(e, slot: slot, now: now, window: window) {
            if let b = best, (b.request.askedAt, b.id) <= (e.request.askedAt, e.id) { continue }
            best = e
        }
        return best
    }

    /// W3: a request's place: 1 + the waiting requests that asked before it and share a center.
    public static func place(of e: WaitingEntry, among entries: some Sequence<WaitingEntry>) -> Int {
        let mine = Set(e.request.centers)
        return 1
            + entries.filter { o in
                o.id != e.id && (o.request.askedAt, o.id) < (e.request.askedAt, e.id) && !mine.isDisjoint(with: o.request.centers)
            }.count
    }
}

/// How long an offer holds a station (a store setting).
public struct OfferSettings: Hashable, Sendable {
    /// Minutes an offer is held; default 120.
    public var holdMinutes: Int
    public init(holdMinutes: Int = 120) { self.holdMinutes = holdMinutes }
    public static let standard = OfferSettings()
    public static let holdRange = 5...(7 * 24 * 60)
}

/// The state of an offer. Only `open` holds a station; every other state is final.
public enum OfferState: String, CaseIterable, Sendable, Codable {
    case open, accepted, declined, expired, withdrawn
    public var isFinal: Bool { self != .open }
}

/// An offer of one station of one slot to one request.
public struct Offer: Hashable, Sendable {
    public var id: Int64
    public var waitlistID: Int64
    public var receipt: ReceiptNumber
    public var centerCode: String
    public var start: Date
    public var createdAt: Date
    public var deadline: Date
    public var state: OfferState
    public var resolvedAt: Date?
    public init(
        id: Int64, waitlistID: Int64, receipt: ReceiptNumber, centerCode: String, start: Date, createdAt: Date, deadline: Date,
        state: OfferState, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.waitlistID = waitlistID
        self.receipt = receipt
        self.centerCode = centerCode
        self.start = start
        self.createdAt = createdAt
        self.deadline = deadline
        self.state = state
        self.resolvedAt = resolvedAt
    }

    /// W5: late at the deadline itself (as R1 makes the start itself untimely).
    public func isLate(at now: Date) -> Bool { now >= deadline }
    /// The state as of `now`: an open offer past its deadline is expired even before a pass marks it.
    public func state(at now: Date) -> OfferState { state == .open && isLate(at: now) ? .expired : state }
}

public enum OfferRules {
    /// W4: the deadline is fixed when the offer is made: `now` plus the hold, but never later than
    /// the lead time allows (the slot must still be more than `leadHours` away when it is booked,
    /// R12), so at most `start - lead - 1 s`. `nil` when no time is left to accept.
    public static func deadline(now: Date, slotStart: Date, window: SlotWindow, settings: OfferSettings) -> Date? {
        let held = now.addingTimeInterval(TimeInterval(settings.holdMinutes * 60))
        let lastBooking = slotStart.addingTimeInterval(-TimeInterval(window.leadHours * 3600) - 1)
        let d = min(held, lastBooking)
        return d > now ? d : nil
    }

    /// W5: whether an offer can be accepted or declined now; the code says why not.
    public static func resolvable(_ o: Offer, now: Date) -> WaitlistCode? {
        if o.state != .open { return .offerResolved }
        if o.isLate(at: now) { return .offerExpired }
        return nil
    }

    /// The state an open offer may move to; final states never change.
    public static func canMove(from: OfferState, to: OfferState) -> Bool { from == .open && to != .open }
}
