import Foundation

/// What the policy needs to know about one request.
public struct RescheduleContext: Sendable {
    public var actor: Actor
    public var channel: Channel
    public var caseFile: CaseFile
    public var appointment: Appointment
    /// `nil` when only eligibility is asked (the status pane, before a reason is chosen).
    public var goodCause: GoodCause?
    /// The instant the request is received.
    public var now: Date
    /// R17: the appointment's day is a closure of its center (``ClosedDay``).
    public var centerClosed: Bool

    public init(
        actor: Actor, channel: Channel? = nil, caseFile: CaseFile, appointment: Appointment,
        goodCause: GoodCause?, now: Date, centerClosed: Bool = false
    ) {
        self.actor = actor
        self.channel = channel ?? actor.role.channel
        self.caseFile = caseFile
        self.appointment = appointment
        self.goodCause = goodCause
        self.now = now
        self.centerClosed = centerClosed
    }
}

/// The rescheduling policy, R1 to R11, as a pure function of a ``RescheduleContext``.
public enum ReschedulePolicy {
    /// Online reschedules allowed per chain (R3b).
    public static let onlineLimit = 2
    /// Hours that must remain, strictly, for an online reschedule (R3a).
    public static let onlineCutoffHours = 12

    /// Decides a request. With `goodCause == nil` it answers whether a request *could* go ahead
    /// (every rule but R2), which is what the status pane shows.
    public static func evaluate(_ c: RescheduleContext) -> Verdict {
        // R9: mail and in-person requests are not accepted on any channel.
        if c.channel == .mail || c.channel == .inPerson {
            return Verdict(
                decision: .refused, codes: [.channelNotAccepted],
                text: Localized { $0.sentence(.channelNotAccepted) },
                guidance: Localized { $0.guidanceOnlineOrCall })
        }
        // The contact-center channel is for agents and officers only: an applicant or representative
        // cannot claim it to skip the online conditions of R3.
        if c.channel == .contactCenter && !c.actor.role.isStaff {
            return Verdict(
                decision: .refused, codes: [.notAuthorized], text: Localized { $0.sentence(.notAuthorized) },
                guidance: Localized { $0.guidanceOnlineOrCall })
        }
        // R5: nothing about the case is shown to someone not authorized.
        guard c.caseFile.isAuthorized(c.actor), c.appointment.receipt == c.caseFile.receipt else {
            return Verdict(
                decision: .refused, codes: [.notAuthorized], text: Localized { $0.sentence(.notAuthorized) },
                guidance: Localized { $0.guidanceCheckReceiptRoles })
        }
        // R11: a denied case cannot be rescheduled.
        if c.caseFile.status == .denied {
            return Verdict(
                decision: .refused, codes: [.caseDenied], text: Localized { $0.sentence(.caseDenied) },
                guidance: Localized { $0.guidanceMotionToReopen })
        }
        // R17: a closed day never costs the caller.
        if c.centerClosed && (c.appointment.status == .scheduled || c.appointment.status == .missed) { return closedDay(c) }
        switch c.channel {
        case .online: return online(c)
        default: return contactCenter(c)
        }
    }

    /// Hours and minutes left, for messages.
    static func remaining(_ c: RescheduleContext) -> TimeInterval { c.appointment.start.timeIntervalSince(c.now) }

    /// R3: every failing condition is reported.
    static func online(_ c: RescheduleContext) -> Verdict {
        var codes: [VerdictCode] = []
        let left = remaining(c)
        let passed = !c.appointment.isTimely(at: c.now)
        // (a) strictly more than 12 hours; a passed appointment is reported as passed instead.
        if !passed && left <= TimeInterval(onlineCutoffHours * 3600) { codes.append(.within12Hours) }
        // (b)
        if c.appointment.priorReschedules >= onlineLimit { codes.append(.rescheduleLimitReached) }
        // (c)
        if c.appointment.status != .scheduled && c.appointment.status != .missed {
            codes.append(.notScheduled)
        } else if passed || c.appointment.status == .missed {
            codes.append(.appointmentPassed)
        }
        // (d)
        if c.caseFile.form.isExcludedOnline { codes.append(.formExcluded) }
        // (e)
        if let cause = c.goodCause, !cause.isSufficient { codes.append(.goodCauseRequired) }
        let warnings: [VerdictCode] = c.caseFile.form.isAsylum ? [.asylum] : []
        if codes.isEmpty {
            let used = c.appointment.priorReschedules
            let asylum = c.caseFile.form.isAsylum
            let msg = Localized { t in t.onlineAllowed(used: used, limit: onlineLimit) + (asylum ? " " + t.asylumWarning : "") }
            return Verdict(decision: .allowed, codes: [], text: msg, warnings: warnings)
        }
        let onlyReason = codes == [.goodCauseRequired]
        let msg = Localized { t in t.cannotOnline(codes.map(t.sentence).joined(separator: " ")) }
        return Verdict(
            decision: .refused, codes: codes, text: msg,
            guidance: Localized { onlyReason ? $0.guidanceChooseReasonOrCall : $0.callGuidance },
            warnings: warnings)
    }

