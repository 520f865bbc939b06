import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// `biosched backup FILE`: an online backup of the live store, checked before it is kept;
/// `biosched backup --check FILE`: checks a backup (or a store) without changing it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the store while it is in use (SQLite's online backup), checked before it is kept; --check FILE checks a backup.",
        discussion:
            "The copy is one consistent snapshot in a new file (0600); it is kept only when its integrity check, row counts and audit chain check out. See docs/backup.md for the restore procedure and a cron line."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file to create (never an existing file).") var file: String
    @Flag(help: "Check FILE (a backup or a store) instead of making one: integrity, row counts, audit chain.") var check = false

    func run() throws {
        let t = Session.catalog(global)
        if Echo.hasControlCharacters(file) { throw Failure(.badInput, t.backupNameControl(Echo.show(file))) }
        let report: BackupReport
        let s: Session?
        if check {
            s = nil
            do { report = try SQLiteBookingStore.checkBackup(file) } catch { throw Failure(storeError: error) }
        } else {
            let session = try Session.openAsOfficer(global, to: \.purposeBackups)
            s = session
            do { report = try session.store.backup(to: file) } catch { throw Failure(storeError: error) }
            try? session.store.recordEvent(
                .backupMade, actor: session.actor, receipt: nil,
                detail: "to=\(Echo.show(file, limit: 200)) appointments=\(report.rows["appointments"] ?? 0) audit=\(report.rows["audit"] ?? 0)",
                now: session.now)
        }
        let rows = report.rows.sorted { $0.key < $1.key }
        if global.json {
            let o: [String: Any] = [
                "file": report.path, "integrity": report.integrity, "auditIntact": report.auditIntact, "good": report.isGood,
                "rows": Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.value) })
            ]
            if let s { s.sayJSON(o) } else { print(JSONOutput.string(o)) }
        } else {
            let text =
                t.backupReport(checked: check, report.path, report.integrity, auditIntact: report.auditIntact) + "\n  "
                + rows.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if let s { s.say(text) } else { print(text) }
        }
        if !report.isGood { throw Failure(.storeError, t.backupBad(report.path)) }
    }
}
