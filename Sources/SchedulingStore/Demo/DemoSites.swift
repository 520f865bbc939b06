import Foundation
import Scheduling

struct Site {
    let index: Int
    let record: ImportDocument.CenterRecord
    let center: Center
    var code: String { record.code }
    var zone: ZoneRules { center.zone }
}

enum Sites {
    /// Centers whose calendars the stories rely on: no ad-hoc closures there.
    static let storyCenters: Set<String> = [
        "BOS", "CHI", "NYC", "FAR", "GUM", "PHX", "NWK", "HOU", "SFO", "ATL", "DAL",
        "LAX", "MIA", "SEA", "DCA"
    ]

    static func make(now: Date) -> [Site] {
        let utcToday = ZoneRules(identifier: "UTC")!.local(now).date
        let holidays = Holidays.federal(around: utcToday)
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        var sites: [Site] = []
        for (i, (code, city, state, tz)) in DemoNames.cities.enumerated() {
            guard let zone = ZoneRules(identifier: tz) else { preconditionFailure("unknown zone \(tz)") }
            var hours: [Weekday: String] = [:]
            let variant = i % 12
            let weekdayHours = (variant == 7 || variant == 8 || variant == 10) ? "07:30-15:30" : "08:00-16:00"
            for d in weekdays { hours[d] = weekdayHours }
            if variant == 9 || variant == 10 { hours[.sat] = "08:00-12:00" }
            if variant == 11 { hours[.wed] = "10:00-16:00" } // late opening on Wednesdays: staff training
            var slotMinutes = [20, 15, 20, 30, 15, 20, 20][i % 7]
            var stations = 2 + (i * 7) % 5
            switch code {
            case "NYC", "LAX", "MIA", "HOU":
                // The busiest centers open on weekends too.
                hours[.sat] = "08:00-12:00"
                hours[.sun] = "09:00-13:00"
                stations = 6
            case "CHI": stations = 6
            case "FAR":
                // The center of the full-week story: small, so its week fills with few cases.
                for d in weekdays { hours[d] = "08:00-16:00" }
                hours[.sat] = nil
                slotMinutes = 30
                stations = 2
            default: break
            }
            var closures = holidays
            let localToday = zone.local(now).date
            if state == "PR" { closures += Holidays.fixed([(1, 6), (7, 25)], around: utcToday) } // Three Kings, Constitution Day
            if state == "GU" { closures += Holidays.fixed([(7, 21)], around: utcToday) } // Liberation Day
            if i % 9 == 4 && !storyCenters.contains(code) {
                // A day of maintenance within the next 30 days (on a weekday).
                var d = localToday.adding(days: 5 + i % 20)
                while d.weekday == .sat || d.weekday == .sun { d = d.adding(days: 1) }
                closures.append(d.iso)
            }
            var seen = Set<String>()
            closures = closures.filter { seen.insert($0).inserted }.sorted()
            let street = DemoNames.streets[(i * 7 + 3) % DemoNames.streets.count]
            let number = 100 + (i * 7919) % 8800
            let suite = i % 3 == 0 ? ", Suite \(100 + (i * 37) % 400)" : ""
            let record = ImportDocument.CenterRecord(
                code: code, name: "\(city) ASC", address: "\(number) \(street)\(suite)", city: city, state: state,
                timeZone: tz, slotMinutes: slotMinutes, stations: stations, hours: hours, closures: closures)
            var parsed: [Weekday: OpeningHours] = [:]
            for (d, t) in hours { parsed[d] = OpeningHours(parsing: t)! }
            let center = Center(
                code: code, name: record.name, address: record.address, city: city, state: state, zone: zone,
                hours: parsed, slotMinutes: slotMinutes, stations: stations,
                closures: Set(closures.compactMap(LocalDate.init(iso:))))
            sites.append(Site(index: i, record: record, center: center))
        }
        return sites
    }
}
