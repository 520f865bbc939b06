import ArgumentParser
import Foundation
import Scheduling

/// `biosched centers close CODE DATE [--reason TEXT] [--rebook]`: a closure never strands
/// appointments silently: it lists those scheduled that day, and with `--rebook` moves each to the
/// nearest free slot (agency rebookings, which do not count as reschedules), in one transaction.
struct CentersClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a center for a day; list its scheduled appointments, or move them with --rebook (officers).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The center code, e.g. BOS.") var code: String
    @Argument(help: "The day, YYYY-MM-DD, on the center's calendar.") var date: String
    @Option(help: "Why (recorded in the audit log).") var reason: String = ""
    @Flag(help: "Move every appointment of that day to the nearest free slot (same center, else another in the same state).") var rebook = false

    func run() throws {
        let t0 = Session.catalog(global)
        guard let day = LocalDate(iso: date) else { throw Failure(.badInput, t0.notADateExample(Echo.show(date))) }
        guard reason.count <= 500, !Echo.hasControlCharacters(reason) else { throw Failure(.badInput, t0.closureReasonTooLong) }
        let s = try Session.openAsOfficer(global, to: \.purposeCloseCenters)
        let t = s.t
        let center = try s.center(code)
        let report: AgencyRebooking.Report
        do { report = try AgencyRebooking.close(center: center.code, on: day, reason: reason, rebook: rebook, by: s.actor, in: s.store, clock: s.clock) } catch
        {
            throw Failure(storeError: error)
        }
        if s.json {
            s.sayJSON([
                "center": report.center, "date": report.date.iso, "newlyClosed": report.newlyClosed, "rebooked": report.rebooked,
                "stranded": report.stranded,
                "appointments": report.moves.map { m -> [String: Any] in
                    var o: [String: Any] = ["receipt": m.receipt.value, "from": JSONOutput.iso(m.from)]
                    if let to = m.to {
                        o["to"] = JSONOutput.iso(to)
                        o["toCenter"] = m.toCenter ?? ""
                        o["when"] = m.when ?? ""
                    }
                    return o
                }
            ])
        } else {
            var lines = [t.centerClosed(center.name, center.code, day.iso, already: !report.newlyClosed, report.moves.count)]
            for m in report.moves {
                let from = t.dateTimeLong(m.from, center.zone)
                lines.append(
                    m.to == nil
                        ? "  \(m.receipt.value)  \(from)  \(rebook ? t.closureNotMoved : t.closureStillScheduled)"
                        : "  \(m.receipt.value)  \(from)  " + t.closureMovedTo(m.when ?? "", m.toCenter ?? ""))
            }
            if rebook { lines.append(t.closureRebooked(report.rebooked, report.stranded)) }
            s.say(lines.joined(separator: "\n"))
        }
        if report.stranded > 0 && rebook { throw Failure(.conflict, "") }
    }
}
