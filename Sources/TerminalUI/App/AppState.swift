import Foundation
import Scheduling

/// What does not change during a session.
public struct AppConfig: Sendable, Hashable {
    public var actor: Actor
    public var isTraining: Bool
    public var window: SlotWindow
    /// Prefix of request ids made in this session (a retried submit reuses its id).
    public var sessionID: String
    /// False over SSH: a notice is shown for the client to copy or print, never written to a server file.
    public var canWriteFiles: Bool
    /// A demo store's story cases to try, shown on the find screen (training stores only).
    public var tryCases: [TryCase] = []
    /// The session's language at the start (`--lang`, the account's, the environment's, else English).
    public var language: Language
    public init(actor: Actor, isTraining: Bool, window: SlotWindow, sessionID: String, canWriteFiles: Bool = true, language: Language = .en) {
        self.actor = actor; self.isTraining = isTraining; self.window = window; self.sessionID = sessionID
        self.canWriteFiles = canWriteFiles; self.language = language
    }

    /// A receipt to try and what its story shows.
    public struct TryCase: Sendable, Hashable {
        public var receipt: ReceiptNumber
        public var title: String
        public init(receipt: ReceiptNumber, title: String) { self.receipt = receipt; self.title = title }
    }
}

/// Where the person is in the flow.
public enum Phase: String, Sendable, Hashable {
    case findCase, caseList, picking, reason, confirm, submitting, outcome, reviewQueue
}

/// A dialog drawn over the current phase.
public enum Overlay: Sendable, Hashable {
    case help
    case quitConfirm
    case centerPicker
    case savePrompt
    /// The notice's file name is taken: replace it (y) or choose another (n).
    case replaceConfirm(path: String)
    case reviewNote(approve: Bool)
    /// The preferred slot of an approval was full: book this other time instead (y) or pick again (n).
    case approveOther(requestID: String, when: String, preferred: String)
}

/// One line of the session's log in the status pane.
public struct Message: Sendable, Hashable {
    public enum Level: String, Sendable { case info, ok, warning, error }
    public var at: Date
    public var level: Level
    public var text: String
}

/// One item of the reason pane.
public enum ReasonItem: Hashable, Sendable {
    case reason(GoodCauseReason), explanation, note, notify, proceed
}

/// A day of the calendar: its slots and bookings, and how it is marked.
public struct DaySummary: Sendable, Hashable {
    public enum Mark: String, Sendable { case free, nearlyFull, full, closed, outside }
    public var slots: [SlotAvailability]
    /// Indexes into `slots` of the offered ones (R12).
    public var offered: [Int]
    public var mark: Mark
}

/// The calendar of the chosen center, derived from its bookings, the window and now.
public struct CalendarModel: Sendable, Hashable {
    public var center: Center
    public var booked: [Date: Int]
    public var loaded: Bool
    public var days: [LocalDate: DaySummary] = [:]
    public var window: ClosedRange<LocalDate>?

    public init(center: Center, booked: [Date: Int] = [:], loaded: Bool = false) {
        self.center = center; self.booked = booked; self.loaded = loaded
    }

    /// Recomputes every day in the booking window (R12) for `now`.
    public mutating func recompute(now: Date, window w: SlotWindow, current: Appointment?) {
        days = [:]
        let range = SlotCalendar.candidateDates(of: center, now: now, window: w)
        window = range
        var d = range.lowerBound
        while d <= range.upperBound {
            let slots = SlotCalendar.slots(of: center, on: d).map { SlotAvailability(slot: $0, booked: booked[$0.start] ?? 0) }
            var offered: [Int] = []
            var freeStations = 0, capacity = 0, inWindow = 0
            for (i, s) in slots.enumerated() {
                let refusals = SlotCalendar.refusals(for: s.slot, of: center, booked: s.booked, now: now, window: w,
                                                     currentCenter: current?.centerCode, currentStart: current?.start)
                if w.contains(s.slot.start, now: now) {
                    inWindow += 1; capacity += s.slot.stations; freeStations += s.free
                }
                if refusals.isEmpty { offered.append(i) }
            }
            let mark: DaySummary.Mark
            if center.isClosed(on: d) { mark = .closed }
            else if inWindow == 0 { mark = .outside }
            else if offered.isEmpty { mark = .full }
            else if freeStations * 4 <= capacity { mark = .nearlyFull }
            else { mark = .free }
            days[d] = DaySummary(slots: slots, offered: offered, mark: mark)
            d = d.adding(days: 1)
        }
    }

