import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Load centers, accounts, cases and appointments from JSON: all or nothing.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The JSON file (see README for the format).") var file: String
    func run() throws {
        let s = try Session.openAsOfficer(global, to: \.purposeImport)
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        guard size <= ImportDocument.maxBytes else {
            throw Failure(.badInput, s.t.importTooBig(file, size >> 20, ImportDocument.maxBytes >> 20))
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(.badInput, s.t.importCannotRead(Echo.show(file))) }
        let doc: ImportDocument
        do { doc = try ImportDocument.parse(json: data) } catch { throw Failure(.badInput, s.t.importRefused("\(file): \(error.description(in: s.language))")) }
        let summary: ImportSummary
        do { summary = try s.store.importDocument(doc, actor: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
        // R17: a closure never strands appointments silently: every one still scheduled on a closure
        // day the document names is listed, with the command that moves them.
        let closures = doc.centers.flatMap { c in c.closures.compactMap(LocalDate.init(iso:)).map { (center: c.code.uppercased(), date: $0) } }
        let stranded: [AgencyRebooking.StrandedDay]
        do { stranded = try AgencyRebooking.stranded(closures, in: s.store) } catch { throw Failure(storeError: error) }
        let t = s.t
        if s.json {
            s.sayJSON([
                "centers": summary.centers, "accounts": summary.accounts, "cases": summary.cases, "appointments": summary.appointments,
                "onClosedDays": stranded.flatMap { d in
                    d.appointments.map { a -> [String: Any] in
                        ["receipt": a.receipt.value, "center": d.center.code, "date": d.date.iso, "start": JSONOutput.iso(a.start)]
                    }
                }
            ])
        } else {
            var lines = [t.imported(summary.centers, summary.accounts, summary.cases, summary.appointments)]
            for d in stranded {
                lines.append(t.importClosedDay(d.center.name, d.center.code, d.date.iso, d.appointments.count))
                for a in d.appointments { lines.append("  \(a.receipt.value)  \(t.dateTimeLong(a.start, d.center.zone))  \(t.closureStillScheduled)") }
                lines.append("  " + t.importRebookWith(d.center.code, d.date.iso))
            }
            s.say(lines.joined(separator: "\n"))
        }
    }
}
