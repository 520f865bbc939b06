import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load centers, accounts, cases and appointments from JSON: all or nothing.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The JSON file (see README for the format).") var file: String
    func run() throws {
        let s = try Session.openAsOfficer(global, to: "import data")
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        guard size <= ImportDocument.maxBytes else {
            throw Failure(.badInput, "Import refused, nothing was written. \(file) is \(size >> 20) MiB; at most \(ImportDocument.maxBytes >> 20) MiB are taken at once (split it into several files, each loaded all or nothing).")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(.badInput, "Cannot read \(Echo.show(file)): no such file, or not readable.") }
        let doc: ImportDocument
        do { doc = try ImportDocument.parse(json: data) } catch { throw Failure(.badInput, "Import refused, nothing was written. \(file): \(error.description)") }
        let summary: ImportSummary
        do { summary = try s.store.importDocument(doc, actor: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
        if s.json {
            s.sayJSON(["centers": summary.centers, "accounts": summary.accounts, "cases": summary.cases, "appointments": summary.appointments])
        } else {
            s.say("Imported \(summary.centers) centers, \(summary.accounts) accounts, \(summary.cases) cases, \(summary.appointments) appointments.")
        }
    }
}
