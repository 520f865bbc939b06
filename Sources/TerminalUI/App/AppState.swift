import Foundation
import Scheduling

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

    /// The open case (shared by picking, reason, confirm, outcome and the status pane).
    public var snapshot: CaseSnapshot?

    // The state of each phase, as a TCA `Scope` gives each feature its own.
    /// Finding a case (staff) or choosing one's own (applicants, representatives).
    public var find = FindState()
    /// The calendar and the times.
    public var picking = PickingState()
    /// The center picker (a dialog over the picking phase).
    public var centerPicker = CenterPickerState()
    /// The reason, the explanation, the note, where the confirmation goes.
    public var reason = ReasonState()
    /// The request submitted and not yet answered.
    public var confirm = ConfirmState()
    /// The store's answer and the notice.
    public var outcome = OutcomeState()
    /// The officer's review queue.
    public var review = ReviewState()
    // A new phase or screen adds its own slice here (a `…State` type in App/State/, one per file).
    /// Training sandbox only (`biosched demo`): the trainer panel, the story list, the first state.
    public var training: TrainingState?
    /// The SSH keys screen, while it is open.
    public var keys: KeysState?
    /// The open case's waiting-list request and offer, and their screen, while a case is open.
    public var waitlist: WaitlistState?

    // Shared by every phase
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

    public init(config: AppConfig, now: Date, size: Size) {
        self.config = config
        self.now = now
        self.size = size
        language = config.language
        noticeLanguage = config.language
        phase = config.actor.role.isStaff ? .findCase : .caseList
    }

    /// Items of the reason pane for this person.
    public var reasonItems: [ReasonItem] { reason.items(staff: config.actor.role.isStaff) }

    /// True when leaving would lose something the person typed or chose.
    public var isRequestHalfFilled: Bool {
        switch phase {
        case .reason, .confirm, .submitting: return true
        case .picking: return reason.chosen != nil || !reason.explanation.isBlank || !reason.note.isBlank
        default: return false
        }
    }

    /// The verdict for this person on this channel now (R1-R11), with the chosen reason if any.
    public var verdict: Verdict? {
        guard let snap = snapshot else { return nil }
        return ReschedulePolicy.evaluate(RescheduleContext(actor: config.actor, snapshot: snap, goodCause: reason.goodCause, now: now))
    }

    /// The case cannot be rescheduled by this person whatever reason they give (twice already, 12
    /// hours or less, passed, a denied case...): they are told so when it opens, before any calendar.
    public var refusedAtOpen: Verdict? {
        guard phase == .picking, review.approving == nil, let snap = snapshot else { return nil }
        let verdicts = ([nil] + GoodCauseReason.allCases.map(Optional.some)).map { r in
            ReschedulePolicy.evaluate(
                RescheduleContext(
                    actor: config.actor, snapshot: snap,
                    goodCause: r.map { GoodCause(reason: $0, explanation: "explanation") }, now: now))
        }
        guard verdicts.allSatisfy({ $0.decision == .refused }) else { return nil }
        return verdicts[0]
    }

    public var flags: [VerdictCode] {
        guard let snap = snapshot else { return [] }
        return CaseFlags.flags(snap, now: now)
    }

    /// Centers the picker lists: matching its filter, the open case's center first.
    public var visibleCenters: [Center] { centerPicker.visible(home: snapshot?.center.code) }

    /// Recomputes the calendar for now (R12), with the open case's appointment.
    mutating func recomputeCalendar() {
        picking.recompute(now: now, window: config.window, current: snapshot?.appointment)
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
        case .findCase: return find.callersListed ? .callerList : .findCase
        case .caseList: return find.filtering ? .filter : .caseList
        case .picking: return refusedAtOpen != nil ? .refusal : (picking.focusTimes ? .times : .calendar)
        case .reason:
            switch reasonItems[safe: reason.focus] {
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

    /// What every view may read besides its own slice.
    var viewContext: ViewContext {
        ViewContext(language: language, now: now, config: config, dialogOpen: overlay != nil, inFlight: inFlight)
    }

    mutating func log(_ level: Message.Level, _ text: String) {
        messages.append(Message(at: now, level: level, text: text))
        if messages.count > 200 { messages.removeFirst(messages.count - 200) }
        statusPage = nil // a new message shows at once
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

    /// Whether a hinted key does something on this screen now.
    public func hintApplies(_ action: Action) -> Bool {
        switch action {
        case .saveNotice, .noticeLanguage: outcome.answer?.notice != nil
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

    /// "email (m@example.org)", "SMS ((617) 555-0142)", or "none" with why.
    public func notifyLabel(_ channel: NotifyChannel?, withAddress: Bool = true) -> String {
        switch channel {
        case .email?: return t.notifyEmail(withAddress ? snapshot?.contact?.email : nil)
        case .sms?: return t.notifySMS(withAddress ? snapshot?.contact?.phone : nil)
        case nil: return notifyChoices == [nil] && !config.actor.role.isStaff ? t.notifyNoneOnFile : t.notifyNone
        }
    }
}