    /// The day whose times the times pane shows for `day`: the day itself when it has times, else
    /// (closed, or no time in the window) the next day that has some, else the last one before it.
    /// The pane then stays in place rather than emptying and filling again. Nil for a day beyond
    /// the window's dates (the pane says so instead).
    public func timesDay(for day: LocalDate) -> LocalDate? {
        guard days[day] != nil else { return nil }
        func hasTimes(_ d: LocalDate) -> Bool {
            guard let summary = days[d] else { return false }
            return summary.mark != .closed && summary.mark != .outside && !summary.slots.isEmpty
        }
        if hasTimes(day) { return day }
        let sorted = days.keys.sorted()
        return sorted.first { $0 > day && hasTimes($0) } ?? sorted.last { $0 < day && hasTimes($0) }
    }

    public var firstOfferedDay: LocalDate? {
        days.keys.sorted().first { !(days[$0]?.offered.isEmpty ?? true) }
    }
}

/// The whole state of the terminal UI. `update` changes it; `render` draws it.
public struct AppState: Sendable, Hashable {
    public var config: AppConfig
    public var now: Date
    public var size: Size
    public var phase: Phase
    public var overlay: Overlay?
    public var messages: [Message] = []
    public var quit = false
    /// The screen's language (F4 switches it).
    public var language: Language
    /// The language of the notice shown and saved on the outcome screen (`l` switches it), so an
    /// agent can give the caller a notice in the caller's language whatever the screen's.
    public var noticeLanguage: Language
    /// The catalog in the screen's language.
    public var t: Catalog { Catalog(language) }

    // Finding a case
    public var receiptField = TextField(maxLength: CallerQuery.maxLength)
    /// The last caller search's answer and the text it was for (Enter on the same text opens the
    /// chosen match; a new text searches again).
    public var callers: CallerSearchResult?
    public var callersText = ""
    public var callerIndex = 0
    /// Whether the matches on the find screen are those of the text in the field.
    public var callersListed: Bool { callers.map { !$0.matches.isEmpty && callersText == receiptField.text } ?? false }
    public var cases: [CaseSummary] = []
    public var caseFilter = TextField(maxLength: 40)
    public var filtering = false
    public var caseIndex = 0

    // The case and the picker
    public var snapshot: CaseSnapshot?
    public var calendar: CalendarModel?
    public var selectedDay: LocalDate?
    public var month: LocalDate?
    public var timeIndex = 0
    /// Digits typed in the times list: an hour to jump to ("14"), at most two.
    public var hourTyped = ""
    /// Times moved by PgUp/PgDn in the times list.
    public static let timesPage = 6
    public var focusTimes = false

    // Centers
    public var centers: [Center] = []
    public var centerFilter = TextField(maxLength: 40)
    public var centerIndex = 0

    // The reason
    public var reason: GoodCauseReason?
    public var explanation = TextField(maxLength: 300)
    public var note = TextField(maxLength: 300)
    public var notify: NotifyChannel?
    public var reasonFocus = 0

    // Submitting and the outcome
    public var requestSeq = 0
    public var pendingRequestID: String?
    public var outcome: RescheduleOutcome?
    public var savePath = TextField(maxLength: 200)
    public var outcomeScroll = 0
    /// Seconds until an idle session ends, while the warning shows (nil otherwise).
    public var idleSecondsLeft: Int?
    /// The first line of the help overlay shown (it scrolls).
    public var helpScroll = 0
    /// The status pane's page when it holds more than fits (F3 turns it); nil shows the case and
    /// the newest messages.
    public var statusPage: Int?

