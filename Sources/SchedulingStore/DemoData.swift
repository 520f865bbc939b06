import Foundation
import Scheduling

/// One case of the demo data that shows a situation of the rules, for a trainer to open.
public struct StoryCase: Sendable, Hashable {
    public var receipt: String
    public var title: String
    /// One or two sentences naming the rule, the center and the local time.
    public var description: String
    /// Who to view it as: `applicant`, `representative`, `agent` or `officer`.
    public var role: String
    /// The account to sign in with for `applicant` and `representative`; nil for staff roles.
    public var account: String?
    public init(receipt: String, title: String, description: String, role: String, account: String? = nil) {
        self.receipt = receipt; self.title = title; self.description = description; self.role = role; self.account = account
    }
}

/// Realistic, fictitious demo data: about 140 centers in every US zone, tens of thousands of cases,
/// and a set of story cases, one per situation of the rules, placed relative to `now`.
///
/// Deterministic: the same seed and `now` give the same document. Nothing here reads a clock or a
/// system random source; the stories depend on `now` only, the rest also on the seed.
public enum DemoData {
    /// Receipts of the story cases whose start may fall off the center's slot grid (they are placed
    /// at an exact distance from `now`): the 12-hours, 11-hours and passed-an-hour-ago stories.
    public static let offGridReceipts: Set<String> = [Story.twelveHours, Story.elevenHours, Story.passed]

    /// The demo document: centers, accounts, cases and appointments, with the story cases first.
    public static func document(seed: UInt64, now: Date, caseCount: Int = 50_000) -> ImportDocument {
        var g = Generator(seed: seed, now: now)
        return g.build(caseCount: caseCount)
    }

    /// The story cases, one for each situation of the rules, with fixed receipts.
    public static func stories(now: Date) -> [StoryCase] {
        let sites = Sites.make(now: now)
        var ledger = Ledger(sites: sites)
        return StoryPlan.make(now: now, sites: sites, ledger: &ledger).entries.compactMap(\.story)
    }
}

// MARK: - Random numbers

