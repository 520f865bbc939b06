import ArgumentParser
import Foundation
import Notifications
import Scheduling

/// `biosched notice RECEIPT --format ics`: the current appointment as an iCalendar file
/// (METHOD:PUBLISH, the same UID and SEQUENCE as the messages' invitations, so a later
/// reschedule message updates the imported event).
enum NoticeCalendar {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, ics }

    static func write(_ r: ReceiptNumber, session s: Session) throws(Failure) {
        let found: (CalendarAppointment, applicantName: String)?
        let storeID: String
        do {
            found = try s.store.currentCalendarAppointment(r, for: s.actor)
            storeID = try s.store.outboxStoreID()
        } catch { throw Failure(storeError: error) }
        guard let (appointment, name) = found else {
            throw Failure(.refused, s.t.noCurrentNotice(VerdictCode.notScheduled.rawValue, r.value))
        }
        let file = ICalendar.file(
            .publish, appointment: appointment, receipt: r, applicantName: name, storeID: storeID, stamp: s.now,
            comment: s.info.isTraining ? s.t.trainingBanner : nil, language: s.language)
        if s.json {
            s.sayJSON(["ics": file.text, "filename": file.filename])
            return
        }
        if s.info.isTraining { StandardStreams.err("[\(s.t.trainingBanner)]\n") }
        StandardStreams.out(file.text)
    }
}
