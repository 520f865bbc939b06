import Foundation

/// R14 and R8, once, for every store: a reschedule (book, escalate or refuse) and an officer's
/// review, each in one write transaction of the store. The order is the policy's: R5 before
/// anything a request can reveal (a replay included), then the replay of a request id, the
/// version the person saw, the rules (R1-R12), the slot's free station, and the writes: the old
/// appointment superseded and linked to the new one, the request, its notice, the outbox message
/// and the audit row. Every refusal is audited in the same transaction.
public enum ReschedulingService {
    public static func reschedule(_ asked: RescheduleRequest, in store: some TransactionalStore, clock: () -> Date) throws(StoreError) -> RescheduleOutcome {
        // The id the person gave is theirs: the answer always names it, whatever id is stored.
        // (An answer about another request, e.g. the escalation already waiting, keeps that one's id.)
        var r = asked
        func shown(_ o: RescheduleOutcome) -> RescheduleOutcome {
            var o = o
            if o.requestID == r.requestID { o.requestID = asked.requestID }
            return o
        }
        do {
            return try store.withWriteTransaction { tx in
                let now = clock()
                try tx.prepare(for: asked, now: now)
                r.requestID = try scopedID(tx, asked.requestID, actor: asked.actor)
                let outcome = try decide(tx, r, now: now)
                if outcome.result != .booked && outcome.result != .escalated && !outcome.replayed {
                    let notAuthorized = outcome.verdict.codes == [.notAuthorized]
                    if !notAuthorized { try recordRefusal(tx, r, outcome, now: now) }
                    try tx.appendAudit(
                        AuditEvent(
                            at: now, actor: r.actor, action: notAuthorized ? .notAuthorized : .refused,
                            receipt: r.receipt, requestID: r.requestID,
                            detail: "result=\(outcome.result.rawValue) codes=\(outcome.verdict.codes.map(\.rawValue).joined(separator: ","))"))
                }
                return shown(outcome)
            }
        } catch .capacityExceeded {
            // The store refused: the last station went between the check and the write. Nothing of the
            // booking was written; the refusal is put on the record in a transaction of its own (a
            // request row and an audit row, as every refusal), and the answer is SLOT_FULL either way.
            let outcome = slotFull(r.requestID, detail: nil)
            try? store.withWriteTransaction { tx in
                let now = clock()
                r.requestID = try scopedID(tx, asked.requestID, actor: asked.actor)
                guard try tx.request(r.requestID) == nil else { return }
                try recordRefusal(tx, r, outcome, now: now)
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: r.actor, action: .refused, receipt: r.receipt, requestID: r.requestID,
                        detail: "result=\(outcome.result.rawValue) codes=\(VerdictCode.slotFull.rawValue) (the last station went at the write)"))
            }
            return shown(outcome)
        }
    }

    /// Request ids are scoped per actor. A client's id that another actor's request holds already
    /// is stored under a name of this actor's own (the id, a dot and 12 hex digits of a hash of
    /// the actor and the id), found again the same way on a retry: reusing someone else's id
    /// neither fails on your own case nor tells you that it exists (the answer names your id).
    static func scopedID(_ tx: some CaseReads, _ id: String, actor: Actor) throws -> String {
        guard let earlier = try tx.request(id), earlier.actor != actor else { return id }
        return id + "." + String(SHA256.hex("biosched-request\u{1F}\(actor.role.rawValue)\u{1F}\(actor.id)\u{1F}\(id)").prefix(12))
    }

    public static func review(_ d: ReviewDecision, in store: some TransactionalStore, clock: () -> Date) throws(StoreError) -> RescheduleOutcome {
        guard !d.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid(Localized { $0.reviewNeedsNote })
        }
        do {
            return try store.withWriteTransaction { tx in try decideReview(tx, d, now: clock()) }
        } catch .capacityExceeded {
            return slotFull(d.requestID, detail: nil)
        }
    }

    /// A refused request is a request row too (decision `refused`, its codes and answer), so an
    /// officer or an auditor sees every attempt; a replay of its id gives the same answer. Only
    /// for a case the actor may see (NOT_AUTHORIZED writes an audit row and nothing else).
    static func recordRefusal(_ tx: any BookingTransaction, _ r: RescheduleRequest, _ outcome: RescheduleOutcome, now: Date) throws {
        let snap = try CaseSnapshot.load(r.receipt, for: r.actor, from: tx)
        let asked = (r.centerCode ?? snap.center.code).uppercased()
        let center = try tx.center(asked) != nil ? asked : snap.center.code
        try tx.insertRequest(
            RequestRecord(
                request: r, appointmentID: snap.appointment.id, centerCode: center, decision: .refused,
                codes: outcome.verdict.codes, newAppointmentID: nil, outcome: outcome, receivedAt: now))
    }

    public static func noticeNumber(_ appointmentID: Int64) -> String { "BN" + String(format: "%010lld", appointmentID) }

    static let notAuthorizedGuidance = Localized { $0.guidanceCheckReceipt }

    static func slotFull(_ id: String, detail: Localized?) -> RescheduleOutcome {
        RescheduleOutcome(
            requestID: id, result: .slotFull,
            verdict: Verdict(
                decision: .refused, codes: [.slotFull], text: detail ?? Localized { $0.sentence(.slotFull) },
                guidance: Localized { $0.guidanceAnotherTime }))
    }

    static func refused(
        _ id: String, _ codes: [VerdictCode], _ message: Localized, guidance: Localized?,
        result: RescheduleOutcome.Result = .refused
    ) -> RescheduleOutcome {
        RescheduleOutcome(requestID: id, result: result, verdict: Verdict(decision: .refused, codes: codes, text: message, guidance: guidance))
    }

    /// A stored answer to an earlier request with the same id, for the actor who made it (ids are
    /// scoped per actor by `scopedID` first; a row of another actor here is never shown: it is
    /// treated as no earlier request).
    static func replay(_ tx: some CaseReads, _ id: String, receipt: ReceiptNumber, actor: Actor) throws -> RescheduleOutcome? {
        guard let earlier = try tx.request(id), earlier.actor == actor else { return nil }
        guard earlier.receipt == receipt else {
            throw StoreError.invalid(Localized { $0.requestIDReused(Echo.show(id)) })
        }
        var outcome = earlier.outcome
        outcome.replayed = true
        return outcome
    }

    static func decide(_ tx: any BookingTransaction, _ r: RescheduleRequest, now: Date) throws -> RescheduleOutcome {
        let snap: CaseSnapshot
        do { snap = try CaseSnapshot.load(r.receipt, for: r.actor, from: tx) } catch StoreError.notAuthorized {
            return refused(r.requestID, [.notAuthorized], Localized { $0.sentence(.notAuthorized) }, guidance: notAuthorizedGuidance)
        }
        if let earlier = try replay(tx, r.requestID, receipt: r.receipt, actor: r.actor) { return earlier }
        let old = snap.appointment
        if (r.expectedVersion.map { $0 != old.version } ?? false) || (r.expectedAppointmentID.map { $0 != old.id } ?? false) {
            return refused(
                r.requestID, [.conflict],
                Localized { $0.changedSinceShown($0.dateTimeLong(old.start, snap.center.zone), snap.center.code, $0.statusWord(old.status)) },
                guidance: Localized { $0.guidanceLookAgain }, result: .conflict)
        }
        var verdict = ReschedulePolicy.evaluate(RescheduleContext(actor: r.actor, channel: r.channel, snapshot: snap, goodCause: r.goodCause, now: now))
        let closed = snap.centerClosedThatDay
        if r.goodCause == nil && verdict.decision != .refused && !closed {
            verdict = Verdict(
                decision: .refused, codes: [.goodCauseRequired], text: Localized { $0.sentence(.goodCauseRequired) },
                guidance: Localized { $0.guidanceGiveReason(GoodCauseReason.codeList) })
        }
        if verdict.decision == .refused {
            return RescheduleOutcome(requestID: r.requestID, result: .refused, verdict: verdict)
        }
        let centerCode = (r.centerCode ?? old.centerCode).uppercased()
        let center: Center
        if centerCode == snap.center.code {
            center = snap.center
        } else {
            guard let other = try tx.center(centerCode) else { throw StoreError.unknownCenter(centerCode) }
            center = other
        }
        let instant = center.zone.instant(of: r.to)
        let booked = try instant.map { try tx.bookedCount(center: center.code, start: $0) } ?? 0
        let check = SlotCalendar.check(
            center: center, at: r.to, booked: booked, now: now, window: try tx.slotWindow(),
            currentCenter: old.centerCode, currentStart: old.start)

        if verdict.decision == .escalated, let pending = snap.pendingEscalation {
            // One escalation at a time per case: the agent is shown the one waiting.
            return RescheduleOutcome(
                requestID: pending, result: .escalated,
                verdict: Verdict(
                    decision: .escalated, codes: verdict.codes,
                    text: Localized { $0.alreadyEscalated(pending) },
                    guidance: Localized { $0.guidanceWaitForDecision }),
                replayed: true)
        }
        if verdict.decision == .escalated {
            // The preferred slot must be a real slot other than the current one; the officer books later.
            guard check.slot != nil, !check.codes.contains(.sameSlot) else {
                return refused(
                    r.requestID, check.codes.isEmpty ? [.slotUnavailable] : check.codes.filter { $0 != .slotOutOfWindow },
                    check.text, guidance: Localized { $0.guidancePreferredOffered })
            }
            let outcome = RescheduleOutcome(requestID: r.requestID, result: .escalated, verdict: verdict)
            try tx.insertRequest(
                RequestRecord(
                    request: r, appointmentID: old.id, centerCode: center.code, decision: .escalated,
                    codes: verdict.codes, newAppointmentID: nil, outcome: outcome, receivedAt: now))
            try tx.enqueueNotification(
                PendingNotification(
                    kind: .escalated, receipt: r.receipt, appointmentID: old.id, requestID: r.requestID,
                    notify: r.notify, createdAt: now))
            try tx.appendAudit(
                AuditEvent(
                    at: now, actor: r.actor, action: .escalated, receipt: r.receipt, requestID: r.requestID,
                    detail: "codes=\(verdict.codes.map(\.rawValue).joined(separator: ",")) preferred=\(center.code) \(r.to.iso)"))
            return outcome
        }

        guard let slot = check.slot, check.codes.isEmpty else {
            if let s = check.slot, check.codes == [.slotUnavailable], booked >= center.stations {
                return slotFull(
                    r.requestID, detail: Localized { $0.slotFullAll($0.dateTimeLong(s.start, center.zone), center.name, stations: center.stations) })
            }
            return refused(r.requestID, check.codes, check.text, guidance: Localized { $0.guidanceCalendarOffers })
        }
        let (newID, notice) = try book(tx, snap: snap, center: center, slot: slot, notify: r.notify, by: r.actor, now: now)
        let outcome = RescheduleOutcome(
            requestID: r.requestID, result: .booked,
            verdict: Verdict(
                decision: .allowed, codes: [],
                text: Localized { $0.rescheduledTo($0.dateTimeLong(slot.start, center.zone), center.name) + (closed ? " " + $0.closedDayNotCounted : "") },
                guidance: Localized { $0.guidancePrintNotice }, warnings: verdict.warnings),
            notice: notice)
        try tx.insertRequest(
            RequestRecord(
                request: r, appointmentID: old.id, centerCode: center.code, decision: .booked,
                codes: verdict.warnings, newAppointmentID: newID, outcome: outcome.withoutEnrollmentCode, receivedAt: now))
        try tx.appendAudit(
            AuditEvent(
                at: now, actor: r.actor, action: closed ? .agencyRebooked : .rescheduled, receipt: r.receipt, requestID: r.requestID,
                detail:
                    "from=\(old.centerCode) \(snap.center.zone.format(old.start)) to=\(center.code) \(notice.when) reason=\(r.goodCause?.reason.rawValue ?? "")"
                    + (closed ? " closed-day=\(snap.center.zone.local(old.start).date.iso) counted=no" : "")))
        return outcome
    }

    /// Moves the case to `slot`: the old appointment becomes `rescheduled` and points to the new
    /// one, whose version continues the chain's (old v becomes v+1, the new one v+2: a version is
    /// unique across the case, so a client that saw the old appointment gets CONFLICT); a notice
    /// and an outbox message are written. R17: moving an appointment off a closed day of its
    /// center is an agency rebooking, whoever does it: prior reschedules stay as they were, and the
    /// notice says why.
    static func book(
        _ tx: any BookingTransaction, snap: CaseSnapshot, center: Center, slot: Slot, notify: NotifyChannel?,
        by actor: Actor, now: Date
    ) throws -> (Int64, AppointmentNotice) {
        let old = snap.appointment
        let closed = snap.centerClosedThatDay
        guard try tx.supersede(old) else { throw StoreError.conflict }
        let newID = try tx.insertAppointment(
            NewAppointment(
                receipt: old.receipt, centerCode: center.code, start: slot.start,
                priorReschedules: old.priorReschedules + (closed ? 0 : 1), previous: old.id,
                version: old.version + 2, createdAt: now))
        try tx.linkSuccessor(of: old.id, to: newID)
        var notice = AppointmentNotice(
            number: noticeNumber(newID), receipt: old.receipt, applicantName: snap.caseFile.applicantName,
            center: center, start: slot.start, issuedAt: now)
        if closed {
            notice.closedDay = ClosedDayMove(
                from: old.start, center: snap.center,
                reason: snap.center.closureReasons[snap.center.zone.local(old.start).date])
        }
        try tx.insertNotice(notice, appointmentID: newID)
        // The enrollment code goes on the notice and the message given now, never into a stored copy.
        if let account = snap.caseFile.applicantAccount {
            notice.enrollmentCode = try tx.issueEnrollmentCode(account: account, by: actor, now: now)
            notice.enrollDoor = try tx.enrollmentDoor()
        }
        try tx.enqueueNotification(
            PendingNotification(
                kind: .booked, receipt: old.receipt, appointmentID: newID, previousAppointmentID: old.id,
                notify: notify, createdAt: now, enrollmentCode: notice.enrollmentCode))
        return (newID, notice)
    }

    // MARK: Review (R8)

    static func decideReview(_ tx: any BookingTransaction, _ d: ReviewDecision, now: Date) throws -> RescheduleOutcome {
        let officer = Actor(role: .officer, id: d.officer)
        guard let stored = try tx.request(d.requestID) else { throw StoreError.unknownRequest(d.requestID) }
        guard stored.decision == .escalated else {
            throw StoreError.invalid(Localized { $0.requestAlreadyDecided(d.requestID, stored.decision.rawValue) })
        }
        // Separation of duties: a second officer decides what one escalated (on a training store one
        // trainer plays every role, so it is not enforced there).
        if stored.actor.role.isStaff && stored.actor.id == d.officer, try !tx.isTrainingStore() {
            throw StoreError.invalid(Localized { $0.cannotDecideOwn(d.officer, d.requestID) })
        }
        let item = stored.item
        switch d.kind {
        case .deny:
            let outcome = RescheduleOutcome(
                requestID: d.requestID, result: .denied,
                verdict: Verdict(
                    decision: .refused, codes: item.codes, text: Localized { $0.officerDenied(d.note) },
                    guidance: Localized { $0.guidanceCurrentStands }))
            try tx.recordReview(
                ReviewRecord(
                    requestID: d.requestID, decision: .denied, officer: d.officer, note: d.note, at: now,
                    newAppointmentID: nil, outcome: outcome))
            try tx.enqueueNotification(
                PendingNotification(
                    kind: .denied, receipt: item.receipt, appointmentID: stored.appointmentID,
                    requestID: d.requestID, notify: stored.notify, createdAt: now))
            try tx.appendAudit(AuditEvent(at: now, actor: officer, action: .reviewDenied, receipt: item.receipt, requestID: d.requestID, detail: d.note))
            return outcome
        case .approve:
            let snap = try CaseSnapshot.load(item.receipt, for: officer, from: tx)
            guard snap.appointment.id == stored.appointmentID, snap.appointment.status == .scheduled || snap.appointment.status == .missed else {
                return refused(
                    d.requestID, [.conflict],
                    Localized { $0.changedAfterEscalation($0.dateTimeLong(snap.appointment.start, snap.center.zone), $0.statusWord(snap.appointment.status)) },
                    guidance: Localized { $0.guidanceDenyOrLook }, result: .conflict)
            }
            if snap.caseFile.status == .denied {
                return refused(d.requestID, [.caseDenied], Localized { $0.sentence(.caseDenied) }, guidance: Localized { $0.guidanceMotionShort })
            }
            let centerCode = (d.centerCode ?? item.preferredCenter).uppercased()
            guard let center = try tx.center(centerCode) else { throw StoreError.unknownCenter(centerCode) }
            let local = d.to ?? item.preferredLocal
            let instant = center.zone.instant(of: local)
            let booked = try instant.map { try tx.bookedCount(center: center.code, start: $0) } ?? 0
            let check = SlotCalendar.check(
                center: center, at: local, booked: booked, now: now, window: try tx.slotWindow(),
                currentCenter: snap.appointment.centerCode, currentStart: snap.appointment.start)
            guard let slot = check.slot, check.codes.isEmpty else {
                let gone = d.to == nil
                if let s = check.slot, booked >= center.stations {
                    return slotFull(
                        d.requestID,
                        detail: Localized { $0.slotFullShort($0.dateTimeLong(s.start, center.zone), center.name) + (gone ? " " + $0.preferredGone : "") })
                }
                return refused(
                    d.requestID, check.codes, Localized { check.text($0.language)! + (gone ? " " + $0.preferredGone : "") },
                    guidance: Localized { $0.guidanceApproveOffered })
            }
            let closed = snap.centerClosedThatDay
            let (newID, notice) = try book(tx, snap: snap, center: center, slot: slot, notify: stored.notify, by: officer, now: now)
            let outcome = RescheduleOutcome(
                requestID: d.requestID, result: .booked,
                verdict: Verdict(
                    decision: .allowed, codes: item.codes,
                    text: Localized {
                        $0.approvedRescheduled($0.dateTimeLong(slot.start, center.zone), center.name, d.note) + (closed ? " " + $0.closedDayNotCounted : "")
                    },
                    guidance: Localized { $0.guidancePrintNotice }),
                notice: notice)
            try tx.recordReview(
                ReviewRecord(
                    requestID: d.requestID, decision: .approved, officer: d.officer, note: d.note, at: now,
                    newAppointmentID: newID, outcome: outcome.withoutEnrollmentCode))
            try tx.appendAudit(
                AuditEvent(
                    at: now, actor: officer, action: .reviewApproved, receipt: item.receipt, requestID: d.requestID,
                    detail: "to=\(center.code) \(notice.when) note=\(d.note)"))
            return outcome
        }
    }
}

extension RescheduleOutcome {
    /// The outcome as stored (a replay shows it): without the one-time code.
    var withoutEnrollmentCode: RescheduleOutcome {
        var o = self
        o.notice?.enrollmentCode = nil
        o.notice?.enrollDoor = nil
        return o
    }
}
