import Foundation
import Testing

@testable import Scheduling

/// The new slot: R12 (which slots are offered) and R13 (local wall clock, DST, zones).
@Suite("R12 R13 slots")
struct SlotTests {
    /// Boston ASC, Mon-Fri 08:00-16:00 EDT, 30-minute slots, 3 stations.
    static let boston = Fx.center()
    /// Mon 2026-06-15 09:00:00 EDT.
    static let now = Fx.iso("2026-06-15T09:00:00-04:00")

    static func locals(_ slots: [Slot]) -> [String] { slots.map(\.local.time.hhmm) }

    // MARK: R12 generation from opening hours

    @Test("R12 a weekday's slots fill the opening hours, the last ending at closing time")
    func r12_weekdaySlots() {
        let slots = SlotCalendar.slots(of: Self.boston, on: Fx.date("2026-06-16"))
        #expect(slots.count == 16)
        #expect(slots.first?.local.time.hhmm == "08:00")
        #expect(slots.last?.local.time.hhmm == "15:30")
        #expect(Fx.utc([slots[0].start]) == ["2026-06-16T12:00:00Z"])
        #expect(slots.allSatisfy { $0.centerCode == "BOS" && $0.stations == 3 })
        // A 45-minute center: 08:00, 08:45 ... 14:45; 15:30 would end after 16:00.
        var odd = Self.boston
        odd.slotMinutes = 45
        let oddSlots = SlotCalendar.slots(of: odd, on: Fx.date("2026-06-16"))
        #expect(oddSlots.count == 10)
        #expect(oddSlots.last?.local.time.hhmm == "14:45")
    }

    @Test("R12 a weekday without hours gives no slots")
    func r12_closedWeekday() {
        #expect(SlotCalendar.slots(of: Self.boston, on: Fx.date("2026-06-20")).isEmpty) // Sat
        #expect(SlotCalendar.slots(of: Self.boston, on: Fx.date("2026-06-21")).isEmpty) // Sun
    }