/// SplitMix64: small, fast, and the same on every platform.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A whole number in `0..<n` (n > 0).
    public mutating func int(_ n: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(n)).high) }
    public mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    /// A number in `[0, 1)`.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
    public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    /// Fisher–Yates, deterministic for a seed.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, int(i + 1)) }
    }
    /// Index into `weights`, proportional to the weights.
    public mutating func weighted(_ weights: [Int]) -> Int {
        var r = int(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
}

private func zpad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func secs(_ d: Date) -> Int64 { Int64(d.timeIntervalSince1970.rounded(.down)) }

/// The last whole minute at or before `d`.
private func floorMinute(_ d: Date) -> Date {
    let s = secs(d)
    return Date(timeIntervalSince1970: TimeInterval(s - ((s % 60) + 60) % 60))
}

private extension Weekday {
    var index: Int { Weekday.allCases.firstIndex(of: self)! }
}

private func hoursText(_ h: OpeningHours) -> String { "\(h.open.hhmm)-\(h.close.hhmm)" }

private func duration(_ seconds: Int64) -> String {
    let m = abs(seconds) / 60
    let h = m / 60, r = m % 60
    if h == 0 { return "\(r) min" }
    return r == 0 ? "\(h) h" : "\(h) h \(r) min"
}

// MARK: - Catalog

private enum Catalog {
    /// Code, city, state, zone. Every center is named "<city> ASC"; the addresses are fictitious.
    static let cities: [(String, String, String, String)] = {
        let ny = "America/New_York", chi = "America/Chicago", den = "America/Denver", la = "America/Los_Angeles"
        return [
            ("BOS", "Boston", "MA", ny), ("LWL", "Lawrence", "MA", ny), ("WOR", "Worcester", "MA", ny),
            ("SPFD", "Springfield", "MA", ny), ("PVD", "Providence", "RI", ny), ("HFD", "Hartford", "CT", ny),
            ("NHV", "New Haven", "CT", ny), ("STM", "Stamford", "CT", ny), ("MHT", "Manchester", "NH", ny),
            ("PWM", "Portland", "ME", ny), ("BTV", "Burlington", "VT", ny), ("NYC", "New York", "NY", ny),
            ("BKN", "Brooklyn", "NY", ny), ("QNS", "Queens", "NY", ny), ("BRX", "Bronx", "NY", ny),
            ("HEMP", "Hempstead", "NY", ny), ("BUF", "Buffalo", "NY", ny), ("ALB", "Albany", "NY", ny),
            ("SYR", "Syracuse", "NY", ny), ("ROC", "Rochester", "NY", ny), ("NWK", "Newark", "NJ", ny),
            ("ELZ", "Elizabeth", "NJ", ny), ("HKS", "Hackensack", "NJ", ny), ("PAT", "Paterson", "NJ", ny),
            ("MTL", "Mount Laurel", "NJ", ny), ("PHL", "Philadelphia", "PA", ny), ("PIT", "Pittsburgh", "PA", ny),
            ("HBG", "Harrisburg", "PA", ny), ("ABE", "Allentown", "PA", ny), ("BAL", "Baltimore", "MD", ny),
            ("WHN", "Wheaton", "MD", ny), ("DCA", "Washington", "DC", ny), ("ALX", "Alexandria", "VA", ny),
            ("FFX", "Fairfax", "VA", ny), ("NFK", "Norfolk", "VA", ny), ("RIC", "Richmond", "VA", ny),
            ("WIL", "Wilmington", "DE", ny), ("CRW", "Charleston", "WV", ny), ("CLT", "Charlotte", "NC", ny),
            ("RDU", "Raleigh", "NC", ny), ("GSO", "Greensboro", "NC", ny), ("CAE", "Columbia", "SC", ny),
            ("CHS", "Charleston", "SC", ny), ("GSP", "Greenville", "SC", ny), ("ATL", "Atlanta", "GA", ny),
            ("SAV", "Savannah", "GA", ny), ("JAX", "Jacksonville", "FL", ny), ("MIA", "Miami", "FL", ny),
            ("HIA", "Hialeah", "FL", ny), ("KEN", "Kendall", "FL", ny), ("FLL", "Fort Lauderdale", "FL", ny),
            ("WPB", "West Palm Beach", "FL", ny), ("ORL", "Orlando", "FL", ny), ("TPA", "Tampa", "FL", ny),
            ("FMY", "Fort Myers", "FL", ny), ("TLH", "Tallahassee", "FL", ny), ("CLE", "Cleveland", "OH", ny),
            ("CMH", "Columbus", "OH", ny), ("CVG", "Cincinnati", "OH", ny), ("KNX", "Knoxville", "TN", ny),
            ("LEX", "Lexington", "KY", ny),
            ("DTW", "Detroit", "MI", "America/Detroit"), ("GRR", "Grand Rapids", "MI", "America/Detroit"),
            ("IND", "Indianapolis", "IN", "America/Indiana/Indianapolis"),
            ("SDF", "Louisville", "KY", "America/Kentucky/Louisville"),
            ("CHI", "Chicago", "IL", chi), ("AUR", "Aurora", "IL", chi), ("MKE", "Milwaukee", "WI", chi),
            ("MSN", "Madison", "WI", chi), ("MSP", "Minneapolis", "MN", chi), ("STP", "St. Paul", "MN", chi),
            ("DSM", "Des Moines", "IA", chi), ("CID", "Cedar Rapids", "IA", chi), ("OMA", "Omaha", "NE", chi),
            ("LNK", "Lincoln", "NE", chi), ("MCI", "Kansas City", "MO", chi), ("STL", "St. Louis", "MO", chi),
            ("ICT", "Wichita", "KS", chi), ("OKC", "Oklahoma City", "OK", chi), ("TUL", "Tulsa", "OK", chi),
            ("DAL", "Dallas", "TX", chi), ("IRV", "Irving", "TX", chi), ("FTW", "Fort Worth", "TX", chi),
            ("HOU", "Houston", "TX", chi), ("HUM", "Humble", "TX", chi), ("SAT", "San Antonio", "TX", chi),
            ("AUS", "Austin", "TX", chi), ("HRL", "Harlingen", "TX", chi), ("BRO", "Brownsville", "TX", chi),
            ("LRD", "Laredo", "TX", chi), ("MFE", "McAllen", "TX", chi), ("CRP", "Corpus Christi", "TX", chi),
            ("MSY", "New Orleans", "LA", chi), ("BTR", "Baton Rouge", "LA", chi), ("JAN", "Jackson", "MS", chi),
            ("MEM", "Memphis", "TN", chi), ("BNA", "Nashville", "TN", chi), ("BHM", "Birmingham", "AL", chi),
            ("HSV", "Huntsville", "AL", chi), ("MOB", "Mobile", "AL", chi), ("LIT", "Little Rock", "AR", chi),
            ("FSM", "Fort Smith", "AR", chi), ("FAR", "Fargo", "ND", chi), ("FSD", "Sioux Falls", "SD", chi),
            ("PNS", "Pensacola", "FL", chi),
            ("DEN", "Denver", "CO", den), ("COS", "Colorado Springs", "CO", den), ("ABQ", "Albuquerque", "NM", den),
            ("SLC", "Salt Lake City", "UT", den), ("WVC", "West Valley City", "UT", den), ("CYS", "Cheyenne", "WY", den),
            ("HLN", "Helena", "MT", den), ("ELP", "El Paso", "TX", den),
            ("BOI", "Boise", "ID", "America/Boise"),
            ("PHX", "Phoenix", "AZ", "America/Phoenix"), ("GLN", "Glendale", "AZ", "America/Phoenix"),
            ("TUS", "Tucson", "AZ", "America/Phoenix"), ("YUM", "Yuma", "AZ", "America/Phoenix"),
            ("LAX", "Los Angeles", "CA", la), ("LGB", "Long Beach", "CA", la), ("SNA", "Santa Ana", "CA", la),
            ("SBD", "San Bernardino", "CA", la), ("SAN", "San Diego", "CA", la), ("CHV", "Chula Vista", "CA", la),
            ("ELC", "El Centro", "CA", la), ("SFO", "San Francisco", "CA", la), ("OAK", "Oakland", "CA", la),
            ("SJC", "San Jose", "CA", la), ("SAC", "Sacramento", "CA", la), ("FAT", "Fresno", "CA", la),
            ("BFL", "Bakersfield", "CA", la), ("OXR", "Oxnard", "CA", la), ("PDX", "Portland", "OR", la),
            ("SEA", "Seattle", "WA", la), ("TAC", "Tacoma", "WA", la), ("YKM", "Yakima", "WA", la),
            ("GEG", "Spokane", "WA", la), ("LAS", "Las Vegas", "NV", la), ("RNO", "Reno", "NV", la),
            ("ANC", "Anchorage", "AK", "America/Anchorage"), ("FAI", "Fairbanks", "AK", "America/Anchorage"),
            ("HNL", "Honolulu", "HI", "Pacific/Honolulu"), ("ITO", "Hilo", "HI", "Pacific/Honolulu"),
            ("SJU", "San Juan", "PR", "America/Puerto_Rico"), ("PSE", "Ponce", "PR", "America/Puerto_Rico"),
            ("MAZ", "Mayagüez", "PR", "America/Puerto_Rico"),
            ("STT", "Charlotte Amalie", "VI", "America/St_Thomas"),
            ("GUM", "Hagåtña", "GU", "Pacific/Guam"),
            ("SPN", "Saipan", "MP", "Pacific/Saipan"),
        ]
    }()

    static let streets = [
        "Federal Plaza", "Commerce Way", "Liberty Avenue", "Independence Drive", "Constitution Boulevard",
        "Union Street", "Freedom Parkway", "Harbor View Road", "Meridian Court", "Civic Center Drive",
        "Heritage Lane", "Gateway Boulevard", "Pioneer Way", "Riverside Avenue", "Lakeshore Drive",
        "Founders Square", "Eagle Crest Road", "Summit Avenue", "Capitol Street", "Magnolia Plaza",
    ]

    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
        "Matthew", "Lisa", "Anthony", "Margaret", "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Sebastián",
        "Lucía", "Diego", "Ximena", "Alejandro", "José", "María", "Juan", "Guadalupe", "Ángel", "Rocío",
        "Raúl", "Inés", "Wei", "Fang", "Min-jun", "Seo-yeon", "Hiroshi", "Yuki", "Aarav", "Priya",
        "Ananya", "Rohan", "Mohammed", "Fatima", "Omar", "Aisha", "Yusuf", "Layla", "Chinedu", "Ngozi",
        "Kwame", "Ama", "Dmitri", "Olga", "Oksana", "Bohdan", "Zoë", "François", "Chloé", "Björn",
        "Søren", "Łukasz", "Małgorzata", "Minh", "Anh", "Tuấn", "Renée", "Nadia", "Tariq", "Esperanza",
        "Joaquín", "Gabriel", "Isabela", "João", "Conceição", "Mihai", "Ștefan", "Thanh", "Jesús", "Ramón",
        "Beatriz", "Kateryna", "Aleksandr", "Giulia", "Marco", "Amara", "Tenzin", "Nour", "Emeka", "Leilani",
    ]

    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Rodríguez", "Martínez",
        "Hernández", "López", "González", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark", "Ramírez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyễn", "Trần", "Lê",
        "Phạm", "Kim", "Park", "Choi", "Chen", "Wang", "Li", "Zhang", "Liu", "Patel",
        "Shah", "Singh", "Kumar", "Okafor", "Adeyemi", "Mensah", "Haile", "Tesfaye", "Kowalski", "Nowak",
        "Wiśniewski", "Ivanov", "Petrova", "Shevchenko", "Müller", "Schröder", "O'Brien", "Murphy", "Dubois", "Lefèvre",
        "Rossi", "Esposito", "Silva", "Santos", "Oliveira", "Gonçalves", "Cohen", "Haddad", "Khoury", "Abdullah",
        "Rahman", "Hossain", "Yılmaz", "Öztürk", "Castillo", "Núñez", "Peña", "Ortiz", "Cruz", "Reyes",
        "Flores", "Morales", "Gutiérrez", "Jiménez", "Álvarez", "Tanaka", "Suzuki", "Sato", "Nakamura", "Camacho",
    ]

    /// Names written in their own script or with their own order, used now and then as they are.
    static let wholeNames = [
        "李小龙", "王芳", "张伟", "陈静", "Nguyễn Văn An", "Trần Thị Mai", "Lê Hoàng Nam", "김민준", "이서연", "박지훈",
        "山田太郎", "佐藤花子", "Δημήτρης Παπαδόπουλος", "Олена Коваленко", "Мария Иванова", "محمد الأحمد",
        "José Núñez", "François Lefèvre", "Zoë Ångström", "Siobhán Ó Briain", "Nguyễn Thị Hồng", "Ahmad Karimi",
    ]

    static let areaCodes = [212, 617, 312, 713, 305, 213, 206, 602, 303, 404, 215, 702, 808, 907, 787, 671, 415, 512, 214, 571]

    /// Lower-case ASCII of a name part for an email address; empty when nothing Latin remains.
    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for u in folded.lowercased().unicodeScalars {
            switch u {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(u)
            case "ł": out += "l"
            case "ø": out += "o"
            case "ß": out += "ss"
            case "ı": out += "i"
            default: break
            }
        }
        return out
    }
}

