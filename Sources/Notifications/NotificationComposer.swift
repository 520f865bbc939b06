import Foundation
import Scheduling

/// Builds what an outbox message says from the store's facts (pure: `now` comes in).
///
/// Times are the center's wall clock with its zone abbreviation (R13); a booking carries the
/// whole new notice (R16: center, address, notice number, what to bring) and its calendar files;
/// a denial of a denied case carries the I-290B guidance (R11); a representative's copy says whose
/// case it is about.
public enum NotificationComposer {
    public static func compose(_ item: OutboxItem, organizer: Mailbox?, now: Date) throws(DeliveryFailure) -> NotificationContent {
        let attendee = item.channel == .email ? EmailAddress(item.recipient).map { Mailbox(name: item.recipientName, address: $0) } : nil
        var c: NotificationContent
        let t = Catalog(item.language)
        let r = item.receipt.value
        func when(_ a: CalendarAppointment) -> String { t.dateTimeLong(a.start, a.center.zone) }
        func ics(_ method: CalendarFile.Method, _ a: CalendarAppointment) -> CalendarFile {
            ICalendar.file(
                method, appointment: a, receipt: item.receipt, applicantName: item.applicantName,
                storeID: item.storeID, stamp: now, organizer: organizer, attendee: attendee, language: item.language)
        }
        switch item.kind {
        case .legacy:
            c = NotificationContent(subject: item.storedSubject, text: item.storedBody + "\n", sms: item.storedBody)
        case .booked:
            let a = try need(item.appointment, \.theBookedAppointment, item)
            let approved = item.request?.decision == .approved
            var lines = [approved ? t.mailApprovedHead(r) : t.mailRescheduledHead(r)]
            if approved, let note = item.request?.reviewNote, !note.isEmpty { lines.append(t.officerNote(note)) }
            lines += ["", t.mailNewAppointment(when(a)), "  \(a.center.name)", "  \(a.center.fullAddress)", t.mailNoticeNumber(a.noticeNumber)]
            if let p = item.previous { lines.append(t.mailReplaces(when(p), p.center.name)) }
            // R17: a move off a closed day says why, and that it does not count.
            let closed = item.previous.flatMap { p in
                ClosedDay.isClosure(p.start, at: p.center)
                    ? ClosedDayMove(from: p.start, center: p.center, reason: p.center.closureReasons[p.center.zone.local(p.start).date]) : nil
            }
            if let closed { lines += ["", closed.text(in: item.language)] }
            lines += ["", t.mailPrintNotice, t.mailCalendarFiles(replacing: item.previous != nil), "", notice(item, a, closedDay: closed, now: now)]
            if let code = item.enrollmentCode {
                lines += ["", t.noticeEnrollmentLine(code), t.mailEnrollmentHow(item.enrollDoor)]
            }
            var files = [ics(.request, a)]
            if let p = item.previous { files.append(ics(.cancel, p)) }
            c = NotificationContent(
                subject: t.subjectBooked(when(a), r, approved: approved),
                text: lines.joined(separator: "\n"),
                sms: t.smsBooked(r, when(a), a.center.name, a.center.fullAddress, a.noticeNumber, approved: approved)
                    + (closed == nil ? "" : " " + t.smsClosedDay)
                    + (item.enrollmentCode.map { t.smsEnrollment($0, item.enrollDoor) } ?? ""),
                calendars: files)
        case .escalated:
            let q = try need(item.request, \.theEscalatedRequest, item)
            var lines = [t.mailEscalatedHead(r, q.id), ""]
            for code in q.codes { lines.append("- \(code.rawValue): \(t.sentence(code))") }
            if let w = q.preferredWhen { lines.append(t.mailPreferred(w, q.preferredCenterName)) }
            if let a = item.appointment { lines.append(t.mailCurrentStandsUntil(when(a), a.center.name, a.center.fullAddress)) }
            if q.codes.contains(.asylum) { lines += ["", t.asylumWarning] }
            lines += ["", t.mailOfficerDecides, t.callGuidance]
            c = NotificationContent(
                subject: t.subjectEscalated(r),
                text: lines.joined(separator: "\n"),
                sms: t.smsEscalated(r, q.id, item.appointment.map(when)))
        case .denied:
            let q = try need(item.request, \.theDeniedRequest, item)
            var lines = [t.mailDeniedHead(r, q.id), t.officerNote(q.reviewNote ?? ""), ""]
            if let a = item.appointment, a.status == .scheduled {
                lines.append(t.mailCurrentStands(when(a), a.center.name, a.center.fullAddress, a.noticeNumber))
            }
            let caseDenied = item.caseStatus == .denied
            if caseDenied { lines.append("\(VerdictCode.caseDenied.rawValue): \(t.sentence(.caseDenied)) \(t.guidanceMotionShort)") }
            lines.append(t.callGuidance)
            c = NotificationContent(
                subject: t.subjectDenied(r),
                text: lines.joined(separator: "\n"),
                sms: t.smsDenied(r, (caseDenied ? t.guidanceMotionShort + " " : "") + t.callGuidance))
        case .reminder:
            let a = try need(item.appointment, \.theAppointment, item)
            let inText = t.inDays(item.reminderDays ?? 1)
            var lines = [
                t.mailReminderHead(r, inText), "",
                t.mailAppointmentLine(when(a)), "  \(a.center.name)", "  \(a.center.fullAddress)", t.mailReminderNoticeNumber(a.noticeNumber), "",
                t.noticeBringHeading
            ]
            lines += t.noticeBring.map { "  - " + $0 }
            lines += ["", t.noticeToReschedule]
            c = NotificationContent(
                subject: t.subjectReminder(inText, when(a), r),
                text: lines.joined(separator: "\n"),
                sms: t.smsReminder(r, inText, when(a), a.center.name, a.center.fullAddress),
                calendars: [ics(.request, a)])
        case .offer:
            let o = try need(item.offer, \.theOffer, item)
            let slot = t.dateTimeLong(o.start, o.center.zone), until = t.dateTimeLong(o.deadline, o.center.zone)
            var lines = [
                t.mailOfferHead(r), "", t.mailOfferSlot(slot), "  \(o.center.name)", "  \(o.center.fullAddress)", "",
                t.mailOfferDeadline(until), t.mailOfferHow(String(o.id))
            ]
            if let a = item.appointment { lines += ["", t.mailOfferCurrent(when(a), a.center.name)] }
            lines += ["", t.callGuidance]
            c = NotificationContent(
                subject: t.subjectOffer(slot, r), text: lines.joined(separator: "\n"),
                sms: t.smsOffer(r, slot, o.center.name, until, String(o.id)))
        }
        if item.recipientRole == .representative {
            c.text = t.copyFor(item.recipientName, item.applicantName, r) + "\n\n" + c.text
            c.subject = t.copySubjectPrefix + c.subject
            c.sms = t.copySMS(item.applicantName) + c.sms
        }
        if !c.text.hasSuffix("\n") { c.text += "\n" }
        return c
    }

    /// R11: a denied case is not rescheduled; the route is a motion to reopen.
    public static var guidanceI290B: String { Catalog.en.guidanceMotionShort }

    /// The new notice (R16), as it prints.
    static func notice(_ item: OutboxItem, _ a: CalendarAppointment, closedDay: ClosedDayMove? = nil, now: Date) -> String {
        var n = AppointmentNotice(
            number: a.noticeNumber, receipt: item.receipt, applicantName: item.applicantName, center: a.center,
            start: a.start, issuedAt: now)
        n.closedDay = closedDay
        return n.text(in: item.language)
    }

    static func need<T>(_ value: T?, _ what: KeyPath<Catalog, String>, _ item: OutboxItem) throws(DeliveryFailure) -> T {
        guard let value else {
            throw DeliveryFailure(permanent: true) { $0.outboxNamesNo(item.id, item.kind.rawValue, $0[keyPath: what]) }
        }
        return value
    }
}
