import Foundation
import Testing

@testable import Scheduling

@Suite("Reminders: 7 days and 1 day before on the center's calendar, each when due")
struct ReminderScheduleTests {
    /// Thu 2026-12-10 10:00 EST.
    let start = Fx.iso("2026-12-10T10:00:00-05:00")
    let longAgo = Fx.iso("2026-10-01T10:00:00-04:00")
    func due(_ now: String, booked: Date? = nil, zone: ZoneRules = Fx.newYork) -> Int? {
        ReminderSchedule.standard.due(start: start, bookedAt: booked ?? longAgo, now: Fx.iso(now), zone: zone)
    }

    @Test("Nothing before the day 7 days ahead; the 7-day one from its first minute; the 1-day one the day before; nothing from the start on")
    func windows() {
        #expect(due("2026-12-02T23:59:00-05:00") == nil)
        #expect(due("2026-12-03T00:00:00-05:00") == 7)
        #expect(due("2026-12-08T23:00:00-05:00") == 7)
        #expect(due("2026-12-09T00:00:00-05:00") == 1)
        #expect(due("2026-12-10T09:59:00-05:00") == 1)
        #expect(due("2026-12-10T10:00:00-05:00") == nil)
    }

    @Test("The same answer all day: running twice on one day finds nothing new")
    func sameDay() {
        #expect(due("2026-12-03T00:01:00-05:00") == due("2026-12-03T23:59:00-05:00"))
        #expect(due("2026-12-09T00:01:00-05:00") == due("2026-12-09T23:59:00-05:00"))
    }

    @Test("Days are the center's: Guam's day 7 days ahead begins while it is still the day before in New York")
    func centerCalendar() {
        let guam = Fx.guam
        let start = Fx.iso("2026-12-10T10:00:00+10:00")
        #expect(ReminderSchedule.standard.due(start: start, bookedAt: longAgo, now: Fx.iso("2026-12-03T00:30:00+10:00"), zone: guam) == 7)
        #expect(ReminderSchedule.standard.due(start: start, bookedAt: longAgo, now: Fx.iso("2026-12-02T23:30:00+10:00"), zone: guam) == nil)
    }

    @Test("An appointment booked 3 days ahead gets no late 7-day reminder, only the 1-day one; one booked on the reminder's day none for it")
    func bookedLate() {
        let booked = Fx.iso("2026-12-07T12:00:00-05:00")
        #expect(due("2026-12-07T13:00:00-05:00", booked: booked) == nil)
        #expect(due("2026-12-09T08:00:00-05:00", booked: booked) == 1)
        #expect(due("2026-12-09T12:00:00-05:00", booked: Fx.iso("2026-12-09T08:00:00-05:00")) == nil)
    }

    @Test("The setting: 7,1 by default; bad entries refused")
    func setting() {
        #expect(ReminderSchedule(setting: "1, 7")?.days == [7, 1])
        #expect(ReminderSchedule(setting: "3")?.days == [3])
        #expect(ReminderSchedule(setting: "") == nil)
        #expect(ReminderSchedule(setting: "7,x") == nil)
        #expect(ReminderSchedule(setting: "0") == nil)
        #expect(ReminderSchedule.standard.setting == "7,1")
    }
}
