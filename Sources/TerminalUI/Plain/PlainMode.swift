import Foundation
import Scheduling

/// The plain mode for screen readers: the same state and update as the full-screen UI, shown as
/// numbered menus and line prompts, one sentence per state change, no box drawing and no cursor
/// addressing. A line typed by the person becomes events for `App.update`.
public struct PlainMode {
    public private(set) var program: Program
    /// Messages already said.
    var said = 0
    /// Options of the menu last shown: number → events.
    var options: [(label: String, events: [Event])] = []
    /// Offered days of the calendar, paged.
    var dayPage = 0
    /// The state before the line being handled, to read back what was chosen.
    var previous: AppState?

    public init(program: Program) {
        self.program = program
    }

    /// Runs until the person quits or input ends. `readLine` gives one line (nil at end of input).
    public static func run(_ program: Program, readLine: () -> String?, write: (String) -> Void) -> String {
        var plain = PlainMode(program: program)
        write(plain.intro())
        write(plain.prompt())
        while !plain.program.state.quit {
            guard let line = readLine() else { return "end of input" } // not for a person: the end reason, never printed
            let reply = plain.handle(line)
            // Every message ends its line: a screen reader never hears it run into the next menu.
            if !reply.isEmpty { write(reply.hasSuffix("\n") ? reply : reply + "\n") }
            if plain.program.state.quit { break }
            write(plain.prompt())
        }
        return "quit"
    }

    public func intro() -> String {
        let s = program.state
        var lines = [s.t.plainIntro(who(s))]
        if s.config.isTraining { lines.append(s.t.plainTraining) }
        return lines.joined(separator: "\n") + "\n"
    }

    func who(_ s: AppState) -> String {
        s.t.plainWho(s.config.actor.role, s.config.actor.id)
    }

    /// Handles one line and returns what changed, in sentences.
    public mutating func handle(_ raw: String) -> String {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let s = program.state
        let before = s.phase
        previous = s
        switch line.lowercased() {
        case "q", "quit":
            forceQuit()
            return s.t.goodbye
        case "h", "help", "?":
            return ""
        case "b", "back":
            send(.back)
            if s.phase == .reason || s.phase == .confirm { send(.back) }
            return changes(since: before)
        case "n" where s.phase == .picking || s.phase == .reviewQueue:
            dayPage += 1
            return ""
        case "p" where s.phase == .picking || s.phase == .reviewQueue:
            dayPage = max(0, dayPage - 1)
            return ""
        case _ where s.overlay == .centerPicker && Int(line) == nil && !line.isEmpty:
            // Letters narrow the list of centers, as typing does on the full screen.
            edit(.deleteToStart)
            edit(.home)
            edit(.deleteToEnd)
            for c in line { program.send(.key(.char(c))) }
            dayPage = 0
            return ""
        default: break
        }
        // A number chooses one of the callers a search listed; any other text searches again.
        if s.phase == .findCase, let n = Int(line), s.find.callersListed, (1...options.count).contains(n) {
            for e in options[n - 1].events { program.send(e) }
            return changes(since: before)
        }
        // Free text where a field is expected.
        if let field = expectedField(s) {
            return fill(field, with: line, before: before)
        }
        if s.phase == .caseList, Int(line) == nil, !line.isEmpty {
            // A receipt typed instead of a number: looked up like the full-screen "/" search.
            send(.search)
            for c in line { program.send(.key(.char(c))) }
            send(.select)
            if program.state.phase == .caseList && program.state.messages.count == said {
                send(.back)
                return s.t.notAReceiptOrNumber(line) + "\n"
            }
            return changes(since: before)
        }
        guard let n = Int(line), n >= 1, n <= options.count else {
            return s.t.notAChoice(line, options.count)
        }
        for e in options[n - 1].events { program.send(e) }
        if program.state.phase != before || program.state.picking.focusTimes != s.picking.focusTimes || program.state.overlay != s.overlay { dayPage = 0 }
        return changes(since: before)
    }

    mutating func forceQuit() {
        // Quit asks first when a request is half filled; in plain mode "q" is the answer itself.
        send(.quit)
        if program.state.overlay == .quitConfirm { send(.select) }
    }

    /// Plain mode's keys are the keymap's: the key bound to `action` where the person is.
    func keys(_ action: Action, in context: FocusContext? = nil, fieldEmpty: Bool = false) -> [Event] {
        let s = program.state
        return Keymap.key(for: action, in: context ?? s.focusContext, training: s.training != nil, fieldEmpty: fieldEmpty).map { [.key($0)] } ?? []
    }

