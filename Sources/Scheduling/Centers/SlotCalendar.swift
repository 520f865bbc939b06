import Foundation

/// The store settings that shape which slots are offered (R12).
public struct SlotWindow: Hashable, Sendable {
    /// A slot must start more than this long after now. Default 24 hours.
    public var leadHours: Int
    /// A slot must start at most this long after now. Default 30 days.
    public var horizonDays: Int
    /// R12's defaults, where every store, `init` and the demo data take them from.
    public static let defaultLeadHours = 24
    public static let defaultHorizonDays = 30
    /// The values a store accepts (`init`, the import format).
    public static let leadHoursRange = 0...720
    public static let horizonDaysRange = 1...366
    public init(leadHours: Int = SlotWindow.defaultLeadHours, horizonDays: Int = SlotWindow.defaultHorizonDays) {
        self.leadHours = leadHours
        self.horizonDays = horizonDays
    }
    /// The window from a store's settings as text (`lead_hours`, `horizon_days`); a missing or
    /// unreadable value is its default.
    public init(storedLeadHours lead: String?, horizonDays horizon: String?) {
        self.init(
            leadHours: lead.flatMap { Int($0) } ?? SlotWindow.defaultLeadHours,
            horizonDays: horizon.flatMap { Int($0) } ?? SlotWindow.defaultHorizonDays)
    }
    public static let standard = SlotWindow()

    public func earliest(after now: Date) -> Date { now.addingTimeInterval(TimeInterval(leadHours * 3600)) }
    public func latest(after now: Date) -> Date { now.addingTimeInterval(TimeInterval(horizonDays * 86_400)) }
    /// R12: more than the lead time after now and at most the horizon after now.
    public func contains(_ start: Date, now: Date) -> Bool { start > earliest(after: now) && start <= latest(after: now) }
}

/// One slot of a center: a start instant and its wall-clock time.
public struct Slot: Hashable, Sendable {
    public let centerCode: String
    public let start: Date
    public let local: LocalDateTime
    public let stations: Int
    public init(centerCode: String, start: Date, local: LocalDateTime, stations: Int) {
        self.centerCode = centerCode
        self.start = start
        self.local = local
        self.stations = stations
    }
}

/// A slot with how many stations are still free.
public struct SlotAvailability: Hashable, Sendable {
    public let slot: Slot
    public let booked: Int
    public var free: Int { max(0, slot.stations - booked) }
    public init(slot: Slot, booked: Int) {
        self.slot = slot
        self.booked = booked
    }
}

/// Generates a center's slots on its own wall clock (R13) and decides which are offered (R12).
public enum SlotCalendar {
    /// Every slot the center's hours make on `date`, converted to instants. Slots whose wall time
    /// does not exist (spring-forward gap) are skipped; an ambiguous one takes its first occurrence.
    /// A closed day gives none.
    public static func slots(of center: Center, on date: LocalDate) -> [Slot] {
        guard !center.isClosed(on: date), let h = center.hours[date.weekday], center.slotMinutes > 0 else { return [] }
        var out: [Slot] = []
        let step = center.slotMinutes
        let count = (h.close.minutes - h.open.minutes) / step
        guard count > 0 else { return [] }
        out.reserveCapacity(count)
        // Fast path: when the first and last slot keep the same UTC offset, so does every slot in
        // between (a day has at most one transition), and no zone look-up is needed per slot.
        let firstLocal = LocalDateTime(date: date, time: LocalTime(minutes: h.open.minutes)!)
        let lastLocal = LocalDateTime(date: date, time: LocalTime(minutes: h.open.minutes + (count - 1) * step)!)
        if let a = center.zone.instant(of: firstLocal), let b = center.zone.instant(of: lastLocal),
            b.timeIntervalSince(a) == TimeInterval((count - 1) * step * 60)
        {
            for i in 0..<count {
                let local = LocalDateTime(date: date, time: LocalTime(minutes: h.open.minutes + i * step)!)
                out.append(
                    Slot(
                        centerCode: center.code, start: a.addingTimeInterval(TimeInterval(i * step * 60)), local: local,
                        stations: center.stations))
            }
            return out
        }
        var m = h.open.minutes
        var seen = Set<Date>()
        while m + center.slotMinutes <= h.close.minutes {
            let local = LocalDateTime(date: date, time: LocalTime(minutes: m)!)
            if let start = center.zone.instant(of: local), seen.insert(start).inserted {
                out.append(Slot(centerCode: center.code, start: start, local: local, stations: center.stations))
            }
            m += center.slotMinutes
        }
        return out
    }

    /// The slot of `center` that starts at the wall time `local`, if the center's hours make one.
    public static func slot(of center: Center, at local: LocalDateTime) -> Slot? {
        slots(of: center, on: local.date).first { $0.local == local }
    }

    /// Every slot from `from` for `days` calendar days, in order.
    public static func slots(of center: Center, from: LocalDate, days: Int) -> [Slot] {
        (0..<max(0, days)).flatMap { slots(of: center, on: from.adding(days: $0)) }
    }

    /// The center's local dates that can hold an offered slot for `now`.
    public static func candidateDates(of center: Center, now: Date, window: SlotWindow) -> ClosedRange<LocalDate> {
        let first = center.zone.local(window.earliest(after: now)).date
        let last = center.zone.local(window.latest(after: now)).date
        return first...last
    }

