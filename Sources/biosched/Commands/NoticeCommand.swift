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
        guard let notice else { throw Failure(.refused, s.t.noCurrentNotice(VerdictCode.notScheduled.rawValue, r.value)) }
        if s.json { s.sayJSON(["notice": Present.noticeJSON(notice)]) } else { s.say(notice.text(in: try Self.language(s, r))) }
    }

    /// The caller's language: `--lang`, else the applicant account's preferred language, else the session's.
    static func language(_ s: Session, _ r: ReceiptNumber) throws(Failure) -> Language {
        if s.languageGiven { return s.language }
        guard let snap = try? s.store.caseSnapshot(r, for: s.actor), let account = snap.caseFile.applicantAccount else { return s.language }
        return (try? s.store.accountLanguage(account)) ?? s.language
    }
}
