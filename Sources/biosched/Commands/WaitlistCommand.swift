import ArgumentParser
import Foundation
import Scheduling

/// `biosched waitlist`: ask to be offered an earlier slot, withdraw, and see the list (staff: per
/// center; an applicant or representative: their own requests and their place). docs/waitlist.md.
struct WaitlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waitlist", abstract: "The waiting list for earlier slots: add, remove, or show it.",
        subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the waiting list (staff: every center; others: their own cases).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this center.") var center: String?

        func run() throws {
            let s = try Session.open(global)
            let code = try center.map { try s.center($0).code }
            let o: WaitlistOverview
            do { o = try WaitlistService.overview(for: s.actor, center: code, in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            let zones = Dictionary(uniqueKeysWithValues: ((try? s.store.centers()) ?? []).map { ($0.code, $0.zone) })
            if s.json {
                s.sayJSON([
                    "centers": o.centers.map { l -> [String: Any] in
                        [
                            "center": l.center, "waiting": l.waiting, "oldest": l.oldest.map(JSONOutput.iso) as Any,
                            "offersOut": l.offersOut, "accepted": l.accepted, "expired": l.expired
                        ]
                    },
                    "requests": o.entries.map { WaitlistCommand.entryJSON($0.entry, place: $0.place) },
                    "offers": o.offers.map { OffersCommand.offerJSON($0, zone: zones[$0.centerCode], now: s.now) }
                ])
                return
            }
            var lines: [String] = []
            if s.actor.role.isStaff {
                lines.append(s.t.waitlistHeader)
                for l in o.centers {
                    let oldest = l.oldest.map { zones[l.center]?.format($0) ?? JSONOutput.iso($0) } ?? "-"
                    lines.append(
                        Echo.terminalSafe(
                            String(
                                format: "%-6@ %7d  %-22@ %6d %8d %7d", l.center as NSString, l.waiting, oldest as NSString,
                                l.offersOut, l.accepted, l.expired)))
                }
                if o.centers.isEmpty { lines.append(s.t.waitlistEmpty) }
            } else if o.entries.isEmpty {
                lines.append(s.t.waitlistNoneOfYours)
            }
            for (e, place) in o.entries where !s.actor.role.isStaff || code != nil {
                lines.append(
                    s.t.waitlistEntryLine(
                        e.request.receipt.value, e.request.centers.joined(separator: ","), place,
                        e.request.from?.iso ?? "-", e.request.before?.iso ?? "-", e.request.exclusions.text))
            }
            for offer in o.offers where offer.state(at: s.now) == .open && !s.actor.role.isStaff {
                lines.append(OffersCommand.line(offer, zone: zones[offer.centerCode], s))
            }
            s.say(lines.joined(separator: "\n"))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Ask to be offered an earlier slot (replaces the case's request).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receipt number.") var receipt: String
        @Option(help: ArgumentHelp("Centers, comma-separated (default: the current appointment's).", valueName: "CODE,CODE")) var centers: String?
        @Option(help: ArgumentHelp("Slots on or after this day, YYYY-MM-DD.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Slots on days before this one, YYYY-MM-DD (at most the current appointment's day).", valueName: "date")) var before: String?
        @Option(name: .customLong("not"), help: ArgumentHelp("Weekdays and times left out: mon,...,sun, am, pm, HH:MM-HH:MM.", valueName: "days")) var not:
            String?
        @Option(help: ArgumentHelp("Good cause: \(GoodCauseReason.codeList).", valueName: "code")) var reason: String = "work-or-care"
        @Option(help: "The explanation for --reason other.") var explain: String?
        @Option(help: "Where the offer is sent: email or sms.") var notify: String = "email"

        func run() throws {
            let s = try Session.open(global)
            let r = try s.receipt(receipt)
            func date(_ flag: String, _ v: String?) throws -> LocalDate? {
                guard let v else { return nil }
                guard v.count <= 10, let d = LocalDate(iso: v) else { throw Failure(.badInput, s.t.badWaitlistDate(flag, Echo.show(v, limit: 20))) }
                return d
            }
            let fromDate = try date("--from", from), beforeDate = try date("--before", before)
            var exclusions = WaitlistExclusions()
            if let not {
                guard not.count <= 200 else { throw Failure(.badInput, WaitlistProblem(.badExclusion, item: String(not.prefix(24))).message(in: s.language)) }
                switch WaitlistExclusions.parse(not) {
                case let .success(e): exclusions = e
                case let .failure(p): throw Failure(.badInput, p.message(in: s.language))
                }
            }
            guard let code = GoodCauseReason(rawValue: reason.lowercased()) else {
                throw Failure(.badInput, s.t.badReason(Echo.show(reason), GoodCauseReason.codeList))
            }
            if let explain, explain.count > 2000 || Echo.hasControlCharacters(explain, allowingLineBreaks: true) {
                throw Failure(.badInput, s.t.textTooLong("--explain", explain.count))
            }
            guard let channel = NotifyChannel(rawValue: notify.lowercased()) else { throw Failure(.badInput, s.t.badNotify(Echo.show(notify))) }
            let list = (centers ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
            if list.count > 20 || list.contains(where: { $0.count > 12 }) {
                throw Failure(.badInput, WaitlistProblem(.tooManyCenters, item: String(list.count)).message(in: s.language))
            }
            let asked = WaitlistRequest(
                receipt: r, centers: list, from: fromDate, before: beforeDate, exclusions: exclusions,
                goodCause: GoodCause(reason: code, explanation: explain ?? ""), notify: channel, askedAt: s.now, actor: s.actor)
            let decision: WaitlistDecision
            do { decision = try WaitlistService.ask(asked, in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            switch decision {
            case let .accepted(ok):
                let place =
                    (try? WaitlistService.overview(for: s.actor, in: s.store, clock: s.clock).entries.first { $0.entry.request.receipt == r }?.place) ?? nil
                if s.json {
                    s.sayJSON([
                        "result": "waiting", "receipt": r.value, "centers": ok.centers, "from": ok.from?.iso as Any, "before": ok.before?.iso as Any,
                        "not": ok.exclusions.text, "place": place as Any
                    ])
                } else {
                    s.say(s.t.waitlistAdded(r.value, ok.centers.joined(separator: ", "), place ?? 1))
                }
            case let .refused(v):
                if s.json {
                    var o = Present.verdictJSON(v)
                    o["result"] = "refused"
                    s.sayJSON(o)
                    throw Failure(.refused, "")
                }
                throw Failure(.refused, Present.verdictText(v, s.language))
            case let .invalid(problems):
                throw Failure(.badInput, problems.map { $0.message(in: s.language) }.joined(separator: "\n"))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Withdraw the case's request (and its open offer).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receipt number.") var receipt: String

        func run() throws {
            let s = try Session.open(global)
            let r = try s.receipt(receipt)
            let removed: Bool
            do { removed = try WaitlistService.withdraw(r, by: s.actor, in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            guard removed else { throw Failure(.badInput, WaitlistProblem(.notWaiting, item: r.value).message(in: s.language)) }
            if s.json { s.sayJSON(["result": "removed", "receipt": r.value]) } else { s.say(s.t.waitlistRemoved(r.value)) }
        }
    }

    static func entryJSON(_ e: WaitingEntry, place: Int) -> [String: Any] {
        [
            "id": e.id, "receipt": e.request.receipt.value, "centers": e.request.centers, "from": e.request.from?.iso as Any,
            "before": e.request.before?.iso as Any, "not": e.request.exclusions.text, "askedAt": JSONOutput.iso(e.request.askedAt),
            "place": place, "hasOpenOffer": e.hasOpenOffer, "channel": e.request.channel.rawValue
        ]
    }
}

/// `biosched offers`: the offers of the waiting list; accept or decline one; `--expire` runs the
/// pass (late offers expired, freed stations offered), as the systemd timer does.
struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers", abstract: "Offers of earlier slots: list, accept, decline; --expire runs the offer pass (staff).",
        subcommands: [List.self, Accept.self, Decline.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show offers (staff: every one; others: their own).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this case.") var receipt: String?
        @Flag(help: "Run the offer pass: expire late offers and offer freed stations (staff; the systemd timer runs it).") var expire = false

        func run() throws {
            if expire {
                let s = try Session.openAsStaff(global) { $0.offersPassOnlyStaff }
                let report: OfferReport
                do { report = try WaitlistService.pass(in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
                if s.json {
                    s.sayJSON(["expired": report.expired.map(\.id), "offered": report.offered.map(\.id), "freedStations": report.freedSeen])
                } else {
                    s.say(s.t.offersPassDone(report.expired.count, report.offered.count, report.freedSeen))
                }
                return
            }
            let s = try Session.open(global)
            let r = try receipt.map { try s.receipt($0) }
            let o: WaitlistOverview
            do { o = try WaitlistService.overview(for: s.actor, in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            let offers = o.offers.filter { r == nil || $0.receipt == r }
            let zones = Dictionary(uniqueKeysWithValues: ((try? s.store.centers()) ?? []).map { ($0.code, $0.zone) })
            if s.json {
                s.sayJSON(["offers": offers.map { offerJSON($0, zone: zones[$0.centerCode], now: s.now) }])
                return
            }
            s.say(offers.isEmpty ? s.t.offersNone : offers.map { line($0, zone: zones[$0.centerCode], s) }.joined(separator: "\n"))
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept an offer: it is booked as a reschedule under every rule.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The offer's id.") var id: String
        @Option(name: .customLong("request-id"), help: "An id that makes a retried request return the first result.") var requestID: String?

        func run() throws {
            let s = try Session.open(global)
            let offerID = try OffersCommand.parseID(id, s)
            if let requestID, requestID.isEmpty || requestID.count > 100 || Echo.hasControlCharacters(requestID) {
                throw Failure(.badInput, s.t.badRequestID(Echo.show(requestID)))
            }
            let answer: OfferAnswer
            do {
                answer = try WaitlistService.accept(offerID, by: s.actor, requestID: requestID ?? UUID().uuidString.lowercased(), in: s.store, clock: s.clock)
            } catch { throw Failure(storeError: error) }
            try OffersCommand.fail(answer, id, s)
            guard let outcome = answer.outcome else { return }
            Reschedule.report(outcome, session: s)
            let status = Present.exitStatus(for: outcome)
            if status != .done { throw Failure(status, "") }
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline", abstract: "Decline an offer: the slot goes to the next in line; the request keeps its place.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The offer's id.") var id: String

        func run() throws {
            let s = try Session.open(global)
            let offerID = try OffersCommand.parseID(id, s)
            let answer: OfferAnswer
            do { answer = try WaitlistService.decline(offerID, by: s.actor, in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            try OffersCommand.fail(answer, id, s)
            if s.json { s.sayJSON(["result": "declined", "offer": offerID]) } else { s.say(s.t.offerDeclinedSaid(String(offerID))) }
        }
    }

    static func parseID(_ text: String, _ s: Session) throws(Failure) -> Int64 {
        guard text.count <= 18, let v = Int64(text), v > 0 else { throw Failure(.badInput, s.t.badOfferID(Echo.show(text, limit: 20))) }
        return v
    }

    /// An answer with a problem: NOT found or not yours is `refused` (nothing revealed), answered or late is `conflict`.
    static func fail(_ a: OfferAnswer, _ id: String, _ s: Session) throws(Failure) {
        guard let p = a.problem else { return }
        let m = WaitlistProblem(p, item: p == .unknownOffer ? Echo.show(id, limit: 20) : nil).message(in: s.language)
        throw Failure(p == .unknownOffer ? .refused : .conflict, m)
    }

    static func offerJSON(_ o: Offer, zone: ZoneRules?, now: Date) -> [String: Any] {
        [
            "id": o.id, "receipt": o.receipt.value, "center": o.centerCode, "start": JSONOutput.iso(o.start),
            "local": zone.map { $0.local(o.start).iso } as Any, "deadline": JSONOutput.iso(o.deadline), "createdAt": JSONOutput.iso(o.createdAt),
            "state": o.state(at: now).rawValue, "resolvedAt": o.resolvedAt.map(JSONOutput.iso) as Any
        ]
    }

    static func line(_ o: Offer, zone: ZoneRules?, _ s: Session) -> String {
        let when = zone.map { s.t.dateTimeLong(o.start, $0) } ?? JSONOutput.iso(o.start)
        let until = zone.map { s.t.dateTimeLong(o.deadline, $0) } ?? JSONOutput.iso(o.deadline)
        return s.t.offerLine(String(o.id), o.receipt.value, when, o.centerCode, until, s.t.offerStateWord(o.state(at: s.now)))
    }
}
