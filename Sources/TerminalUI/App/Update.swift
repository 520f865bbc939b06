import Foundation
import Scheduling

/// Something that happened: input, time, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    case click(ClickTarget)
    case resize(Size)
    case tick(Date)
    case casesLoaded(Result<[CaseSummary], StoreError>)
    case caseLoaded(Result<CaseSnapshot, StoreError>)
    case bookingsLoaded(center: String, Result<[Date: Int], StoreError>)
    case centersLoaded(Result<[Center], StoreError>)
    case submitted(Result<RescheduleOutcome, StoreError>)
    case reviewsLoaded(Result<[ReviewItem], StoreError>)
    case reviewed(Result<RescheduleOutcome, StoreError>)
    case noticeSaved(path: String, error: String?)
    /// The file named for the notice exists: replacing it needs a confirmation.
    case noticeFileExists(path: String)
    /// A message from outside the update loop (idle warning, theme errors) for the status pane.
    case notice(Message.Level, String)
    /// Training sandbox only: the trainer's commands and the runner's answers (Training/).
    case training(TrainingEvent)
}

/// Something the runtime must do; its answer comes back as an `Event`.
public enum Effect: Sendable, Hashable {
    case loadCases
    case loadCase(ReceiptNumber)
    case loadBookings(center: String)
    case loadCenters
    case submit(RescheduleRequestDraft)
    case loadReviews
    case review(requestID: String, approve: Bool, note: String, center: String?, to: LocalDateTime?)
    case saveNotice(path: String, text: String, replacing: Bool)
    case quit
    /// Training sandbox only: move the clock, reset the store.
    case training(TrainingEffect)
}

/// A reschedule request as the UI builds it (a `RescheduleRequest` is made of it by the runtime).
public struct RescheduleRequestDraft: Sendable, Hashable {
    public var requestID: String
    public var receipt: ReceiptNumber
    public var actor: Actor
    public var goodCause: GoodCause
    public var note: String
    public var centerCode: String
    public var to: LocalDateTime
    public var notify: NotifyChannel?
    public var expectedVersion: Int
    /// The appointment the person saw.
    public var expectedAppointmentID: Int64? = nil

    public var request: RescheduleRequest {
        RescheduleRequest(requestID: requestID, receipt: receipt, actor: actor, goodCause: goodCause, note: note,
                          centerCode: centerCode, to: to, notify: notify, expectedVersion: expectedVersion,
                          expectedAppointmentID: expectedAppointmentID)
    }
}

/// The pure heart of the UI: state and event in, new state and effects out.
public enum App {
    public static func initialEffects(_ state: AppState) -> [Effect] {
        state.phase == .caseList ? [.loadCases] : []
    }

    /// The first state and effects of a session: `initialEffects`, marked in flight.
    public static func start(_ state: AppState) -> (AppState, [Effect]) {
        var s = state
        let fx = initialEffects(state)
        s.inFlight += fx.compactMap(\.work)
        return (s, fx)
    }

