import Foundation
import Scheduling
import Testing

@testable import SchedulingStore

/// The demo data: deterministic, realistic, inside every invariant of the store, and it loads.
@Suite("DemoData")
struct DemoDataTests {
    /// Monday 2026-11-30 15:00Z (10:00 EST): a fixed now, a minute boundary.
    static let now = Date(timeIntervalSince1970: TimeInterval(LocalDate(year: 2026, month: 11, day: 30)!.epochDay * 86_400 + 15 * 3600))
    static let seed: UInt64 = 20_261_130
    /// Generated once for the whole suite.
    static let doc = DemoData.document(seed: seed, now: now)
    static let agent = Actor(role: .agent, id: "test")

    static let requiredZones = [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "Pacific/Guam", "America/Boise"
    ]

    /// Every field of a document as lines, to compare two documents.
    static func lines(_ d: ImportDocument) -> [String] {
        var out = ["settings \(String(describing: d.settings?.leadHours)) \(String(describing: d.settings?.horizonDays))"]
        for c in d.centers {
            let hours = c.hours.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")
            out.append(
                "C \(c.code)|\(c.name)|\(c.address)|\(c.city)|\(c.state)|\(c.timeZone)|\(c.slotMinutes)|\(c.stations)|\(hours)|\(c.closures.joined(separator: ","))"
            )
        }
        for a in d.accounts { out.append("A \(a.id)|\(a.role)|\(a.name)|\(a.email ?? "-")|\(a.phone ?? "-")") }
        for c in d.cases {
            out.append(
                "K \(c.receipt)|\(c.form)|\(c.applicant ?? "-")|\(c.applicantName ?? "-")|\(c.representatives.joined(separator: ","))|\(c.status)|\(c.addressChangedAt.map { String($0.timeIntervalSince1970) } ?? "-")"
            )
        }
        for a in d.appointments { out.append("P \(a.receipt)|\(a.center)|\(a.start)|\(a.status)|\(a.priorReschedules)") }
        return out
    }

    static func center(_ r: ImportDocument.CenterRecord) -> Center {
        var hours: [Weekday: OpeningHours] = [:]
        for (d, t) in r.hours { hours[d] = OpeningHours(parsing: t)! }
        return Center(
            code: r.code, name: r.name, address: r.address, city: r.city, state: r.state, zone: ZoneRules(identifier: r.timeZone)!,
            hours: hours, slotMinutes: r.slotMinutes, stations: r.stations, closures: Set(r.closures.compactMap(LocalDate.init(iso:))))
    }

    static func instant(_ a: ImportDocument.AppointmentRecord, _ centers: [String: Center]) -> Date? {
        guard let c = centers[a.center], let l = LocalDateTime(iso: a.start) else { return nil }
        return c.zone.instant(of: l)
    }

    @Test func deterministic() {
        let small = Self.lines(DemoData.document(seed: 7, now: Self.now, caseCount: 3_000))
        #expect(small == Self.lines(DemoData.document(seed: 7, now: Self.now, caseCount: 3_000)))
        #expect(small != Self.lines(DemoData.document(seed: 8, now: Self.now, caseCount: 3_000)))
        // The full document too, and the stories.
        #expect(Self.lines(Self.doc) == Self.lines(DemoData.document(seed: Self.seed, now: Self.now)))
        #expect(DemoData.stories(now: Self.now) == DemoData.stories(now: Self.now))
    }

