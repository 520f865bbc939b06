import Foundation
import Testing
@testable import Scheduling

@Suite("Reminders: 7 days and 1 day before, each when due")
struct ReminderScheduleTests {
    let start = Fx.iso("2026-12-10T10:00:00-05:00")
    let longAgo = Fx.iso("2026-10-01T10:00:00-04:00")
    func day(_ n: Double) -> TimeInterval { n * 86_400 }

    @Test("Nothing before the 7-day mark; the 7-day one until the 1-day mark; then the 1-day one; nothing from the start on")
    func windows() {
        let s = ReminderSchedule.standard
        #expect(s.due(start: start, bookedAt: longAgo, now: start.addingTimeInterval(-day(7) - 1)) == nil)
        #expect(s.due(start: start, bookedAt: longAgo, now: start.addingTimeInterval(-day(7))) == 7)
        #expect(s.due(start: start, bookedAt: longAgo, now: start.addingTimeInterval(-day(1) - 1)) == 7)
        #expect(s.due(start: start, bookedAt: longAgo, now: start.addingTimeInterval(-day(1))) == 1)
        #expect(s.due(start: start, bookedAt: longAgo, now: start.addingTimeInterval(-1)) == 1)
        #expect(s.due(start: start, bookedAt: longAgo, now: start) == nil)
    }

    @Test("An appointment booked 3 days ahead gets no late 7-day reminder, only the 1-day one")
    func bookedLate() {
        let booked = start.addingTimeInterval(-day(3))
        #expect(ReminderSchedule.standard.due(start: start, bookedAt: booked, now: booked) == nil)
        #expect(ReminderSchedule.standard.due(start: start, bookedAt: booked, now: start.addingTimeInterval(-day(1))) == 1)
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
