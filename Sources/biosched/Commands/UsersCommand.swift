import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Which local users are staff (officers only).",
        subcommands: [Add.self, Remove.self, List.self], defaultSubcommand: List.self)

    static func officer(_ g: GlobalOptions) throws(Failure) -> Session { try Session.openAsOfficer(g, to: \.purposeManageUsers) }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Make a local user an agent, officer or gateway (the SSH service account).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The local login name.") var user: String
        @Option(help: "agent, officer or gateway.") var role: String
        func run() throws {
            let s = try Users.officer(global)
            guard let r = StaffRole(rawValue: role.lowercased()) else { throw Failure(.badInput, s.t.badStaffRole(Echo.show(role))) }
            do { try s.store.addStaff(user, role: r, by: s.actor.id, now: s.now) } catch { throw Failure(storeError: error) }
            s.say(s.t.userIsNow(user, r))
        }
    }
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a staff user.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The local login name.") var user: String
        func run() throws {
            let s = try Users.officer(global)
            do { try s.store.removeStaff(user, by: s.actor.id, now: s.now) } catch { throw Failure(storeError: error) }
            s.say(s.t.userNoLongerStaff(user))
        }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff users.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let s = try Users.officer(global)
            let list: [StaffMember]
            do { list = try s.store.staff() } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON(["users": list.map { ["user": $0.user, "role": $0.role.rawValue, "addedAt": JSONOutput.iso($0.addedAt), "addedBy": $0.addedBy] }])
            } else {
                s.say(list.map { s.t.staffRow($0.user, $0.role, JSONOutput.iso($0.addedAt), $0.addedBy) }.joined(separator: "\n"))
            }
        }
    }
}
