import Foundation
import Scheduling

/// The trainer's part of `update`: the trainer panel (Ctrl-T), the story list, clock moves, role
/// switching and reset. Pure like the rest of `update`: the clock and the store change through
/// `TrainingEffect`s that the runner performs.
enum Training {
    /// The roles in the order the trainer cycles them.
    static let roleOrder: [Role] = [.applicant, .representative, .agent, .officer]

    // MARK: Keys and clicks

    /// Handles `key` if it belongs to the trainer (the panel or story list is open, or it opens the
    /// panel). False leaves it to the normal handling. Never true outside a sandbox.
    static func intercept(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) -> Bool {
        guard let t = s.training, s.overlay == nil else { return false }
        switch t.panel {
        case nil:
            guard Keymap.action(for: key, in: s.focusContext, training: true) == .trainer else { return false }
            s.training?.panel = .trainer
            return true
        case .trainer?:
            let action = Keymap.action(for: key, in: .trainer, training: true)
            switch action {
            case .trainer?, .back?: s.training?.panel = nil
            case .clockBackHour?: apply(&s, .clock(.by(-3600)), &fx)
            case .clockForwardHour?: apply(&s, .clock(.by(3600)), &fx)
            case .clockBackDay?: apply(&s, .clock(.by(-86_400)), &fx)
            case .clockForwardDay?: apply(&s, .clock(.by(86_400)), &fx)
            case .clockBefore13?: apply(&s, .clock(.appointment(-13 * 3600)), &fx)
            case .clockBefore11?: apply(&s, .clock(.appointment(-11 * 3600)), &fx)
            case .clockJustAfter?: apply(&s, .clock(.appointment(60)), &fx)
            case .clockStart?: apply(&s, .clock(.start), &fx)
            case .nextRole?: apply(&s, .nextRole, &fx)
            case .stories?: apply(&s, .showStories, &fx)
            case .resetSandbox?: apply(&s, .reset, &fx)
            case .help?: s.overlay = .help
            case .quit?:
                s.training?.panel = nil
                return false
            default: break
            }
            return true
        case .stories?:
            let count = t.settings.stories.count
            let last = max(0, count - 1)
            switch Keymap.action(for: key, in: .stories, training: true) {
            case .up?: s.training?.storyIndex = max(0, t.storyIndex - 1)
            case .down?: s.training?.storyIndex = min(last, t.storyIndex + 1)
            case .pageUp?: s.training?.storyIndex = max(0, t.storyIndex - 5)
            case .pageDown?: s.training?.storyIndex = min(last, t.storyIndex + 5)
            case .top?: s.training?.storyIndex = 0
            case .bottom?: s.training?.storyIndex = last
            case .select?: apply(&s, .openStory(t.storyIndex), &fx)
            case .back?: s.training?.panel = nil
            case .trainer?: s.training?.panel = .trainer
            case .help?: s.overlay = .help
            case .quit?:
                s.training?.panel = nil
                return false
            default: break
            }
            return true
        }
    }

    /// Clicks while the trainer panel or story list is open go to them, not to what is under them.
    static func interceptClick(_ s: inout AppState, _ target: ClickTarget, _ fx: inout [Effect]) -> Bool {
        guard let t = s.training, let panel = t.panel, s.overlay == nil else { return false }
        if panel == .stories, case let .listRow(i) = target, t.settings.stories.indices.contains(i) {
            if t.storyIndex == i { apply(&s, .openStory(i), &fx) } else { s.training?.storyIndex = i }
        }
        return true
    }

    // MARK: Events