    mutating func send(_ action: Action, in context: FocusContext? = nil, fieldEmpty: Bool = false) {
        for e in keys(action, in: context, fieldEmpty: fieldEmpty) { program.send(e) }
    }

    mutating func edit(_ e: FieldEdit) { program.send(.key(Keymap.key(for: e))) }

    enum Field { case receipt, caseSearch, explanation, note, reviewNote, savePath, waitlistField }

    func expectedField(_ s: AppState) -> Field? {
        if case .reviewNote? = s.overlay { return .reviewNote }
        if s.overlay == .savePrompt { return .savePath }
        if s.overlay == nil, let w = s.waitlist, w.shown, w.form != nil, w.confirm == nil { return .waitlistField }
        switch s.phase {
        case .findCase: return .receipt
        case .reason:
            switch s.reasonItems[safe: s.reason.focus] {
            case .explanation?: return .explanation
            case .note?: return .note
            default: return nil
            }
        default: return nil
        }
    }

    mutating func fill(_ field: Field, with text: String, before: Phase) -> String {
        switch field {
        case .receipt:
            if text.lowercased() == "r" && program.state.config.actor.role == .officer {
                send(.reviewQueue, in: .findCase, fieldEmpty: true)
                return changes(since: before)
            }
            send(.back) // a new search: the field and the last matches cleared
            for c in text { program.send(.key(.char(c))) }
            send(.select)
        case .explanation, .note, .reviewNote, .savePath:
            edit(.home)
            edit(.deleteToEnd)
            for c in text { program.send(.key(.char(c))) }
            send(.select)
            if field == .reviewNote || field == .savePath { return changes(since: before) }
            // After the text, go on to the next item the person must decide.
            if program.state.reasonItems[safe: program.state.reason.focus] == .notify { return program.state.t.noted }
        case .caseSearch:
            break
        case .waitlistField:
            // Enter alone keeps the field, "-" empties it; the last field sends the request.
            guard let f = program.state.waitlist?.form else { break }
            if !text.isEmpty {
                edit(.home)
                edit(.deleteToEnd)
                if text != "-" { for c in text { program.send(.key(.char(c))) } }
            }
            send(f.focus == WaitlistForm.Field.allCases.last ? .select : .focusNext)
        }
        return changes(since: before)
    }

    /// One sentence per change: new messages, and the new phase's situation.
    mutating func changes(since before: Phase) -> String {
        let s = program.state
        var out: [String] = []
        // Every choice is read back: a time chosen, a confirmation channel changed.
        if let p = previous {
            if p.phase == .picking, s.phase == .reason, let slot = s.picking.selectedSlot, let c = s.picking.calendar?.center {
                out.append(s.t.timeChosen("\(slot.slot.local.time.hhmm) \(c.zone.abbreviation(at: slot.slot.start))"))
            }
            if p.phase == .reason, s.reason.notify != p.reason.notify { out.append(s.t.confirmationGoesBy(s.notifyLabel(s.reason.notify))) }
        }
        for m in s.messages.dropFirst(said) { out.append(m.text) }
        said = s.messages.count
        if s.phase != before {
            if let d = describe(s) { out.append(d) }
        } else if out.isEmpty {
            // The same step, one choice further: say what was chosen.
            if s.phase == .picking, s.picking.focusTimes, let day = s.picking.selectedDay {
                out.append(s.t.dayChosen(s.t.day(day)))
            } else if s.phase == .reason, let r = s.reason.chosen {
                out.append(s.t.reasonChosen(s.t.reasonTitle(r)))
            } else if let d = describe(s) {
                out.append(d)
            }
        }
        return out.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }

    func describe(_ s: AppState) -> String? {
        let t = s.t
        switch s.phase {
        case .picking:
            guard let snap = s.snapshot else { return nil }
            var text = t.plainCase(
                snap.caseFile.receipt.value, snap.caseFile.form.code, snap.caseFile.applicantName,
                t.dateTimeLong(snap.appointment.start, snap.center.zone), snap.center.name,
                used: snap.appointment.priorReschedules, limit: ReschedulePolicy.onlineLimit)
            for f in s.flags { text += " \(f.rawValue): \(t.sentence(f))" }
            if let v = s.verdict {
                text +=
                    " "
                    + (v.decision == .allowed
                        ? t.plainAllowed : v.decision == .escalated ? t.plainOfficerMust : t.plainRefused(v.codes.map(\.rawValue).joined(separator: ", ")))
                text += " \(v.message(in: s.language))"
                if let g = v.guidance(in: s.language) { text += " \(g)" }
            }
            return text
        case .outcome:
            guard let o = s.outcome.answer else { return nil }
            if let n = o.notice { return t.noticeFollows + "\n\n" + n.text(in: s.noticeLanguage) }
            return o.verdict.message(in: s.language) + (o.verdict.guidance(in: s.language).map { " " + $0 } ?? "")
        case .confirm:
            guard let snap = s.snapshot, let slot = s.picking.selectedSlot, let c = s.picking.calendar?.center else { return nil }
            return t.plainMove(
                t.dateTimeLong(snap.appointment.start, snap.center.zone), snap.center.name, t.dateTimeLong(slot.slot.start, c.zone), c.name,
                s.reason.chosen.map(t.reasonTitle) ?? t.reasonNone)
        default:
            return nil
        }
    }