    public static var asylumWarning: String { Catalog.en.asylumWarning }

    /// R17: the center is closed on the appointment's day, so moving it is an agency rebooking on
    /// every channel: no limit of prior reschedules (R3b, R7 `REPEAT_REQUEST`), no good cause (R2),
    /// no 12-hour cutoff and no officer for a passed day (the caller could not have attended); a reason
    /// given is kept but never judged. What stays: an adoption form is still moved by the contact
    /// center, not online (R3d); `ASYLUM` stays a warning.
    static func closedDay(_ c: RescheduleContext) -> Verdict {
        let warnings: [VerdictCode] = [.centerClosed] + (c.caseFile.form.isAsylum ? [.asylum] : [])
        if c.channel == .online && c.caseFile.form.isExcludedOnline {
            return Verdict(
                decision: .refused, codes: [.formExcluded],
                text: Localized { t in t.cannotOnline(t.sentence(.formExcluded)) + " " + t.closedDayNoCost },
                guidance: Localized { $0.callGuidance }, warnings: warnings)
        }
        let asylum = c.caseFile.form.isAsylum
        return Verdict(
            decision: .allowed, codes: [],
            text: Localized { t in t.sentence(.centerClosed) + " " + t.closedDayNoCost + (asylum ? " " + t.asylumWarning : "") },
            warnings: warnings)
    }

    /// R6, R7, R8: the contact center completes, escalates or refuses.
    static func contactCenter(_ c: RescheduleContext) -> Verdict {
        // Attended, rescheduled or cancelled appointments cannot be moved on any channel.
        if c.appointment.status != .scheduled && c.appointment.status != .missed {
            return Verdict(
                decision: .refused, codes: [.notScheduled], text: Localized { $0.sentence(.notScheduled) },
                guidance: Localized { $0.guidanceCurrentAppointment })
        }
        if let cause = c.goodCause, !cause.isSufficient {
            return Verdict(
                decision: .refused, codes: [.goodCauseRequired], text: Localized { $0.sentence(.goodCauseRequired) },
                guidance: Localized { $0.guidanceAskCaller })
        }
        var codes: [VerdictCode] = []
        if !c.appointment.isTimely(at: c.now) || c.appointment.status == .missed { codes.append(.untimely) }
        if c.appointment.priorReschedules >= onlineLimit { codes.append(.repeatRequest) }
        if c.goodCause?.reason == .other { codes.append(.otherReason) }
        if c.caseFile.form.isAsylum { codes.append(.asylum) }
        let warnings: [VerdictCode] = c.caseFile.form.isAsylum ? [.asylum] : []
        if codes.isEmpty {
            let soon = remaining(c) <= TimeInterval(onlineCutoffHours * 3600)
            let msg = Localized { t in t.agentCanReschedule + (soon ? " " + t.within12HoursContactOnly : "") }
            return Verdict(decision: .allowed, codes: [], text: msg, warnings: warnings)
        }
        let msg = Localized { t in
            t.toOfficer(codes.map(t.sentence).joined(separator: " ")) + (codes.contains(.untimely) ? " " + t.untimelyDiscretion : "")
        }
        return Verdict(
            decision: .escalated, codes: codes, text: msg,
            guidance: Localized { $0.guidanceRecordForOfficer },
            warnings: warnings)
    }
}

/// Flags the status pane shows about a case.
public enum CaseFlags {
    /// R10: a missed appointment with no timely request and no change of address before its start.
    public static func abandonmentRisk(appointment: Appointment, caseFile: CaseFile, lastRequestAt: Date?, now: Date) -> Bool {
        guard appointment.status == .missed || (appointment.status == .scheduled && now >= appointment.start) else { return false }
        if let r = lastRequestAt, r < appointment.start { return false }
        if let a = caseFile.addressChangedAt, a < appointment.start { return false }
        return true
    }

    /// Every flag that applies, in a stable order.
    /// R17: `CENTER_CLOSED` comes first, and a day the center did not open is never an abandonment risk.
    public static func flags(
        appointment: Appointment, caseFile: CaseFile, lastRequestAt: Date?, now: Date,
        centerClosed: Bool = false
    ) -> [VerdictCode] {
        var out: [VerdictCode] = []
        if centerClosed {
            out.append(.centerClosed)
        } else if abandonmentRisk(appointment: appointment, caseFile: caseFile, lastRequestAt: lastRequestAt, now: now) {
            out.append(.abandonmentRisk)
        }
        if caseFile.form.isAsylum { out.append(.asylum) }
        if caseFile.status == .denied { out.append(.caseDenied) }
        if !caseFile.receipt.hasKnownPrefix { out.append(.unknownPrefix) }
        return out
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
