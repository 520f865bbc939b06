import Foundation
import Scheduling

enum Story {
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

    /// The stories in the order the plan makes them, each with its title: what the find screen's
    /// "Demo cases to try" list shows, known without making the plan (which places every story from
    /// `now` among all the centers). The plan takes its titles from here.
    static func headlines(_ t: Catalog) -> [(receipt: String, title: String)] {
        [
            (eligible, t.storyEligibleTitle), (twelveHours, t.storyTwelveTitle), (elevenHours, t.storyElevenTitle),
            (twice, t.storyTwiceTitle), (passed, t.storyPassedTitle), (missedRisk, t.storyMissedRiskTitle),
            (missedMoved, t.storyMissedMovedTitle), (asylum, t.storyAsylumTitle), (adoption, t.storyAdoptionTitle),
            (denied, t.storyDeniedTitle), (leeClients[0], t.storyAttorneyTitle), (fullWeek, t.storyFullWeekTitle),
            (dst, t.storyDSTTitle), (guam, t.storyGuamTitle), (phoenix, t.storyPhoenixTitle)
        ]
    }

    /// The title of the story with this receipt (one of `headlines`).
    static func title(_ receipt: String, _ t: Catalog) -> String {
        guard let title = headlines(t).first(where: { $0.receipt == receipt })?.title else {
            preconditionFailure("no story has the receipt \(receipt)")
        }
        return title
    }
}

struct StoryEntry {
    var story: StoryCase?
    var caseRecord: ImportDocument.CaseRecord
    var appointments: [ImportDocument.AppointmentRecord]
}

struct StoryPlan {
    var entries: [StoryEntry] = []
    var accounts: [ImportDocument.AccountRecord] = []
    /// The full-week story: which center, and the local dates of the week to fill.
    var fullWeekSite = 0
    var fullWeekFirst = LocalDate(epochDay: 0)