    static func handle(_ s: inout AppState, _ event: TrainingEvent, _ fx: inout [Effect]) {
        switch event {
        case let .command(c):
            apply(&s, c, &fx)
        case let .clockSet(date):
            s.now = date
            s.recomputeCalendar()
            // A day the moved clock put outside the booking window: the first offered day is chosen again.
            if s.phase == .picking, s.review.approving == nil, let d = s.picking.selectedDay, s.picking.calendar?.days[d].map({ $0.mark == .outside }) ?? true {
                s.picking.selectedDay = nil
                s.picking.focusTimes = false
            }
            // The calendar's bookings were read for the old booking window.
            if let code = s.picking.calendar?.center.code { fx.append(.loadBookings(center: code)) }
            s.log(.info, s.t.trainingClockMoved(clockText(s, date), startRelative(s, date)))
        case let .sandboxReset(now, error):
            if let error {
                s.log(.error, s.t.sandboxResetFailed("\(error)"))
                return
            }
            guard let t = s.training else { return }
            var fresh = AppState(config: s.config, now: now, size: s.size)
            fresh.config.actor = t.settings.firstActor
            fresh.phase = fresh.config.actor.role.isStaff ? .findCase : .caseList
            fresh.training = TrainingState(settings: t.settings)
            fresh.log(.ok, fresh.t.sandboxReset)
            s = fresh
            fx += App.initialEffects(s)
        case let .log(level, text):
            s.log(level, text(s.language) ?? text.english)
        }
    }

    static func apply(_ s: inout AppState, _ command: TrainingCommand, _ fx: inout [Effect]) {
        guard let t = s.training else {
            s.log(.warning, s.t.trainingOnlyInSandbox)
            return
        }
        switch command {
        case let .clock(target):
            let date: Date
            switch target {
            case let .at(d): date = d
            case let .by(dt): date = s.now.addingTimeInterval(dt)
            case .start: date = t.settings.start
            case let .appointment(dt):
                guard let start = s.snapshot?.appointment.start else {
                    s.log(.warning, s.t.openCaseFirst)
                    return
                }
                date = start.addingTimeInterval(dt)
            }
            fx.append(.training(.setClock(date)))
        case let .role(role, account):
            guard let actor = actor(for: role, account: account, s) else {
                s.log(
                    .warning,
                    role == .applicant
                        ? s.t.noApplicantAccount
                        : s.t.openCaseWithRepresentative)
                return
            }
            if actor != s.config.actor { switchActor(&s, actor, &fx) }
        case .nextRole:
            let current = roleOrder.firstIndex(of: s.config.actor.role) ?? 0
            var skipped: [String] = []
            for step in 1...roleOrder.count {
                let role = roleOrder[(current + step) % roleOrder.count]
                if let actor = actor(for: role, account: nil, s) {
                    if !skipped.isEmpty { s.log(.info, s.t.rolesSkipped(skipped, caseOpen: s.snapshot != nil)) }
                    switchActor(&s, actor, &fx)
                    return
                }
                skipped.append(s.t.roleWord(role))
            }
        case let .open(receipt):
            open(&s, receipt, &fx)
        case let .openStory(i):
            guard let story = t.settings.stories[safe: i], let receipt = try? ReceiptNumber(parsing: story.receipt) else { return }
            s.training?.storyIndex = i
            s.config.actor =
                story.role.isStaff
                ? Actor(role: story.role, id: t.settings.staffID)
                : Actor(role: story.role, id: story.account ?? "")
            resetRequest(&s)
            s.log(.info, s.t.storyOpened(story.title, describe(s.config.actor, s.language)))
            open(&s, receipt, &fx)
        case .showStories:
            s.training?.panel = .stories
        case .showPanel:
            s.training?.panel = .trainer
        case .closePanel:
            s.training?.panel = nil
        case .reset:
            s.training?.panel = nil
            s.log(.info, s.t.resettingSandbox)
            fx.append(.training(.reset))
        }
    }

    // MARK: Roles and cases

    /// Who `role` is for the open case: its applicant's account, one of its representatives, or
    /// the trainer's staff login. Nil when the case has no such person (or none is open).
    static func actor(for role: Role, account: String?, _ s: AppState) -> Actor? {
        guard let t = s.training else { return nil }
        switch role {
        case .agent, .officer: return Actor(role: role, id: account ?? t.settings.staffID)
        case .applicant:
            guard let id = account ?? s.snapshot?.caseFile.applicantAccount else { return nil }
            return Actor(role: role, id: id)
        case .representative:
            guard let id = account ?? s.snapshot?.caseFile.representatives.sorted().first else { return nil }
            return Actor(role: role, id: id)
        }
    }