    /// Effects asked for whose answers have not come back (in the order asked). The full-screen
    /// loop runs them off the UI thread; headless programs run them at once, so this is empty
    /// between events there.
    public var inFlight: [Work] = []

    // Officer review
    public var reviews: [ReviewItem] = []
    public var reviewIndex = 0
    /// The review queue shows only requests with this code (nil: all), oldest first.
    public var reviewFilter: VerdictCode?
    public var visibleReviews: [ReviewItem] { reviewFilter.map { f in reviews.filter { $0.codes.contains(f) } } ?? reviews }
    public var reviewNote = TextField(maxLength: 300)
    /// The note dialog's Enter found no note: the dialog says so on its own line.
    public var reviewNoteMissing = false
    /// The last decision's result, shown at the top of the review queue (not only in the log).
    public var reviewResult: Message?
    /// Set while an officer picks another slot for an approval whose preferred slot is gone.
    public var approving: ReviewItem?

    /// Training sandbox only (`biosched demo`): the trainer panel, the story list, the first state.
    public var training: TrainingState?
    /// The SSH keys screen, while it is open.
    public var keys: KeysState?
    /// The open case's waiting-list request and offer, and their screen (WaitlistState.swift).
    public var waitlist: WaitlistState?

    public init(config: AppConfig, now: Date, size: Size) {
        self.config = config; self.now = now; self.size = size
        language = config.language; noticeLanguage = config.language
        phase = config.actor.role.isStaff ? .findCase : .caseList
    }

    /// The chosen slot, if the selected time is an offered one.
    public var selectedSlot: SlotAvailability? {
        guard let day = selectedDay, let summary = calendar?.days[day], summary.slots.indices.contains(timeIndex),
              summary.offered.contains(timeIndex) else { return nil }
        return summary.slots[timeIndex]
    }

    /// Items of the reason pane for this person.
    public var reasonItems: [ReasonItem] {
        var items = GoodCauseReason.allCases.map(ReasonItem.reason)
        if reason == .other { items.append(.explanation) }
        if config.actor.role.isStaff { items.append(.note) }
        items.append(.notify)
        items.append(.proceed)
        return items
    }

    /// True when leaving would lose something the person typed or chose.
    public var isRequestHalfFilled: Bool {
        switch phase {
        case .reason, .confirm, .submitting: return true
        case .picking: return reason != nil || !explanation.isBlank || !note.isBlank
        default: return false
        }
    }

    /// The verdict for this person on this channel now (R1-R11), with the chosen reason if any.
    public var verdict: Verdict? {
        guard let snap = snapshot else { return nil }
        let cause = reason.map { GoodCause(reason: $0, explanation: explanation.text) }
        return ReschedulePolicy.evaluate(RescheduleContext(actor: config.actor, snapshot: snap, goodCause: cause, now: now))
    }

    /// The case cannot be rescheduled by this person whatever reason they give (twice already, 12
    /// hours or less, passed, a denied case...): they are told so when it opens, before any calendar.
    public var refusedAtOpen: Verdict? {
        guard phase == .picking, approving == nil, let snap = snapshot else { return nil }
        let verdicts = ([nil] + GoodCauseReason.allCases.map(Optional.some)).map { r in
            ReschedulePolicy.evaluate(RescheduleContext(actor: config.actor, snapshot: snap,
                                                        goodCause: r.map { GoodCause(reason: $0, explanation: "explanation") }, now: now))
        }
        guard verdicts.allSatisfy({ $0.decision == .refused }) else { return nil }
        return verdicts[0]
    }

    public var flags: [VerdictCode] {
        guard let snap = snapshot else { return [] }
        return CaseFlags.flags(snap, now: now)
    }

    /// Cases matching the filter (applicants and representatives).
    public var visibleCases: [CaseSummary] {
        let f = caseFilter.text.lowercased()
        guard !f.isEmpty else { return cases }
        return cases.filter { "\($0.receipt.value) \($0.applicantName) \($0.form.code) \($0.centerCode)".lowercased().contains(f) }
    }