    /// The prompt for the current state: numbered options, or a line to type.
    public mutating func prompt() -> String {
        let s = program.state
        let t = s.t
        options = []
        var lines: [String] = []
        if s.overlay == .quitConfirm {
            options = [(t.quitLose, keys(.select)), (t.stay, keys(.back))]
        } else if case let .approveOther(_, when, preferred)? = s.overlay {
            lines.append(t.approveOtherFull(preferred) + " " + t.approveOtherAsk(when))
            options = [(t.approveOtherYes, keys(.select)), (t.approveOtherNo, keys(.back))]
        } else if s.overlay == .centerPicker {
            let list = s.visibleCenters
            let pageSize = 9
            let page = min(dayPage, max(0, (list.count - 1) / pageSize))
            if list.isEmpty {
                lines.append(s.centerPicker.centers.isEmpty ? t.loadingCenters : t.noCenterMatches)
            } else {
                lines.append(t.plainCentersPage(s.centerPicker.filter.text, page + 1, (list.count + pageSize - 1) / pageSize))
            }
            for (i, c) in list.enumerated().dropFirst(page * pageSize).prefix(pageSize) {
                options.append(("\(c.name) [\(c.code)], \(c.city), \(c.state)", [.click(.listRow(i))]))
            }
        } else if s.overlay == .savePrompt {
            return t.fileNamePrompt + "\n"
        } else if case let .replaceConfirm(path)? = s.overlay {
            lines.append(t.fileExists(Echo.show(path, limit: 60)) + " " + t.replaceLoses)
            options = [(t.replaceYes, keys(.select)), (t.replaceNo, keys(.back))]
        } else if case let .reviewNote(approve)? = s.overlay {
            return t.typeReviewNote(approve: approve) + "\n"
        } else if s.overlay == nil, let w = s.waitlist, w.shown {
            if let f = w.form {
                lines += w.problems
                let field = f.focus
                lines.append(t.plainTypeField(t.waitlistFieldName(field.rawValue), t.waitlistFieldHint(field.rawValue), f[field].text))
                return lines.joined(separator: "\n") + "\n"
            }
            lines += Self.waitlistLines(s, w)
            if let c = w.confirm {
                switch c {
                case let .accept(id):
                    let o = w.view?.openOffers.first { $0.id == id }
                    let zone = o.flatMap { w.view?.centers[$0.centerCode]?.zone } ?? ZoneRules(identifier: "UTC")!
                    lines.append(t.waitlistAcceptAsk(o.map { t.dateTimeLong($0.start, zone) } ?? String(id)))
                case .decline: lines.append(t.waitlistDeclineAsk)
                case .withdraw: lines.append(t.waitlistWithdrawAsk)
                }
                options = [(t.plainYesDoIt, keys(.select)), (t.plainNoKeepIt, keys(.back))]
            } else {
                if w.offer != nil { options += [(t.plainAcceptOffer, keys(.acceptOffer)), (t.plainDeclineOffer, keys(.declineOffer))] }
                options.append((t.plainAskWaitlist, keys(.askWaitlist)))
                if w.view?.request != nil { options.append((t.plainWithdrawWaitlist, keys(.withdrawWaitlist))) }
                options.append((t.plainCloseWaitlist, keys(.back)))
            }
        } else {
            switch s.phase {
            case .findCase:
                let ask = t.plainFindPrompt(officer: s.config.actor.role == .officer) + "\n"
                guard s.find.callersListed, let found = s.find.callers else { return ask }
                for (i, m) in found.matches.enumerated() {
                    let next = m.next.flatMap { a in
                        m.centerTimeZone.flatMap(ZoneRules.init(identifier:)).map { t.nextAppointment(a.centerCode, t.dateTimeShort(a.start, $0)) }
                    }
                    .map { m.centerClosed ? t.withClosedDay($0) : $0 } // R17
                    options.append((t.plainMatch(m.name, m.dateOfBirth?.iso ?? t.unknownWord, m.form, next ?? t.noAppointmentScheduled), [.click(.listRow(i))]))
                }
                for (i, o) in options.enumerated() { lines.append("\(i + 1). \(o.label)") }
                lines.append(t.plainChooseMatch(options.count))
                return lines.joined(separator: "\n") + "\n"
            case .caseList:
                let list = s.find.visibleCases
                if list.isEmpty { lines.append(t.noLinkedCases) }
                for (i, c) in list.enumerated() {
                    options.append(("\(c.receipt.value), \(c.form.code), \(c.applicantName)", [.click(.listRow(i))]))
                }
                lines.append(t.chooseCase)
            case .picking where s.refusedAtOpen != nil:
                lines.append(t.plainCannotReschedule(online: s.config.actor.role.channel == .online))
                options = [(t.backOption, keys(.back)), (t.quitOption, keys(.quit)), (t.plainWaitlistOption, keys(.waitlist, in: .refusal))]
            case .picking:
                guard let cal = s.picking.calendar else { return t.loadingShort + "\n" }
                let days = cal.days.keys.sorted().filter { !(cal.days[$0]?.offered.isEmpty ?? true) }
                if s.picking.focusTimes, let day = s.picking.selectedDay, let summary = cal.days[day] {
                    let pageSize = 9
                    let page = min(dayPage, max(0, (summary.offered.count - 1) / pageSize))
                    let pages = (summary.offered.count + pageSize - 1) / pageSize
                    lines.append(
                        summary.offered.count > pageSize
                            ? t.timesOnPaged(t.day(day), cal.center.name, cal.center.zone.identifier, page + 1, pages)
                            : t.timesOn(t.day(day), cal.center.name, cal.center.zone.identifier))
                    for i in summary.offered.dropFirst(page * pageSize).prefix(pageSize) {
                        let slot = summary.slots[i]
                        options.append(
                            (
                                "\(slot.slot.local.time.hhmm) \(cal.center.zone.abbreviation(at: slot.slot.start)), \(t.freeOf(slot.free, slot.slot.stations))",
                                [.click(.time(i))] + keys(.select, in: .times)
                            ))
                    }
                } else if days.isEmpty {
                    lines.append(t.noFreeDayChooseCenter(cal.center.name))
                } else {
                    let pageSize = 9
                    let page = min(dayPage, (days.count - 1) / pageSize)
                    lines.append(t.daysWithFree(cal.center.name, page: page + 1, of: (days.count + pageSize - 1) / pageSize))
                    for d in days.dropFirst(page * pageSize).prefix(pageSize) {
                        let free = cal.days[d]!.offered.count
                        options.append(("\(t.day(d)), \(t.timesFree(free))", [.click(.day(d.epochDay))] + keys(.select, in: .calendar)))
                    }
                }
                if !s.picking.focusTimes {
                    options.append((t.anotherCenter(cal.center.name), keys(.changeCenter)))
                    options.append((t.plainWaitlistOption, keys(.waitlist, in: .calendar)))
                }
            case .reason:
                let items = s.reasonItems
                switch items[safe: s.reason.focus] {
                case .explanation?: return t.typeOtherReason + "\n"
                case .note?: return t.typeNote + "\n"
                default: break
                }
                if s.reason.chosen == nil {
                    lines.append(s.config.actor.role.isStaff ? t.chooseReason : t.chooseReasonYou)
                    if s.snapshot?.centerClosedThatDay == true, let proceed = items.firstIndex(of: .proceed) {
                        options.append((t.closedDayNoReason, [.click(.listRow(proceed))])) // R17
                    }
                    for (i, item) in items.enumerated() {
                        if case let .reason(r) = item { options.append((t.reasonTitle(r), [.click(.listRow(i))])) }
                    }
                } else {
                    let notifyIndex = items.firstIndex(of: .notify)!
                    let proceedIndex = items.firstIndex(of: .proceed)!
                    let order = s.notifyChoices
                    lines.append(
                        order.count > 1 || s.config.actor.role.isStaff
                            ? t.howConfirmation
                            : t.confirmationGoesBy(s.notifyLabel(order[0])))
                    func setNotify(_ target: NotifyChannel?) -> [Event] {
                        // Enter on the notify item cycles through the choices in order.
                        let from = order.firstIndex(of: s.reason.notify) ?? 0, to = order.firstIndex(of: target)!
                        return Array(repeating: Event.click(.listRow(notifyIndex)), count: (to - from + order.count) % order.count) + [
                            .click(.listRow(proceedIndex))
                        ]
                    }
                    options = order.map { channel in
                        let label = s.notifyLabel(channel)
                        return (label.prefix(1).uppercased() + label.dropFirst(), setNotify(channel))
                    }
                }
            case .confirm:
                options = [(t.yesDo(escalate: s.verdict?.decision == .escalated), keys(.select)), (t.noGoBack, keys(.back))]
            case .submitting:
                return t.working + "\n"
            case .outcome:
                options = [(t.anotherCase, keys(.findCase)), (t.backToCase, keys(.back)), (t.quitOption, keys(.quit))]
                // The notice can be saved, as on the full screen.
                if s.outcome.answer?.notice != nil && s.config.canWriteFiles { options.insert((t.saveNoticeOption, keys(.saveNotice)), at: 0) }
            case .reviewQueue:
                let list = s.review.visible
                if list.isEmpty { lines.append(s.review.queue.isEmpty ? t.noReviewWaiting : t.noRequestWithCode(s.review.filter?.rawValue ?? "")) }
                let pageSize = 3
                let page = min(dayPage, max(0, (list.count - 1) / pageSize))
                if list.count > pageSize {
                    lines.append(t.plainRequestsPage(s.review.filter?.rawValue, page + 1, (list.count + pageSize - 1) / pageSize))
                }
                for (i, r) in list.enumerated().dropFirst(page * pageSize).prefix(pageSize) {
                    lines.append("")
                    lines += ReviewView.detailLines(r, now: s.now, s.language, ownOnTraining: s.config.ownRequestOnTraining(r)).map(\.0)
                    options.append((t.approveNamed(r.requestID, r.applicantName), [.click(.listRow(i))] + keys(.approve)))
                    options.append((t.denyOption(r.requestID), [.click(.listRow(i))] + keys(.deny)))
                }
                if !s.review.queue.isEmpty {
                    let next =
                        s.review.filter.flatMap { ReviewItem.filterCodes.firstIndex(of: $0) }.map {
                            $0 + 1 < ReviewItem.filterCodes.count ? ReviewItem.filterCodes[$0 + 1].rawValue : "all"
                        }
                        ?? ReviewItem.filterCodes[0].rawValue
                    options.append((next == "all" ? t.showAllRequests : t.showOnly(next), keys(.filterCode)))
                }
            }
        }
        for (i, o) in options.enumerated() { lines.append("\(i + 1). \(o.label)") }
        lines.append(t.chooseRange(options.count))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The waiting list as sentences: the open offer (slot and deadline in the center's zone), the
    /// request and its place, and why the last ask was refused.
    static func waitlistLines(_ s: AppState, _ w: WaitlistState) -> [String] {
        let t = s.t
        guard let view = w.view else { return [t.loading] }
        var out: [String] = []
        if let o = w.offer {
            let c = view.centers[o.centerCode]
            let zone = c?.zone ?? ZoneRules(identifier: "UTC")!
            out.append(s.config.actor.role.isStaff ? t.waitlistOfferHeldCaller(String(o.id)) : t.waitlistOfferHeldYou(String(o.id)))
            out.append(t.waitlistOfferSlot(t.dateTimeLong(o.start, zone), c.map { "\($0.name) (\($0.code))" } ?? o.centerCode))
            out.append(t.waitlistOfferDeadline(t.dateTimeLong(o.deadline, zone), WaitlistView.minutesLeft(o.deadline, s.now)))
        } else {
            out.append(t.waitlistNoOffer)
        }
        if let e = view.request {
            out.append(
                t.waitlistRequestPlace(view.place ?? 1) + ". " + t.waitlistRequestCenters(e.request.centers.joined(separator: ", ")) + ". "
                    + t.waitlistRequestRange(e.request.from.map(t.day) ?? t.waitlistAnyDay, e.request.before.map(t.day) ?? t.waitlistBeforeAppointment) + "."
                    + (e.request.exclusions.isEmpty ? "" : " " + t.waitlistRequestNot(e.request.exclusions.text) + "."))
        } else {
            out.append(t.waitlistNoRequest)
        }
        if let v = w.refusal {
            out.append(
                t.codesLine(v.codes.map(\.rawValue).joined(separator: ", ")) + " " + v.message(in: s.language)
                    + (v.guidance(in: s.language).map { " " + $0 } ?? ""))
        }
        return out
    }
}
