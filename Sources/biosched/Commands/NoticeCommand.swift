import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "Print the current appointment notice (R16).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The receipt number.") var receipt: String
    @Option(help: "text, or ics (an iCalendar file of the appointment, RFC 5545).") var format: NoticeCalendar.Format = .text
    func run() throws {
        let s = try Session.open(global)
        let r = try s.receipt(receipt)
        if format == .ics { return try NoticeCalendar.write(r, session: s) }
        let notice: AppointmentNotice?
        do { notice = try s.store.currentNotice(r, for: s.actor) } catch { throw Failure(storeError: error) }
        guard let notice else { throw Failure(.refused, "\(VerdictCode.notScheduled.rawValue): \(r.value) has no scheduled appointment, so there is no current notice.") }
        if s.json { s.sayJSON(["notice": Present.noticeJSON(notice)]) } else { s.say(notice.text) }
    }
}