    @Test("R12 a closure date gives no slots and a check names the closure")
    func r12_closure() {
        let closed = Fx.center(closures: [Fx.date("2026-06-19")]) // Juneteenth, a Friday
        #expect(SlotCalendar.slots(of: closed, on: Fx.date("2026-06-19")).isEmpty)
        #expect(SlotCalendar.slots(of: closed, on: Fx.date("2026-06-18")).count == 16)
        #expect(closed.isClosed(on: Fx.date("2026-06-19")))
        let c = Fx.check(closed, "2026-06-19T10:00", now: Self.now)
        #expect(!c.isOffered)
        #expect(c.slot == nil)
        #expect(c.codes == [.slotUnavailable])
        #expect(c.message == "Boston ASC is closed on 2026-06-19.")
        // The slot as the open center would have made it is refused at the closed center.
        let slot = SlotCalendar.slot(of: Self.boston, at: Fx.local("2026-06-19T10:00"))!
        #expect(
            SlotCalendar.refusals(
                for: slot, of: closed, booked: 0, now: Self.now, window: .standard,
                currentCenter: nil, currentStart: nil) == [.slotUnavailable])
        let days = SlotCalendar.slots(of: closed, from: Fx.date("2026-06-15"), days: 7)
        #expect(Set(days.map(\.local.date.iso)) == ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"])
        #expect(days.count == 4 * 16)
    }

    @Test("R12 check messages for a time that is not a slot")
    func r12_checkMessages() {
        let notStart = Fx.check(Self.boston, "2026-06-16T09:10", now: Self.now)
        #expect(notStart.codes == [.slotUnavailable])
        #expect(notStart.slot == nil)
        #expect(notStart.message == "09:10 is not a slot start at Boston ASC: slots of 30 minutes from 08:00, last ending by 16:00.")
        let atClose = Fx.check(Self.boston, "2026-06-16T16:00", now: Self.now)
        #expect(atClose.codes == [.slotUnavailable])
        #expect(atClose.message.contains("last ending by 16:00"))
        let early = Fx.check(Self.boston, "2026-06-16T07:30", now: Self.now)
        #expect(early.codes == [.slotUnavailable])
        let saturday = Fx.check(Self.boston, "2026-06-20T10:00", now: Self.now)
        #expect(saturday.codes == [.slotUnavailable])
        #expect(saturday.message == "Boston ASC is closed on Saturdays.")
        let sunday = Fx.check(Self.boston, "2026-06-21T10:00", now: Self.now)
        #expect(sunday.message == "Boston ASC is closed on Sundays.")
        let mondayOnly = Fx.center(days: [.mon])
        #expect(Fx.check(mondayOnly, "2026-06-16T10:00", now: Self.now).message == "Boston ASC is closed on Tuesdays.")
    }

    // MARK: R12 lead time and horizon

    @Test("R12 lead time: exactly 24 hours after now is SLOT_OUT_OF_WINDOW, 24h30 is offered")
    func r12_leadEdge() {
        let at24 = Fx.check(Self.boston, "2026-06-16T09:00", now: Self.now)
        #expect(at24.slot != nil)
        #expect(at24.codes == [.slotOutOfWindow])
        #expect(at24.message.contains("outside the booking window"))
        #expect(at24.message.contains("more than 24 hours and at most 30 days"))
        #expect(Fx.check(Self.boston, "2026-06-16T09:30", now: Self.now).isOffered)
    }

    @Test("R12 lead time: 24 hours and 1 second after now is offered")
    func r12_leadOneSecondOver() {
        let now = Fx.iso("2026-06-15T08:59:59-04:00")
        #expect(Fx.check(Self.boston, "2026-06-16T09:00", now: now).isOffered)
    }

    @Test("R12 slots before now and within the lead are out of window")
    func r12_tooSoon() {
        #expect(Fx.check(Self.boston, "2026-06-15T10:00", now: Self.now).codes == [.slotOutOfWindow])
        #expect(Fx.check(Self.boston, "2026-06-15T08:00", now: Self.now).codes == [.slotOutOfWindow])
        #expect(Fx.check(Self.boston, "2026-06-16T08:30", now: Self.now).codes == [.slotOutOfWindow])
    }

    @Test("R12 horizon: exactly 30 days after now is offered, 30 minutes later is not")
    func r12_horizonEdge() {
        // Wed 2026-07-15 09:00 EDT is 30 * 24 h after Mon 2026-06-15 09:00 EDT.
        #expect(Fx.check(Self.boston, "2026-07-15T09:00", now: Self.now).isOffered)
        #expect(Fx.check(Self.boston, "2026-07-15T09:30", now: Self.now).codes == [.slotOutOfWindow])
        #expect(Fx.check(Self.boston, "2026-07-16T09:00", now: Self.now).codes == [.slotOutOfWindow])
    }

    @Test("R12 the window is a store setting")
    func r12_customWindow() {
        let w = SlotWindow(leadHours: 48, horizonDays: 7)
        #expect(Fx.check(Self.boston, "2026-06-16T10:00", now: Self.now, window: w).codes == [.slotOutOfWindow])
        #expect(Fx.check(Self.boston, "2026-06-17T09:30", now: Self.now, window: w).isOffered)
        #expect(Fx.check(Self.boston, "2026-06-22T09:00", now: Self.now, window: w).isOffered)
        #expect(Fx.check(Self.boston, "2026-06-22T09:30", now: Self.now, window: w).codes == [.slotOutOfWindow])
        #expect(SlotWindow.standard == SlotWindow(leadHours: 24, horizonDays: 30))
    }

    @Test("R12 candidate dates run from now + lead to now + horizon on the center's calendar")
    func r12_candidateDates() {
        let r = SlotCalendar.candidateDates(of: Self.boston, now: Self.now, window: .standard)
        #expect(r.lowerBound == Fx.date("2026-06-16"))
        #expect(r.upperBound == Fx.date("2026-07-15"))
        // Seen from Guam, late Monday evening UTC is already Tuesday.
        let guam = Fx.center(code: "GUM", zone: Fx.guam)
        let g = SlotCalendar.candidateDates(of: guam, now: Fx.iso("2026-06-15T20:00:00Z"), window: .standard)
        #expect(g.lowerBound == Fx.date("2026-06-17"))
    }

    // MARK: R12 same slot and capacity

    @Test("R12 the current appointment's slot is SAME_SLOT")
    func r12_sameSlot() {
        let current = Fx.at("2026-06-23T10:00")
        let c = Fx.check(Self.boston, "2026-06-23T10:00", now: Self.now, currentCenter: "BOS", currentStart: current)
        #expect(c.codes == [.sameSlot])
        #expect(!c.isOffered)
        #expect(c.message.contains("is the current appointment"))
        #expect(Fx.check(Self.boston, "2026-06-23T10:30", now: Self.now, currentCenter: "BOS", currentStart: current).isOffered)
    }

    @Test("R12 a full slot is SLOT_UNAVAILABLE; one free station is enough")
    func r12_fullSlot() {
        let full = Fx.check(Self.boston, "2026-06-23T10:00", booked: 3, now: Self.now)
        #expect(full.codes == [.slotUnavailable])
        #expect(full.message.contains("has no free station"))
        #expect(Fx.check(Self.boston, "2026-06-23T10:00", booked: 4, now: Self.now).codes == [.slotUnavailable])
        #expect(Fx.check(Self.boston, "2026-06-23T10:00", booked: 2, now: Self.now).isOffered)
        let slot = SlotCalendar.slot(of: Self.boston, at: Fx.local("2026-06-23T10:00"))!
        #expect(SlotAvailability(slot: slot, booked: 2).free == 1)
        #expect(SlotAvailability(slot: slot, booked: 3).free == 0)
        #expect(SlotAvailability(slot: slot, booked: 5).free == 0)
    }

    @Test("R12 every refusal is reported together")
    func r12_allRefusals() {
        let start = Fx.at("2026-06-15T15:00")
        let c = Fx.check(Self.boston, "2026-06-15T15:00", booked: 3, now: Self.now, currentCenter: "BOS", currentStart: start)
        #expect(c.codes == [.slotOutOfWindow, .sameSlot, .slotUnavailable])
    }

    @Test("R12 stations held: scheduled, attended and missed hold one; rescheduled and cancelled do not")
    func r12_holdsStation() {
        #expect(AppointmentStatus.allCases.filter(\.holdsStation) == [.scheduled, .attended, .missed])
    }

    @Test("R12 offered slots skip the lead time, full slots and the current slot, and honour the limit")
    func r12_offered() {
        let current = Fx.at("2026-06-16T10:00")
        let booked = [Fx.at("2026-06-16T09:30"): 3, Fx.at("2026-06-16T11:00"): 2]
        let offered = SlotCalendar.offered(
            center: Self.boston, now: Self.now, window: .standard, booked: booked,
            currentCenter: "BOS", currentStart: current, limit: 4)
        #expect(offered.map(\.slot.local.iso) == ["2026-06-16T10:30", "2026-06-16T11:00", "2026-06-16T11:30", "2026-06-16T12:00"])
        #expect(offered.map(\.free) == [3, 1, 3, 3])
        let all = SlotCalendar.offered(center: Self.boston, now: Self.now, window: .standard, booked: [:])
        #expect(all.first?.slot.local.iso == "2026-06-16T09:30")
        #expect(all.last?.slot.local.iso == "2026-07-15T09:00")
        #expect(all.allSatisfy { $0.slot.local.date.weekday != .sat && $0.slot.local.date.weekday != .sun })
        #expect(all.allSatisfy { SlotWindow.standard.contains($0.slot.start, now: Self.now) })
    }

    @Test("R12 the horizon is measured in instants: across the fall-back change 30 days is 720 hours")
    func r12_horizonAcrossFallBack() {
        // Decision pinned here: Mon 2026-10-12 09:00 EDT + 30 * 24 h = Wed 2026-11-11 08:00 EST,
        // so the 09:00 slot that day is one wall-clock hour past the horizon.
        let now = Fx.iso("2026-10-12T09:00:00-04:00")
        #expect(Fx.check(Self.boston, "2026-11-11T08:00", now: now).isOffered)
        #expect(Fx.check(Self.boston, "2026-11-11T08:30", now: now).codes == [.slotOutOfWindow])
    }

    // MARK: R13 spring forward

    @Test("R13 New York 2026-03-08 spring forward: 02:00 and 02:30 are skipped")
    func r13_springForwardNewYork() {
        let center = Fx.nightCenter(zone: Fx.newYork)
        #expect(Fx.date("2026-03-08").weekday == .sun)
        let slots = SlotCalendar.slots(of: center, on: Fx.date("2026-03-08"))
        #expect(Self.locals(slots) == ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30", "04:00", "04:30", "05:00", "05:30"])
        #expect(
            Fx.utc(slots.map(\.start)) == [
                "2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z",
                "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z", "2026-03-08T08:30:00Z",
                "2026-03-08T09:00:00Z", "2026-03-08T09:30:00Z"
            ])
        #expect(center.zone.format(slots[3].start) == "2026-03-08 01:30 EST")
        #expect(center.zone.format(slots[4].start) == "2026-03-08 03:00 EDT")
        #expect(center.zone.isSkipped(Fx.local("2026-03-08T02:00")))
        #expect(center.zone.isSkipped(Fx.local("2026-03-08T02:59")))
        #expect(!center.zone.isSkipped(Fx.local("2026-03-08T01:59")))
        #expect(!center.zone.isSkipped(Fx.local("2026-03-08T03:00")))
        #expect(center.zone.instant(of: Fx.local("2026-03-08T02:30")) == nil)
    }

    @Test("R13 a skipped wall time is not a slot, and the check says why")
    func r13_checkSkipped() {
        let center = Fx.nightCenter(zone: Fx.newYork)
        let now = Fx.iso("2026-03-01T12:00:00Z")
        let c = Fx.check(center, "2026-03-08T02:30", now: now)
        #expect(c.slot == nil)
        #expect(c.codes == [.slotUnavailable])
        #expect(c.message == "02:30 does not exist on 2026-03-08 in America/New_York (the clocks spring forward).")
        #expect(Fx.check(center, "2026-03-08T03:00", now: now).isOffered)
    }

    @Test("R13 Chicago 2026-03-08 spring forward: 02:xx skipped, 01:30 CST then 03:00 CDT")
    func r13_springForwardChicago() {
        let slots = SlotCalendar.slots(of: Fx.nightCenter(zone: Fx.chicago), on: Fx.date("2026-03-08"))
        #expect(slots.count == 10)
        #expect(!Self.locals(slots).contains { $0.hasPrefix("02:") })
        let i = slots.firstIndex { $0.local.time.hhmm == "01:30" }!
        #expect(Fx.utc([slots[i].start, slots[i + 1].start]) == ["2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z"])
        #expect(slots[i + 1].local.time.hhmm == "03:00")
    }

    // MARK: R13 fall back

    @Test("R13 Chicago 2026-11-01 fall back: ambiguous 01:00 and 01:30 take the first (CDT) occurrence")
    func r13_fallBackChicago() {
        let center = Fx.nightCenter(zone: Fx.chicago)
        #expect(Fx.date("2026-11-01").weekday == .sun)
        let slots = SlotCalendar.slots(of: center, on: Fx.date("2026-11-01"))
        #expect(
            Self.locals(slots) == [
                "00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30",
                "04:00", "04:30", "05:00", "05:30"
            ])
        #expect(
            Fx.utc(slots.map(\.start)) == [
                "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z",
                "2026-11-01T08:00:00Z", "2026-11-01T08:30:00Z", "2026-11-01T09:00:00Z", "2026-11-01T09:30:00Z",
                "2026-11-01T10:00:00Z", "2026-11-01T10:30:00Z", "2026-11-01T11:00:00Z", "2026-11-01T11:30:00Z"
            ])
        #expect(center.zone.format(slots[3].start) == "2026-11-01 01:30 CDT")
        #expect(center.zone.format(slots[4].start) == "2026-11-01 02:00 CST")
        #expect(Set(slots.map(\.start)).count == slots.count)
        // The second 01:30 (CST) exists as an instant but is not a slot.
        let second = Fx.iso("2026-11-01T07:30:00Z")
        #expect(center.zone.local(second) == Fx.local("2026-11-01T01:30"))
        #expect(center.zone.abbreviation(at: second) == "CST")
        #expect(!slots.contains { $0.start == second })
    }

    @Test("R13 New York 2026-11-01: ambiguous 01:30 resolves to 05:30Z (EDT), also through check")
    func r13_fallBackNewYork() {
        let center = Fx.nightCenter(zone: Fx.newYork)
        #expect(Fx.utc([center.zone.instant(of: Fx.local("2026-11-01T01:30"))!]) == ["2026-11-01T05:30:00Z"])
        #expect(Fx.utc([center.zone.instant(of: Fx.local("2026-11-01T01:00"))!]) == ["2026-11-01T05:00:00Z"])
        #expect(Fx.utc([center.zone.instant(of: Fx.local("2026-11-01T00:59"))!]) == ["2026-11-01T04:59:00Z"])
        #expect(Fx.utc([center.zone.instant(of: Fx.local("2026-11-01T02:00"))!]) == ["2026-11-01T07:00:00Z"])
        let c = Fx.check(center, "2026-11-01T01:30", now: Fx.iso("2026-10-25T12:00:00Z"))
        #expect(c.isOffered)
        #expect(c.slot.map { Fx.utc([$0.start]) } == ["2026-11-01T05:30:00Z"])
        #expect(c.slot.map { center.zone.formatLong($0.start) } == "Sun 2026-11-01 01:30 EDT")
        #expect(SlotCalendar.slots(of: center, on: Fx.date("2026-11-01")).count == 12)
    }

    // MARK: R13 zones without DST

    @Test(
        "R13 Phoenix has no DST: all slots exist on both 2026 transition days, 30 minutes apart, MST",
        arguments: ["2026-03-08", "2026-11-01"])
    func r13_phoenix(_ day: String) {
        let center = Fx.nightCenter(zone: Fx.phoenix)
        let slots = SlotCalendar.slots(of: center, on: Fx.date(day))
        #expect(slots.count == 12)
        #expect(Fx.utc([slots[0].start]) == ["\(day)T07:00:00Z"])
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $1.start.timeIntervalSince($0.start) == 1800 })
        #expect(slots.allSatisfy { center.zone.abbreviation(at: $0.start) == "MST" })
        #expect(center.zone.format(slots[5].start) == "\(day) 02:30 MST")
    }

    @Test("R13 Guam (UTC+10): 08:00 ChST is 22:00Z the previous day")
    func r13_guam() {
        let center = Fx.center(code: "GUM", name: "Hagatna ASC", zone: Fx.guam)
        let slots = SlotCalendar.slots(of: center, on: Fx.date("2026-06-16"))
        #expect(slots.count == 16)
        #expect(Fx.utc([slots[0].start]) == ["2026-06-15T22:00:00Z"])
        #expect(center.zone.formatLong(slots[0].start) == "Tue 2026-06-16 08:00 ChST")
        #expect(center.zone.offset(at: slots[0].start) == 36_000)
        #expect(center.zone.local(Fx.iso("2026-06-15T22:00:00Z")) == Fx.local("2026-06-16T08:00"))
        // Lead time is measured in instants: 08:00 ChST Tue is exactly 24 h after 22:00Z Sun.
        let now = Fx.iso("2026-06-14T22:00:00Z")
        #expect(Fx.check(center, "2026-06-16T08:00", now: now).codes == [.slotOutOfWindow])
        #expect(Fx.check(center, "2026-06-16T08:30", now: now).isOffered)
    }

    @Test("R13 zone abbreviations: EST/EDT, CST/CDT, MST, HST, AST, ChST")
    func r13_abbreviations() {
        #expect(Fx.newYork.formatLong(Fx.at("2026-01-13T09:00")) == "Tue 2026-01-13 09:00 EST")
        #expect(Fx.newYork.formatLong(Fx.at("2026-06-16T09:00")) == "Tue 2026-06-16 09:00 EDT")
        #expect(Fx.chicago.format(Fx.at("2026-01-13T09:00", Fx.chicago)) == "2026-01-13 09:00 CST")
        #expect(Fx.phoenix.format(Fx.at("2026-07-01T10:00", Fx.phoenix)) == "2026-07-01 10:00 MST")
        #expect(Fx.honolulu.format(Fx.at("2026-07-01T10:00", Fx.honolulu)) == "2026-07-01 10:00 HST")
        #expect(Fx.puertoRico.format(Fx.at("2026-07-01T10:00", Fx.puertoRico)) == "2026-07-01 10:00 AST")
        #expect(Fx.guam.format(Fx.at("2026-01-13T10:00", Fx.guam)) == "2026-01-13 10:00 ChST")
        #expect(Fx.utc([Fx.at("2026-07-01T10:00", Fx.honolulu)]) == ["2026-07-01T20:00:00Z"])
        #expect(Fx.utc([Fx.at("2026-07-01T10:00", Fx.puertoRico)]) == ["2026-07-01T14:00:00Z"])
    }

    @Test("R13 an unknown zone identifier is rejected")
    func r13_unknownZone() {
        #expect(ZoneRules(identifier: "America/Atlantis") == nil)
    }

    @Test("R13 local dates and weekdays")
    func r13_localDates() {
        #expect(Fx.date("2026-06-16").weekday == .tue)
        #expect(Fx.date("2024-02-29").adding(days: 1) == Fx.date("2024-03-01"))
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(epochDay: 0) == Fx.date("1970-01-01"))
        #expect(Fx.date("2026-06-16").epochDay == 20_620)
        #expect(LocalDateTime(iso: "2026-06-16T24:00") == nil)
        #expect(LocalDateTime(iso: "2026-06-16 09:30") == Fx.local("2026-06-16T09:30"))
    }
}
