import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// `biosched settings`: the store's settings an administrator changes after `init`: where callers
/// enroll their SSH key (`enroll-host`, `enroll-user`), which every notice and message that gives
/// an enrollment code names (`ssh USER@HOST`).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the store's settings: where callers enroll their SSH key (enroll-host, enroll-user).",
        subcommands: [Show.self, SetValue.self, Unset.self], defaultSubcommand: Show.self)

    static func setting(_ name: String, _ t: Catalog) throws(Failure) -> StoreSetting {
        guard let s = StoreSetting(rawValue: name.lowercased()) else { throw Failure(.badInput, t.unknownSetting(Echo.show(name, limit: 40))) }
        return s
    }

    /// What a person reads for a value: the value, else what stands for it (the default user, or "(not set)").
    static func shown(_ setting: StoreSetting, _ value: String, _ t: Catalog) -> String {
        guard value.isEmpty else { return value }
        return setting == .enrollUser ? EnrollmentDoor.defaultUser : t.settingNotSet
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the enrollment host and user, and the command notices give callers (staff).")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let s = try Session.openAsStaff(global, refusal: \.purposeSeeSettings)
            let door: EnrollmentDoor
            do { door = try s.store.enrollmentDoor() } catch { throw Failure(storeError: error) }
            let command = s.t.enrollCommand(door)
            if s.json {
                s.sayJSON([
                    "enrollHost": door.host ?? NSNull(), "enrollUser": door.user, "enrollCommand": door.command ?? NSNull(),
                    "enrollText": command
                ])
            } else {
                s.say(s.t.settingsShown(host: door.host, user: door.user, command: command, hostSet: door.host != nil))
            }
        }
    }

    struct SetValue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change a setting (officers; audited): enroll-host HOST (a DNS name, an IPv4 address or [IPv6], optionally :PORT) or enroll-user LOGIN.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "enroll-host or enroll-user.") var name: String
        @Argument(help: "The new value.") var value: String
        func run() throws {
            let t = Session.catalog(global)
            let setting = try SettingsCommand.setting(name, t)
            // Checked before the store is opened: a bad value changes nothing, whoever typed it.
            do { _ = try setting.normalize(value) } catch { throw Failure(.badInput, error.message(in: t.language)) }
            try SettingsCommand.change(setting, to: value, global)
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unset",
            abstract: "Unset a setting (officers; audited): enroll-host (notices then say the host is the agency's) or enroll-user (back to biosched).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "enroll-host or enroll-user.") var name: String
        func run() throws {
            let setting = try SettingsCommand.setting(name, Session.catalog(global))
            try SettingsCommand.change(setting, to: nil, global)
        }
    }

    static func change(_ setting: StoreSetting, to value: String?, _ global: GlobalOptions) throws(Failure) {
        let s = try Session.openAsOfficer(global, to: \.purposeChangeSettings)
        let result: (old: String, new: String)
        let door: EnrollmentDoor
        do {
            result = try s.store.changeSetting(setting, to: value, by: s.actor, now: s.now)
            door = try s.store.enrollmentDoor()
        } catch { throw Failure(storeError: error) }
        let changed = result.old != result.new
        if s.json {
            s.sayJSON([
                "setting": setting.rawValue, "old": result.old.isEmpty ? NSNull() as Any : result.old, "new": result.new.isEmpty ? NSNull() as Any : result.new,
                "changed": changed, "enrollCommand": door.command ?? NSNull()
            ])
        } else if changed {
            s.say(s.t.settingChanged(setting.rawValue, shown(setting, result.old, s.t), shown(setting, result.new, s.t), s.t.enrollCommand(door)))
        } else {
            s.say(s.t.settingUnchanged(setting.rawValue, shown(setting, result.new, s.t)))
        }
    }
}
