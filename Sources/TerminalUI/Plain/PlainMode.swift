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

    public init(program: Program) {
        self.program = program
    }

    /// Runs until the person quits or input ends. `readLine` gives one line (nil at end of input).
    public static func run(_ program: Program, readLine: () -> String?, write: (String) -> Void) -> String {
        var plain = PlainMode(program: program)
        write(plain.intro())
        write(plain.prompt())
        while !plain.program.state.quit {
            guard let line = readLine() else { return "end of input" }
            let reply = plain.handle(line)
            if !reply.isEmpty { write(reply) }
            if plain.program.state.quit { break }
            write(plain.prompt())
        }
        return "quit"
    }

    public func intro() -> String {
        let s = program.state
        var lines = ["biosched, plain mode. \(who(s)). Type a number and Enter to choose; b goes back, q quits, h repeats the options."]
        if s.config.isTraining { lines.append("Training store: demo data, not real cases.") }
        return lines.joined(separator: "\n") + "\n"
    }

    func who(_ s: AppState) -> String {
        switch s.config.actor.role {
        case .applicant: "Applicant \(s.config.actor.id), online"
        case .representative: "Representative \(s.config.actor.id), online"
        case .agent: "Agent \(s.config.actor.id), contact center"
        case .officer: "Officer \(s.config.actor.id), contact center"
        }
    }

    /// Handles one line and returns what changed, in sentences.
    public mutating func handle(_ raw: String) -> String {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let s = program.state
        let before = s.phase
        switch line.lowercased() {
        case "q", "quit":
            forceQuit()
            return "Goodbye."
        case "h", "help", "?":
            return ""
        case "b", "back":
            program.send(.key(.escape))
            if s.phase == .reason || s.phase == .confirm { program.send(.key(.escape)) }
            return changes(since: before)
        case "n" where s.phase == .picking || s.phase == .reviewQueue:
            dayPage += 1; return ""
        case "p" where s.phase == .picking || s.phase == .reviewQueue:
            dayPage = max(0, dayPage - 1); return ""
        case _ where s.overlay == .centerPicker && Int(line) == nil && !line.isEmpty:
            // Letters narrow the list of centers, as typing does on the full screen.
            program.send(.key(.ctrl("u"))); program.send(.key(.ctrl("a"))); program.send(.key(.ctrl("k")))
            for c in line { program.send(.key(.char(c))) }
            dayPage = 0
            return ""
        default: break
        }
        // A number chooses one of the callers a search listed; any other text searches again.
        if s.phase == .findCase, let n = Int(line), s.callersListed, (1...options.count).contains(n) {
            for e in options[n - 1].events { program.send(e) }
            return changes(since: before)
        }
        // Free text where a field is expected.
        if let field = expectedField(s) {
            return fill(field, with: line, before: before)
        }
        if s.phase == .caseList, Int(line) == nil, !line.isEmpty {
            // A receipt typed instead of a number: looked up like the full-screen "/" search.
            program.send(.key(.char("/")))
            for c in line { program.send(.key(.char(c))) }
            program.send(.key(.enter))
            if program.state.phase == .caseList && program.state.messages.count == said {
                program.send(.key(.escape))
                return "\"\(line)\" is not a receipt number: expected three letters and ten digits, or a number from the list.\n"
            }
            return changes(since: before)
        }
        guard let n = Int(line), n >= 1, n <= options.count else {
            return "\"\(line)\" is not one of the choices: type a number from 1 to \(options.count), or b, q, h."
        }
        for e in options[n - 1].events { program.send(e) }
        if program.state.phase != before || program.state.focusTimes != s.focusTimes || program.state.overlay != s.overlay { dayPage = 0 }
        return changes(since: before)
    }

    mutating func forceQuit() {
        // Quit asks first when a request is half filled; in plain mode "q" is the answer itself.
        program.send(.key(.ctrl("c")))
        if program.state.overlay == .quitConfirm { program.send(.key(.char("y"))) }
    }

    enum Field { case receipt, caseSearch, explanation, note, reviewNote }

    func expectedField(_ s: AppState) -> Field? {
        if case .reviewNote? = s.overlay { return .reviewNote }
        switch s.phase {
        case .findCase: return .receipt
        case .reason:
            switch s.reasonItems[safe: s.reasonFocus] {
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
                program.send(.key(.char("r"))); return changes(since: before)
            }
            program.send(.key(.escape))   // a new search: the field and the last matches cleared
            for c in text { program.send(.key(.char(c))) }
            program.send(.key(.enter))
        case .explanation, .note, .reviewNote:
            program.send(.key(.ctrl("a"))); program.send(.key(.ctrl("k")))
            for c in text { program.send(.key(.char(c))) }
            program.send(.key(.enter))
            if field == .reviewNote { return changes(since: before) }
            // After the text, go on to the next item the person must decide.
            if program.state.reasonItems[safe: program.state.reasonFocus] == .notify { return "Noted." }
        case .caseSearch:
            break
        }
        return changes(since: before)
    }

    /// One sentence per change: new messages, and the new phase's situation.
    mutating func changes(since before: Phase) -> String {
        let s = program.state
        var out: [String] = []
        for m in s.messages.dropFirst(said) { out.append(m.text) }
        said = s.messages.count
        if s.phase != before {
            if let d = describe(s) { out.append(d) }
        } else if out.isEmpty {
            // The same step, one choice further: say what was chosen.
            if s.phase == .picking, s.focusTimes, let day = s.selectedDay { out.append("\(day.weekday.shortName) \(day.iso) chosen.") }
            else if s.phase == .reason, let r = s.reason { out.append("Reason: \(r.title).") }
            else if let d = describe(s) { out.append(d) }
        }
        return out.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }

    func describe(_ s: AppState) -> String? {
        switch s.phase {
        case .picking:
            guard let snap = s.snapshot else { return nil }
            var text = "Case \(snap.caseFile.receipt.value), \(snap.caseFile.form.code), \(snap.caseFile.applicantName): appointment \(snap.center.zone.formatLong(snap.appointment.start)) at \(snap.center.name), \(snap.appointment.priorReschedules) of 2 online reschedules used."
            for f in s.flags { text += " \(f.rawValue): \(f.sentence)" }
            if let v = s.verdict {
                text += " " + (v.decision == .allowed ? "Allowed." : v.decision == .escalated ? "An officer must review it." : "Refused: \(v.codes.map(\.rawValue).joined(separator: ", ")).")
                text += " \(v.message)"
                if let g = v.guidance { text += " \(g)" }
            }
            return text
        case .outcome:
            guard let o = s.outcome else { return nil }
            if let n = o.notice { return "The new appointment notice follows; print it and bring it.\n\n" + n.text }
            return o.verdict.message + (o.verdict.guidance.map { " " + $0 } ?? "")
        case .confirm:
            guard let snap = s.snapshot, let slot = s.selectedSlot, let c = s.calendar?.center else { return nil }
            return "Move from \(snap.center.zone.formatLong(snap.appointment.start)) at \(snap.center.name) to \(c.zone.formatLong(slot.slot.start)) at \(c.name), reason: \(s.reason?.title ?? "none")."
        default:
            return nil
        }
    }

    /// The prompt for the current state: numbered options, or a line to type.
    public mutating func prompt() -> String {
        let s = program.state
        options = []
        var lines: [String] = []
        if s.overlay == .quitConfirm {
            options = [("Quit and lose the request", [.key(.char("y"))]), ("Stay", [.key(.char("n"))])]
        } else if s.overlay == .centerPicker {
            let list = s.visibleCenters
            let pageSize = 9
            let page = min(dayPage, max(0, (list.count - 1) / pageSize))
            if list.isEmpty { lines.append(s.centers.isEmpty ? "Loading the centers." : "No center matches \"\(s.centerFilter.text)\".") }
            else {
                lines.append("Centers\(s.centerFilter.text.isEmpty ? "" : " matching \"\(s.centerFilter.text)\""), page \(page + 1) of \((list.count + pageSize - 1) / pageSize) (n next page, p previous; type letters to narrow the list):")
            }
            for (i, c) in list.enumerated().dropFirst(page * pageSize).prefix(pageSize) {
                options.append(("\(c.name) [\(c.code)], \(c.city), \(c.state)", [.click(.listRow(i))]))
            }
        } else if case let .reviewNote(approve)? = s.overlay {
            return "Type a note saying why the request is \(approve ? "approved" : "denied"), then Enter:\n"
        } else {
            switch s.phase {
            case .findCase:
                let ask = "Type a receipt number, an A-number, a name (a surname, or a name and a date of birth), a phone or an email\(s.config.actor.role == .officer ? ", or r for the review queue" : ""), then Enter:\n"
                guard s.callersListed, let found = s.callers else { return ask }
                for (i, m) in found.matches.enumerated() {
                    let next = m.next.flatMap { a in m.centerTimeZone.flatMap(ZoneRules.init(identifier:)).map { "next appointment \(a.centerCode) \($0.formatLong(a.start))" } }
                    options.append(("\(m.name), born \(m.dateOfBirth?.iso ?? "unknown"), \(m.form), \(next ?? "no appointment scheduled")", [.click(.listRow(i))]))
                }
                for (i, o) in options.enumerated() { lines.append("\(i + 1). \(o.label)") }
                lines.append("Choose 1 to \(options.count) to open a case, or type another search (q quits):")
                return lines.joined(separator: "\n") + "\n"
            case .caseList:
                let list = s.visibleCases
                if list.isEmpty { lines.append("No cases are linked to your account.") }
                for (i, c) in list.enumerated() {
                    options.append(("\(c.receipt.value), \(c.form.code), \(c.applicantName)", [.click(.listRow(i))]))
                }
                lines.append("Choose a case, or type its receipt number.")
            case .picking where s.refusedAtOpen != nil:
                lines.append("Nothing was changed: this case cannot be rescheduled \(s.config.actor.role.channel == .online ? "online" : "here").")
                options = [("Back", [.key(.escape)]), ("Quit", [.key(.ctrl("c"))])]
            case .picking:
                guard let cal = s.calendar else { return "Loading.\n" }
                let days = cal.days.keys.sorted().filter { !(cal.days[$0]?.offered.isEmpty ?? true) }
                if s.focusTimes, let day = s.selectedDay, let summary = cal.days[day] {
                    let pageSize = 9
                    let page = min(dayPage, max(0, (summary.offered.count - 1) / pageSize))
                    let paged = summary.offered.count > pageSize
                        ? " (page \(page + 1) of \((summary.offered.count + pageSize - 1) / pageSize); n more times, p previous)" : ""
                    lines.append("Times on \(day.weekday.shortName) \(day.iso) at \(cal.center.name), in \(cal.center.zone.identifier)\(paged):")
                    for i in summary.offered.dropFirst(page * pageSize).prefix(pageSize) {
                        let slot = summary.slots[i]
                        options.append(("\(slot.slot.local.time.hhmm) \(cal.center.zone.abbreviation(at: slot.slot.start)), \(slot.free) of \(slot.slot.stations) free",
                                        [.click(.time(i)), .key(.enter)]))
                    }
                } else if days.isEmpty {
                    lines.append("No day in the booking window has a free slot at \(cal.center.name). Choose another center:")
                } else {
                    let pageSize = 9
                    let page = min(dayPage, (days.count - 1) / pageSize)
                    lines.append("Days with free slots at \(cal.center.name) (page \(page + 1) of \((days.count + pageSize - 1) / pageSize); n next page, p previous):")
                    for d in days.dropFirst(page * pageSize).prefix(pageSize) {
                        let free = cal.days[d]!.offered.count
                        options.append(("\(d.weekday.shortName) \(d.iso), \(free) times free", [.click(.day(d.epochDay)), .key(.enter)]))
                    }
                }
                if !s.focusTimes { options.append(("Another center (now \(cal.center.name))", [.key(.char("c"))])) }
            case .reason:
                let items = s.reasonItems
                switch items[safe: s.reasonFocus] {
                case .explanation?: return "Type the other reason, then Enter:\n"
                case .note?: return "Type a note for the record (or just Enter for none):\n"
                default: break
                }
                if s.reason == nil {
                    lines.append("Why can't they attend? Choose a reason:")
                    for (i, item) in items.enumerated() {
                        if case let .reason(r) = item { options.append((r.title, [.click(.listRow(i))])) }
                    }
                } else {
                    let notifyIndex = items.firstIndex(of: .notify)!
                    let proceedIndex = items.firstIndex(of: .proceed)!
                    let order = s.notifyChoices
                    lines.append(order.count > 1 || s.config.actor.role.isStaff
                                 ? "How should the confirmation be sent?"
                                 : "The confirmation goes by \(s.notifyLabel(order[0])).")
                    func setNotify(_ target: NotifyChannel?) -> [Event] {
                        // Enter on the notify item cycles through the choices in order.
                        let from = order.firstIndex(of: s.notify) ?? 0, to = order.firstIndex(of: target)!
                        return Array(repeating: Event.click(.listRow(notifyIndex)), count: (to - from + order.count) % order.count) + [.click(.listRow(proceedIndex))]
                    }
                    options = order.map { channel in
                        let label = s.notifyLabel(channel)
                        return (label.prefix(1).uppercased() + label.dropFirst(), setNotify(channel))
                    }
                }
            case .confirm:
                options = [("Yes, \(s.verdict?.decision == .escalated ? "send it to an officer" : "book it")", [.key(.enter)]), ("No, go back", [.key(.escape)])]
            case .submitting:
                return "Working.\n"
            case .outcome:
                options = [("Another case", [.key(.char("n"))]), ("Back to this case", [.key(.escape)]), ("Quit", [.key(.ctrl("c"))])]
            case .reviewQueue:
                let list = s.visibleReviews
                let filter = s.reviewFilter.map { " with \($0.rawValue)" } ?? ""
                if list.isEmpty { lines.append(s.reviews.isEmpty ? "No escalated request is waiting." : "No request\(filter) is waiting.") }
                let pageSize = 3
                let page = min(dayPage, max(0, (list.count - 1) / pageSize))
                if list.count > pageSize {
                    lines.append("Requests\(filter), oldest first, page \(page + 1) of \((list.count + pageSize - 1) / pageSize) (n next page, p previous):")
                }
                for (i, r) in list.enumerated().dropFirst(page * pageSize).prefix(pageSize) {
                    lines.append("")
                    lines += ReviewView.detailLines(r, now: s.now).map(\.0)
                    options.append(("Approve \(r.requestID) (\(r.applicantName))", [.click(.listRow(i)), .key(.char("a"))]))
                    options.append(("Deny \(r.requestID)", [.click(.listRow(i)), .key(.char("d"))]))
                }
                if !s.reviews.isEmpty {
                    let next = s.reviewFilter.flatMap { ReviewItem.filterCodes.firstIndex(of: $0) }.map { $0 + 1 < ReviewItem.filterCodes.count ? ReviewItem.filterCodes[$0 + 1].rawValue : "all" }
                        ?? ReviewItem.filterCodes[0].rawValue
                    options.append(("Show \(next == "all" ? "all requests" : "only \(next)")", [.key(.char("f"))]))
                }
            }
        }
        for (i, o) in options.enumerated() { lines.append("\(i + 1). \(o.label)") }
        lines.append("Choose 1 to \(options.count), b back, q quit:")
        return lines.joined(separator: "\n") + "\n"
    }
}
