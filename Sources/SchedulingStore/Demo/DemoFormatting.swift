import Foundation
import Scheduling

func zpad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

func secs(_ d: Date) -> Int64 { Int64(d.timeIntervalSince1970.rounded(.down)) }

/// The last whole minute at or before `d`.
func floorMinute(_ d: Date) -> Date {
    let s = secs(d)
    return Date(timeIntervalSince1970: TimeInterval(s - ((s % 60) + 60) % 60))
}

extension Weekday {
    var index: Int { Weekday.allCases.firstIndex(of: self)! }
}

func hoursText(_ h: OpeningHours) -> String { "\(h.open.hhmm)-\(h.close.hhmm)" }

func duration(_ seconds: Int64) -> String {
    let m = abs(seconds) / 60
    let h = m / 60, r = m % 60
    if h == 0 { return "\(r) min" }
    return r == 0 ? "\(h) h" : "\(h) h \(r) min"
}
