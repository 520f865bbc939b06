import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// `App.update` called directly: every state change and effect of the main flows asserted.
@Suite("Update: state and effects, step by step")
struct UpdateTests {
    static let receipt = try! ReceiptNumber(parsing: "EAC2414052317")

    /// An agent's session at the fixture's clock with the receipt typed.
    func start(_ f: UIFixture) throws -> UpdateStep {
        let config = AppConfig(actor: UIFixture.agent, isTraining: true, window: try f.store.storeInfo().window, sessionID: "t")
        var state = AppState(config: config, now: UIFixture.now, size: Size(columns: 80, rows: 24))
        state.find.receiptField.set("EAC2414052317")
        return UpdateStep(state: state)
    }

    /// Find → case loaded → bookings loaded → a time → the reason → confirm, each step asserted.
    func toConfirm(_ f: UIFixture, _ u: inout UpdateStep) throws {
        let snap = try f.store.caseSnapshot(Self.receipt, for: UIFixture.agent)
        u.key(.enter, effects: [.loadCase(Self.receipt)]) { $0.inFlight = [.caseFile] }
        let loaded = u.message(.info, "Case EAC2414052317 loaded.")
        // The case's part of the waiting list is read with its bookings (issue 23).
        u.send(.caseLoaded(.success(snap)), effects: [.loadBookings(center: "BOS"), .waitlist(.load(Self.receipt))]) {
            $0.snapshot = snap
            $0.picking.calendar = CalendarModel(center: snap.center)
            $0.messages = [loaded]
            $0.phase = .picking
            $0.waitlist = WaitlistState(receipt: Self.receipt)
            $0.inFlight = [.bookings, .waitlist]
        }
        u.send(.waitlist(.loaded(Self.receipt, .success(WaitlistCaseView(receipt: Self.receipt))))) {
            $0.waitlist?.view = WaitlistCaseView(receipt: Self.receipt)
            $0.inFlight = [.bookings]
        }
        let window = u.state.config.window
        let booked = try f.store.bookedCounts(
            center: "BOS", from: UIFixture.now.addingTimeInterval(-86_400 * 2),
            to: window.latest(after: UIFixture.now).addingTimeInterval(86_400 * 2))
        let firstDay = try #require(LocalDate(year: 2026, month: 6, day: 16))
        var calendar = CalendarModel(center: snap.center, booked: booked, loaded: true)
        calendar.recompute(now: UIFixture.now, window: window, current: snap.appointment)
        let firstOffered = try #require(calendar.days[firstDay]?.offered.first)
        u.send(.bookingsLoaded(center: "BOS", .success(booked))) {
            $0.picking.calendar = calendar
            $0.picking.selectedDay = firstDay
            $0.picking.month = firstDay.firstOfMonth
            $0.picking.timeIndex = firstOffered
            $0.inFlight = []
        }
        let firstTime = u.state.picking.timeIndex
        #expect(u.state.picking.selectedSlot != nil, "the first offered time of the first offered day")
        u.key(.enter) {
            $0.picking.focusTimes = true
            $0.picking.timeIndex = firstTime
        }
        u.key(.enter) {
            $0.phase = .reason
            $0.reason.focus = 0
        }
        let items = u.state.reasonItems
        u.key(.enter) {
            $0.reason.chosen = .medical
            $0.reason.focus = items.firstIndex(of: .note)! // staff: the note comes next
        }
        u.key(.tab) { $0.reason.focus += 1 } // notify
        u.key(.tab) { $0.reason.focus += 1 } // continue
        u.key(.enter) { $0.phase = .confirm }
    }

    func draft(_ u: UpdateStep, id: String) throws -> RescheduleRequestDraft {
        let snap = try #require(u.state.snapshot)
        let slot = try #require(u.state.picking.selectedSlot)
        return RescheduleRequestDraft(
            requestID: id, receipt: Self.receipt, actor: UIFixture.agent,
            goodCause: GoodCause(reason: .medical, explanation: ""), note: "", centerCode: "BOS",
            to: slot.slot.local, notify: nil, expectedVersion: snap.appointment.version,
            expectedAppointmentID: snap.appointment.id)
    }