    @Test func centersCoverEveryZone() throws {
        let centers = Self.doc.centers
        #expect(centers.count >= 130)
        #expect(Set(centers.map(\.code)).count == centers.count)
        let zones = Set(centers.map(\.timeZone))
        for z in Self.requiredZones { #expect(zones.contains(z), "no center in \(z)") }
        #expect(zones.contains("America/Detroit") || zones.contains("America/Indiana/Indianapolis"))
        for c in centers {
            #expect(c.code.count >= 3 && c.code.count <= 5 && c.code.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }, "\(c.code)")
            #expect(c.name.hasSuffix(" ASC") && !c.address.isEmpty && !c.city.isEmpty, "\(c.code)")
            #expect(c.state.count == 2 && c.state == c.state.uppercased(), "\(c.code)")
            #expect([15, 20, 30].contains(c.slotMinutes) && (2...6).contains(c.stations), "\(c.code)")
            #expect(ZoneRules(identifier: c.timeZone) != nil)
            #expect(c.closures.contains("2026-12-25") && c.closures.contains("2027-01-01"), "\(c.code)")
            for (_, h) in c.hours { #expect(OpeningHours(parsing: h) != nil) }
        }
        #expect(centers.contains { $0.code == "GUM" && $0.timeZone == "Pacific/Guam" })
        #expect(centers.contains { $0.hours[.sat] != nil })
        #expect(centers.contains { $0.hours[.sun] != nil })
        #expect(centers.contains { $0.hours[.mon] == "07:30-15:30" })
        // A closure within the next 30 days that is not a holiday of every center.
        let everywhere = centers.dropFirst().reduce(Set(centers[0].closures)) { $0.intersection($1.closures) }
        let soon = (1...30).map { LocalDate(year: 2026, month: 11, day: 30)!.adding(days: $0).iso }
        #expect(centers.contains { c in c.closures.contains { soon.contains($0) && !everywhere.contains($0) } })
    }

    @Test func casesAndAccounts() throws {
        let d = Self.doc
        #expect(d.cases.count >= 50_000)
        #expect(Set(d.cases.map(\.receipt)).count == d.cases.count)
        for c in d.cases {
            let r = try ReceiptNumber(parsing: c.receipt)
            #expect(r.value == c.receipt && r.hasKnownPrefix, "\(c.receipt)")
            #expect(c.applicantName?.isEmpty == false)
        }
        let forms = Dictionary(grouping: d.cases, by: \.form).mapValues(\.count)
        for f in ["I-485", "I-765", "I-131", "N-400", "I-90", "I-751", "I-821D", "I-589", "I-600"] { #expect((forms[f] ?? 0) > 0, "no \(f)") }
        #expect((forms["I-589"] ?? 0) < (forms["I-485"] ?? 0))
        let statuses = Dictionary(grouping: d.cases, by: \.status).mapValues(\.count)
        #expect((statuses["pending"] ?? 0) > d.cases.count * 8 / 10)
        #expect((statuses["denied"] ?? 0) > 0)
        #expect(d.cases.contains { $0.applicant == nil })
        #expect(d.cases.contains { $0.applicant == nil && $0.representatives.isEmpty == false })

        // Accounts: unique, referenced with the right role.
        #expect(Set(d.accounts.map(\.id)).count == d.accounts.count)
        let roles = Dictionary(uniqueKeysWithValues: d.accounts.map { ($0.id, $0.role) })
        for c in d.cases {
            if let a = c.applicant { #expect(roles[a] == "applicant", "\(c.receipt)") }
            for r in c.representatives { #expect(roles[r] == "representative", "\(c.receipt)") }
        }
        let reps = d.accounts.filter { $0.role == "representative" }
        #expect(reps.count >= 200)
        var perRep: [String: Int] = [:]
        for c in d.cases { for r in c.representatives { perRep[r, default: 0] += 1 } }
        #expect(perRep["attorney.lee"] == 3)
        #expect(reps.filter { $0.id.hasPrefix("rep-") }.allSatisfy { (perRep[$0.id] ?? 0) >= 2 })
        #expect(roles["maria.garcia"] == "applicant")
        // Names with accents and other scripts, all valid UTF-8 by construction; some outside ASCII.
        #expect(d.accounts.contains { $0.name.unicodeScalars.contains { $0.value > 0x2E80 } })
        #expect(d.cases.contains { ($0.applicantName ?? "").contains("ñ") || ($0.applicantName ?? "").contains("é") })
    }

    @Test func appointmentsAreRealSlotsWithinCapacity() throws {
        let d = Self.doc
        let centers = Dictionary(uniqueKeysWithValues: d.centers.map { ($0.code, Self.center($0)) })
        var perSlot: [String: Int] = [:]
        var scheduled: [String: Int] = [:]
        var offGrid: [String] = []
        for a in d.appointments {
            let c = try #require(centers[a.center], "\(a.receipt): unknown center \(a.center)")
            let local = try #require(LocalDateTime(iso: a.start), "\(a.receipt): \(a.start)")
            let start = try #require(c.zone.instant(of: local), "\(a.receipt): \(a.start) does not exist at \(a.center)")
            if SlotCalendar.slot(of: c, at: local) == nil { offGrid.append(a.receipt) }
            let status = try #require(AppointmentStatus(rawValue: a.status))
            if status.holdsStation { perSlot["\(a.center) \(start.timeIntervalSince1970)", default: 0] += 1 }
            if status == .scheduled { scheduled[a.receipt, default: 0] += 1 }
        }
        #expect(Set(offGrid).isSubset(of: DemoData.offGridReceipts), "off the slot grid: \(offGrid)")
        let over = perSlot.filter { k, n in n > centers[String(k.split(separator: " ")[0])]!.stations }
        #expect(over.isEmpty, "over capacity: \(over)")
        #expect(scheduled.values.allSatisfy { $0 == 1 })
        // Every case has an appointment; most are scheduled in the next 60 days.
        #expect(Set(d.appointments.map(\.receipt)) == Set(d.cases.map(\.receipt)))
        let upcoming = d.appointments.filter {
            guard $0.status == "scheduled", let t = Self.instant($0, centers) else { return false }
            return t > Self.now && t <= Self.now.addingTimeInterval(60 * 86_400)
        }
        #expect(upcoming.count > d.cases.count * 7 / 10)
        for status in ["attended", "missed", "scheduled"] { #expect(d.appointments.contains { $0.status == status }) }
        #expect(d.appointments.contains { $0.priorReschedules == 1 } && d.appointments.contains { $0.priorReschedules == 2 })
    }

    @Test func storiesShowEachSituation() throws {
        let d = Self.doc, now = Self.now
        let stories = DemoData.stories(now: now)
        #expect(stories.count >= 15)
        let receipts = [
            "IOE0923456781", "EAC2414052317", "WAC2390112345", "LIN2501234567", "SRC2418854321", "NBC2412345678",
            "MSC2491234567", "YSC2400012345"
        ]
        for r in receipts { #expect(stories.contains { $0.receipt == r }, "no story \(r)") }
        let accounts = Dictionary(uniqueKeysWithValues: d.accounts.map { ($0.id, $0.role) })
        let cases = Dictionary(uniqueKeysWithValues: d.cases.map { ($0.receipt, $0) })
        for s in stories {
            #expect(cases[s.receipt] != nil, "\(s.receipt) not in the document")
            #expect(["applicant", "representative", "agent", "officer"].contains(s.role))
            if s.role == "applicant" || s.role == "representative" { #expect(accounts[s.account ?? ""] == s.role, "\(s.receipt)") }
            #expect(s.description.hasPrefix("R") && !s.title.isEmpty)
        }
        #expect(Set(stories.map(\.receipt)).count == stories.count)

        let centers = Dictionary(uniqueKeysWithValues: d.centers.map { ($0.code, Self.center($0)) })
        func current(_ r: String) throws -> (ImportDocument.AppointmentRecord, Date) {
            let a = try #require(d.appointments.last { $0.receipt == r && $0.status == "scheduled" } ?? d.appointments.last { $0.receipt == r })
            return (a, try #require(Self.instant(a, centers)))
        }
        let h: TimeInterval = 3600
        var (a, t) = try current("IOE0923456781")
        #expect(a.priorReschedules == 0 && t.timeIntervalSince(now) >= 60 * h && cases["IOE0923456781"]?.applicant == "maria.garcia")
        (a, t) = try current("EAC2414052317")
        #expect(t.timeIntervalSince(now) == 12 * h) // now is on a minute boundary
        (a, t) = try current("WAC2390112345")
        #expect(t.timeIntervalSince(now) > 10 * h && t.timeIntervalSince(now) < 12 * h)
        (a, t) = try current("LIN2501234567")
        #expect(a.priorReschedules == 2 && t.timeIntervalSince(now) >= 4 * 24 * h)
        #expect(d.appointments.filter { $0.receipt == "LIN2501234567" && $0.status == "rescheduled" }.count == 2)
        (a, t) = try current("SRC2418854321")
        #expect(a.status == "scheduled" && t < now && t >= now.addingTimeInterval(-2 * h))
        (a, t) = try current("NBC2412345678")
        #expect(a.status == "missed" && t < now && cases["NBC2412345678"]?.addressChangedAt == nil)
        (a, t) = try current("MSC2491234567")
        #expect(a.status == "missed" && (cases["MSC2491234567"]?.addressChangedAt).map { $0 < t } == true)
        #expect(cases["YSC2400012345"]?.form == "I-589")
        #expect(cases.values.contains { $0.form == "I-600" && stories.map(\.receipt).contains($0.receipt) })
        #expect(cases.values.contains { $0.status == "denied" && stories.map(\.receipt).contains($0.receipt) })
        (a, t) = try current("EAC2407031999")
        let ny = ZoneRules(identifier: "America/New_York")!
        #expect(centers[a.center]?.zone == ny)
        // The next DST change after now in New York, and the appointment on that day or the next.
        let noon = { (d: LocalDate) in ny.offset(at: Date(timeIntervalSince1970: TimeInterval(d.epochDay * 86_400 + 17 * 3600))) }
        var change = ny.local(now).date.adding(days: 1)
        while noon(change) == noon(change.adding(days: -1)) { change = change.adding(days: 1) }
        #expect(change.iso == "2027-03-14")
        #expect([change, change.adding(days: 1)].contains(ny.local(t).date))
        (a, t) = try current("WAC2412300777")
        #expect(a.center == "GUM")

        // The full week: every slot of the 7 days starting 7 days after now is at capacity.
        let far = try #require(centers["FAR"])
        var held: [Date: Int] = [:]
        for p in d.appointments where p.center == "FAR" && AppointmentStatus(rawValue: p.status)!.holdsStation {
            held[try #require(Self.instant(p, centers)), default: 0] += 1
        }
        let first = far.zone.local(now).date.adding(days: 7)
        let week = SlotCalendar.slots(of: far, from: first, days: 7)
        #expect(week.count >= 5 * 16)
        #expect(week.allSatisfy { held[$0.start] == far.stations })
    }

    @Test func storiesMatchThePolicy() throws {
        // The story cases, as the pure policy sees them (no store involved).
        let d = Self.doc, now = Self.now
        let centers = Dictionary(uniqueKeysWithValues: d.centers.map { ($0.code, Self.center($0)) })
        func verdict(_ r: String, _ actor: Actor) throws -> Verdict {
            let c = try #require(d.cases.first { $0.receipt == r })
            let a = try #require(d.appointments.last { $0.receipt == r && $0.status == "scheduled" } ?? d.appointments.last { $0.receipt == r })
            let file = CaseFile(
                receipt: try ReceiptNumber(parsing: r), form: FormType(c.form), status: CaseStatus(rawValue: c.status)!,
                applicantName: c.applicantName ?? "", applicantAccount: c.applicant, representatives: Set(c.representatives),
                addressChangedAt: c.addressChangedAt)
            let appt = Appointment(
                receipt: file.receipt, centerCode: a.center, start: try #require(Self.instant(a, centers)),
                status: AppointmentStatus(rawValue: a.status)!, priorReschedules: a.priorReschedules)
            return ReschedulePolicy.evaluate(
                RescheduleContext(
                    actor: actor, caseFile: file, appointment: appt,
                    goodCause: GoodCause(reason: .medical), now: now))
        }
        #expect(try verdict("IOE0923456781", Actor(role: .applicant, id: "maria.garcia")).decision == .allowed)
        #expect(try verdict("EAC2414052317", Actor(role: .applicant, id: "david.kim")).codes.contains(.within12Hours))
        #expect(try verdict("WAC2390112345", Self.agent).decision == .allowed)
        #expect(try verdict("LIN2501234567", Actor(role: .applicant, id: "priya.patel")).codes.contains(.rescheduleLimitReached))
        #expect(try verdict("SRC2418854321", Self.agent).codes.contains(.untimely))
        #expect(try verdict("YSC2400012345", Self.agent).codes.contains(.asylum))
        #expect(try verdict("IOE0956781234", Actor(role: .applicant, id: "emily.johnson")).codes.contains(.formExcluded))
        #expect(try verdict("EAC2398765432", Actor(role: .applicant, id: "carlos.mendoza")).codes.contains(.caseDenied))
    }

    @Test func loadsIntoAStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteBookingStore.create(
            path: dir.appendingPathComponent("demo.sqlite").path, training: true,
            createdBy: "trainer", now: Self.now)
        let d = Self.doc
        let clock = ContinuousClock()
        var summary = ImportSummary()
        let took = try clock.measure {
            summary = try store.importDocument(d, actor: Actor(role: .officer, id: "trainer"), now: Self.now)
        }
        print(
            "DemoData: imported \(summary.centers) centers, \(summary.accounts) accounts, \(summary.cases) cases, \(summary.appointments) appointments in \(took)"
        )
        #expect(summary.centers == d.centers.count && summary.accounts == d.accounts.count)
        #expect(summary.cases == d.cases.count && summary.appointments == d.appointments.count)
        #expect(try store.centers().count == d.centers.count)
        let info = try store.storeInfo()
        #expect(info.window.leadHours == 24 && info.window.horizonDays == 30)

        for s in DemoData.stories(now: Self.now) {
            let snap = try store.caseSnapshot(try ReceiptNumber(parsing: s.receipt), for: Self.agent)
            #expect(snap.caseFile.receipt.value == s.receipt)
            if let acc = s.account {
                let actor = Actor(role: s.role == "representative" ? .representative : .applicant, id: acc)
                #expect(try store.caseSnapshot(try ReceiptNumber(parsing: s.receipt), for: actor).caseFile.receipt.value == s.receipt)
            }
        }
        #expect(try store.cases(for: Actor(role: .representative, id: "attorney.lee")).count == 3)
        #expect(try store.cases(for: Actor(role: .applicant, id: "maria.garcia")).map(\.receipt.value) == ["IOE0923456781"])
        let exact = try store.caseSnapshot(try ReceiptNumber(parsing: "EAC2414052317"), for: Self.agent)
        #expect(exact.appointment.start.timeIntervalSince(Self.now) == 12 * 3600)
        let moved = try store.caseSnapshot(try ReceiptNumber(parsing: "MSC2491234567"), for: Self.agent)
        #expect(moved.caseFile.addressChangedAt != nil)
        #expect(
            !CaseFlags.flags(appointment: moved.appointment, caseFile: moved.caseFile, lastRequestAt: moved.lastRequestAt, now: Self.now).contains(
                .abandonmentRisk))
        let risk = try store.caseSnapshot(try ReceiptNumber(parsing: "NBC2412345678"), for: Self.agent)
        #expect(
            CaseFlags.flags(appointment: risk.appointment, caseFile: risk.caseFile, lastRequestAt: risk.lastRequestAt, now: Self.now).contains(.abandonmentRisk)
        )
    }
}

/// The story cases in Spanish (issue 14): the same cases, roles and accounts; every title and
/// description written in Spanish, with the dates written out in Spanish.
@Suite("DemoData stories in Spanish")
struct DemoStoriesSpanishTests {
    @Test("Same receipts, roles and accounts; every title and description differs from the English")
    func spanishStories() {
        let en = DemoData.stories(now: DemoDataTests.now), es = DemoData.stories(now: DemoDataTests.now, .es)
        #expect(en.count == es.count && !en.isEmpty)
        for (a, b) in zip(en, es) {
            #expect(a.receipt == b.receipt && a.role == b.role && a.account == b.account)
            #expect(a.title != b.title, "\(b.title)")
            #expect(a.description != b.description, "\(b.description)")
            #expect(!b.description.contains(" at ") && !b.title.isEmpty)
        }
        #expect(es.contains { $0.description.contains(" de diciembre de 2026") })
        #expect(DemoData.stories(now: DemoDataTests.now, .en) == en)
    }

    @Test("The story headlines (the find screen's try list) are the stories' receipts and titles, in order, at any time")
    func headlinesAreTheStories() {
        let times = [DemoDataTests.now, DemoDataTests.now.addingTimeInterval(-190 * 86_400), DemoDataTests.now.addingTimeInterval(97 * 86_400 + 3_541)]
        for language in [Language.en, .es] {
            let headlines = DemoData.storyHeadlines(language)
            #expect(headlines.count == 15)
            for now in times {
                let stories = DemoData.stories(now: now, language)
                #expect(headlines.map(\.receipt) == stories.map(\.receipt))
                #expect(headlines.map(\.title) == stories.map(\.title))
            }
        }
    }

    @Test("An import file's error in Spanish keeps its JSON path")
    func importErrorSpanish() {
        do {
            _ = try ImportDocument.parse(json: Data(#"{"accounts": [{"id": "a", "role": "boss", "name": "A"}]}"#.utf8))
            Issue.record("parsed")
        } catch {
            #expect(error.description == "accounts[0].role: expected \"applicant\" or \"representative\", got \"boss\"")
            #expect(error.description(in: .es) == "accounts[0].role: se espera \"applicant\" o \"representative\", pero dice \"boss\"")
        }
    }
}