// MARK: - Centers

private struct Site {
    let index: Int
    let record: ImportDocument.CenterRecord
    let center: Center
    var code: String { record.code }
    var zone: ZoneRules { center.zone }
}

private enum Sites {
    /// Centers whose calendars the stories rely on: no ad-hoc closures there.
    static let storyCenters: Set<String> = ["BOS", "CHI", "NYC", "FAR", "GUM", "PHX", "NWK", "HOU", "SFO", "ATL", "DAL",
                                            "LAX", "MIA", "SEA", "DCA"]

    static func make(now: Date) -> [Site] {
        let utcToday = ZoneRules(identifier: "UTC")!.local(now).date
        let holidays = Holidays.federal(around: utcToday)
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        var sites: [Site] = []
        for (i, (code, city, state, tz)) in Catalog.cities.enumerated() {
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
                hours[.sat] = "08:00-12:00"; hours[.sun] = "09:00-13:00"; stations = 6
            case "CHI": stations = 6
            case "FAR":
                // The center of the full-week story: small, so its week fills with few cases.
                for d in weekdays { hours[d] = "08:00-16:00" }
                hours[.sat] = nil; slotMinutes = 30; stations = 2
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
            let street = Catalog.streets[(i * 7 + 3) % Catalog.streets.count]
            let number = 100 + (i * 7919) % 8800
            let suite = i % 3 == 0 ? ", Suite \(100 + (i * 37) % 400)" : ""
            let record = ImportDocument.CenterRecord(
                code: code, name: "\(city) ASC", address: "\(number) \(street)\(suite)", city: city, state: state,
                timeZone: tz, slotMinutes: slotMinutes, stations: stations, hours: hours, closures: closures)
            var parsed: [Weekday: OpeningHours] = [:]
            for (d, t) in hours { parsed[d] = OpeningHours(parsing: t)! }
            let center = Center(code: code, name: record.name, address: record.address, city: city, state: state, zone: zone,
                                hours: parsed, slotMinutes: slotMinutes, stations: stations,
                                closures: Set(closures.compactMap(LocalDate.init(iso:))))
            sites.append(Site(index: i, record: record, center: center))
        }
        return sites
    }
}

private enum Holidays {
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
            out.append(nth(3, .mon, month: 1, year: y))   // Martin Luther King Jr. Day
            out.append(nth(3, .mon, month: 2, year: y))   // Washington's Birthday
            out.append(last(.mon, month: 5, year: y))     // Memorial Day
            out.append(nth(1, .mon, month: 9, year: y))   // Labor Day
            out.append(nth(2, .mon, month: 10, year: y))  // Columbus Day
            out.append(nth(4, .thu, month: 11, year: y))  // Thanksgiving
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

// MARK: - Slots and capacity

/// Every booking made so far, per slot, so no slot gets more bookings than stations.
private struct Ledger {
    struct DayKey: Hashable { let site: Int; let day: Int }
    struct SlotKey: Hashable { let site: Int; let start: Int64 }
    let sites: [Site]
    private var days: [DayKey: [Slot]] = [:]
    private var booked: [SlotKey: Int] = [:]

    init(sites: [Site]) { self.sites = sites }

    mutating func slots(_ site: Int, _ day: LocalDate) -> [Slot] {
        let k = DayKey(site: site, day: day.epochDay)
        if let s = days[k] { return s }
        let s = SlotCalendar.slots(of: sites[site].center, on: day)
        days[k] = s
        return s
    }
    func count(_ site: Int, _ start: Date) -> Int { booked[SlotKey(site: site, start: secs(start))] ?? 0 }
    func isFree(_ site: Int, _ start: Date) -> Bool { count(site, start) < sites[site].center.stations }
    mutating func take(_ site: Int, _ start: Date) {
        let k = SlotKey(site: site, start: secs(start))
        let n = (booked[k] ?? 0) + 1
        precondition(n <= sites[site].center.stations, "demo data would overbook \(sites[site].code) at \(start)")
        booked[k] = n
    }

