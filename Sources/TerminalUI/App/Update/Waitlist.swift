import Foundation
import Scheduling

/// `update` for the waiting list of the open case (issue 23): loading it when a case opens (an
/// applicant's or representative's case with an open offer opens on the offer), answering the
/// offer (accepting books it through `WaitlistService.accept`, the path of `offers accept`, and
/// shows the normal outcome screen), and asking, changing or withdrawing the request.
enum WaitlistScreen {
    /// A case opened (or was read again): its part of the waiting list is read.
    static func caseOpened(_ s: inout AppState, _ receipt: ReceiptNumber, _ fx: inout [Effect]) {
        if s.waitlist?.receipt != receipt { s.waitlist = WaitlistState(receipt: receipt) }
        fx.append(.waitlist(.load(receipt)))
    }

    /// `w`: the screen over the case.
    static func open(_ s: inout AppState, _ fx: inout [Effect]) {
        guard let r = s.snapshot?.caseFile.receipt else { return }
        if s.waitlist?.receipt != r {
            s.waitlist = WaitlistState(receipt: r)
            fx.append(.waitlist(.load(r)))
        }
        s.waitlist?.shown = true
        s.waitlist?.refusal = nil
        s.waitlist?.problems = []
    }

    /// Keys while the screen shows; true when the key was the screen's.
    static func intercept(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) -> Bool {
        guard s.overlay == nil, var w = s.waitlist, w.shown else { return false }
        let action = Keymap.action(for: key, in: w.focusContext, training: s.training != nil)
        defer { if s.waitlist != nil { s.waitlist = w } }
        if let confirm = w.confirm {
            if action == .select {
                w.confirm = nil
                switch confirm {
                case let .accept(id): accept(&s, &w, id, &fx)
                case let .decline(id): fx.append(.waitlist(.decline(offerID: id)))
                case .withdraw: fx.append(.waitlist(.withdraw(w.receipt)))
                }
            } else if action == .back {
                w.confirm = nil
            }
            return true
        }
        if w.form != nil { return form(&s, &w, key, action, &fx) }
        switch action {
        case .acceptOffer:
            if let o = w.offer { w.confirm = .accept(o.id) } else { s.log(.info, s.t.waitlistNoOffer) }
        case .declineOffer:
            if let o = w.offer { w.confirm = .decline(o.id) } else { s.log(.info, s.t.waitlistNoOffer) }
        case .askWaitlist:
            w.refusal = nil
            w.problems = []
            // Refused up front, before anything is typed, when the case could not be asked for
            // anyway (online: R3's codes; an agent: R7 that needs an officer), as the command does.
            if let snap = s.snapshot,
                case let .refused(v) = WaitlistPolicy.evaluate(
                    request(s, w.receipt, WaitlistForm()), snapshot: snap,
                    knownCenters: [snap.center.code], now: s.now)
            {
                w.refusal = v
            } else {
                w.form = WaitlistForm(w.view?.request?.request)
            }
        case .withdrawWaitlist:
            if w.view?.request != nil { w.confirm = .withdraw } else { s.log(.info, s.t.waitlistNothingToWithdraw) }
        case .refresh:
            fx.append(.waitlist(.load(w.receipt)))
        case .back:
            w.shown = false
            w.refusal = nil
            w.problems = []
        default:
            return false // help, quit, language, theme: the keys that work everywhere
        }
        return true
    }

    static func form(_ s: inout AppState, _ w: inout WaitlistState, _ key: Key, _ action: Action?, _ fx: inout [Effect]) -> Bool {
        guard var f = w.form else { return false }
        defer { if w.form != nil { w.form = f } }
        switch action {
        case .back:
            w.form = nil
            w.problems = []
        case .focusNext:
            f.focus = WaitlistForm.Field(rawValue: (f.focus.rawValue + 1) % WaitlistForm.Field.allCases.count)!
        case .focusPrev:
            f.focus = WaitlistForm.Field(rawValue: (f.focus.rawValue + WaitlistForm.Field.allCases.count - 1) % WaitlistForm.Field.allCases.count)!
        case .select:
            let (r, problems) = parse(s, w.receipt, f)
            w.problems = problems
            if let r { fx.append(.waitlist(.ask(r))) }
        case .help, .quit, .switchLanguage, .cycleTheme, .statusMore:
            return false
        default:
            var field = f[f.focus]
            if field.handle(key) {
                f[f.focus] = field
                w.problems = []
            }
        }
        return true
    }

