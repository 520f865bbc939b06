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
        guard interval >= 1 else { throw Failure(.badInput, "--interval must be at least 1 second.") }
        let s = try Session.open(global)
        guard s.actor.role.isStaff else { throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): reminders are run by a staff user.") }
        let stop = StopSignal()
        repeat {
            let added: Int, schedule: ReminderSchedule
            do {
                schedule = try s.store.reminderSchedule()
                added = try s.store.enqueueReminders(now: s.now)
            } catch { throw Failure(storeError: error) }
            if s.json { s.sayJSON(["enqueued": added, "reminderDays": schedule.days]) } else {
                s.say("Reminders (\(schedule.days.map { "\($0) d" }.joined(separator: ", ")) before): \(added) new message\(added == 1 ? "" : "s") in the outbox.")
            }
            if !once { stop.sleep(TimeInterval(interval)) }
        } while !once && !stop.isStopped
    }
}