    static func make(now: Date, sites: [Site], ledger: inout Ledger, _ t: Catalog = .en) -> StoryPlan {
        var p = StoryPlan()
        var byCode: [String: Int] = [:]
        for s in sites { byCode[s.code] = s.index }
        func site(_ code: String) -> Int { byCode[code]! }
        func today(_ s: Int) -> LocalDate { sites[s].zone.local(now).date }
        func when(_ s: Int, _ d: Date) -> String { t.storyWhen(t.dateTimeLong(d, sites[s].zone), sites[s].record.name) }
        func duration(_ seconds: Int64) -> String { t.storyDuration(seconds) }
        let far = Date(timeIntervalSince1970: now.timeIntervalSince1970 + 400 * 86_400)
        let longAgo = Date(timeIntervalSince1970: now.timeIntervalSince1970 - 400 * 86_400)

        func account(_ id: String, _ name: String, email: String? = nil, phone: String? = nil, role: String = "applicant") {
            let identity = role == "applicant" ? DemoIdentity.of(id) : nil
            p.accounts.append(
                .init(
                    id: id, role: role, name: name, email: email ?? "\(id)@example.com", phone: phone,
                    aNumber: identity?.aNumber, dateOfBirth: identity?.dateOfBirth))
        }
        /// Books `start` at `s` (a slot or an exact instant) and returns the appointment record.
        func book(_ s: Int, _ start: Date, _ status: String = "scheduled", prior: Int = 0) -> ImportDocument.AppointmentRecord {
            if AppointmentStatus(rawValue: status)!.holdsStation { ledger.take(s, start) }
            return .init(receipt: "", center: sites[s].code, start: sites[s].zone.local(start).iso, status: status, priorReschedules: prior)
        }
        func add(_ story: StoryCase?, _ c: ImportDocument.CaseRecord, _ appts: [ImportDocument.AppointmentRecord]) {
            p.entries.append(
                StoryEntry(
                    story: story, caseRecord: c,
                    appointments: appts.map {
                        var a = $0
                        a.receipt = c.receipt
                        return a
                    }))
        }

        // R3/R4: eligible online.
        do {
            let s = site("BOS")
            let slot = ledger.near(s, day: today(s).adding(days: 3), minute: 600, after: now.addingTimeInterval(3 * 86_400 - 12 * 3600), before: far)
            account("maria.garcia", "María García", phone: "(617) 555-0142")
            add(
                StoryCase(
                    receipt: Story.eligible, title: Story.title(Story.eligible, t),
                    description: t.storyEligible(when(s, slot.start)),
                    role: "applicant", account: "maria.garcia"),
                .init(receipt: Story.eligible, form: "I-485", applicant: "maria.garcia", applicantName: "María García"),
                [book(s, slot.start)])
        }

        // R3a: exactly the online cutoff (12 hours) away, and an hour inside it (11 hours).
        let cutoff = Int64(ReschedulePolicy.onlineCutoffHours * 3600)
        do {
            let target = floorMinute(now.addingTimeInterval(TimeInterval(cutoff)))
            let (s, start) = Self.exactly(target, sites: sites, ledger: &ledger, prefer: ["DCA", "GUM", "HNL", "SJU"])
            let exact = secs(start) == secs(now) + cutoff
            account("david.kim", "David Kim", phone: "(202) 555-0117")
            add(
                StoryCase(
                    receipt: Story.twelveHours, title: Story.title(Story.twelveHours, t),
                    description: t.storyTwelve(when(s, start), exact: exact, duration(secs(start) - secs(now))),
                    role: "applicant", account: "david.kim"),
                .init(receipt: Story.twelveHours, form: "I-765", applicant: "david.kim", applicantName: "David Kim"),
                [book(s, start)])
        }
        do {
            let (s, start) = Self.around(
                now.addingTimeInterval(TimeInterval(cutoff - 3600)), within: 30 * 60, sites: sites, ledger: &ledger,
                prefer: ["LAX", "CHI", "HNL", "GUM"])
            account("aisha.bello", "Aisha Bello", phone: "(312) 555-0163")
            add(
                StoryCase(
                    receipt: Story.elevenHours, title: Story.title(Story.elevenHours, t),
                    description: t.storyEleven(when(s, start), duration(secs(start) - secs(now))),
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
            add(
                StoryCase(
                    receipt: Story.twice, title: Story.title(Story.twice, t),
                    description: t.storyTwice(when(s, current.start)),
                    role: "applicant", account: "priya.patel"),
                .init(receipt: Story.twice, form: "I-485", applicant: "priya.patel", applicantName: "Priya Patel"),
                [book(s, first.start, "rescheduled", prior: 0), book(s, second.start, "rescheduled", prior: 1), book(s, current.start, prior: 2)])
        }

        // R1/R3c/R6: the appointment passed an hour ago.
        do {
            let (s, start) = Self.around(
                now.addingTimeInterval(-3600), within: 20 * 60, sites: sites, ledger: &ledger,
                prefer: ["DCA", "CHI", "DEN", "LAX"], before: now)
            account("tomasz.nowak", "Tomasz Nowak", phone: "(215) 555-0139")
            add(
                StoryCase(
                    receipt: Story.passed, title: Story.title(Story.passed, t),
                    description: t.storyPassed(when(s, start), duration(secs(now) - secs(start))),
                    role: "agent"),
                .init(receipt: Story.passed, form: "I-90", applicant: "tomasz.nowak", applicantName: "Tomasz Nowak"),
                [book(s, start)])
        }

        // R10: missed, with and without a change of address.
        do {
            let s = site("NWK")
            let slot = ledger.near(s, day: today(s).adding(days: -3), step: -1, minute: 600, after: longAgo, before: now.addingTimeInterval(-3600))
            add(
                StoryCase(
                    receipt: Story.missedRisk, title: Story.title(Story.missedRisk, t),
                    description: t.storyMissedRisk(when(s, slot.start)),
                    role: "officer"),
                .init(receipt: Story.missedRisk, form: "N-400", applicant: nil, applicantName: "Jean-Baptiste Moreau"),
                [book(s, slot.start, "missed")])
        }
        do {
            let s = site("HOU")
            let slot = ledger.near(s, day: today(s).adding(days: -3), step: -1, minute: 630, after: longAgo, before: now.addingTimeInterval(-3600))
            let moved = slot.start.addingTimeInterval(-2 * 86_400 - 5 * 3600)
            account("fatima.rahman", "Fatima Rahman", phone: "(713) 555-0176")
            add(
                StoryCase(
                    receipt: Story.missedMoved, title: Story.title(Story.missedMoved, t),
                    description: t.storyMissedMoved(when(s, slot.start), t.dateTimeLong(moved, sites[s].zone)),
                    role: "agent"),
                .init(receipt: Story.missedMoved, form: "I-485", applicant: "fatima.rahman", applicantName: "Fatima Rahman", addressChangedAt: moved),
                [book(s, slot.start, "missed")])
        }

        // R7: asylum.
        do {
            let s = site("SFO")
            let slot = ledger.near(s, day: today(s).adding(days: 6), minute: 570, after: now.addingTimeInterval(2 * 86_400), before: far)
            add(
                StoryCase(
                    receipt: Story.asylum, title: Story.title(Story.asylum, t),
                    description: t.storyAsylum(when(s, slot.start)),
                    role: "agent"),
                .init(receipt: Story.asylum, form: "I-589", applicant: nil, applicantName: "Yonas Tesfaye", representatives: ["rep-0007"]),
                [book(s, slot.start)])
        }

        // R3d: excluded form.
        do {
            let s = site("ATL")
            let slot = ledger.near(s, day: today(s).adding(days: 8), minute: 600, after: now.addingTimeInterval(2 * 86_400), before: far)
            account("emily.johnson", "Emily Johnson", phone: "(404) 555-0121")
            add(
                StoryCase(
                    receipt: Story.adoption, title: Story.title(Story.adoption, t),
                    description: t.storyAdoption(when(s, slot.start)),
                    role: "applicant", account: "emily.johnson"),
                .init(receipt: Story.adoption, form: "I-600", applicant: "emily.johnson", applicantName: "Emily Johnson"),
                [book(s, slot.start)])
        }

        // R11: denied case.
        do {
            let s = site("DAL")
            let slot = ledger.near(s, day: today(s).adding(days: 9), minute: 840, after: now.addingTimeInterval(2 * 86_400), before: far)
            account("carlos.mendoza", "Carlos Mendoza", phone: "(214) 555-0155")
            add(
                StoryCase(
                    receipt: Story.denied, title: Story.title(Story.denied, t),
                    description: t.storyDenied(when(s, slot.start)),
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
                (Story.leeClients[2], "N-400", "李小龙", nil, "SEA", 12)
            ]
            var booked: [(String, String, String, String?, Int, Slot)] = []
            for (receipt, form, name, acc, code, days) in plan {
                let s = site(code)
                let slot = ledger.near(s, day: today(s).adding(days: days), minute: 600, after: now.addingTimeInterval(2 * 86_400), before: far)
                booked.append((receipt, form, name, acc, s, slot))
            }
            let list = booked.map { "\($0.2) (\($0.1), \($0.0))" }.joined(separator: ", ")
            for (i, (receipt, form, name, acc, s, slot)) in booked.enumerated() {
                let story =
                    i == 0
                    ? StoryCase(
                        receipt: receipt, title: Story.title(receipt, t),
                        description: t.storyAttorney(list),
                        role: "representative", account: "attorney.lee") : nil
                add(
                    story, .init(receipt: receipt, form: form, applicant: acc, applicantName: name, representatives: ["attorney.lee"]),
                    [book(s, slot.start)])
            }
        }

        // R12/R14: a center with a week of full days (filled by the generator).
        do {
            let s = site("FAR")
            p.fullWeekSite = s
            p.fullWeekFirst = today(s).adding(days: 7)
            let slot = ledger.near(
                s, day: today(s).adding(days: 3), minute: 600, after: now.addingTimeInterval(2 * 86_400),
                before: sites[s].zone.instant(of: LocalDateTime(date: p.fullWeekFirst, time: LocalTime(minutes: 0)!))!)
            account("olena.kovalenko", "Olena Kovalenko", phone: "(701) 555-0133")
            let last = p.fullWeekFirst.adding(days: 6)
            add(
                StoryCase(
                    receipt: Story.fullWeek, title: Story.title(Story.fullWeek, t),
                    description: t.storyFullWeek(sites[s].record.name, t.day(p.fullWeekFirst), t.day(last), when(s, slot.start)),
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
            add(
                StoryCase(
                    receipt: Story.dst, title: Story.title(Story.dst, t),
                    description: t.storyDST(
                        when(s, slot.start), springs: springs, d.iso, t.dateTimeLong(evening, zone),
                        duration(secs(slot.start) - secs(evening)), duration(Int64(wall))),
                    role: "applicant", account: "robert.brown"),
                .init(receipt: Story.dst, form: "N-400", applicant: "robert.brown", applicantName: "Robert Brown"),
                [book(s, slot.start)])
        }

        // R13: Guam (UTC+10) and Phoenix (no DST).
        do {
            let s = site("GUM")
            let slot = ledger.near(s, day: today(s).adding(days: 2), minute: 600, after: now.addingTimeInterval(26 * 3600), before: far)
            account("joaquin.cruz", "Joaquín Camacho Cruz", phone: "(671) 555-0110")
            add(
                StoryCase(
                    receipt: Story.guam, title: Story.title(Story.guam, t),
                    description: t.storyGuam(when(s, slot.start), t.dateTimeLong(slot.start, ZoneRules(identifier: "America/New_York")!)),
                    role: "applicant", account: "joaquin.cruz"),
                .init(receipt: Story.guam, form: "I-90", applicant: "joaquin.cruz", applicantName: "Joaquín Camacho Cruz"),
                [book(s, slot.start)])
        }
        do {
            let s = site("PHX")
            let slot = ledger.near(s, day: today(s).adding(days: 2), minute: 600, after: now.addingTimeInterval(26 * 3600), before: far)
            account("sofia.hernandez", "Sofía Hernández", phone: "(602) 555-0127")
            add(
                StoryCase(
                    receipt: Story.phoenix, title: Story.title(Story.phoenix, t),
                    description: t.storyPhoenix(when(s, slot.start)),
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
    static func around(
        _ target: Date, within: TimeInterval, sites: [Site], ledger: inout Ledger, prefer: [String],
        before: Date? = nil
    ) -> (Int, Date) {
        var best: (Int, Date, TimeInterval)?
        let lo = target.addingTimeInterval(-within), hi = target.addingTimeInterval(within)
        for s in orderSites(sites, prefer) {
            let zone = sites[s].zone
            var d = zone.local(lo).date
            while d <= zone.local(hi).date {
                for slot in ledger.slots(s, d)
                where slot.start >= lo && slot.start <= hi && (before.map { slot.start < $0 } ?? true)
                    && ledger.isFree(s, slot.start)
                {
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