    /// A free slot of `site` starting in `(after, upTo]`, searched from a random day and slot.
    mutating func randomFree(_ site: Int, after: Date, upTo: Date, rng: inout SplitMix64) -> Slot? {
        let zone = sites[site].zone
        let first = zone.local(after).date, last = zone.local(upTo).date
        let n = last.epochDay - first.epochDay + 1
        guard n > 0 else { return nil }
        let d0 = rng.int(n)
        for k in 0..<n {
            let day = first.adding(days: (d0 + k) % n)
            let list = slots(site, day)
            if list.isEmpty { continue }
            let s0 = rng.int(list.count)
            for j in 0..<list.count {
                let s = list[(s0 + j) % list.count]
                if s.start > after && s.start <= upTo && isFree(site, s.start) { return s }
            }
        }
        return nil
    }

    /// A free slot near `minute` (local) on the first day from `day`, stepping `step` days, that
    /// has one starting in `(after, before)`.
    mutating func near(_ site: Int, day: LocalDate, step: Int = 1, minute: Int = 600, after: Date, before: Date) -> Slot {
        for k in 0..<120 {
            let d = day.adding(days: k * step)
            let ok = slots(site, d).filter { $0.start > after && $0.start < before && isFree(site, $0.start) }
            if let best = ok.min(by: { abs($0.local.time.minutes - minute) < abs($1.local.time.minutes - minute) }) { return best }
        }
        preconditionFailure("no free slot for the demo data at \(sites[site].code) from \(day.iso)")
    }
}

// MARK: - Stories

private enum Story {
    static let eligible = "IOE0923456781"
    static let twelveHours = "EAC2414052317"
    static let elevenHours = "WAC2390112345"
    static let twice = "LIN2501234567"
    static let passed = "SRC2418854321"
    static let missedRisk = "NBC2412345678"
    static let missedMoved = "MSC2491234567"
    static let asylum = "YSC2400012345"
    static let adoption = "IOE0956781234"
    static let denied = "EAC2398765432"
    static let leeClients = ["LIN2509876543", "WAC2501928374", "SRC2476543210"]
    static let fullWeek = "TSC2412345670"
    static let dst = "EAC2407031999"
    static let guam = "WAC2412300777"
    static let phoenix = "CSC2460017010"
    static var all: [String] {
        [eligible, twelveHours, elevenHours, twice, passed, missedRisk, missedMoved, asylum, adoption, denied]
            + leeClients + [fullWeek, dst, guam, phoenix]
    }
}

private struct StoryEntry {
    var story: StoryCase?
    var caseRecord: ImportDocument.CaseRecord
    var appointments: [ImportDocument.AppointmentRecord]
}

private struct StoryPlan {
    var entries: [StoryEntry] = []
    var accounts: [ImportDocument.AccountRecord] = []
    /// The full-week story: which center, and the local dates of the week to fill.
    var fullWeekSite = 0
    var fullWeekFirst = LocalDate(epochDay: 0)

