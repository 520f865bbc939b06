import Foundation
import GRDB
import Scheduling

/// R14: the reschedule transaction and the officer's review (R8).
extension SQLiteBookingStore {
    public func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        do {
            return try immediate { db in try Booking.reschedule(db, request, now: clock()) }
        } catch let e as DatabaseError where Booking.isCapacityViolation(e) {
            // SQLite refused: the last station went between our check and the insert. Nothing was written.
            return Booking.slotFullOutcome(request.requestID, detail: nil)
        } catch {
            throw Self.map(error, context: nil)
        }
    }

    public func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        do {
            return try immediate { db in try Booking.review(db, decision, now: clock()) }
        } catch let e as DatabaseError where Booking.isCapacityViolation(e) {
            return Booking.slotFullOutcome(decision.requestID, detail: nil)
        } catch {
            throw Self.map(error, context: nil)
        }
    }
}

enum Booking {
    static func noticeNumber(_ appointmentID: Int64) -> String { "BN" + String(format: "%010lld", appointmentID) }

    static func isCapacityViolation(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_CONSTRAINT && (e.message ?? "").contains("booked <= capacity")
    }

    static func slotFullOutcome(_ id: String, detail: String?) -> RescheduleOutcome {
        RescheduleOutcome(requestID: id, result: .slotFull,
                          verdict: Verdict(decision: .refused, codes: [.slotFull],
                                           message: detail ?? VerdictCode.slotFull.sentence,
                                           guidance: "Choose another time; the calendar shows the slots still free."))
    }

    static func refused(_ id: String, _ codes: [VerdictCode], _ message: String, guidance: String?, result: RescheduleOutcome.Result = .refused) -> RescheduleOutcome {
        RescheduleOutcome(requestID: id, result: result, verdict: Verdict(decision: .refused, codes: codes, message: message, guidance: guidance))
    }

    /// A stored answer to an earlier request with the same id.
    static func replay(_ db: Database, _ id: String, receipt: ReceiptNumber) throws -> RescheduleOutcome? {
        guard let row = try db.fetchRow(sql: "SELECT receipt, outcome_json FROM requests WHERE id = ?", arguments: [id]) else { return nil }
        guard (row["receipt"] as String) == receipt.value else {
            throw StoreError.invalidInput("Request id \"\(id)\" was already used for another case; use a new request id.")
        }
        var outcome = try JSONDecoder().decode(RescheduleOutcome.self, from: Data((row["outcome_json"] as String).utf8))
        outcome.replayed = true
        return outcome
    }

    static func reschedule(_ db: Database, _ r: RescheduleRequest, now: Date) throws -> RescheduleOutcome {
        if let earlier = try replay(db, r.requestID, receipt: r.receipt) { return earlier }
        let snap: CaseSnapshot
        do { snap = try Records.snapshot(db, receipt: r.receipt, actor: r.actor) } catch StoreError.notAuthorized {
            return refused(r.requestID, [.notAuthorized], VerdictCode.notAuthorized.sentence,
                           guidance: "Check the receipt number. You can act only on cases linked to your account or with your Form G-28 on file.")
        }
        let old = snap.appointment
        if let v = r.expectedVersion, v != old.version {
            return refused(r.requestID, [.conflict],
                           "The appointment was changed since it was shown (now \(snap.center.zone.formatLong(old.start)) at \(snap.center.code), \(old.status.rawValue)). Review the new state and try again.",
                           guidance: "Look at the case again before choosing a new time.", result: .conflict)
        }
        let ctx = RescheduleContext(actor: r.actor, channel: r.channel, caseFile: snap.caseFile, appointment: old,
                                    goodCause: r.goodCause, now: now)
        var verdict = ReschedulePolicy.evaluate(ctx)
        if r.goodCause == nil && verdict.decision != .refused {
            verdict = Verdict(decision: .refused, codes: [.goodCauseRequired], message: VerdictCode.goodCauseRequired.sentence,
                              guidance: "Give a reason: \(GoodCauseReason.codeList) (other needs an explanation).")
        }
        if verdict.decision == .refused {
            return RescheduleOutcome(requestID: r.requestID, result: .refused, verdict: verdict)
        }
        let centerCode = (r.centerCode ?? old.centerCode).uppercased()
        let center: Center
        if centerCode == snap.center.code { center = snap.center } else {
            guard let other = try Records.center(db, code: centerCode) else { throw StoreError.unknownCenter(centerCode) }
            center = other
        }
        let window = try window(db)
        let instant = center.zone.instant(of: r.to)
        let booked = try instant.map { try Records.booked(db, center: center.code, start: $0) } ?? 0
        let check = SlotCalendar.check(center: center, at: r.to, booked: booked, now: now, window: window,
                                       currentCenter: old.centerCode, currentStart: old.start)

        if verdict.decision == .escalated {
            // The preferred slot must be a real slot other than the current one; the officer books later.
            guard check.slot != nil, !check.codes.contains(.sameSlot) else {
                return refused(r.requestID, check.codes.isEmpty ? [.slotUnavailable] : check.codes.filter { $0 != .slotOutOfWindow },
                               check.message, guidance: "Choose a preferred time the center offers.")
            }
            let outcome = RescheduleOutcome(requestID: r.requestID, result: .escalated, verdict: verdict)
            try insertRequest(db, r, snap: snap, center: center, decision: "escalated", codes: verdict.codes, newAppointment: nil, outcome: outcome, now: now)
            try Outbox.enqueueDecision(db, .escalated, receipt: r.receipt, requestID: r.requestID, notify: r.notify, now: now)
            try Audit.append(db, at: now, actor: r.actor, action: "escalated", receipt: r.receipt, requestID: r.requestID,
                             detail: "codes=\(verdict.codes.map(\.rawValue).joined(separator: ",")) preferred=\(center.code) \(r.to.iso)")
            return outcome
        }

        guard let slot = check.slot, check.codes.isEmpty else {
            if check.slot != nil && check.codes == [.slotUnavailable] && booked >= center.stations {
                return slotFullOutcome(r.requestID, detail: "\(center.zone.formatLong(check.slot!.start)) at \(center.name) is full: all \(center.stations) stations are booked.")
            }
            return refused(r.requestID, check.codes, check.message, guidance: "Choose a time the calendar offers.")
        }
        let (newAppt, notice) = try book(db, old: old, snap: snap, center: center, slot: slot, actor: r.actor, notify: r.notify, now: now)
        let outcome = RescheduleOutcome(requestID: r.requestID, result: .booked,
                                        verdict: Verdict(decision: .allowed, codes: [], message: "Rescheduled to \(notice.when) at \(center.name).", guidance: "Print the new appointment notice and bring it.", warnings: verdict.warnings),
                                        notice: notice)
        try insertRequest(db, r, snap: snap, center: center, decision: "booked", codes: verdict.warnings, newAppointment: newAppt, outcome: outcome, now: now)
        try Audit.append(db, at: now, actor: r.actor, action: "rescheduled", receipt: r.receipt, requestID: r.requestID,
                         detail: "from=\(old.centerCode) \(snap.center.zone.format(old.start)) to=\(center.code) \(notice.when) reason=\(r.goodCause?.reason.rawValue ?? "")")
        return outcome
    }

