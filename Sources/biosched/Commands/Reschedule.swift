import ArgumentParser
import Foundation
import Scheduling

struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Reschedule an appointment: books, escalates to an officer, or refuses, per your role's channel.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The receipt number.") var receipt: String
    @Option(help: ArgumentHelp("The new time on the center's wall clock, YYYY-MM-DDTHH:MM.", valueName: "local-datetime")) var to: String
    @Option(help: "The center (default: the current appointment's).") var center: String?
    @Option(help: ArgumentHelp("Good cause: \(GoodCauseReason.codeList).", valueName: "code")) var reason: String?
    @Option(help: "The explanation for --reason other (else --note is used).") var explain: String?
    @Option(help: "A note for the record (agents: what the caller said).") var note: String?
    @Option(help: "Confirmation channel: email or sms (recorded in the outbox).") var notify: String?
    @Option(name: .customLong("request-id"), help: "An id that makes a retried request return the first result.") var requestID: String?
    @Option(name: .customLong("expect-version"), help: "The appointment version you saw (status --json: appointment.version); any other gives CONFLICT.")
    var expectVersion: Int?
    @Option(
        name: .customLong("expect-appointment"), help: "The appointment id you saw (status --json: appointment.id); another current appointment gives CONFLICT."
    ) var expectAppointment: Int64?

    func run() throws {
        let s = try Session.open(global)
        let r = try s.receipt(receipt)
        guard let local = LocalDateTime(iso: to) else {
            throw Failure(.badInput, s.t.badTo(Echo.show(to)))
        }
        var cause: GoodCause?
        if let reason {
            guard let code = GoodCauseReason(rawValue: reason.lowercased()) else {
                throw Failure(.badInput, s.t.badReason(Echo.show(reason), GoodCauseReason.codeList))
            }
            cause = GoodCause(reason: code, explanation: explain ?? (code == .other ? note ?? "" : ""))
        }
        var channel: NotifyChannel?
        if let notify {
            guard let n = NotifyChannel(rawValue: notify.lowercased()) else { throw Failure(.badInput, s.t.badNotify(Echo.show(notify))) }
            channel = n
        }
        if let center { _ = try s.center(center) }
        if let requestID, requestID.isEmpty || requestID.count > 100 || Echo.hasControlCharacters(requestID) {
            throw Failure(.badInput, s.t.badRequestID(Echo.show(requestID)))
        }
        for (flag, text) in [("--note", note), ("--explain", explain)] {
            if let text, text.count > 2000 || Echo.hasControlCharacters(text, allowingLineBreaks: true) {
                throw Failure(.badInput, s.t.textTooLong(flag, text.count))
            }
        }
        let request = RescheduleRequest(
            requestID: requestID ?? UUID().uuidString.lowercased(), receipt: r, actor: s.actor, goodCause: cause,
            note: note ?? "", centerCode: center, to: local, notify: channel, expectedVersion: expectVersion,
            expectedAppointmentID: expectAppointment)
        let outcome: RescheduleOutcome
        do { outcome = try s.store.reschedule(request, clock: s.clock) } catch { throw Failure(storeError: error) }
        Self.report(outcome, session: s, asked: request.requestID)
        let status = Present.exitStatus(for: outcome)
        if status != .done { throw Failure(status, "") }
    }

    static func report(_ outcome: RescheduleOutcome, session s: Session, asked: String? = nil) {
        // A second escalation of a case with one waiting records nothing: the answer names the one waiting.
        let alreadyWaiting = outcome.result == .escalated && outcome.replayed && asked != nil && asked != outcome.requestID
        if s.json {
            var o = Present.verdictJSON(outcome.verdict)
            o["requestId"] = outcome.requestID
            o["result"] = outcome.result.rawValue
            o["replayed"] = outcome.replayed
            o["alreadyWaiting"] = alreadyWaiting
            o["verdict"] = Present.verdictJSON(outcome.verdict)
            if let n = outcome.notice { o["notice"] = Present.noticeJSON(n) }
            s.sayJSON(o)
            return
        }
        var lines: [String] = []
        let t = s.t
        switch outcome.result {
        case .booked: lines.append(t.resultBooked(outcome.requestID, replayed: outcome.replayed))
        case .escalated where alreadyWaiting: lines.append(t.resultAlreadyWaiting(outcome.requestID))
        case .escalated: lines.append(t.resultEscalated(outcome.requestID, replayed: outcome.replayed))
        case .refused, .conflict, .slotFull, .denied: lines.append(t.resultWord(outcome.result))
        }
        lines.append(Present.verdictText(outcome.verdict, s.language))
        if let n = outcome.notice {
            lines.append("")
            lines.append(n.text(in: s.language))
        }
        s.say(lines.joined(separator: "\n"))
    }
}