    static func make(now: Date, sites: [Site], ledger: inout Ledger) -> StoryPlan {
        var p = StoryPlan()
        var byCode: [String: Int] = [:]
        for s in sites { byCode[s.code] = s.index }
        func site(_ code: String) -> Int { byCode[code]! }
        func today(_ s: Int) -> LocalDate { sites[s].zone.local(now).date }
        func when(_ s: Int, _ d: Date) -> String { "\(sites[s].zone.formatLong(d)) at \(sites[s].record.name)" }
        let far = Date(timeIntervalSince1970: now.timeIntervalSince1970 + 400 * 86_400)
        let longAgo = Date(timeIntervalSince1970: now.timeIntervalSince1970 - 400 * 86_400)

        func account(_ id: String, _ name: String, email: String? = nil, phone: String? = nil, role: String = "applicant") {
            p.accounts.append(.init(id: id, role: role, name: name, email: email ?? "\(id)@example.com", phone: phone))
        }
        /// Books `start` at `s` (a slot or an exact instant) and returns the appointment record.
        func book(_ s: Int, _ start: Date, _ status: String = "scheduled", prior: Int = 0) -> ImportDocument.AppointmentRecord {
            if AppointmentStatus(rawValue: status)!.holdsStation { ledger.take(s, start) }
            return .init(receipt: "", center: sites[s].code, start: sites[s].zone.local(start).iso, status: status, priorReschedules: prior)
        }
        func add(_ story: StoryCase?, _ c: ImportDocument.CaseRecord, _ appts: [ImportDocument.AppointmentRecord]) {
            p.entries.append(StoryEntry(story: story, caseRecord: c,
                                        appointments: appts.map { var a = $0; a.receipt = c.receipt; return a }))
        }

        // R3/R4: eligible online.
        do {
            let s = site("BOS")
            let slot = ledger.near(s, day: today(s).adding(days: 3), minute: 600, after: now.addingTimeInterval(3 * 86_400 - 12 * 3600), before: far)
            account("maria.garcia", "María García", phone: "(617) 555-0142")
            add(StoryCase(receipt: Story.eligible, title: "Eligible online (María García)",
                          description: "R3/R4: I-485 scheduled \(when(s, slot.start)), no prior reschedules, more than 12 hours away: she may reschedule online with a good cause (R2) and print the new notice (R16).",
                          role: "applicant", account: "maria.garcia"),
                .init(receipt: Story.eligible, form: "I-485", applicant: "maria.garcia", applicantName: "María García"),
                [book(s, slot.start)])
        }

        // R3a: exactly 12 hours away, and 11 hours away.
        do {
            let target = floorMinute(now.addingTimeInterval(12 * 3600))
            let (s, start) = Self.exactly(target, sites: sites, ledger: &ledger, prefer: ["DCA", "GUM", "HNL", "SJU"])
            let exact = secs(start) == secs(now) + 12 * 3600
            account("david.kim", "David Kim", phone: "(202) 555-0117")
            add(StoryCase(receipt: Story.twelveHours, title: "Exactly 12 hours away",
                          description: "R3a: the appointment starts \(when(s, start)), \(exact ? "exactly 12 hours" : "\(duration(secs(start) - secs(now))) (12 hours, to the minute)") after now: online rescheduling is refused with WITHIN_12_HOURS; an agent can still complete it (R7).",
                          role: "applicant", account: "david.kim"),
                .init(receipt: Story.twelveHours, form: "I-765", applicant: "david.kim", applicantName: "David Kim"),
                [book(s, start)])
        }
        do {
            let (s, start) = Self.around(now.addingTimeInterval(11 * 3600), within: 30 * 60, sites: sites, ledger: &ledger,
                                         prefer: ["LAX", "CHI", "HNL", "GUM"])
            account("aisha.bello", "Aisha Bello", phone: "(312) 555-0163")
            add(StoryCase(receipt: Story.elevenHours, title: "11 hours away: call the Contact Center",
                          description: "R3a/R7: the appointment is \(when(s, start)), \(duration(secs(start) - secs(now))) from now: online is refused (WITHIN_12_HOURS), but an agent completes a timely request with a listed reason at once.",
                          role: "agent"),
                .init(receipt: Story.elevenHours, form: "N-400", applicant: "aisha.bello", applicantName: "Aisha Bello"),
                [book(s, start)])
        }

        // R3b: rescheduled twice already.
        do {
            let s = site("CHI")
            let first = ledger.near(s, day: today(s).adding(days: -4), step: -1, minute: 540, after: longAgo, before: now.addingTimeInterval(-3600))
            let second = ledger.near(s, day: today(s).adding(days: 2), minute: 780, after: now.addingTimeInterval(24 * 3600), before: far)
            let current = ledger.near(s, day: today(s).adding(days: 5), minute: 660, after: now.addingTimeInterval(4 * 86_400), before: far)
            account("priya.patel", "Priya Patel", phone: "(312) 555-0188")
            add(StoryCase(receipt: Story.twice, title: "Rescheduled twice already",
                          description: "R3b/R7: two requester reschedules are on record; the appointment is \(when(s, current.start)). Online is refused (RESCHEDULE_LIMIT_REACHED); an agent must escalate it to an officer (REPEAT_REQUEST).",
                          role: "applicant", account: "priya.patel"),
                .init(receipt: Story.twice, form: "I-485", applicant: "priya.patel", applicantName: "Priya Patel"),
                [book(s, first.start, "rescheduled", prior: 0), book(s, second.start, "rescheduled", prior: 1), book(s, current.start, prior: 2)])
        }

        // R1/R3c/R6: the appointment passed an hour ago.
        do {
            let (s, start) = Self.around(now.addingTimeInterval(-3600), within: 20 * 60, sites: sites, ledger: &ledger,
                                         prefer: ["DCA", "CHI", "DEN", "LAX"], before: now)
            account("tomasz.nowak", "Tomasz Nowak", phone: "(215) 555-0139")
            add(StoryCase(receipt: Story.passed, title: "Passed an hour ago",
                          description: "R1/R6/R8: the appointment \(when(s, start)) started \(duration(secs(now) - secs(start))) ago and is still scheduled: online is refused (APPOINTMENT_PASSED); an agent escalates it (UNTIMELY) and only an officer may approve. Until a request is recorded it is also flagged ABANDONMENT_RISK (R10).",
                          role: "agent"),
                .init(receipt: Story.passed, form: "I-90", applicant: "tomasz.nowak", applicantName: "Tomasz Nowak"),
                [book(s, start)])
        }

        // R10: missed, with and without a change of address.
        do {
            let s = site("NWK")
            let slot = ledger.near(s, day: today(s).adding(days: -3), step: -1, minute: 600, after: longAgo, before: now.addingTimeInterval(-3600))
            add(StoryCase(receipt: Story.missedRisk, title: "Missed: abandonment risk",
                          description: "R10: missed \(when(s, slot.start)); no timely request and no change of address reached the agency before it, so the case is flagged ABANDONMENT_RISK. No online account: only the Contact Center can help.",
                          role: "officer"),
                .init(receipt: Story.missedRisk, form: "N-400", applicant: nil, applicantName: "Jean-Baptiste Moreau"),
                [book(s, slot.start, "missed")])
        }
        do {
            let s = site("HOU")
            let slot = ledger.near(s, day: today(s).adding(days: -3), step: -1, minute: 630, after: longAgo, before: now.addingTimeInterval(-3600))
            let moved = slot.start.addingTimeInterval(-2 * 86_400 - 5 * 3600)
            account("fatima.rahman", "Fatima Rahman", phone: "(713) 555-0176")
            add(StoryCase(receipt: Story.missedMoved, title: "Missed after a change of address",
                          description: "R10: missed \(when(s, slot.start)), but a change of address reached the agency two days before (\(sites[s].zone.formatLong(moved))): not an abandonment risk.",
                          role: "agent"),
                .init(receipt: Story.missedMoved, form: "I-485", applicant: "fatima.rahman", applicantName: "Fatima Rahman", addressChangedAt: moved),
                [book(s, slot.start, "missed")])
        }

        // R7: asylum.
        do {
            let s = site("SFO")
            let slot = ledger.near(s, day: today(s).adding(days: 6), minute: 570, after: now.addingTimeInterval(2 * 86_400), before: far)
            add(StoryCase(receipt: Story.asylum, title: "Asylum (I-589)",
                          description: "R7: Form I-589, scheduled \(when(s, slot.start)). Any agent request is escalated (ASYLUM) with a warning: a missed appointment may dismiss the application.",
                          role: "agent"),
                .init(receipt: Story.asylum, form: "I-589", applicant: nil, applicantName: "Yonas Tesfaye", representatives: ["rep-0007"]),
                [book(s, slot.start)])
        }

        // R3d: excluded form.
        do {
            let s = site("ATL")
            let slot = ledger.near(s, day: today(s).adding(days: 8), minute: 600, after: now.addingTimeInterval(2 * 86_400), before: far)
            account("emily.johnson", "Emily Johnson", phone: "(404) 555-0121")
            add(StoryCase(receipt: Story.adoption, title: "Adoption form I-600: not online",
                          description: "R3d: Form I-600 (intercountry adoption), scheduled \(when(s, slot.start)). Online rescheduling is refused (FORM_EXCLUDED); the Contact Center handles it.",
                          role: "applicant", account: "emily.johnson"),
                .init(receipt: Story.adoption, form: "I-600", applicant: "emily.johnson", applicantName: "Emily Johnson"),
                [book(s, slot.start)])
        }

        // R11: denied case.
        do {
            let s = site("DAL")
            let slot = ledger.near(s, day: today(s).adding(days: 9), minute: 840, after: now.addingTimeInterval(2 * 86_400), before: far)
            account("carlos.mendoza", "Carlos Mendoza", phone: "(214) 555-0155")
            add(StoryCase(receipt: Story.denied, title: "Denied case",
                          description: "R11: the I-485 was denied; the leftover appointment \(when(s, slot.start)) cannot be rescheduled (CASE_DENIED). The route is a motion to reopen, Form I-290B.",
                          role: "applicant", account: "carlos.mendoza"),
                .init(receipt: Story.denied, form: "I-485", applicant: "carlos.mendoza", applicantName: "Carlos Mendoza", status: "denied"),
                [book(s, slot.start)])
        }

        // R5: a representative with exactly three clients.
        do {
            account("attorney.lee", "Grace Lee, Esq.", email: "grace.lee@lee-immigration.example.com", phone: "(206) 555-0190", role: "representative")
            account("nguyen.van.an", "Nguyễn Văn An", phone: "(213) 555-0148")
            let plan: [(String, String, String, String?, String, Int)] = [
                (Story.leeClients[0], "I-485", "Nguyễn Văn An", "nguyen.van.an", "LAX", 4),
                (Story.leeClients[1], "I-765", "José Núñez", nil, "MIA", 10),
                (Story.leeClients[2], "N-400", "李小龙", nil, "SEA", 12),
            ]
            var booked: [(String, String, String, String?, Int, Slot)] = []
            for (receipt, form, name, acc, code, days) in plan {
                let s = site(code)
                let slot = ledger.near(s, day: today(s).adding(days: days), minute: 600, after: now.addingTimeInterval(2 * 86_400), before: far)
                booked.append((receipt, form, name, acc, s, slot))
            }
            let list = booked.map { "\($0.2) (\($0.1), \($0.0))" }.joined(separator: ", ")
            for (i, (receipt, form, name, acc, s, slot)) in booked.enumerated() {
                let story = i == 0 ? StoryCase(receipt: receipt, title: "Attorney with three clients",
                                               description: "R5: attorney.lee has a G-28 on file for exactly three cases: \(list). She may act on these and on no other case (NOT_AUTHORIZED).",
                                               role: "representative", account: "attorney.lee") : nil
                add(story, .init(receipt: receipt, form: form, applicant: acc, applicantName: name, representatives: ["attorney.lee"]),
                    [book(s, slot.start)])
            }
        }

        // R12/R14: a center with a week of full days (filled by the generator).
        do {
            let s = site("FAR")
            p.fullWeekSite = s
            p.fullWeekFirst = today(s).adding(days: 7)
            let slot = ledger.near(s, day: today(s).adding(days: 3), minute: 600, after: now.addingTimeInterval(2 * 86_400),
                                   before: sites[s].zone.instant(of: LocalDateTime(date: p.fullWeekFirst, time: LocalTime(minutes: 0)!))!)
            account("olena.kovalenko", "Olena Kovalenko", phone: "(701) 555-0133")
            let last = p.fullWeekFirst.adding(days: 6)
            add(StoryCase(receipt: Story.fullWeek, title: "A week with no free slot",
                          description: "R12/R14: \(sites[s].record.name) is booked to capacity in every slot from \(p.fullWeekFirst.weekday.shortName) \(p.fullWeekFirst.iso) to \(last.weekday.shortName) \(last.iso); moving this appointment (\(when(s, slot.start))) into that week is refused (SLOT_UNAVAILABLE).",
                          role: "applicant", account: "olena.kovalenko"),
                .init(receipt: Story.fullWeek, form: "I-765", applicant: "olena.kovalenko", applicantName: "Olena Kovalenko"),
                [book(s, slot.start)])
        }

        // R1/R13: across the next DST change in New York.
        do {
            let s = site("NYC")
            let zone = sites[s].zone
            var d = today(s).adding(days: 1)
            func offset(_ day: LocalDate) -> Int { zone.offset(at: Date(timeIntervalSince1970: TimeInterval(day.epochDay * 86_400 + 17 * 3600))) }
            while offset(d) == offset(d.adding(days: -1)) && d < today(s).adding(days: 400) { d = d.adding(days: 1) }
            let springs = offset(d) > offset(d.adding(days: -1))
            let slot = ledger.near(s, day: d, minute: 540, after: now.addingTimeInterval(2 * 86_400), before: far)
            account("robert.brown", "Robert Brown", phone: "(212) 555-0104")
            let evening = zone.instant(of: LocalDateTime(date: slot.local.date.adding(days: -1), time: LocalTime(hour: 20, minute: 30)!))!
            let wall = (slot.local.wallSeconds - LocalDateTime(date: slot.local.date.adding(days: -1), time: LocalTime(hour: 20, minute: 30)!).wallSeconds)
            add(StoryCase(receipt: Story.dst, title: "Across the daylight-saving change",
                          description: "R1/R13: the appointment \(when(s, slot.start)) is just after the clocks \(springs ? "spring forward" : "fall back") on \(d.iso). A request at \(zone.formatLong(evening)) the evening before leaves \(duration(secs(slot.start) - secs(evening))), though the wall clocks are \(duration(Int64(wall))) apart: 12 hours are counted on instants.",
                          role: "applicant", account: "robert.brown"),
                .init(receipt: Story.dst, form: "N-400", applicant: "robert.brown", applicantName: "Robert Brown"),
                [book(s, slot.start)])
        }

        // R13: Guam (UTC+10) and Phoenix (no DST).
        do {
            let s = site("GUM")
            let slot = ledger.near(s, day: today(s).adding(days: 2), minute: 600, after: now.addingTimeInterval(26 * 3600), before: far)
            account("joaquin.cruz", "Joaquín Camacho Cruz", phone: "(671) 555-0110")
            add(StoryCase(receipt: Story.guam, title: "Guam: a day ahead of the mainland",
                          description: "R13: the appointment is \(when(s, slot.start)) (UTC+10, no DST), which is \(ZoneRules(identifier: "America/New_York")!.formatLong(slot.start)) on the East Coast; every time is shown in the center's zone.",
                          role: "applicant", account: "joaquin.cruz"),
                .init(receipt: Story.guam, form: "I-90", applicant: "joaquin.cruz", applicantName: "Joaquín Camacho Cruz"),
                [book(s, slot.start)])
        }
        do {
            let s = site("PHX")
            let slot = ledger.near(s, day: today(s).adding(days: 2), minute: 600, after: now.addingTimeInterval(26 * 3600), before: far)
            account("sofia.hernandez", "Sofía Hernández", phone: "(602) 555-0127")
            add(StoryCase(receipt: Story.phoenix, title: "Phoenix: no daylight saving",
                          description: "R13: \(when(s, slot.start)); Arizona keeps MST all year, so an agent in Chicago sees a different offset in summer than in winter. Times are shown in the center's zone.",
                          role: "applicant", account: "sofia.hernandez"),
                .init(receipt: Story.phoenix, form: "I-765", applicant: "sofia.hernandez", applicantName: "Sofía Hernández"),
                [book(s, slot.start)])
        }
        return p
    }