    static func window(_ db: Database) throws -> SlotWindow {
        let rows = try db.fetchRows(sql: "SELECT key, value FROM settings WHERE key IN ('lead_hours', 'horizon_days')")
        var s: [String: String] = [:]
        for r in rows { s[r["key"]] = r["value"] }
        return SlotWindow(leadHours: Int(s["lead_hours"] ?? "") ?? 24, horizonDays: Int(s["horizon_days"] ?? "") ?? 30)
    }

    /// Moves the case from `old` to `slot`: the old appointment becomes `rescheduled` and points to
    /// the new one; a notice and an outbox message are written.
    static func book(_ db: Database, old: Appointment, snap: CaseSnapshot, center: Center, slot: Slot, actor: Actor,
                     notify: NotifyChannel?, now: Date) throws -> (Int64, AppointmentNotice) {
        let nowS = Records.seconds(now)
        try db.run(sql: "UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ? AND version = ?",
                       arguments: [old.id, old.version])
        guard db.changesCount == 1 else { throw StoreError.failed("the appointment changed during the transaction") }
        let root = try db.fetchValue(Int64.self, sql: "SELECT coalesce(chain_root, id) FROM appointments WHERE id = ?", arguments: [old.id]) ?? old.id
        try db.run(sql: """
            INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at)
            VALUES (?, ?, ?, 'scheduled', ?, ?, 1, ?)
            """, arguments: [old.receipt.value, center.code, Records.seconds(slot.start), old.priorReschedules + 1, root, nowS])
        let newID = db.lastInsertedRowID
        try db.run(sql: "UPDATE appointments SET rescheduled_to = ? WHERE id = ?", arguments: [newID, old.id])
        let notice = AppointmentNotice(number: noticeNumber(newID), receipt: old.receipt, applicantName: snap.caseFile.applicantName,
                                       center: center, start: slot.start, issuedAt: now)
        let json = String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)
        try db.run(sql: "INSERT INTO notices(number, receipt, appointment_id, issued_at, json) VALUES (?, ?, ?, ?, ?)",
                       arguments: [notice.number, old.receipt.value, newID, nowS, json])
        try Outbox.enqueueBooking(db, receipt: old.receipt, appointment: newID, previous: old.id, notify: notify, now: now)
        return (newID, notice)
    }

    static func insertRequest(_ db: Database, _ r: RescheduleRequest, snap: CaseSnapshot, center: Center, decision: String,
                              codes: [VerdictCode], newAppointment: Int64?, outcome: RescheduleOutcome, now: Date) throws {
        let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
        try db.run(sql: """
            INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note,
              preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.requestID, r.receipt.value, snap.appointment.id, r.channel.rawValue, r.actor.role.rawValue, r.actor.id,
                             r.goodCause?.reason.rawValue, r.goodCause?.explanation ?? "", r.note, center.code, r.to.iso,
                             r.notify?.rawValue, decision, codes.map(\.rawValue).joined(separator: ","), newAppointment, json,
                             Records.seconds(now)])
    }

    // MARK: Review (R8)

    static func review(_ db: Database, _ d: ReviewDecision, now: Date) throws -> RescheduleOutcome {
        let officer = Actor(role: .officer, id: d.officer)
        guard !d.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput("A review always needs a note (--note TEXT) saying why.")
        }
        guard let row = try db.fetchRow(sql: "SELECT * FROM requests WHERE id = ?", arguments: [d.requestID]) else {
            throw StoreError.unknownRequest(d.requestID)
        }
        guard (row["decision"] as String) == "escalated" else {
            throw StoreError.invalidInput("Request \(d.requestID) was already \(row["decision"] as String); only escalated requests can be reviewed.")
        }
        let item = try SQLiteBookingStore.reviewItem(db, row)
        let nowS = Records.seconds(now)
        switch d.kind {
        case .deny:
            let outcome = RescheduleOutcome(requestID: d.requestID, result: .denied,
                                            verdict: Verdict(decision: .refused, codes: item.codes,
                                                             message: "The officer denied the request: \(d.note)",
                                                             guidance: "The current appointment stands. \(ContactCenter.callGuidance)"))
            try db.run(sql: """
                UPDATE requests SET decision = 'denied', reviewed_by = ?, review_note = ?, reviewed_at = ?, outcome_json = ? WHERE id = ?
                """, arguments: [d.officer, d.note, nowS, String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self), d.requestID])
            try Outbox.enqueueDecision(db, .denied, receipt: item.receipt, requestID: d.requestID,
                                       notify: (row["notify"] as String?).flatMap(NotifyChannel.init(rawValue:)), now: now)
            try Audit.append(db, at: now, actor: officer, action: "review-denied", receipt: item.receipt, requestID: d.requestID, detail: d.note)
            return outcome
        case .approve:
            let snap = try Records.snapshot(db, receipt: item.receipt, actor: officer)
            let escalatedFrom: Int64 = row["appointment_id"]
            guard snap.appointment.id == escalatedFrom, snap.appointment.status == .scheduled || snap.appointment.status == .missed else {
                return refused(d.requestID, [.conflict], "The case's appointment changed after the request was escalated (now \(snap.center.zone.formatLong(snap.appointment.start)), \(snap.appointment.status.rawValue)).",
                               guidance: "Deny this request with a note, or look at the case again.", result: .conflict)
            }
            if snap.caseFile.status == .denied {
                return refused(d.requestID, [.caseDenied], VerdictCode.caseDenied.sentence, guidance: "A motion to reopen (Form I-290B) is the route.")
            }
            let centerCode = (d.centerCode ?? item.preferredCenter).uppercased()
            guard let center = try Records.center(db, code: centerCode) else { throw StoreError.unknownCenter(centerCode) }
            let local = d.to ?? item.preferredLocal
            let instant = center.zone.instant(of: local)
            let booked = try instant.map { try Records.booked(db, center: center.code, start: $0) } ?? 0
            let check = SlotCalendar.check(center: center, at: local, booked: booked, now: now, window: try window(db),
                                           currentCenter: snap.appointment.centerCode, currentStart: snap.appointment.start)
            guard let slot = check.slot, check.codes.isEmpty else {
                let gone = d.to == nil ? " The preferred slot is no longer available: approve with another time (--to)." : ""
                if check.slot != nil && booked >= center.stations {
                    return slotFullOutcome(d.requestID, detail: "\(center.zone.formatLong(check.slot!.start)) at \(center.name) is full.\(gone)")
                }
                return refused(d.requestID, check.codes, check.message + gone, guidance: "Approve with a time the calendar offers.")
            }
            let (newID, notice) = try book(db, old: snap.appointment, snap: snap, center: center, slot: slot, actor: officer,
                                           notify: (row["notify"] as String?).flatMap(NotifyChannel.init(rawValue:)), now: now)
            let outcome = RescheduleOutcome(requestID: d.requestID, result: .booked,
                                            verdict: Verdict(decision: .allowed, codes: item.codes,
                                                             message: "Approved by an officer: rescheduled to \(notice.when) at \(center.name). \(d.note)",
                                                             guidance: "Print the new appointment notice and bring it."),
                                            notice: notice)
            try db.run(sql: """
                UPDATE requests SET decision = 'approved', reviewed_by = ?, review_note = ?, reviewed_at = ?, new_appointment_id = ?, outcome_json = ?
                WHERE id = ?
                """, arguments: [d.officer, d.note, nowS, newID, String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self), d.requestID])
            try Audit.append(db, at: now, actor: officer, action: "review-approved", receipt: item.receipt, requestID: d.requestID,
                             detail: "to=\(center.code) \(notice.when) note=\(d.note)")
            return outcome
        }
    }
}
