import Foundation
import Scheduling

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
                s.find.cases = list
                s.find.caseIndex = min(s.find.caseIndex, max(0, list.count - 1))
                if list.isEmpty { s.log(.info, s.t.noLinkedCases) }
            case let .failure(e): s.log(.error, e.message(in: s.language))
            }
        case let .caseLoaded(result):
            switch result {
            case let .success(snap):
                let sameCase = s.snapshot?.caseFile.receipt == snap.caseFile.receipt
                s.snapshot = snap
                // The notice starts in the caller's language (their account's), whatever the screen's.
                if !sameCase { s.noticeLanguage = snap.contact?.language ?? s.language }
                if !sameCase || s.picking.calendar == nil || s.picking.selectedDay == nil {
                    s.picking.calendar = CalendarModel(center: snap.center)
                    s.picking.selectedDay = nil
                    s.picking.month = nil
                    s.picking.timeIndex = 0
                    s.reason.chosen = nil
                    s.reason.explanation = TextField(maxLength: 300)
                    s.reason.note = TextField(maxLength: 300)
                    s.reason.notify = s.config.actor.role.isStaff ? nil : (s.notifyChoices.first ?? nil)
                    s.reason.focus = 0
                    s.log(.info, s.t.caseLoaded(snap.caseFile.receipt.value))
                }
                if s.phase == .findCase || s.phase == .caseList || s.phase == .reviewQueue { s.phase = .picking }
                s.picking.focusTimes = false
                fx.append(.loadBookings(center: s.picking.calendar?.center.code ?? snap.center.code))
                WaitlistScreen.caseOpened(&s, snap.caseFile.receipt, &fx)
            case .failure(.notAuthorized) where s.config.actor.role.isStaff:
                // Staff may see every case, so for them it does not exist (applicants keep the answer that reveals nothing).
                let r = ReceiptNumber.normalize(s.find.receiptField.text)
                s.log(.error, s.t.notFoundInUI(r))
            case let .failure(e):
                s.log(.error, e.message(in: s.language))
            }
        case let .callersFound(text, result):
            handleCallersFound(&s, text, result)
        case let .bookingsLoaded(center, result):
            switch result {
            case let .success(booked):
                guard s.picking.calendar?.center.code == center else { break }
                s.picking.calendar?.booked = booked
                s.picking.calendar?.loaded = true
                s.recomputeCalendar()
                if s.picking.selectedDay == nil, let item = s.review.approving, item.preferredCenter == center,
                    s.picking.calendar?.days[item.preferredLocal.date] != nil
                {
                    // An approval whose preferred slot was full opens on the preferred day, at the
                    // first offered time from the preferred one on.
                    let day = item.preferredLocal.date
                    s.picking.selectedDay = day
                    s.picking.month = day.firstOfMonth
                    s.picking.focusTimes = true
                    let slots = s.picking.calendar?.days[day]?.slots ?? []
                    let offered = s.picking.calendar?.days[day]?.offered ?? []
                    s.picking.timeIndex = offered.first { slots[$0].slot.local.time >= item.preferredLocal.time } ?? offered.last ?? 0
                } else if s.picking.selectedDay == nil, let first = s.picking.calendar?.firstOfferedDay ?? s.picking.calendar?.window?.lowerBound {
                    s.picking.selectedDay = first
                    s.picking.month = first.firstOfMonth
                    s.picking.timeIndex = s.picking.calendar?.days[first]?.offered.first ?? 0
                }
                s.picking.clampTime()
            case let .failure(e): s.log(.error, e.message(in: s.language))
            }
        case let .centersLoaded(result):
            switch result {
            case let .success(list): s.centerPicker.centers = list
            case let .failure(e): s.log(.error, e.message(in: s.language))
            }
        case let .submitted(result):
            handleSubmitted(&s, result, &fx)
        case let .reviewsLoaded(result):
            switch result {
            case let .success(list):
                s.review.queue = list
                s.review.index = min(s.review.index, max(0, s.review.visible.count - 1))
            case let .failure(e): s.log(.error, e.message(in: s.language))
            }
        case let .reviewed(result):
            handleReviewed(&s, result, &fx)
        case let .notice(level, text):
            s.log(level, text)
        case let .language(l):
            s.language = l
            s.noticeLanguage = l
        case let .idle(left):
            s.idleSecondsLeft = left
        case let .training(e):
            Training.handle(&s, e, &fx)
        case let .keys(e):
            KeysScreen.handle(&s, e, &fx)
        case let .waitlist(e):
            WaitlistScreen.handle(&s, e, &fx)
        case let .noticeSaved(path, error):
            if let error {
                s.log(.error, s.t.couldNotSave(Echo.show(path), error(s.language) ?? error.english))
            } else {
                s.log(.ok, s.t.noticeSaved(Echo.show(path)))
            }
        case let .noticeFileExists(path):
            s.overlay = .replaceConfirm(path: path)
        }
    }

    static func handleKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        if Training.intercept(&s, key, &fx) { return }
        if s.overlay == nil && KeysScreen.intercept(&s, key, &fx) { return }
        if WaitlistScreen.intercept(&s, key, &fx) { return }
        let context = s.focusContext
        let action = Keymap.action(for: key, in: context)

        if handleOverlay(&s, key, action, &fx) { return }

        // Keys that work everywhere.
        switch action {
        case .help:
            s.overlay = .help
            return
        case .sshKeys:
            KeysScreen.open(&s, &fx)
            return
        case .waitlist:
            WaitlistScreen.open(&s, &fx)
            return
        case .switchLanguage:
            s.language = s.language.next
            if s.phase != .outcome { s.noticeLanguage = s.snapshot?.contact?.language ?? s.language }
            s.log(.info, s.t.languageNow(s.language))
            return
        case .statusMore:
            let pages = StatusPane.pageCount(s)
            s.statusPage = pages <= 1 ? nil : ((s.statusPage ?? -1) + 1 < pages ? (s.statusPage ?? -1) + 1 : nil)
            return
        case .quit:
            if s.isRequestHalfFilled {
                s.overlay = .quitConfirm
            } else {
                s.quit = true
                fx.append(.quit)
            }
            return
        default: break
        }

        switch s.phase {
        case .findCase: handleFind(&s, key, action, &fx)
        case .caseList: handleCaseList(&s.find, key, action, &fx)
        case .picking: handlePicking(&s, key, action, &fx)
        case .reason: handleReason(&s, key, action, &fx)
        case .confirm:
            if action == .select { submit(&s, &fx) } else if action == .back { s.phase = .reason }
        case .submitting: break
        case .outcome: handleOutcome(&s, key, action, &fx)
        case .reviewQueue: handleReviewQueue(&s, key, action, &fx)
        }
    }
}
