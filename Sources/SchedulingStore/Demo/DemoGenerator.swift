import Foundation
import Scheduling

struct Generator {
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
    let stationWeights: SplitMix64.Weights
    let year: Int
    let firstSlugs: [String]
    let lastSlugs: [String]

    static let repCount = 200

    init(seed: UInt64, now: Date) {
        rng = SplitMix64(seed: seed)
        self.now = now
        sites = Sites.make(now: now)
        ledger = Ledger(sites: sites)
        stationWeights = SplitMix64.Weights(sites.map { $0.center.stations })
        year = ZoneRules(identifier: "UTC")!.local(now).date.year % 100
        firstSlugs = DemoNames.firstNames.map(DemoNames.slug)
        lastSlugs = DemoNames.lastNames.map(DemoNames.slug)
    }

    /// The whole document at once.
    mutating func build(caseCount: Int) -> ImportDocument {
        var whole: ImportDocument?
        build(caseCount: caseCount, partSize: .max) { whole = $0 }
        return whole!
    }

    /// The document in parts, handed to `part` as they are made: the first holds the settings, the
    /// centers and the story cases, each part after it about `partSize` more cases (with their
    /// accounts and appointments). The parts put together, in order, are `build(caseCount:)`'s document.
    mutating func build(caseCount: Int, partSize: Int, part: (ImportDocument) -> Void) {
        let plan = StoryPlan.make(now: now, sites: sites, ledger: &ledger)
        accounts = plan.accounts
        for r in Story.all { usedReceipts.insert(r) }
        makeRepresentatives()
        for e in plan.entries {
            cases.append(e.caseRecord)
            appointments += e.appointments
        }
        fillWeek(site: plan.fullWeekSite, from: plan.fullWeekFirst)
        var first = true
        var handed = 0
        func handOver(_ g: inout Generator) {
            part(
                ImportDocument(
                    settings: first ? .init(leadHours: SlotWindow.defaultLeadHours, horizonDays: SlotWindow.defaultHorizonDays) : nil,
                    centers: first ? g.sites.map(\.record) : [], accounts: g.accounts, cases: g.cases, appointments: g.appointments))
            first = false
            handed += g.cases.count
            g.accounts.removeAll()
            g.cases.removeAll()
            g.appointments.removeAll()
        }
        while handed + cases.count < caseCount {
            randomCase()
            if cases.count >= partSize { handOver(&self) }
        }
        handOver(&self)
    }

    // MARK: People

    mutating func person() -> (name: String, slug: String) {
        if rng.chance(0.04) {
            let n = rng.pick(DemoNames.wholeNames)
            let parts = n.split(separator: " ").map { DemoNames.slug(String($0)) }.filter { !$0.isEmpty }
            return (n, parts.joined(separator: "."))
        }
        let f = rng.int(DemoNames.firstNames.count), l = rng.int(DemoNames.lastNames.count)
        var name = "\(DemoNames.firstNames[f]) \(DemoNames.lastNames[l])"
        var slug = "\(firstSlugs[f]).\(lastSlugs[l])"
        if rng.chance(0.08) {
            // A second family name, as many Hispanic names have.
            let l2 = rng.int(DemoNames.lastNames.count)
            name += " \(DemoNames.lastNames[l2])"
            slug += ".\(lastSlugs[l2])"
        }
        return (name, slug)
    }

    mutating func phone() -> String { "(\(rng.pick(DemoNames.areaCodes))) 555-01\(zpad(rng.int(100), 2))" }

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
    static let allForms = SplitMix64.Weights(formWeights)
    /// The ordinary forms that fill a week (the first seven).
    static let commonForms = SplitMix64.Weights(Array(formWeights.prefix(7)))

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
        let identity = DemoIdentity.of(id)
        accounts.append(
            .init(
                id: id, role: "applicant", name: p.name, email: email, phone: ph,
                aNumber: identity.aNumber, dateOfBirth: identity.dateOfBirth))
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
        let form = Self.forms[rng.weighted(Self.allForms)]
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
            if r < 0.25 {
                changed = slot.start.addingTimeInterval(-Double(rng.int(in: 1...20)) * 86_400 - Double(rng.int(86_400)))
            } else if r < 0.35 {
                changed = slot.start.addingTimeInterval(Double(rng.int(in: 1...10)) * 86_400)
            }
            if let c = changed, c > now { changed = now.addingTimeInterval(-3600) }
        }
        let r1 = receipt(for: form)
        cases.append(
            .init(
                receipt: r1, form: form, applicant: applicant, applicantName: p.name, representatives: reps,
                status: status, addressChangedAt: changed))
        appointments.append(book(s, slot, kind: kind, receipt: r1))

        // Adjustment of status: the I-765 or I-131 filed with it, booked at the same center the same days.
        if form == "I-485" && (kind == .future || kind == .attended || kind == .missed) && rng.chance(0.2) {
            let companion = rng.chance(0.6) ? "I-765" : "I-131"
            let after = kind == .future ? max(slot.start.addingTimeInterval(-1), now.addingTimeInterval(86_400)) : slot.start.addingTimeInterval(-1)
            let upTo =
                kind == .future ? slot.start.addingTimeInterval(2 * 86_400) : min(slot.start.addingTimeInterval(2 * 86_400), now.addingTimeInterval(-3600))
            if let near = ledger.randomFree(s, after: after, upTo: upTo, rng: &rng) {
                let r2 = receipt(for: companion)
                cases.append(
                    .init(
                        receipt: r2, form: companion, applicant: applicant, applicantName: p.name, representatives: reps,
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
            let r = rng.unit()
            prior = r < 0.8 ? 0 : r < 0.93 ? 1 : 2
        case .attended:
            status = "attended"
            prior = rng.chance(0.1) ? 1 : 0
        case .missed:
            status = "missed"
            prior = rng.chance(0.1) ? 1 : 0
        }
        return .init(receipt: receipt, center: sites[s].code, start: slot.local.iso, status: status, priorReschedules: prior)
    }

    /// Fills every slot of a week at `site` to capacity with ordinary cases.
    mutating func fillWeek(site s: Int, from first: LocalDate) {
        for k in 0..<7 {
            for slot in ledger.slots(s, first.adding(days: k)) {
                while ledger.isFree(s, slot.start) {
                    let form = Self.forms[rng.weighted(Self.commonForms)]
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
