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

    public init(actor: Actor, channel: Channel? = nil, caseFile: CaseFile, appointment: Appointment,
                goodCause: GoodCause?, now: Date) {
        self.actor = actor; self.channel = channel ?? actor.role.channel; self.caseFile = caseFile
        self.appointment = appointment; self.goodCause = goodCause; self.now = now
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
            return Verdict(decision: .refused, codes: [.channelNotAccepted],
                           message: VerdictCode.channelNotAccepted.sentence,
                           guidance: "Reschedule online, or \(ContactCenter.callGuidance.lowercasedFirst)")
        }
        // The contact-center channel is for agents and officers only: an applicant or representative
        // cannot claim it to skip the online conditions of R3.
        if c.channel == .contactCenter && !c.actor.role.isStaff {
            return Verdict(decision: .refused, codes: [.notAuthorized], message: VerdictCode.notAuthorized.sentence,
                           guidance: "Reschedule online, or \(ContactCenter.callGuidance.lowercasedFirst)")
        }
        // R5: nothing about the case is shown to someone not authorized.
        guard c.caseFile.isAuthorized(c.actor), c.appointment.receipt == c.caseFile.receipt else {
            return Verdict(decision: .refused, codes: [.notAuthorized], message: VerdictCode.notAuthorized.sentence,
                           guidance: "Check the receipt number. You can act only on cases linked to your account (applicants) or with your Form G-28 on file (representatives).")
        }
        // R11: a denied case cannot be rescheduled.
        if c.caseFile.status == .denied {
            return Verdict(decision: .refused, codes: [.caseDenied], message: VerdictCode.caseDenied.sentence,
                           guidance: "A motion to reopen (Form I-290B) is the route to have the decision reconsidered.")
        }
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
        if c.appointment.status != .scheduled && c.appointment.status != .missed { codes.append(.notScheduled) }
        else if passed || c.appointment.status == .missed { codes.append(.appointmentPassed) }
        // (d)
        if c.caseFile.form.isExcludedOnline { codes.append(.formExcluded) }
        // (e)
        if let cause = c.goodCause, !cause.isSufficient { codes.append(.goodCauseRequired) }
        let warnings: [VerdictCode] = c.caseFile.form.isAsylum ? [.asylum] : []
        if codes.isEmpty {
            let used = c.appointment.priorReschedules
            var msg = "You can reschedule this appointment online (\(used) of \(onlineLimit) online reschedules used)."
            if c.caseFile.form.isAsylum { msg += " " + asylumWarning }
            return Verdict(decision: .allowed, codes: [], message: msg, warnings: warnings)
        }
        let onlyReason = codes == [.goodCauseRequired]
        let msg = "This appointment cannot be rescheduled online: " + codes.map(\.sentence).joined(separator: " ")
        return Verdict(decision: .refused, codes: codes, message: msg,
                       guidance: onlyReason ? "Choose a reason, or call the USCIS Contact Center at \(ContactCenter.phone)." : ContactCenter.callGuidance,
                       warnings: warnings)
    }

    public static let asylumWarning = "Warning: this is an asylum application (Form I-589); failing to appear for biometrics may lead to dismissal of the application."

    /// R6, R7, R8: the contact center completes, escalates or refuses.
    static func contactCenter(_ c: RescheduleContext) -> Verdict {
        // Attended, rescheduled or cancelled appointments cannot be moved on any channel.
        if c.appointment.status != .scheduled && c.appointment.status != .missed {
            return Verdict(decision: .refused, codes: [.notScheduled], message: VerdictCode.notScheduled.sentence,
                           guidance: "Look up the case's current appointment.")
        }
        if let cause = c.goodCause, !cause.isSufficient {
            return Verdict(decision: .refused, codes: [.goodCauseRequired], message: VerdictCode.goodCauseRequired.sentence,
                           guidance: "Ask the caller why they cannot attend; choose a listed reason or write their explanation.")
        }
        var codes: [VerdictCode] = []
        if !c.appointment.isTimely(at: c.now) || c.appointment.status == .missed { codes.append(.untimely) }
        if c.appointment.priorReschedules >= onlineLimit { codes.append(.repeatRequest) }
        if c.goodCause?.reason == .other { codes.append(.otherReason) }
        if c.caseFile.form.isAsylum { codes.append(.asylum) }
        let warnings: [VerdictCode] = c.caseFile.form.isAsylum ? [.asylum] : []
        if codes.isEmpty {
            var msg = "The agent can reschedule this appointment now."
            if remaining(c) <= TimeInterval(onlineCutoffHours * 3600) {
                msg += " It is within 12 hours, which only the Contact Center can take."
            }
            return Verdict(decision: .allowed, codes: [], message: msg, warnings: warnings)
        }
        var msg = "The request goes to an officer for review; nothing is booked until it is approved. "
            + codes.map(\.sentence).joined(separator: " ")
        if codes.contains(.untimely) { msg += " Untimely requests are at the agency's discretion." }
        return Verdict(decision: .escalated, codes: codes, message: msg,
                       guidance: "Record the caller's reason, a note and a preferred slot; an officer approves or denies it.",
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
    public static func flags(appointment: Appointment, caseFile: CaseFile, lastRequestAt: Date?, now: Date) -> [VerdictCode] {
        var out: [VerdictCode] = []
        if abandonmentRisk(appointment: appointment, caseFile: caseFile, lastRequestAt: lastRequestAt, now: now) { out.append(.abandonmentRisk) }
        if caseFile.form.isAsylum { out.append(.asylum) }
        if caseFile.status == .denied { out.append(.caseDenied) }
        if !caseFile.receipt.hasKnownPrefix { out.append(.unknownPrefix) }
        return out
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