    /// A start exactly at `target`: a free slot there if a center has one, else a center open at that
    /// wall time, else the first preferred center (off the slot grid, which the stories allow).
    static func exactly(_ target: Date, sites: [Site], ledger: inout Ledger, prefer: [String]) -> (Int, Date) {
        let order = orderSites(sites, prefer)
        for s in order {
            let local = sites[s].zone.local(target)
            if let slot = SlotCalendar.slot(of: sites[s].center, at: local), slot.start == target, ledger.isFree(s, target) { return (s, target) }
        }
        for s in order where fits(target, sites[s], ledger) { return (s, target) }
        for s in order where roundTrips(target, sites[s]) && ledger.isFree(s, target) { return (s, target) }
        preconditionFailure("no center can hold \(target)")
    }

    /// A free slot starting within `within` of `target` (and before `before`), closest first; else
    /// `exactly` at `target` to the minute.
    static func around(_ target: Date, within: TimeInterval, sites: [Site], ledger: inout Ledger, prefer: [String],
                       before: Date? = nil) -> (Int, Date) {
        var best: (Int, Date, TimeInterval)?
        let lo = target.addingTimeInterval(-within), hi = target.addingTimeInterval(within)
        for s in orderSites(sites, prefer) {
            let zone = sites[s].zone
            var d = zone.local(lo).date
            while d <= zone.local(hi).date {
                for slot in ledger.slots(s, d) where slot.start >= lo && slot.start <= hi && (before.map { slot.start < $0 } ?? true)
                    && ledger.isFree(s, slot.start) {
                    let dist = abs(slot.start.timeIntervalSince(target))
                    if best == nil || dist < best!.2 { best = (s, slot.start, dist) }
                }
                d = d.adding(days: 1)
            }
        }
        if let best { return (best.0, best.1) }
        return exactly(floorMinute(target), sites: sites, ledger: &ledger, prefer: prefer)
    }