    /// To confirm, then Enter: the first request id of the session, one `.submit`, in flight.
    func toSubmitting(_ f: UIFixture, _ u: inout UpdateStep) throws -> RescheduleRequestDraft {
        try toConfirm(f, &u)
        let request = try draft(u, id: "t-1")
        u.key(.enter, effects: [.submit(request)]) {
            $0.phase = .submitting
            $0.confirm.requestSeq = 1
            $0.confirm.pendingRequestID = "t-1"
            $0.inFlight = [.submit]
        }
        return request
    }

    @Test("Find → picking → reason → confirm → submitting (one .submit) → outcome, every change asserted")
    func mainFlow() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var u = try start(f)
        let request = try toSubmitting(f, &u)
        // The answer, as the store gives it.
        let outcome = try f.store.reschedule(request.request, clock: { UIFixture.now })
        #expect(outcome.result == .booked)
        let booked = u.message(.ok, App.summary(outcome))
        u.send(.submitted(.success(outcome)), effects: [.loadCase(Self.receipt)]) {
            $0.confirm.pendingRequestID = nil
            $0.outcome.answer = outcome
            $0.phase = .outcome
            $0.outcome.scroll = 0
            $0.messages.append(booked)
            $0.outcome.savePath.set("notice-EAC2414052317.txt")
            $0.reason.chosen = nil
            $0.reason.notify = nil
            $0.inFlight = [.caseFile]
        }
        #expect(u.state.messages.last?.text.hasPrefix("Booked:") == true)
    }

    @Test("While the booking is in flight: Enter and a click on confirm submit nothing more; help and quit (asking first) still work")
    func inFlightGuard() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var u = try start(f)
        _ = try toSubmitting(f, &u)
        #expect(u.state.focusContext == .waiting)
        #expect(u.state.isWaitingForStore)
        u.key(.enter) // nothing: no state change, no effect
        u.key(.char(" "))
        u.key(.escape) // a request in flight is not taken back
        u.send(.click(.button("confirm")))
        u.key(.char("?")) { $0.overlay = .help }
        u.key(.escape) { $0.overlay = nil }
        u.key(.char("q")) { $0.overlay = .quitConfirm } // leaving asks first
        u.key(.char("n")) { $0.overlay = nil }
        let text = Render.screen(u.state, size: u.state.size).text
        #expect(text.contains("Booking… waiting for the store"))
        // Loads in flight say so in a word.
        var loading = u.state
        loading.inFlight = [.bookings]
        #expect(Render.screen(loading, size: loading.size).text.contains("Loading…"))
        #expect(!Render.screen(loading, size: loading.size).text.contains("waiting for the store"))
    }

    @Test("A failed submit goes back to confirm and keeps the request id; Enter retries with the same id")
    func failedSubmitKeepsTheID() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var u = try start(f)
        let request = try toSubmitting(f, &u)
        let busy = StoreError.busy("the store is busy")
        let failed = u.message(.error, busy.message + " Press Enter to try again.")
        u.send(.submitted(.failure(busy))) {
            $0.phase = .confirm
            $0.messages.append(failed)
            $0.inFlight = []
        }
        #expect(u.state.confirm.pendingRequestID == "t-1")
        u.key(.enter, effects: [.submit(request)]) { // the same id: a retry cannot book twice
            $0.phase = .submitting
            $0.inFlight = [.submit]
        }
        #expect(u.state.confirm.requestSeq == 1)
    }

    @Test("Answers leave inFlight one at a time, in any order; answers nobody asked for change nothing there")
    func inFlightBookkeeping() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var u = try start(f)
        u.state.inFlight = [.centers, .bookings]
        u.send(.centersLoaded(.success([]))) { $0.inFlight = [.bookings] }
        u.send(.reviewsLoaded(.success([]))) { _ in }
        #expect(u.state.inFlight == [.bookings])
        let (_, fx) = App.start(
            AppState(
                config: AppConfig(actor: UIFixture.maria, isTraining: true, window: u.state.config.window, sessionID: "t"),
                now: UIFixture.now, size: u.state.size))
        #expect(fx == [.loadCases])
        #expect(
            App.start(
                AppState(
                    config: AppConfig(actor: UIFixture.maria, isTraining: true, window: u.state.config.window, sessionID: "t"),
                    now: UIFixture.now, size: u.state.size)
            ).0.inFlight == [.cases])
    }
}