    /// The request the form stands for, or what is wrong with it (each field says what it expects).
    static func parse(_ s: AppState, _ receipt: ReceiptNumber, _ f: WaitlistForm) -> (WaitlistRequest?, [String]) {
        var problems: [String] = []
        func date(_ field: TextField, _ name: String) -> LocalDate? {
            let text = field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let d = LocalDate(iso: text) else {
                problems.append(s.t.badWaitlistDate(name, Echo.show(text, limit: 20)))
                return nil
            }
            return d
        }
        var r = request(s, receipt, f)
        r.from = date(f.from, s.t.waitlistFieldFrom)
        r.before = date(f.before, s.t.waitlistFieldBefore)
        switch WaitlistExclusions.parse(f.not.text.trimmingCharacters(in: .whitespaces)) {
        case let .success(e): r.exclusions = e
        case let .failure(p): problems.append(p.message(in: s.language))
        }
        return (problems.isEmpty ? r : nil, problems)
    }

    /// A request of the case from the form: the reason is the command's default (work or care);
    /// the offer goes by the first channel the person has on file (email before SMS).
    static func request(_ s: AppState, _ receipt: ReceiptNumber, _ f: WaitlistForm) -> WaitlistRequest {
        let centers = f.centers.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        let channel = s.notifyChoices.compactMap { $0 }.first ?? .email
        return WaitlistRequest(
            receipt: receipt, centers: centers, goodCause: GoodCause(reason: .workOrCare), notify: channel,
            askedAt: s.now, actor: s.config.actor)
    }

    static func accept(_ s: inout AppState, _ w: inout WaitlistState, _ id: Int64, _ fx: inout [Effect]) {
        let requestID: String
        if let pending = w.pendingRequestID {
            requestID = pending
        } else {
            s.confirm.requestSeq += 1
            requestID = "\(s.config.sessionID)-\(s.confirm.requestSeq)"
            w.pendingRequestID = requestID
        }
        fx.append(.waitlist(.accept(offerID: id, requestID: requestID)))
    }

    static func handle(_ s: inout AppState, _ e: WaitlistEvent, _ fx: inout [Effect]) {
        guard var w = s.waitlist else { return }
        defer { if s.waitlist != nil { s.waitlist = w } }
        let t = s.t
        switch e {
        case let .loaded(r, .success(view)) where r == w.receipt:
            w.view = view
            // An applicant's or representative's case with an open offer opens on the offer, once.
            if !s.config.actor.role.isStaff, !w.landed, view.openOffers.first != nil {
                w.shown = true
                w.landed = true
                s.log(.info, t.waitlistOfferWaiting)
            }
        case .loaded(_, .success):
            break // another case's answer, come late
        case let .loaded(_, .failure(err)):
            s.log(.error, err.message(in: s.language))
        case let .asked(.success(decision)):
            switch decision {
            case let .accepted(r):
                w.form = nil
                w.refusal = nil
                w.problems = []
                s.log(.ok, t.waitlistAskedUI(r.centers.joined(separator: ", ")))
                fx.append(.waitlist(.load(w.receipt)))
            case let .refused(v):
                w.refusal = v
                s.log(.error, t.waitlistRefusedUI(v.codes.map(\.rawValue).joined(separator: ", ")))
            case let .invalid(problems):
                w.problems = problems.map { $0.message(in: s.language) }
            }
        case let .withdrawn(.success(removed)):
            s.log(removed ? .ok : .info, removed ? t.waitlistRemoved(w.receipt.value) : t.waitlistNothingToWithdraw)
            fx.append(.waitlist(.load(w.receipt)))
        case let .declined(.success(answer)):
            if let p = answer.problem {
                s.log(.error, WaitlistProblem(p).message(in: s.language))
            } else {
                s.log(.ok, t.waitlistDeclinedUI)
            }
            fx.append(.waitlist(.load(w.receipt)))
        case let .accepted(.success(answer)):
            w.pendingRequestID = nil
            if let p = answer.problem {
                s.log(.error, WaitlistProblem(p).message(in: s.language))
                fx.append(.waitlist(.load(w.receipt)))
            } else if let outcome = answer.outcome {
                // The normal outcome screen: the new notice, or the refusal of R3/R7 re-checked now.
                w.shown = false
                s.waitlist = w
                App.handleSubmitted(&s, .success(outcome), &fx)
                w = s.waitlist ?? w
                fx.append(.waitlist(.load(w.receipt)))
            }
        case let .asked(.failure(err)), let .withdrawn(.failure(err)), let .declined(.failure(err)):
            s.log(.error, err.message(in: s.language))
        case let .accepted(.failure(err)):
            // The same request id is kept, so accepting again cannot book twice.
            s.log(.error, t.tryAgain(err.message(in: s.language)))
        }
    }
}