    private static func orderSites(_ sites: [Site], _ prefer: [String]) -> [Int] {
        let first = prefer.compactMap { code in sites.first { $0.code == code }?.index }
        return first + sites.map(\.index).filter { !first.contains($0) }
    }
    private static func roundTrips(_ t: Date, _ site: Site) -> Bool { site.zone.instant(of: site.zone.local(t)) == t }
    /// Whether `t` is a wall time inside the center's opening hours on an open day.
    private static func fits(_ t: Date, _ site: Site, _ ledger: Ledger) -> Bool {
        let local = site.zone.local(t)
        guard roundTrips(t, site), !site.center.isClosed(on: local.date), let h = site.center.hours[local.date.weekday] else { return false }
        return local.time >= h.open && local.time < h.close && ledger.isFree(site.index, t)
    }
}

// MARK: - The generator

private struct Generator {
    var rng: SplitMix64
    let now: Date
    let sites: [Site]
    var ledger: Ledger
    var usedReceipts = Set<String>()
    var accounts: [ImportDocument.AccountRecord] = []
    var cases: [ImportDocument.CaseRecord] = []
    var appointments: [ImportDocument.AppointmentRecord] = []
    var applicantSeq = 0
    var representedSeq = 0
    let stationWeights: [Int]
    let year: Int
    let firstSlugs: [String]
    let lastSlugs: [String]

    static let repCount = 200

    init(seed: UInt64, now: Date) {
        rng = SplitMix64(seed: seed)
        self.now = now
        sites = Sites.make(now: now)
        ledger = Ledger(sites: sites)
        stationWeights = sites.map { $0.center.stations }
        year = ZoneRules(identifier: "UTC")!.local(now).date.year % 100
        firstSlugs = Catalog.firstNames.map(Catalog.slug)
        lastSlugs = Catalog.lastNames.map(Catalog.slug)
    }

    mutating func build(caseCount: Int) -> ImportDocument {
        let plan = StoryPlan.make(now: now, sites: sites, ledger: &ledger)
        accounts = plan.accounts
        for r in Story.all { usedReceipts.insert(r) }
        makeRepresentatives()
        for e in plan.entries {
            cases.append(e.caseRecord)
            appointments += e.appointments
        }
        fillWeek(site: plan.fullWeekSite, from: plan.fullWeekFirst)
        while cases.count < caseCount { randomCase() }
        return ImportDocument(settings: .init(leadHours: 24, horizonDays: 30), centers: sites.map(\.record),
                              accounts: accounts, cases: cases, appointments: appointments)
    }

    // MARK: People

    mutating func person() -> (name: String, slug: String) {
        if rng.chance(0.04) {
            let n = rng.pick(Catalog.wholeNames)
            let parts = n.split(separator: " ").map { Catalog.slug(String($0)) }.filter { !$0.isEmpty }
            return (n, parts.joined(separator: "."))
        }
        let f = rng.int(Catalog.firstNames.count), l = rng.int(Catalog.lastNames.count)
        var name = "\(Catalog.firstNames[f]) \(Catalog.lastNames[l])"
        var slug = "\(firstSlugs[f]).\(lastSlugs[l])"
        if rng.chance(0.08) {
            // A second family name, as many Hispanic names have.
            let l2 = rng.int(Catalog.lastNames.count)
            name += " \(Catalog.lastNames[l2])"; slug += ".\(lastSlugs[l2])"
        }
        return (name, slug)
    }

    mutating func phone() -> String { "(\(rng.pick(Catalog.areaCodes))) 555-01\(zpad(rng.int(100), 2))" }

    mutating func makeRepresentatives() {
        for i in 1...Self.repCount {
            let (name, slug) = person()
            let accredited = rng.chance(0.25)
            let display = accredited ? "\(name) (accredited representative)" : "\(name), Esq."
            let email = "\(slug.isEmpty ? "counsel" : slug)\(i)@\(accredited ? "legal-aid.example.org" : "law.example.com")"
            accounts.append(.init(id: "rep-\(zpad(i, 4))", role: "representative", name: display, email: email, phone: phone()))
        }
    }

    // MARK: Cases

    static let forms = ["I-485", "I-765", "I-131", "N-400", "I-90", "I-751", "I-821D", "I-589", "I-600", "I-600A", "I-800", "I-800A"]
    static let formWeights = [2_100, 1_750, 1_000, 2_050, 1_000, 850, 650, 580, 6, 6, 4, 4]

    static func prefixes(for form: String) -> [String] {
        switch form {
        case "N-400", "I-90": ["IOE", "IOE", "NBC", "MSC"]
        case "I-589": ["YSC", "YSC", "IOE"]
        case "I-600", "I-600A", "I-800", "I-800A": ["NBC", "IOE"]
        case "I-751": ["IOE", "EAC", "WAC", "LIN", "SRC", "CSC", "VSC"]
        case "I-821D": ["IOE", "EAC", "WAC", "LIN", "SRC", "NBC"]
        default: ["IOE", "IOE", "MSC", "NBC", "SRC", "LIN", "EAC", "WAC", "TSC", "YSC", "NSC"]
        }
    }

