import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// The waiting list in the terminal UI (issue 23): an applicant's case opens on its open offer;
/// accepting books it through `WaitlistService.accept` (the path of `offers accept`) and shows the
/// normal outcome; declining keeps the place; an agent sees the caller's offer and request on the
/// case and answers for them; asking is refused up front online with R3's codes; the form asks,
/// changes and withdraws. `update` is called through `Program` on the in-memory store at the
/// fixture's clock (Mon 2026-06-15 09:00 EDT); maria's appointment is Thu 06-18 09:00 at BOS.
@Suite("Waiting list screens")
struct WaitlistScreenTests {
    static let now = UIFixture.now
    static let eac = try! ReceiptNumber(parsing: "EAC2414052317")

    /// maria asks; a holder at Wed 06-17 10:00 moves away; the pass holds that station for maria.
    @discardableResult
    static func offer(_ f: UIFixture) throws -> Offer {
        var doc = ImportDocument()
        doc.cases = [.init(receipt: "MSC2600000020", form: "I-90", applicant: nil, applicantName: "Holder")]
        doc.appointments = [.init(receipt: "MSC2600000020", center: "BOS", start: "2026-06-17T10:00")]
        _ = try f.store.importDocument(doc, actor: UIFixture.officer, now: now)
        let asked = WaitlistRequest(receipt: eac, goodCause: GoodCause(reason: .workOrCare), notify: .email, askedAt: now, actor: UIFixture.maria)
        guard case .accepted = try WaitlistService.ask(asked, in: f.store, clock: { now }) else { throw StoreError.failed("maria could not ask") }
        let away = RescheduleRequest(
            requestID: "away", receipt: try ReceiptNumber(parsing: "MSC2600000020"), actor: UIFixture.agent,
            goodCause: GoodCause(reason: .medical), centerCode: "BOS", to: LocalDateTime(iso: "2026-06-22T09:00")!,
            notify: nil, expectedVersion: nil)
        #expect(try f.store.reschedule(away, clock: { now }).result == .booked)
        let made = try WaitlistService.pass(in: f.store, clock: { now }).offered
        return try #require(made.first { $0.receipt == eac })
    }

    /// maria's session, her case (the first in her list) opened.
    static func mariaOnHerCase(_ f: UIFixture, size: Size = Size(columns: 80, rows: 24), language: Language = .en) throws -> Program {
        var p = try f.program(UIFixture.maria, size: size, language: language)
        let row = try #require(p.state.find.visibleCases.firstIndex { $0.receipt == eac })
        for _ in 0..<row { p.press(.down) }
        p.press(.enter)
        return p
    }