    /// Centers matching the filter, the case's own center first.
    public var visibleCenters: [Center] {
        let f = centerFilter.text.lowercased()
        let home = snapshot?.center.code
        let matching = f.isEmpty ? centers : centers.filter { "\($0.code) \($0.name) \($0.city) \($0.state)".lowercased().contains(f) }
        return matching.filter { $0.code == home } + matching.filter { $0.code != home }
    }

    /// The focus context that decides what keys do.
    public var focusContext: FocusContext {
        if overlay == nil, let c = training?.focusContext { return c }
        if overlay == nil, let c = keys?.focusContext { return c }
        if overlay == nil, let w = waitlist, w.shown { return w.focusContext }
        switch overlay {
        case .help: return .help
        case .quitConfirm, .replaceConfirm, .approveOther: return .dialog
        case .centerPicker: return .centerPicker
        case .savePrompt, .reviewNote: return .prompt
        case nil: break
        }
        switch phase {
        case .findCase: return callersListed ? .callerList : .findCase
        case .caseList: return filtering ? .filter : .caseList
        case .picking: return refusedAtOpen != nil ? .refusal : (focusTimes ? .times : .calendar)
        case .reason:
            switch reasonItems[safe: reasonFocus] {
            case .explanation, .note: return .textInput
            default: return .reasons
            }
        case .confirm: return .confirm
        case .submitting: return .waiting
        case .outcome: return .outcome
        case .reviewQueue: return .reviewQueue
        }
    }

    /// True while a read (cases, a case, bookings, centers, reviews) or a file write is in flight.
    public var isLoading: Bool { inFlight.contains { !$0.writes } }

    /// True while a write (a booking, a review) waits for the store's answer.
    public var isWaitingForStore: Bool { inFlight.contains { $0.writes } }

    mutating func log(_ level: Message.Level, _ text: String) {
        messages.append(Message(at: now, level: level, text: text))
        if messages.count > 200 { messages.removeFirst(messages.count - 200) }
        statusPage = nil   // a new message shows at once
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension AppState {
    /// Where a confirmation may go (R4). Online, the person picks email or SMS from what their
    /// account has on file, and "none" only when it has neither; staff may pick any, or none.
    public var notifyChoices: [NotifyChannel?] {
        guard !config.actor.role.isStaff else { return [nil, .email, .sms] }
        let c = snapshot?.contact
        let available: [NotifyChannel?] = [(c?.email?.isEmpty == false) ? .email : nil, (c?.phone?.isEmpty == false) ? .sms : nil].filter { $0 != nil }
        return available.isEmpty ? [nil] : available
    }

    /// "email (m@example.org)", "SMS ((617) 555-0142)", or "none" with why.
    /// The viewer escalated this request themselves on a training store (separation of duties is
    /// off there: one trainer plays every role).
    public func ownRequestOnTraining(_ item: ReviewItem) -> Bool {
        config.isTraining && item.agent == config.actor.id
    }

    /// Whether a hinted key does something on this screen now.
    public func hintApplies(_ action: Action) -> Bool {
        switch action {
        case .saveNotice, .noticeLanguage: outcome?.notice != nil
        default: true
        }
    }

    /// The email address or phone number a confirmation goes to, if any.
    public func notifyAddress(_ channel: NotifyChannel?) -> String? {
        switch channel {
        case .email?: snapshot?.contact?.email
        case .sms?: snapshot?.contact?.phone
        case nil: nil
        }
    }

    public func notifyLabel(_ channel: NotifyChannel?, withAddress: Bool = true) -> String {
        switch channel {
        case .email?: return t.notifyEmail(withAddress ? snapshot?.contact?.email : nil)
        case .sms?: return t.notifySMS(withAddress ? snapshot?.contact?.phone : nil)
        case nil: return notifyChoices == [nil] && !config.actor.role.isStaff ? t.notifyNoneOnFile : t.notifyNone
        }
    }
}