    mutating func receipt(for form: String) -> String {
        let prefix = rng.pick(Self.prefixes(for: form))
        while true {
            let fy = year - rng.int(3)
            let r = "\(prefix)\(zpad((fy + 100) % 100, 2))\(zpad(1 + rng.int(365), 3))\(zpad(rng.int(100_000), 5))"
            if usedReceipts.insert(r).inserted { return r }
        }
    }

    mutating func newApplicant(_ p: (name: String, slug: String)) -> String {
        applicantSeq += 1
        let id = "app-\(zpad(applicantSeq, 6))"
        let local = p.slug.isEmpty ? "applicant" : p.slug
        let domain = rng.pick(["example.com", "example.net", "example.org"])
        let r = rng.unit()
        let email: String? = r < 0.9 ? "\(local)\(applicantSeq % 1000)@\(domain)" : nil
        let ph: String? = r < 0.7 || email == nil ? phone() : nil
        accounts.append(.init(id: id, role: "applicant", name: p.name, email: email, phone: ph))
        return id
    }

    mutating func pickRepresentative() -> String {
        representedSeq += 1
        // Round-robin first, so every representative has several cases, then at random.
        let n = representedSeq <= Self.repCount * 3 ? (representedSeq - 1) % Self.repCount : rng.int(Self.repCount)
        return "rep-\(zpad(n + 1, 4))"
    }

    enum Kind { case future, soon, overdue, attended, missed }

    mutating func randomCase() {
        let form = Self.forms[rng.weighted(Self.formWeights)]
        let p = person()
        let applicant: String? = rng.chance(0.9) ? newApplicant(p) : nil
        var reps: [String] = []
        if rng.chance(form == "I-589" ? 0.45 : 0.12) { reps.append(pickRepresentative()) }
        if !reps.isEmpty && rng.chance(0.05) {
            let other = pickRepresentative()
            if other != reps[0] { reps.append(other) }
        }
        let denied = rng.chance(0.04)
        let kind: Kind
        if denied {
            kind = rng.chance(0.7) ? .attended : .future
        } else {
            let r = rng.unit()
            kind = r < 0.77 ? .future : r < 0.80 ? .soon : r < 0.81 ? .overdue : r < 0.92 ? .attended : r < 0.97 ? .missed : .future
        }
        var status = denied ? "denied" : "pending"
        if kind == .attended && !denied && rng.chance(0.08) { status = "approved" }
        let site = stationSite()
        guard let (s, slot) = slotFor(kind, site: site) else { return }
        var changed: Date?
        if kind == .missed {
            let r = rng.unit()
            if r < 0.25 { changed = slot.start.addingTimeInterval(-Double(rng.int(in: 1...20)) * 86_400 - Double(rng.int(86_400))) }
            else if r < 0.35 { changed = slot.start.addingTimeInterval(Double(rng.int(in: 1...10)) * 86_400) }
            if let c = changed, c > now { changed = now.addingTimeInterval(-3600) }
        }
        let r1 = receipt(for: form)
        cases.append(.init(receipt: r1, form: form, applicant: applicant, applicantName: p.name, representatives: reps,
                           status: status, addressChangedAt: changed))
        appointments.append(book(s, slot, kind: kind, receipt: r1))

        // Adjustment of status: the I-765 or I-131 filed with it, booked at the same center the same days.
        if form == "I-485" && (kind == .future || kind == .attended || kind == .missed) && rng.chance(0.2) {
            let companion = rng.chance(0.6) ? "I-765" : "I-131"
            let after = kind == .future ? max(slot.start.addingTimeInterval(-1), now.addingTimeInterval(86_400)) : slot.start.addingTimeInterval(-1)
            let upTo = kind == .future ? slot.start.addingTimeInterval(2 * 86_400) : min(slot.start.addingTimeInterval(2 * 86_400), now.addingTimeInterval(-3600))
            if let near = ledger.randomFree(s, after: after, upTo: upTo, rng: &rng) {
                let r2 = receipt(for: companion)
                cases.append(.init(receipt: r2, form: companion, applicant: applicant, applicantName: p.name, representatives: reps,
                                   status: status, addressChangedAt: changed))
                appointments.append(book(s, near, kind: kind, receipt: r2))
            }
        }
    }

    mutating func stationSite() -> Int { rng.weighted(stationWeights) }

    mutating func slotFor(_ kind: Kind, site: Int) -> (Int, Slot)? {
        let h: TimeInterval = 3600, d: TimeInterval = 86_400
        let (lo, hi): (TimeInterval, TimeInterval)
        switch kind {
        case .future: (lo, hi) = (d, 60 * d)
        case .soon: (lo, hi) = (0, d)
        case .overdue: (lo, hi) = (-2 * d, -1)
        case .attended, .missed: (lo, hi) = (-60 * d, -h)
        }
        var s = site
        for _ in 0..<40 {
            if let slot = ledger.randomFree(s, after: now.addingTimeInterval(lo), upTo: now.addingTimeInterval(hi), rng: &rng) { return (s, slot) }
            s = stationSite()
        }
        return kind == .future ? nil : slotFor(.future, site: site)
    }

    mutating func book(_ s: Int, _ slot: Slot, kind: Kind, receipt: String) -> ImportDocument.AppointmentRecord {
        ledger.take(s, slot.start)
        let status: String, prior: Int
        switch kind {
        case .future, .soon, .overdue:
            status = "scheduled"
            let r = rng.unit(); prior = r < 0.8 ? 0 : r < 0.93 ? 1 : 2
        case .attended:
            status = "attended"; prior = rng.chance(0.1) ? 1 : 0
        case .missed:
            status = "missed"; prior = rng.chance(0.1) ? 1 : 0
        }
        return .init(receipt: receipt, center: sites[s].code, start: slot.local.iso, status: status, priorReschedules: prior)
    }

    /// Fills every slot of a week at `site` to capacity with ordinary cases.
    mutating func fillWeek(site s: Int, from first: LocalDate) {
        for k in 0..<7 {
            for slot in ledger.slots(s, first.adding(days: k)) {
                while ledger.isFree(s, slot.start) {
                    let form = Self.forms[rng.weighted(Array(Self.formWeights.prefix(7)))]
                    let p = person()
                    let applicant: String? = rng.chance(0.9) ? newApplicant(p) : nil
                    let r = receipt(for: form)
                    cases.append(.init(receipt: r, form: form, applicant: applicant, applicantName: p.name))
                    appointments.append(book(s, slot, kind: .future, receipt: r))
                }
            }
        }
    }
}
