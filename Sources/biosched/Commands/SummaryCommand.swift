import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Summarize the store (the default).", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let s = try Session.open(global)
        let c: StoreCounts
        do { c = try s.store.counts() } catch { throw Failure(storeError: error) }
        if s.json {
            s.sayJSON([
                "path": s.store.location, "centers": c.centers, "cases": c.cases, "appointments": c.appointments,
                "scheduled": c.scheduled, "escalated": c.escalated, "actor": ["role": s.actor.role.rawValue, "id": s.actor.id]
            ])
            return
        }
        s.say(
            """
            biosched store \(s.store.location)
              \(c.centers) centers, \(c.cases) cases, \(c.appointments) appointments (\(c.scheduled) scheduled), \(c.escalated) escalated requests waiting
              acting as \(s.actor.role.rawValue) \(s.actor.id)
            Try: biosched status IOE0923456781 · biosched slots --center BOS · biosched tui · biosched --help
            """)
    }
}