    static func describe(_ a: Actor, _ language: Language = .en) -> String {
        let t = Catalog(language)
        return t.actingAs(a.role, a.id, t.channelWord(online: a.role.channel == .online))
    }

    /// Acts as `actor` from now on; the open case is read again as they see it, and the verdict
    /// in the status pane follows.
    static func switchActor(_ s: inout AppState, _ actor: Actor, _ fx: inout [Effect]) {
        s.config.actor = actor
        resetRequest(&s)
        s.log(.info, s.t.nowActingAs(describe(actor, s.language)))
        if let snap = s.snapshot, snap.caseFile.isAuthorized(actor) {
            if s.phase != .picking {
                s.phase = .picking
                s.picking.focusTimes = false
            }
            if !actor.role.isStaff { fx.append(.loadCases) }
            fx.append(.loadCase(snap.caseFile.receipt))
            return
        }
        if s.snapshot != nil { s.log(.warning, s.t.mayNotSee(VerdictCode.notAuthorized.rawValue, actor.id)) }
        s.snapshot = nil
        s.picking.calendar = nil
        s.picking.selectedDay = nil
        s.find.receiptField.set("")
        s.phase = actor.role.isStaff ? .findCase : .caseList
        s.find.cases = []
        s.find.caseIndex = 0
        s.find.caseFilter.set("")
        s.find.filtering = false
        if s.phase == .caseList { fx.append(.loadCases) }
    }

    /// Forgets a half-made request (another role sees other reason items and channels).
    static func resetRequest(_ s: inout AppState) {
        s.reason.chosen = nil
        s.reason.explanation.set("")
        s.reason.note.set("")
        s.reason.notify = nil
        s.reason.focus = 0
        s.confirm.pendingRequestID = nil
        s.outcome.answer = nil
        s.review.approving = nil
        s.overlay = nil
    }

    /// Opens `receipt` as the current role, from wherever the session is.
    static func open(_ s: inout AppState, _ receipt: ReceiptNumber, _ fx: inout [Effect]) {
        s.training?.panel = nil
        resetRequest(&s)
        s.snapshot = nil
        s.picking.calendar = nil
        s.picking.selectedDay = nil
        s.picking.focusTimes = false
        s.find.filtering = false
        s.find.caseFilter.set("")
        if s.config.actor.role.isStaff {
            s.phase = .findCase
            s.find.receiptField.set(receipt.value)
        } else {
            s.phase = .caseList
            s.find.receiptField.set("")
            fx.append(.loadCases)
        }
        fx.append(.loadCase(receipt))
    }

    // MARK: Text

    /// The clock in the open case's zone (else UTC), as the header shows it.
    static func clockText(_ s: AppState, _ date: Date) -> String {
        let zone = s.snapshot?.center.zone ?? s.picking.calendar?.center.zone ?? ZoneRules(identifier: "UTC")!
        return s.t.dateTimeShort(date, zone)
    }

    /// `start +1 d 2 h`, `start −3 h`, `at start`.
    static func startRelative(_ s: AppState, _ date: Date) -> String {
        guard let start = s.training?.settings.start else { return "" }
        let d = date.timeIntervalSince(start)
        if abs(d) < 1 { return s.t.atStart }
        return s.t.startOffset((d > 0 ? "+" : "−") + TrainingDuration.text(d))
    }

    /// Where the clock is from the open case's appointment: `starts in 13 h`, `started 1 m ago`,
    /// `starts now`.
    static func appointmentRelative(_ s: AppState) -> String? {
        guard let start = s.snapshot?.appointment.start else { return nil }
        let d = start.timeIntervalSince(s.now)
        if abs(d) < 1 { return s.t.appointmentStartsNow }
        return d > 0 ? s.t.appointmentIn(TrainingDuration.text(d)) : s.t.appointmentStartedAgo(TrainingDuration.text(d))
    }
}
