import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load centers, accounts, cases and appointments from JSON: all or nothing.")
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
        if s.json {
            s.sayJSON(["centers": summary.centers, "accounts": summary.accounts, "cases": summary.cases, "appointments": summary.appointments])
        } else {
            s.say(s.t.imported(summary.centers, summary.accounts, summary.cases, summary.appointments))
        }
    }
}
