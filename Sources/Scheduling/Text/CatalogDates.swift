import Foundation

/// Dates and times, in the center's zone with its abbreviation. Spanish is written out by hand (the
/// names below) rather than through `DateFormatter(es_US)`, whose spaces in `a. m.` and case differ
/// between ICU versions; the zone abbreviation is `ZoneRules.abbreviation` in every language.
extension Catalog {
    static let weekdaysES: [Weekday: (short: String, long: String)] = [
        .mon: ("lun", "lunes"), .tue: ("mar", "martes"), .wed: ("mié", "miércoles"), .thu: ("jue", "jueves"),
        .fri: ("vie", "viernes"), .sat: ("sáb", "sábado"), .sun: ("dom", "domingo")
    ]
    static let weekdaysEN: [Weekday: String] = [
        .mon: "Monday", .tue: "Tuesday", .wed: "Wednesday", .thu: "Thursday", .fri: "Friday", .sat: "Saturday", .sun: "Sunday"
    ]
    static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"
    ]
    static let monthsES = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre"
    ]

    /// `Tue` / `mar`.
    public func weekdayShort(_ d: Weekday) -> String { tr(en: d.shortName, es: Catalog.weekdaysES[d]!.short) }
    /// Two letters for the calendar's heading: `Tu` / `ma`.
    public func weekdayTwo(_ d: Weekday) -> String { String(weekdayShort(d).prefix(2)) }
    /// `Tuesday` / `martes`.
    public func weekdayLong(_ d: Weekday) -> String { tr(en: Catalog.weekdaysEN[d]!, es: Catalog.weekdaysES[d]!.long) }
    /// `December` / `diciembre`; `month` is 1 to 12.
    public func monthName(_ month: Int) -> String { tr(en: Catalog.monthsEN[month - 1], es: Catalog.monthsES[month - 1]) }
    /// The calendar's heading: `December 2026` / `diciembre de 2026`.
    public func monthYear(_ month: Int, _ year: Int) -> String {
        tr(en: "\(monthName(month)) \(year)", es: "\(monthName(month)) de \(year)")
    }
    /// A day: `Tue 2026-12-01` / `mar 2026-12-01`.
    public func day(_ d: LocalDate) -> String { tr(en: "\(weekdayShort(d.weekday)) \(d.iso)", es: "\(weekdayShort(d.weekday)) \(d.iso)") }

    /// For screens, where room is short: `Tue 2026-12-01 09:30 CST` / `mar 2026-12-01 09:30 CST`.
    public func dateTimeShort(_ instant: Date, _ zone: ZoneRules) -> String {
        let l = zone.local(instant)
        let abbr = zone.abbreviation(at: instant)
        return tr(
            en: "\(weekdayShort(l.date.weekday)) \(l.date.iso) \(l.time.hhmm) \(abbr)",
            es: "\(weekdayShort(l.date.weekday)) \(l.date.iso) \(l.time.hhmm) \(abbr)")
    }

    /// For notices and messages: `Tue 2026-12-01 09:30 CST` (English keeps the form notices have
    /// always had) / `martes, 1 de diciembre de 2026, 9:30 a. m. CST`.
    public func dateTimeLong(_ instant: Date, _ zone: ZoneRules) -> String {
        let l = zone.local(instant)
        let abbr = zone.abbreviation(at: instant)
        let d = l.date
        let h24 = l.time.minutes / 60, m = l.time.minutes % 60
        let h12 = h24 % 12 == 0 ? 12 : h24 % 12
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let ampm = h24 < 12 ? "a. m." : "p. m."
        // The two forms differ by design (English keeps the notices' old form), so they are built apart.
        let english = "\(weekdayShort(d.weekday)) \(d.iso) \(l.time.hhmm) \(abbr)"
        let spanish = "\(weekdayLong(d.weekday)), \(d.day) de \(monthName(d.month)) de \(d.year), \(h12):\(mm) \(ampm) \(abbr)"
        return tr(en: english, es: spanish)
    }
}