    /// One step: the event's answer leaves `inFlight`, the effects asked for enter it.
    public static func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
        var s = state
        if let done = event.answers, let i = s.inFlight.firstIndex(of: done) { s.inFlight.remove(at: i) }
        var fx: [Effect] = []
        reduce(&s, event, &fx)
        s.inFlight += fx.compactMap(\.work)
        return (s, fx)
    }

    static func reduce(_ s: inout AppState, _ event: Event, _ fx: inout [Effect]) {
        switch event {
        case let .resize(size):
            s.size = size
        case let .tick(date):
            let minuteChanged = Int(date.timeIntervalSince1970 / 60) != Int(s.now.timeIntervalSince1970 / 60)
            s.now = date
            if minuteChanged { s.recomputeCalendar() }
        case let .key(key):
            handleKey(&s, key, &fx)
        case let .click(target):
            handleClick(&s, target, &fx)
        case let .casesLoaded(result):
            switch result {
            case let .success(list):
                s.cases = list; s.caseIndex = min(s.caseIndex, max(0, list.count - 1))
                if list.isEmpty { s.log(.info, "No cases are linked to your account.") }
            case let .failure(e): s.log(.error, e.message)
            }
        case let .caseLoaded(result):
            switch result {
            case let .success(snap):
                let sameCase = s.snapshot?.caseFile.receipt == snap.caseFile.receipt
                s.snapshot = snap
                if !sameCase || s.calendar == nil || s.selectedDay == nil {
                    s.calendar = CalendarModel(center: snap.center)
                    s.selectedDay = nil; s.month = nil; s.timeIndex = 0
                    s.reason = nil; s.explanation = TextField(maxLength: 300); s.note = TextField(maxLength: 300); s.notify = nil
                    s.reasonFocus = 0
                    s.log(.info, "Case \(snap.caseFile.receipt.value) loaded.")
                }
                if s.phase == .findCase || s.phase == .caseList || s.phase == .reviewQueue { s.phase = .picking }
                s.focusTimes = false
                fx.append(.loadBookings(center: s.calendar?.center.code ?? snap.center.code))
            case let .failure(e):
                s.log(.error, e.message)
            }
        case let .bookingsLoaded(center, result):
            switch result {
            case let .success(booked):
                guard s.calendar?.center.code == center else { break }
                s.calendar?.booked = booked
                s.calendar?.loaded = true
                s.recomputeCalendar()
                if s.selectedDay == nil, let first = s.calendar?.firstOfferedDay ?? s.calendar?.window?.lowerBound {
                    s.selectedDay = first; s.month = first.firstOfMonth; s.timeIndex = s.calendar?.days[first]?.offered.first ?? 0
                }
                s.clampTime()
            case let .failure(e): s.log(.error, e.message)
            }
        case let .centersLoaded(result):
            switch result {
            case let .success(list): s.centers = list
            case let .failure(e): s.log(.error, e.message)
            }
        case let .submitted(result):
            handleSubmitted(&s, result, &fx)
        case let .reviewsLoaded(result):
            switch result {
            case let .success(list):
                s.reviews = list; s.reviewIndex = min(s.reviewIndex, max(0, list.count - 1))
            case let .failure(e): s.log(.error, e.message)
            }
        case let .reviewed(result):
            handleReviewed(&s, result, &fx)
        case let .notice(level, text):
            s.log(level, text)
        case let .training(e):
            Training.handle(&s, e, &fx)
        case let .noticeSaved(path, error):
            if let error { s.log(.error, "Could not save the notice to \(Echo.show(path)): \(error)") } else { s.log(.ok, "Notice saved to \(Echo.show(path)).") }
        case let .noticeFileExists(path):
            s.overlay = .replaceConfirm(path: path)
        }
    }

    // MARK: Keys

    static func handleKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        if Training.intercept(&s, key, &fx) { return }
        let context = s.focusContext
        let action = Keymap.action(for: key, in: context)

        // Overlays first; each reads its keys from the keymap (`.dialog`, `.prompt`, `.centerPicker`).
        switch s.overlay {
        case .help:
            s.overlay = nil
            return
        case .quitConfirm:
            if action == .select { s.quit = true; fx.append(.quit) } else if action == .back { s.overlay = nil }
            return
        case .centerPicker:
            handleCenterPicker(&s, key, action, &fx)
            return
        case .savePrompt:
            if action == .back { s.overlay = nil; return }
            if action == .select {
                let path = s.savePath.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { s.log(.warning, "Type a file name for the notice, or Esc."); return }
                if let text = s.outcome?.notice?.text { fx.append(.saveNotice(path: path, text: text, replacing: false)) }
                s.overlay = nil
                return
            }
            _ = s.savePath.handle(key)
            return
        case let .replaceConfirm(path):
            if action == .select {
                if let text = s.outcome?.notice?.text { fx.append(.saveNotice(path: path, text: text, replacing: true)) }
                s.overlay = nil
            } else if action == .back {
                s.log(.info, "Nothing was saved; \(Echo.show(path)) is unchanged.")
                s.overlay = .savePrompt
            }
            return
        case let .reviewNote(approve):
            if action == .back { s.overlay = nil; return }
            if action == .select {
                guard !s.reviewNote.isBlank else { s.log(.warning, "A review always needs a note saying why."); return }
                guard let item = s.reviews[safe: s.reviewIndex] else { s.overlay = nil; return }
                fx.append(.review(requestID: item.requestID, approve: approve, note: s.reviewNote.text, center: nil, to: nil))
                s.overlay = nil
                return
            }
            _ = s.reviewNote.handle(key)
            return
        case nil:
            break
        }

        // Keys that work everywhere.
        switch action {
        case .help: s.overlay = .help; return
        case .quit:
            if s.isRequestHalfFilled { s.overlay = .quitConfirm } else { s.quit = true; fx.append(.quit) }
            return
        default: break
        }

        switch s.phase {
        case .findCase: handleFind(&s, key, action, &fx)
        case .caseList: handleCaseList(&s, key, action, &fx)
        case .picking: handlePicking(&s, key, action, &fx)
        case .reason: handleReason(&s, key, action, &fx)
        case .confirm:
            if action == .select { submit(&s, &fx) } else if action == .back { s.phase = .reason }
        case .submitting: break
        case .outcome: handleOutcome(&s, key, action, &fx)
        case .reviewQueue: handleReviewQueue(&s, key, action, &fx)
        }
    }

    static func handleFind(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .select:
            do {
                let r = try ReceiptNumber(parsing: s.receiptField.text)
                s.receiptField.set(r.value)
                fx.append(.loadCase(r))
            } catch {
                s.log(.error, "\(VerdictCode.invalidReceipt.rawValue): \(error.message)")
            }
        case .reviewQueue where s.config.actor.role == .officer:
            s.phase = .reviewQueue; fx.append(.loadReviews)
        case .back: s.receiptField.set("")
        case .refresh: break
        default:
            if case .char(let c) = key, s.receiptField.text.isEmpty {
                if c == "r" && s.config.actor.role == .officer { s.phase = .reviewQueue; fx.append(.loadReviews); return }
                if c == "q" { s.quit = true; fx.append(.quit); return }
                if c == "?" { s.overlay = .help; return }
            }
            _ = s.receiptField.handle(key)
        }
    }

    static func handleCaseList(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        if s.filtering {
            // A whole receipt number that is not in the list is looked up: the store answers
            // NOT_AUTHORIZED for a case that is not theirs, and reveals nothing else (R5).
            if action == .select, let r = try? ReceiptNumber(parsing: s.caseFilter.text),
               !s.cases.contains(where: { $0.receipt == r }) {
                s.filtering = false; s.caseFilter.set(""); s.caseIndex = 0
                fx.append(.loadCase(r))
                return
            }
            switch action {
            case .select, .back:
                s.filtering = false; if action == .back { s.caseFilter.set("") }; s.caseIndex = 0
            case .up, .down:
                s.filtering = false; handleCaseList(&s, key, action, &fx)
            default:
                _ = s.caseFilter.handle(key); s.caseIndex = 0
            }
            return
        }
        let list = s.visibleCases
        switch action {
        case .up: s.caseIndex = max(0, s.caseIndex - 1)
        case .down: s.caseIndex = min(max(0, list.count - 1), s.caseIndex + 1)
        case .search: s.filtering = true
        case .select: if let c = list[safe: s.caseIndex] { fx.append(.loadCase(c.receipt)) }
        case .refresh: fx.append(.loadCases)
        case .back: if !s.caseFilter.text.isEmpty { s.caseFilter.set(""); s.caseIndex = 0 }
        default: break
        }
    }

    static func handlePicking(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        guard let day = s.selectedDay else {
            if action == .back { leaveCase(&s, &fx) }
            if action == .changeCenter { openCenters(&s, &fx) }
            return
        }
        switch action {
        case .left where !s.focusTimes: s.select(day: day.adding(days: -1))
        case .right where !s.focusTimes: s.select(day: day.adding(days: 1))
        case .up where !s.focusTimes: s.select(day: day.adding(days: -7))
        case .down where !s.focusTimes: s.select(day: day.adding(days: 7))
        case .up: s.moveTime(-1)
        case .down: s.moveTime(1)
        case .prevMonth: s.select(day: day.addingMonths(-1))
        case .nextMonth: s.select(day: day.addingMonths(1))
        case .firstOffered:
            if let first = s.calendar?.firstOfferedDay { s.select(day: first) } else { s.log(.warning, "No day in the booking window has a free slot at this center.") }
        case .focusNext, .focusPrev: s.focusTimes.toggle()
        case .select:
            if !s.focusTimes {
                // A closed day shows another day's times: Enter goes there.
                if let shown = s.calendar?.timesDay(for: day), shown != day { s.select(day: shown) }
                s.focusTimes = true; s.timeIndex = s.calendar?.days[s.selectedDay ?? day]?.offered.first ?? 0
                return
            }
            guard s.selectedSlot != nil else { s.log(.warning, "That time is not offered; choose a time marked free."); return }
            if let item = s.approving { approveWith(&s, item, &fx); return }
            s.phase = .reason
            s.reasonFocus = s.reason.flatMap { r in s.reasonItems.firstIndex(of: .reason(r)) } ?? 0
        case .changeCenter: openCenters(&s, &fx)
        case .refresh:
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .back:
            if s.focusTimes { s.focusTimes = false } else { leaveCase(&s, &fx) }
        default: break
        }
    }

    static func leaveCase(_ s: inout AppState, _ fx: inout [Effect]) {
        if s.approving != nil {
            s.approving = nil; s.phase = .reviewQueue; fx.append(.loadReviews); return
        }
        s.snapshot = nil; s.calendar = nil; s.selectedDay = nil; s.receiptField.set("")
        s.phase = s.config.actor.role.isStaff ? .findCase : .caseList
        if s.phase == .caseList { fx.append(.loadCases) }
    }

    static func openCenters(_ s: inout AppState, _ fx: inout [Effect]) {
        s.overlay = .centerPicker; s.centerFilter.set(""); s.centerIndex = 0
        if s.centers.isEmpty { fx.append(.loadCenters) }
    }

    static func handleCenterPicker(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        let last = max(0, s.visibleCenters.count - 1)
        switch action {
        case .back: s.overlay = nil
        case .up: s.centerIndex = max(0, s.centerIndex - 1)
        case .down: s.centerIndex = min(last, s.centerIndex + 1)
        case .pageUp: s.centerIndex = max(0, s.centerIndex - 10)
        case .pageDown: s.centerIndex = min(last, s.centerIndex + 10)
        case .select:
            guard let c = s.visibleCenters[safe: s.centerIndex] else { return }
            s.overlay = nil
            choose(center: c, &s, &fx)
        default:
            if s.centerFilter.handle(key) { s.centerIndex = 0 }
        }
    }

    static func choose(center c: Center, _ s: inout AppState, _ fx: inout [Effect]) {
        s.calendar = CalendarModel(center: c)
        s.selectedDay = nil; s.timeIndex = 0; s.focusTimes = false
        s.log(.info, "Center \(c.code) \(c.name) chosen; times are in \(c.zone.identifier).")
        fx.append(.loadBookings(center: c.code))
    }

    static func handleReason(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        let items = s.reasonItems
        let item = items[safe: s.reasonFocus]
        switch action {
        case .up, .focusPrev: s.reasonFocus = max(0, s.reasonFocus - 1)
        case .down, .focusNext: s.reasonFocus = min(items.count - 1, s.reasonFocus + 1)
        case .back: s.phase = .picking
        case .select:
            switch item {
            case let .reason(r)?:
                s.reason = r
                let after = s.reasonItems
                if r == .other, let i = after.firstIndex(of: .explanation) { s.reasonFocus = i }
                else if let i = after.firstIndex(of: .note) { s.reasonFocus = i }
                else if let i = after.firstIndex(of: .notify) { s.reasonFocus = i }
            case .explanation?, .note?:
                s.reasonFocus = min(items.count - 1, s.reasonFocus + 1)
            case .notify?:
                switch s.notify { case nil: s.notify = .email; case .email?: s.notify = .sms; case .sms?: s.notify = nil }
            case .proceed?:
                guard let r = s.reason else {
                    s.log(.warning, "\(VerdictCode.goodCauseRequired.rawValue): choose a reason first."); s.reasonFocus = 0; return
                }
                if r == .other && s.explanation.isBlank {
                    s.log(.warning, "\(VerdictCode.goodCauseRequired.rawValue): explain the other reason.")
                    s.reasonFocus = s.reasonItems.firstIndex(of: .explanation) ?? 0
                    return
                }
                s.phase = .confirm
            case nil: break
            }
        default:
            // The explanation and the note take what the keymap leaves to typing.
            if item == .explanation { _ = s.explanation.handle(key) } else if item == .note { _ = s.note.handle(key) }
        }
    }

    static func submit(_ s: inout AppState, _ fx: inout [Effect]) {
        guard let snap = s.snapshot, let slot = s.selectedSlot, let reason = s.reason, let center = s.calendar?.center else {
            s.phase = .picking; return
        }
        let id: String
        if let pending = s.pendingRequestID { id = pending } else {
            s.requestSeq += 1
            id = "\(s.config.sessionID)-\(s.requestSeq)"
            s.pendingRequestID = id
        }
        s.phase = .submitting
        fx.append(.submit(RescheduleRequestDraft(requestID: id, receipt: snap.caseFile.receipt, actor: s.config.actor,
                                                 goodCause: GoodCause(reason: reason, explanation: s.explanation.text),
                                                 note: s.note.text, centerCode: center.code, to: slot.slot.local,
                                                 notify: s.notify, expectedVersion: snap.appointment.version,
                                                 expectedAppointmentID: snap.appointment.id)))
    }

    static func handleSubmitted(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            // The same request id is kept, so trying again cannot book twice.
            s.phase = .confirm
            s.log(.error, e.message + " Press Enter to try again.")
        case let .success(outcome):
            s.pendingRequestID = nil
            switch outcome.result {
            case .booked, .escalated, .refused, .denied:
                s.outcome = outcome; s.phase = .outcome; s.outcomeScroll = 0
                let level: Message.Level = outcome.result == .refused ? .error : .ok
                s.log(level, summary(outcome))
                if outcome.result != .refused, let r = s.snapshot?.caseFile.receipt {
                    if outcome.result == .booked { s.savePath.set("notice-\(r.value).txt") }
                    s.reason = nil; s.explanation.set(""); s.note.set(""); s.notify = nil
                    fx.append(.loadCase(r))
                }
            case .conflict, .slotFull:
                s.log(.warning, summary(outcome) + " The screen was refreshed: choose again.")
                s.phase = .picking; s.focusTimes = true
                if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
            }
        }
    }

    static func summary(_ o: RescheduleOutcome) -> String {
        switch o.result {
        case .booked: return "Booked: \(o.notice?.when ?? ""). Request \(o.requestID)."
        case .escalated: return "Escalated to an officer as request \(o.requestID) (\(o.verdict.codes.map(\.rawValue).joined(separator: ", ")))."
        case .refused: return "Refused: \(o.verdict.codes.map(\.rawValue).joined(separator: ", ")). \(o.verdict.message)"
        case .conflict: return "\(VerdictCode.conflict.rawValue): \(o.verdict.message)"
        case .slotFull: return "\(VerdictCode.slotFull.rawValue): \(o.verdict.message)"
        case .denied: return "Denied: \(o.verdict.message)"
        }
    }

    static func handleOutcome(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .saveNotice:
            guard s.outcome?.notice != nil else { s.log(.info, "There is no notice to save for this outcome."); return }
            if s.config.canWriteFiles { s.overlay = .savePrompt } else {
                s.log(.info, "Over this connection the notice is shown, not saved: copy or print it from your screen.")
            }
        case .findCase:
            s.outcome = nil
            leaveCase(&s, &fx)
        case .back:
            // Back to the case, refreshed: its new appointment and a new calendar.
            s.outcome = nil
            s.phase = .picking; s.focusTimes = false; s.selectedDay = nil
            if let r = s.snapshot?.caseFile.receipt { fx.append(.loadCase(r)) }
        case .up: s.outcomeScroll = max(0, s.outcomeScroll - 1)
        case .down: s.outcomeScroll += 1
        default: break
        }
    }

    static func handleReviewQueue(_ s: inout AppState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) {
        switch action {
        case .up: s.reviewIndex = max(0, s.reviewIndex - 1)
        case .down: s.reviewIndex = min(max(0, s.reviews.count - 1), s.reviewIndex + 1)
        case .approve, .select:
            guard !s.reviews.isEmpty else { return }
            s.reviewNote.set(""); s.overlay = .reviewNote(approve: true)
        case .deny:
            guard !s.reviews.isEmpty else { return }
            s.reviewNote.set(""); s.overlay = .reviewNote(approve: false)
        case .refresh: fx.append(.loadReviews)
        case .back: s.phase = .findCase
        default: break
        }
    }

    static func approveWith(_ s: inout AppState, _ item: ReviewItem, _ fx: inout [Effect]) {
        guard let slot = s.selectedSlot, let center = s.calendar?.center else { return }
        s.phase = .submitting
        fx.append(.review(requestID: item.requestID, approve: true, note: s.reviewNote.text, center: center.code, to: slot.slot.local))
    }

    static func handleReviewed(_ s: inout AppState, _ result: Result<RescheduleOutcome, StoreError>, _ fx: inout [Effect]) {
        switch result {
        case let .failure(e):
            s.log(.error, e.message)
            if s.phase == .submitting { s.phase = .picking }
        case let .success(o):
            if o.result == .slotFull, let item = s.reviews[safe: s.reviewIndex], s.approving == nil {
                s.log(.warning, "The preferred slot is gone: pick another time for request \(item.requestID), then Enter to approve.")
                s.approving = item
                fx.append(.loadCase(item.receipt))
                return
            }
            s.log(o.result == .booked || o.result == .denied ? .ok : .warning, summary(o))
            if o.result == .booked && s.approving != nil {
                s.approving = nil; s.outcome = o; s.phase = .outcome
                return
            }
            s.approving = nil
            s.phase = .reviewQueue
            fx.append(.loadReviews)
        }
    }

    // MARK: Mouse

    static func handleClick(_ s: inout AppState, _ target: ClickTarget, _ fx: inout [Effect]) {
        if Training.interceptClick(&s, target, &fx) { return }
        guard s.overlay == nil || s.overlay == .centerPicker else { return }
        switch target {
        case let .day(epochDay):
            guard s.phase == .picking else { return }
            s.focusTimes = false
            s.select(day: LocalDate(epochDay: epochDay))
        case let .time(i):
            guard s.phase == .picking else { return }
            s.focusTimes = true; s.timeIndex = i; s.clampTime()
        case let .listRow(i):
            if s.overlay == .centerPicker { s.centerIndex = i; handleCenterPicker(&s, .enter, .select, &fx); return }
            switch s.phase {
            case .caseList: s.caseIndex = i; handleCaseList(&s, .enter, .select, &fx)
            case .reason: s.reasonFocus = i; handleReason(&s, .enter, .select, &fx)
            case .reviewQueue: s.reviewIndex = i
            default: break
            }
        case let .button(name):
            if name == "confirm" && s.phase == .confirm { submit(&s, &fx) }
            if name == "back" { handleKey(&s, .escape, &fx) }
        }
    }
}

extension AppState {
    mutating func recomputeCalendar() {
        guard calendar != nil else { return }
        calendar?.recompute(now: now, window: config.window, current: snapshot?.appointment)
        clampTime()
    }

    mutating func select(day: LocalDate) {
        selectedDay = day
        month = day.firstOfMonth
        timeIndex = calendar?.days[day]?.offered.first ?? 0
    }

    mutating func moveTime(_ delta: Int) {
        guard let day = selectedDay, let slots = calendar?.days[day]?.slots, !slots.isEmpty else { return }
        timeIndex = min(slots.count - 1, max(0, timeIndex + delta))
    }

    mutating func clampTime() {
        guard let day = selectedDay else { return }
        let n = calendar?.days[day]?.slots.count ?? 0
        timeIndex = n == 0 ? 0 : min(max(0, timeIndex), n - 1)
    }
}