    /// Why a slot would not be offered, or an empty list when it is (R12). `booked` is the number
    /// of bookings the slot holds; `current` the start and center of the appointment being moved.
    public static func refusals(
        for slot: Slot, of center: Center, booked: Int, now: Date, window: SlotWindow,
        currentCenter: String?, currentStart: Date?
    ) -> [VerdictCode] {
        var codes: [VerdictCode] = []
        if !window.contains(slot.start, now: now) { codes.append(.slotOutOfWindow) }
        if currentCenter == center.code && currentStart == slot.start { codes.append(.sameSlot) }
        if center.isClosed(on: slot.local.date) || booked >= center.stations { codes.append(.slotUnavailable) }
        return codes
    }

    /// Checks a requested wall time at a center: whether it is a slot at all, then R12.
    public static func check(
        center: Center, at local: LocalDateTime, booked: Int, now: Date, window: SlotWindow,
        currentCenter: String?, currentStart: Date?
    ) -> SlotCheck {
        guard let slot = slot(of: center, at: local) else {
            let reason: Localized
            if center.closures.contains(local.date) {
                reason = Localized { $0.centerClosedOn(center.name, local.date.iso) }
            } else if let h = center.hours[local.date.weekday] {
                if center.zone.isSkipped(local) {
                    reason = Localized { $0.timeSkipped(local.time.hhmm, local.date.iso, center.zone.identifier) }
                } else {
                    reason = Localized { $0.notSlotStart(local.time.hhmm, center.name, minutes: center.slotMinutes, open: h.open.hhmm, close: h.close.hhmm) }
                }
            } else {
                reason = Localized { $0.closedOnWeekdays(center.name, local.date.weekday) }
            }
            return SlotCheck(slot: nil, codes: [.slotUnavailable], text: reason)
        }
        let codes = refusals(
            for: slot, of: center, booked: booked, now: now, window: window,
            currentCenter: currentCenter, currentStart: currentStart)
        let text = Localized { t in
            var parts: [String] = []
            let when = t.dateTimeLong(slot.start, center.zone)
            if codes.contains(.slotOutOfWindow) {
                parts.append(
                    t.outsideWindow(
                        when, lead: window.leadHours, horizon: window.horizonDays,
                        from: t.dateTimeLong(window.earliest(after: now), center.zone),
                        to: t.dateTimeLong(window.latest(after: now), center.zone)))
            }
            if codes.contains(.sameSlot) { parts.append(t.isCurrentAppointment(when)) }
            if codes.contains(.slotUnavailable) { parts.append(t.noFreeStation(when, center.name)) }
            return parts.joined(separator: " ")
        }
        return SlotCheck(slot: slot, codes: codes, text: text)
    }
}

/// The result of checking a requested slot.
public struct SlotCheck: Sendable {
    public let slot: Slot?
    public let codes: [VerdictCode]
    /// What is wrong, in every language (empty when offered).
    public let text: Localized
    public var message: String { text.english }
    public var isOffered: Bool { slot != nil && codes.isEmpty }
}

extension SlotCalendar {
    /// The offered slots of a center (R12), in order, given the bookings per slot start.
    /// `from` limits the first local date; `limit` stops early (the first N offered).
    public static func offered(
        center: Center, now: Date, window: SlotWindow, booked: [Date: Int],
        from: LocalDate? = nil, days: Int? = nil,
        currentCenter: String? = nil, currentStart: Date? = nil, limit: Int = .max
    ) -> [SlotAvailability] {
        let range = candidateDates(of: center, now: now, window: window)
        var first = range.lowerBound
        if let from, from > first { first = from }
        var last = range.upperBound
        if let days, let from { last = min(last, from.adding(days: max(0, days) - 1)) }
        guard first <= last else { return [] }
        var out: [SlotAvailability] = []
        var day = first
        while day <= last && out.count < limit {
            for slot in slots(of: center, on: day) {
                let n = booked[slot.start] ?? 0
                if refusals(
                    for: slot, of: center, booked: n, now: now, window: window,
                    currentCenter: currentCenter, currentStart: currentStart
                ).isEmpty {
                    out.append(SlotAvailability(slot: slot, booked: n))
                    if out.count >= limit { break }
                }
            }
            day = day.adding(days: 1)
        }
        return out
    }
}

extension BookingStore {
    /// The store's window and the bookings of a center's slots inside it, read in two steps; a store
    /// can do it in one read (the SQLite store does).
    public func bookingsInWindow(center: String, now: Date) throws(StoreError) -> (SlotWindow, [Date: Int]) {
        let window = try storeInfo().window
        return (window, try bookedCounts(center: center, from: window.earliest(after: now), to: window.latest(after: now).addingTimeInterval(1)))
    }

    /// Offered slots at a center, with the store's window and bookings (R12).
    public func offeredSlots(
        center: Center, now: Date, from: LocalDate? = nil, days: Int? = nil,
        current: Appointment? = nil, limit: Int = .max
    ) throws(StoreError) -> [SlotAvailability] {
        let (window, booked) = try bookingsInWindow(center: center.code, now: now)
        return SlotCalendar.offered(
            center: center, now: now, window: window, booked: booked, from: from, days: days,
            currentCenter: current?.centerCode, currentStart: current?.start, limit: limit)
    }
}
