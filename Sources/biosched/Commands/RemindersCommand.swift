import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// `biosched reminders`: enqueues the reminders due before scheduled appointments (store setting
/// `reminder_days`, default 7,1), each at most once; `biosched mailer` sends them.
struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Enqueue appointment reminders that are due (staff); run it from cron or a systemd timer.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Enqueue once and exit (for cron or a systemd timer).") var once = false
    @Option(help: ArgumentHelp("Without --once: seconds between two runs.", valueName: "seconds")) var interval = 3600

    func run() throws {
        guard interval >= 1 else { throw Failure(.badInput, Session.catalog(global).intervalAtLeastOne) }
        let s = try Session.openAsStaff(global) { $0.remindersOnlyStaff }
        let stop = StopSignal()
        repeat {
            let added: Int, schedule: ReminderSchedule
            do {
                schedule = try s.store.reminderSchedule()
                added = try s.store.enqueueReminders(now: s.now)
            } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON(["enqueued": added, "reminderDays": schedule.days])
            } else {
                s.say(s.t.remindersQueued(schedule.days.map { "\($0) d" }.joined(separator: ", "), added))
            }
            if !once { stop.sleep(TimeInterval(interval)) }
        } while !once && !stop.isStopped
    }
}