    @Test(
        "W4 R14 an applicant's case with an open offer opens on it (slot and deadline in the center's zone); accepting books it as a reschedule: new notice, outcome screen, prior reschedules + 1"
    )
    func applicantLandsOnOfferAndAccepts() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let o = try Self.offer(f)
        var p = try Self.mariaOnHerCase(f)
        #expect(p.state.waitlist?.shown == true, "the case opened on the offer")
        #expect(p.state.focusContext == .waitlist)
        let text = p.render().text
        #expect(text.contains("Offer \(o.id): an earlier slot is held for you"))
        #expect(text.contains("Wed 2026-06-17 10:00 EDT at Boston ASC (BOS)"))
        #expect(text.contains("Answer by Mon 2026-06-15 11:00 EDT (2 h 0 min left)"))
        p.press(.char("a"))
        #expect(p.state.waitlist?.confirm == .accept(o.id))
        #expect(p.render().text.contains("Book Wed 2026-06-17 10:00 EDT as the new appointment?"))
        p.press(.char("y"))
        #expect(p.state.phase == .outcome)
        #expect(p.state.outcome.answer?.result == .booked)
        #expect(p.state.outcome.answer?.notice?.when == "Wed 2026-06-17 10:00 EDT")
        #expect(p.state.waitlist?.shown == false)
        let snap = try f.store.caseSnapshot(Self.eac, for: UIFixture.maria)
        #expect(snap.appointment.priorReschedules == 1)
        #expect(try f.store.currentNotice(Self.eac, for: UIFixture.maria)?.number == p.state.outcome.answer?.notice?.number)
        #expect(try f.store.auditLog(receipt: Self.eac).map(\.action).suffix(2) == ["rescheduled", "offer-accepted"])
        // Back on the case: the request was served, nothing is open.
        p.press(.escape)
        #expect(p.state.waitlist?.view?.openOffers.isEmpty == true && p.state.waitlist?.view?.request == nil)
    }

    @Test("W2 declining in the UI: confirmed, the offer ends declined, the request keeps its place; Esc closes the screen and it does not come back on its own")
    func applicantDeclines() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let o = try Self.offer(f)
        var p = try Self.mariaOnHerCase(f)
        p.press(.char("d"))
        #expect(p.render().text.contains("the request keeps its place for later slots"))
        p.press(.char("n"))
        #expect(p.state.waitlist?.confirm == nil && p.state.waitlist?.offer?.id == o.id, "n: nothing done")
        p.press(.char("d"), .char("y"))
        #expect(p.state.messages.last?.text == "Offer declined; the request keeps its place for later slots.")
        #expect(p.state.waitlist?.view?.openOffers.isEmpty == true)
        #expect(p.state.waitlist?.view?.place == 1)
        #expect(p.render().text.contains("On the waiting list: place 1 in line"))
        #expect(try f.store.auditLog(receipt: Self.eac).map(\.action).last == "offer-declined")
        p.press(.escape)
        #expect(p.state.waitlist?.shown == false && p.state.focusContext == .calendar)
        p.send(.key(.ctrl("r")))
        #expect(p.state.waitlist?.shown == false)
    }

    @Test("An agent sees the caller's offer and place in the status pane; w opens them; the agent accepts for the caller")
    func agentAcceptsForCaller() throws {
        let f = try UIFixture()
        defer { f.remove() }
        let o = try Self.offer(f)
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter)
        #expect(p.state.waitlist?.shown == false, "staff are not taken away from the case")
        let text = p.render().text
        #expect(text.contains("Offer held: Wed 2026-06-17"))
        #expect(text.contains("Waiting list: place 1 (w)"))
        p.press(.char("w"))
        #expect(p.render().text.contains("Offer \(o.id): an earlier slot is held for the caller"))
        p.press(.char("a"), .char("y"))
        #expect(p.state.phase == .outcome && p.state.outcome.answer?.result == .booked)
        #expect(try f.store.auditLog(receipt: Self.eac).last?.actor == "agent.smith")
    }

    @Test("W0 R3a asking online within 12 hours is refused up front with R3's code, before any field; the command says the same")
    func askRefusedUpFront() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.maria)
        let row = try #require(p.state.find.visibleCases.firstIndex { $0.receipt.value == "WAC2390112345" })
        for _ in 0..<row { p.press(.down) }
        p.press(.enter)
        #expect(p.state.focusContext == .refusal)
        p.press(.char("w"), .char("e"))
        #expect(p.state.waitlist?.form == nil)
        #expect(p.state.waitlist?.refusal?.codes == [.within12Hours])
        #expect(p.render().text.contains("WITHIN_12_HOURS"))
        #expect(try f.store.auditLog(receipt: try ReceiptNumber(parsing: "WAC2390112345")).filter { $0.action == "waitlist-added" }.isEmpty)
    }

    @Test("W1 W3 the form asks (centers, from, before, weekdays left out), says what is wrong with a bad date, changes the request, and withdraws it")
    func askChangeWithdraw() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try Self.mariaOnHerCase(f)
        #expect(p.state.waitlist?.shown == false, "no offer: the case opens on the calendar")
        p.press(.char("w"))
        #expect(p.render().text.contains("No request on the waiting list."))
        p.press(.char("e"))
        #expect(p.state.focusContext == .waitlistForm)
        p.type("bos")
        p.press(.tab)
        p.type("2026-06-1")
        p.press(.tab)
        p.type("2026-06-18")
        p.press(.tab)
        p.type("fri,pm")
        p.press(.enter)
        #expect(p.state.waitlist?.problems == ["From \"2026-06-1\" is not a date; expected YYYY-MM-DD, e.g. 2026-07-01."])
        #expect(try f.store.auditLog(receipt: Self.eac).isEmpty, "nothing asked with a bad date")
        p.press(.backTab, .backTab)
        p.type("6")
        p.press(.enter)
        #expect(p.state.waitlist?.form == nil)
        let r = try #require(p.state.waitlist?.view?.request?.request)
        #expect(r.centers == ["BOS"] && r.from == LocalDate(iso: "2026-06-16") && r.before == LocalDate(iso: "2026-06-18"))
        #expect(r.exclusions.weekdays == [.fri] && r.exclusions.times == [.afternoon])
        #expect(p.render().text.contains("On the waiting list: place 1 in line"))
        // Change: the form opens filled with the request.
        p.press(.char("e"))
        #expect(p.state.waitlist?.form?.centers.text == "BOS" && p.state.waitlist?.form?.from.text == "2026-06-16")
        p.press(.tab, .tab, .tab)
        for _ in 0..<20 { p.press(.backspace) }
        p.press(.enter)
        #expect(p.state.waitlist?.view?.request?.request.exclusions.isEmpty == true)
        #expect(try f.store.auditLog(receipt: Self.eac).map(\.action) == ["waitlist-added", "waitlist-added"])
        // Withdraw, confirmed.
        p.press(.char("x"), .char("y"))
        #expect(p.state.waitlist?.view?.request == nil)
        #expect(try f.store.auditLog(receipt: Self.eac).map(\.action).last == "waitlist-removed")
    }

    @Test(
        "R7 an agent asks for the caller from the UI (the audit row names the agent); a case R7 would send to an officer is refused before the form, with its codes"
    )
    func agentAsks() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent)
        p.type("EAC2414052317")
        p.press(.enter, .char("w"), .char("e"))
        #expect(p.state.focusContext == .waitlistForm)
        p.press(.enter)
        #expect(p.state.waitlist?.view?.request?.request.centers == ["BOS"])
        #expect(p.state.messages.last?.text == "On the waiting list for BOS.")
        let row = try #require(try f.store.auditLog(receipt: Self.eac).last)
        #expect(row.action == "waitlist-added" && row.actor == "agent.smith")
        // Ana Pérez's asylum case: R7 needs an officer, so the waiting list refuses it up front.
        var q = try f.program(UIFixture.agent)
        q.type("IOE0923456781")
        q.press(.enter, .char("w"), .char("e"))
        #expect(q.state.waitlist?.form == nil)
        let v = try #require(q.state.waitlist?.refusal)
        #expect(v.codes.contains(.asylum))
        #expect(q.render().text.contains("ASYLUM"))
    }

    @Test("The keys are the keymap's: the hint bar of the screen and of the form name them, the help overlay lists them, in English and Spanish")
    func keysListed() throws {
        for language in Language.allCases {
            let t = Catalog(language)
            let hints = Keymap.hints(for: .waitlist, language: language).map(\.label)
            for label in [KeyLabel.acceptOffer, .declineOffer, .askWaitlist, .withdrawWaitlist] { #expect(hints.contains(t.key(label))) }
            #expect(Keymap.hints(for: .waitlistForm, language: language).map(\.label).contains(t.key(.sendRequest)))
            let help = Keymap.helpSections(training: false, first: .waitlist, language: language).flatMap(\.lines).map(\.label)
            #expect(help.contains(t.key(.waitlist)) && help.contains(t.key(.acceptOffer)))
        }
        #expect(Keymap.action(for: .char("w"), in: .calendar) == .waitlist)
        #expect(Keymap.action(for: .char("a"), in: .waitlistForm) == nil, "letters type in the form")
    }

    @Test("Plain mode: the case opens on the offer, read as sentences; the applicant accepts by number and hears the notice")
    func plainAccept() throws {
        let f = try UIFixture()
        defer { f.remove() }
        try Self.offer(f)
        var plain = PlainMode(program: try f.program(UIFixture.maria))
        _ = plain.prompt()
        let row = try #require(plain.program.state.find.visibleCases.firstIndex { $0.receipt == Self.eac })
        _ = plain.handle(String(row + 1))
        let menu = plain.prompt()
        #expect(menu.contains("an earlier slot is held for you"))
        #expect(menu.contains("Wed 2026-06-17 10:00 EDT at Boston ASC (BOS)"))
        #expect(menu.contains("1. Accept the offer (book it)"))
        _ = plain.handle("1")
        #expect(plain.prompt().contains("1. Yes"))
        let said = plain.handle("1")
        #expect(plain.program.state.phase == .outcome)
        #expect(said.contains("Wed 2026-06-17 10:00 EDT"))
    }

    @Test("Plain mode: the form is asked field by field; Enter alone keeps a field")
    func plainAsk() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var plain = PlainMode(program: try f.program(UIFixture.maria, language: .es))
        _ = plain.prompt()
        let row = try #require(plain.program.state.find.visibleCases.firstIndex { $0.receipt == Self.eac })
        _ = plain.handle(String(row + 1))
        let menu = plain.prompt()
        let n = try #require(menu.split(separator: "\n").first { $0.contains("Lista de espera: un horario más temprano") }?.split(separator: ".").first)
        _ = plain.handle(String(n))
        let screen = plain.prompt()
        #expect(screen.contains("No hay solicitud en la lista de espera."))
        let ask = try #require(screen.split(separator: "\n").first { $0.contains("Pedir o cambiar la solicitud") }?.split(separator: ".").first)
        _ = plain.handle(String(ask))
        #expect(plain.prompt().hasPrefix("Centros ("))
        _ = plain.handle("")
        #expect(plain.prompt().hasPrefix("Desde ("))
        _ = plain.handle("2026-06-16")
        _ = plain.handle("")
        let said = plain.handle("lunes")
        #expect(said.contains("En la lista de espera para BOS."))
        #expect(plain.program.state.waitlist?.view?.request?.request.exclusions.weekdays == [.mon])
    }

    @Test(
        "Golden screens: the offer, accepting it, the form with a wrong date, the refusal up front, the agent's case; 80x24 and 120x40, English and Spanish, nothing cut"
    )
    func goldens() throws {
        for language in Language.allCases {
            for size in GoldenScreenTests.sizes {
                func shot(_ name: String, _ make: (UIFixture) throws -> Program) throws {
                    let f = try UIFixture()
                    defer { f.remove() }
                    let screen = try make(f).render()
                    Golden.check(screen, language == .en ? "\(name)-\(size)" : "\(name)-\(language.rawValue)-\(size)")
                }
                try shot("waitlist-offer") { f in
                    try Self.offer(f)
                    return try Self.mariaOnHerCase(f, size: size, language: language)
                }
                try shot("waitlist-accept-confirm") { f in
                    try Self.offer(f)
                    var p = try Self.mariaOnHerCase(f, size: size, language: language)
                    p.press(.char("a"))
                    return p
                }
                try shot("waitlist-form") { f in
                    var p = try Self.mariaOnHerCase(f, size: size, language: language)
                    p.press(.char("w"), .char("e"))
                    p.type("BOS,PHX")
                    p.press(.tab)
                    p.type("2026-06-1")
                    p.press(.enter)
                    return p
                }
                try shot("waitlist-refused") { f in
                    var p = try f.program(UIFixture.maria, size: size, language: language)
                    let row = p.state.find.visibleCases.firstIndex { $0.receipt.value == "WAC2390112345" } ?? 0
                    for _ in 0..<row { p.press(.down) }
                    p.press(.enter, .char("w"), .char("e"))
                    return p
                }
                try shot("waitlist-agent-case") { f in
                    try Self.offer(f)
                    var p = try f.program(UIFixture.agent, size: size, language: language)
                    p.type("EAC2414052317")
                    p.press(.enter)
                    return p
                }
            }
        }
    }
}
