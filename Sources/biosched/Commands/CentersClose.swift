import ArgumentParser
import Foundation
import Scheduling

/// `biosched centers close CODE DATE [--reason TEXT] [--rebook]`: a closure never strands
/// appointments silently: it lists those scheduled that day, and with `--rebook` moves each to the
/// nearest free slot (agency rebookings, which do not count as reschedules), in one transaction.
struct CentersClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close",
        abstract: "Close a center for a day; list its scheduled appointments, or move them with --rebook (officers).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The center code, e.g. BOS.") var code: String
    @Argument(help: "The day, YYYY-MM-DD, on the center's calendar.") var date: String
    @Option(help: "Why (recorded in the audit log).") var reason: String = ""
    @Flag(help: "Move every appointment of that day to the nearest free slot (same center, else another in the same state).") var rebook = false

    func run() throws {
        guard let day = LocalDate(iso: date) else { throw Failure(.badInput, "\"\(Echo.show(date))\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-24.") }
        guard reason.count <= 500, !Echo.hasControlCharacters(reason) else { throw Failure(.badInput, "--reason must be at most 500 characters of plain text.") }
        let s = try Session.openAsOfficer(global, to: "close centers")
        let center = try s.center(code)
        let report: AgencyRebooking.Report
        do { report = try AgencyRebooking.close(center: center.code, on: day, reason: reason, rebook: rebook, by: s.actor, in: s.store, clock: s.clock) } catch {
            throw Failure(storeError: error)
        }
        if s.json {
            s.sayJSON(["center": report.center, "date": report.date.iso, "newlyClosed": report.newlyClosed, "rebooked": report.rebooked,
                       "stranded": report.stranded, "appointments": report.moves.map { m -> [String: Any] in
                           var o: [String: Any] = ["receipt": m.receipt.value, "from": JSONOutput.iso(m.from)]
                           if let to = m.to { o["to"] = JSONOutput.iso(to); o["toCenter"] = m.toCenter ?? ""; o["when"] = m.when ?? "" }
                           return o
                       }])
        } else {
            var lines = ["\(center.name) [\(center.code)] is closed on \(day.iso)\(report.newlyClosed ? "" : " (it already was")\(report.newlyClosed ? "" : ")"). \(report.moves.count) appointment\(report.moves.count == 1 ? " was" : "s were") scheduled that day."]
            for m in report.moves {
                let from = center.zone.formatLong(m.from)
                lines.append(m.to == nil ? "  \(m.receipt.value)  \(from)  \(rebook ? "NOT MOVED: no free slot in the window" : "still scheduled: rebook with --rebook, or one by one")"
                                         : "  \(m.receipt.value)  \(from)  -> \(m.when ?? "") at \(m.toCenter ?? "")")
            }
            if rebook { lines.append("Rebooked \(report.rebooked); \(report.stranded) could not be moved. Agency rebookings do not count toward the two reschedules; each has a new notice and a message.") }
            s.say(lines.joined(separator: "\n"))
        }
        if report.stranded > 0 && rebook { throw Failure(.conflict, "") }
    }
}
