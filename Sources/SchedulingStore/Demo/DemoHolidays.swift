import Foundation
import Scheduling

enum Holidays {
    static func nth(_ n: Int, _ wd: Weekday, month: Int, year: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1)!
        let offset = (wd.index - first.weekday.index + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }
    static func last(_ wd: Weekday, month: Int, year: Int) -> LocalDate {
        let end = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return end.adding(days: -((end.weekday.index - wd.index + 7) % 7))
    }
    /// A fixed-date holiday and, when it falls on a weekend, the weekday it is observed on.
    static func observed(_ d: LocalDate) -> [LocalDate] {
        switch d.weekday {
        case .sat: [d, d.adding(days: -1)]
        case .sun: [d, d.adding(days: 1)]
        default: [d]
        }
    }
    /// US federal holidays from 90 days before to 400 days after `today`.
    static func federal(around today: LocalDate) -> [String] {
        var out: [LocalDate] = []
        for y in (today.year - 1)...(today.year + 1) {
            for (m, d) in [(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)] { out += observed(LocalDate(year: y, month: m, day: d)!) }
            out.append(nth(3, .mon, month: 1, year: y)) // Martin Luther King Jr. Day
            out.append(nth(3, .mon, month: 2, year: y)) // Washington's Birthday
            out.append(last(.mon, month: 5, year: y)) // Memorial Day
            out.append(nth(1, .mon, month: 9, year: y)) // Labor Day
            out.append(nth(2, .mon, month: 10, year: y)) // Columbus Day
            out.append(nth(4, .thu, month: 11, year: y)) // Thanksgiving
        }
        return window(out, today)
    }
    static func fixed(_ days: [(Int, Int)], around today: LocalDate) -> [String] {
        var out: [LocalDate] = []
        for y in (today.year - 1)...(today.year + 1) { for (m, d) in days { out += observed(LocalDate(year: y, month: m, day: d)!) } }
        return window(out, today)
    }
    private static func window(_ days: [LocalDate], _ today: LocalDate) -> [String] {
        days.filter { $0 >= today.adding(days: -90) && $0 <= today.adding(days: 400) }.sorted().map(\.iso)
    }
}
