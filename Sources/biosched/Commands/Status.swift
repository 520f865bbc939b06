import ArgumentParser
import Foundation
import Scheduling

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a case: its appointment in the center's local time, prior reschedules, flags, and the verdict for you now.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The receipt number, e.g. EAC2414052317 (spaces and dashes are ignored).") var receipt: String

    func run() throws {
        let s = try Session.open(global)
        let r = try s.receipt(receipt)
        let snap: CaseSnapshot
        do { snap = try s.store.caseSnapshot(r, for: s.actor) } catch {
            // Staff may see every case, so for them it does not exist; applicants keep the answer that reveals nothing.
            if error == .notAuthorized && s.actor.role.isStaff {
                s.recordLookup(r, "status: no such case")
                throw Failure(.badInput, s.t.notFound(r.value))
            }
            if error == .notAuthorized { s.recordRefusal(r, "status: not authorized or no such case") }
            throw Failure(storeError: error)
        }
        s.recordLookup(r, "status")
        let now = s.now
        let verdict = ReschedulePolicy.evaluate(RescheduleContext(actor: s.actor, snapshot: snap, goodCause: nil, now: now))
        let flags = CaseFlags.flags(snap, now: now)
        let a = snap.appointment, c = snap.center
        if s.json {
            var o: [String: Any] = [
                "receipt": r.value, "form": snap.caseFile.form.code, "caseStatus": snap.caseFile.status.rawValue,
                "applicantName": snap.caseFile.applicantName,
                "appointment": Present.appointmentJSON(a, center: c), "priorReschedules": a.priorReschedules,
                "flags": flags.map(\.rawValue), "centerClosedThatDay": snap.centerClosedThatDay, "verdict": Present.verdictJSON(verdict),
                "actor": ["role": s.actor.role.rawValue, "id": s.actor.id], "channel": s.actor.role.channel.rawValue,
                "now": JSONOutput.iso(now)
            ]
            if let p = snap.pendingEscalation { o["pendingEscalation"] = p }
            s.sayJSON(o)
        } else {
            let t = s.t
            var lines = [
                t.statusCase(r.value, snap.caseFile.form.code, snap.caseFile.applicantName, t.caseStatusWord(snap.caseFile.status)),
                t.statusAppointment(t.dateTimeShort(a.start, c.zone), c.name, c.code, t.statusWord(a.status)),
                t.statusUsed(a.priorReschedules, ReschedulePolicy.onlineLimit)
            ]
            if !flags.isEmpty { lines.append(t.statusFlags(flags.map { "\($0.rawValue) (\(t.sentence($0)))" }.joined(separator: "; "))) }
            if let p = snap.pendingEscalation { lines.append(t.statusPending(p)) }
            lines.append(t.statusAs(s.actor.role, s.actor.id, t.channelName(s.actor.role.channel), t.dateTimeShort(now, c.zone)))
            lines.append(Present.verdictText(verdict, s.language))
            s.say(lines.joined(separator: "\n"))
        }
    }
}
