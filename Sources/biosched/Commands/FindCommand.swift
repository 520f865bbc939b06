import ArgumentParser
import Foundation
import Scheduling

/// `biosched find QUERY`: the find screen's search on the command line (staff only).
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find a caller's cases (staff): by receipt, A-number, name or surname (with a date of birth), phone or email.",
        discussion: """
            Examples: biosched find garcia · biosched find "Garcia 1985-03-14" · biosched find A123456789 · \
            biosched find "(617) 555-0142" · biosched find maria@example.org. Each match shows the name, date of birth, form, \
            center and next appointment, and its receipt (for `status` and `reschedule`). Every search is written to the audit log.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to search for; quote it when it has spaces.") var query: [String]
    @Option(help: "The most matches to list (1 to 200).") var limit: Int = CallerSearch.limit

    func run() throws {
        let t0 = Session.catalog(global)
        guard (1...200).contains(limit) else { throw Failure(.badInput, t0.badFindLimit(limit)) }
        let text = query.joined(separator: " ")
        let q: CallerQuery
        do { q = try CallerQuery.parse(text) } catch {
            throw Failure(.badInput, error.message(in: t0.language))
        }
        let s = try Session.open(global)
        guard s.actor.role.isStaff else {
            _ = try? s.store.findCallers(q, for: s.actor, limit: limit, now: s.now) // audited as refused
            throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): " + s.t.findOnlyStaff)
        }
        let t = s.t
        let found: CallerSearchResult
        do {
            var listed = try s.store.findCallers(q, for: s.actor, limit: limit, now: s.now)
            try listed.markClosedDays { (code) throws(StoreError) in try s.store.center(code: code) } // R17
            listed.rankWholeWords()
            found = listed
        } catch { throw Failure(storeError: error) }
        func next(_ m: CallerMatch) -> (text: String, json: Any)? {
            guard let a = m.next, let zone = m.centerTimeZone.flatMap(ZoneRules.init(identifier:)) else { return nil }
            let text = "\(a.centerCode) \(t.dateTimeLong(a.start, zone))"
            return (
                m.centerClosed ? t.withClosedDay(text) : text,
                ["center": a.centerCode, "start": JSONOutput.iso(a.start), "local": zone.format(a.start), "centerClosed": m.centerClosed] as [String: Any]
            )
        }
        if s.json {
            s.sayJSON([
                "query": text, "kind": q.kind, "more": found.more,
                "matches": found.matches.map { m -> [String: Any] in
                    var o: [String: Any] = ["receipt": m.receipt.value, "name": m.name, "form": m.form]
                    if let d = m.dateOfBirth { o["dateOfBirth"] = d.iso }
                    if let n = next(m) { o["nextAppointment"] = n.json }
                    return o
                }
            ])
            return
        }
        guard !found.matches.isEmpty else {
            s.say(t.findNoMatch(Echo.show(text, limit: 60), t.searchKind(q)))
            return
        }
        var lines = found.matches.map { m in
            t.findRow(m.receipt.value, m.name, m.dateOfBirth?.iso, m.form, next(m)?.text)
        }
        let n = found.matches.count
        lines.append(found.more ? t.findMore(n, found.query) : t.findCount(n))
        s.say(lines.joined(separator: "\n"))
    }
}
