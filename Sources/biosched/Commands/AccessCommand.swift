import ArgumentParser
import Foundation
import SSHAccess
import Scheduling
import SchedulingStore

/// `biosched access`: SSH keys as rows of the store, mapped to an applicant's or representative's
/// account or to a staff login, the way git hosting maps keys to identities. OpenSSH
/// authenticates; sshd asks `access authorized-keys` (its `AuthorizedKeysCommand`) which forced
/// command a key gets, so every gateway host on the same store admits the same people; `access
/// export` writes an `authorized_keys` file for a small install instead. Every argument of a
/// forced command is a checked identifier or an absolute path, each quoted for the shell besides.
struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "SSH keys of applicants, representatives and staff, kept in the store (sshd asks `access authorized-keys`).",
        subcommands: [Add.self, Remove.self, List.self, Export.self, Code.self, AcceptG28.self, AuthorizedKeysLookup.self], defaultSubcommand: List.self)

    struct FileOptions: ParsableArguments {
        @Option(help: ArgumentHelp("Also write this authorized_keys file from the store (as `access export`).", valueName: "path"))
        var file: String?
        @Option(
            help: ArgumentHelp(
                "A staff login (instead of --account): the key opens biosched as this agent or officer through the service account.", valueName: "login"))
        var staff: String?
    }

    static func officer(_ g: GlobalOptions) throws(Failure) -> Session { try Session.openAsOfficer(g, to: \.purposeManageAccess) }

    static func staffSession(_ g: GlobalOptions, _ what: @escaping (Catalog) -> String) throws(Failure) -> Session {
        try Session.openAsStaff(g) { $0.onlyStaffTo(what($0)) }
    }

    /// The gateway user's authorized_keys, from the store's staff list.
    static func defaultFile(_ s: Session) throws(Failure) -> String {
        let staff: [StaffMember]
        do { staff = try s.store.staff() } catch { throw Failure(storeError: error) }
        guard let gateway = staff.first(where: { $0.role == .gateway }) else {
            throw Failure(.badInput, s.t.noGatewayUser)
        }
        guard let pw = getpwnam(gateway.user), let dir = pw.pointee.pw_dir else {
            throw Failure(.badInput, s.t.gatewayNotLocal(gateway.user))
        }
        return String(cString: dir) + "/.ssh/authorized_keys"
    }

    /// `--account ID` or `--staff LOGIN`, checked against their patterns before anything else.
    static func holderID(_ global: GlobalOptions, _ files: FileOptions, verb: KeyVerb) throws(Failure) -> (account: String?, staff: String?) {
        let t = Session.catalog(global)
        switch (global.account, files.staff) {
        case (nil, nil), ("", _), (_, ""):
            throw Failure(.badInput, t.nameWhoseKeys(verb))
        case (.some, .some):
            throw Failure(.badInput, t.accountOrStaff)
        case let (a?, nil):
            guard Identifier.isAccountID(a) else {
                throw Failure(.badInput, t.badAccountFlag("--account", Echo.show(a)))
            }
            return (a, nil)
        case let (nil, u?):
            guard Identifier.isLoginName(u) else {
                throw Failure(.badInput, t.badStaffFlag(Echo.show(u)))
            }
            return (nil, u)
        }
    }

    /// The holder in the store: the account must exist (its role is read), the login must be an agent or officer.
    static func holder(_ s: Session, _ who: (account: String?, staff: String?)) throws(Failure) -> KeyHolder {
        if let accountID = who.account {
            let role: Role?
            do { role = try s.store.accountRole(accountID) } catch { throw Failure(storeError: error) }
            guard let role else { throw Failure(.badInput, s.t.noAccountImportFirst(accountID)) }
            return .account(accountID, role)
        }
        let login = who.staff!
        let role: StaffRole?
        do { role = try s.store.staffRole(of: login) } catch { throw Failure(storeError: error) }
        guard let role, role != .gateway else {
            throw Failure(.badInput, s.t.notStaffAddFirst(login))
        }
        return .staff(login)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Let a public key in as an account (or a staff login) (officers).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("The public key file (one line, e.g. id_ed25519.pub).", valueName: "path")) var key: String

        func run() throws {
            let who = try Access.holderID(global, files, verb: .add)
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let holder = try Access.holder(s, who)
            let publicKey = try PublicKey.read(file: key, s.t)
            _ = try Access.forcedCommand(for: holder, store: s.store.location, key: publicKey, s.t) // refuses an unusable path before writing
            do { try s.store.addKey(publicKey, for: holder, how: "officer", by: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            var note = ""
            if let file = files.file { note = " " + (try Access.export(s, to: file)) }
            s.say(s.t.keyAddedFor(publicKey.type, publicKey.fingerprint, s.t.holder(holder)) + note)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Revoke a person's keys, or one key (agents and officers: a caller lost a device).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("Only this public key.", valueName: "path")) var key: String?

        func run() throws {
            let who = try Access.holderID(global, files, verb: .remove)
            var g = global
            g.account = nil
            let s = try Access.staffSession(g, \.purposeRevokeKeys)
            let holder = try Access.holder(s, who)
            let publicKey = try key.map { (k: String) throws(Failure) in try PublicKey.read(file: k, s.t) }
            let n: Int
            do { n = try s.store.revokeKeys(of: holder, blob: publicKey?.blob, by: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            guard n > 0 else { throw Failure(.badInput, s.t.noKeyInForce(s.t.holder(holder), matching: key.map { Echo.show($0) })) }
            var note = ""
            if let file = files.file { note = " " + (try Access.export(s, to: file)) }
            s.say(s.t.keysRevokedOf(n, s.t.holder(holder)) + note)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the keys in force (officers).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        func run() throws {
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            var holder: KeyHolder?
            if global.account != nil || files.staff != nil { holder = try Access.holder(s, try Access.holderID(global, files, verb: .list)) }
            let keys: [StoredKey]
            do { keys = try s.store.activeKeys(of: holder) } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON([
                    "keys": keys.map { k -> [String: Any] in
                        var o: [String: Any] = [
                            "type": k.key.type, "fingerprint": k.fingerprint, "comment": k.key.comment,
                            "addedAt": JSONOutput.iso(k.addedAt), "addedHow": k.addedHow, "addedBy": k.addedBy
                        ]
                        switch k.holder {
                        case let .account(a, r):
                            o["account"] = a
                            o["role"] = r.rawValue
                        case let .staff(u):
                            o["staff"] = u
                            o["role"] = "staff"
                        }
                        return o
                    }
                ])
            } else {
                s.say(
                    keys.isEmpty
                        ? s.t.noKeysInForce
                        : keys.map {
                            s.t.keyRow(s.t.holder($0.holder), $0.key.type, $0.fingerprint, JSONOutput.iso($0.addedAt), $0.addedHow, Echo.show($0.key.comment))
                        }.joined(separator: "\n"))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an authorized_keys file from the store (a small install without AuthorizedKeysCommand).")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The file (default: the gateway user's ~/.ssh/authorized_keys).", valueName: "path")) var file: String?
        func run() throws {
            let s = try Access.officer(global)
            s.say(try Access.export(s, to: file ?? Access.defaultFile(s)))
        }
    }

    /// Rewrites the biosched lines of `path` from the keys in force; other lines stay as they were.
    static func export(_ s: Session, to path: String) throws(Failure) -> String {
        let keys: [StoredKey]
        do { keys = try s.store.activeKeys(of: nil) } catch { throw Failure(storeError: error) }
        do {
            var file = try AuthorizedKeys(path: path, s.t)
            file.removeManaged()
            for k in keys { file.append(command: try ForcedCommand.line(for: k.holder, store: s.store.location, key: k.key, s.t), key: k.key) }
            try file.write(s.t)
        } catch { throw Failure(access: error) }
        return s.t.keysWritten(keys.count, path)
    }

    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "code", abstract: "Issue a new one-time enrollment code for an account (agents and officers).")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("for"), help: ArgumentHelp("The applicant's or representative's account.", valueName: "id")) var account: String
        func run() throws {
            guard Identifier.isAccountID(account) else {
                throw Failure(.badInput, Session.catalog(global).badAccountFlag("--for", Echo.show(account)))
            }
            let s = try Access.staffSession(global, \.purposeIssueCodes)
            let code: String, door: EnrollmentDoor
            do {
                code = try s.store.issueEnrollmentCode(account: account, by: s.actor, now: s.now)
                door = try s.store.enrollmentDoor()
            } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON([
                    "account": account, "code": code, "validDays": EnrollmentLimits.defaultValidDays,
                    "enrollCommand": door.command ?? NSNull()
                ])
            } else {
                s.say(s.t.enrollmentCodeIssued(account, code, EnrollmentLimits.defaultValidDays, door))
            }
        }
    }

    struct AcceptG28: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "g28",
            abstract: "Accept a Form G-28 (officers): the representative may act on the case, and gets a one-time enrollment code with the acceptance.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case's receipt number.") var receipt: String
        @Option(name: .customLong("representative"), help: ArgumentHelp("The attorney's or accredited representative's account.", valueName: "id")) var account:
            String
        func run() throws {
            guard Identifier.isAccountID(account) else {
                throw Failure(.badInput, Session.catalog(global).badAccountFlag("--representative", Echo.show(account)))
            }
            let s = try Session.openAsOfficer(global, to: \.purposeAcceptG28)
            let r = try s.receipt(receipt)
            let accepted: RepresentationAcceptance
            do { accepted = try s.store.acceptRepresentation(receipt: r, account: account, by: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON([
                    "receipt": r.value, "account": account, "alreadyOnFile": accepted.alreadyOnFile, "code": accepted.enrollmentCode,
                    "validDays": accepted.validDays, "enrollCommand": accepted.enrollDoor.command ?? NSNull(),
                    "text": accepted.text(in: s.language)
                ])
            } else {
                s.say(accepted.text(in: s.language))
            }
        }
    }

    /// The forced command for a key (SSHAccess's `ForcedCommand`), refusals as failures.
    static func forcedCommand(for holder: KeyHolder, store: String, key: PublicKey, _ t: Catalog = .en) throws(Failure) -> String {
        do { return try ForcedCommand.line(for: holder, store: store, key: key, t) } catch { throw Failure(access: error) }
    }

    /// `biosched SUBCOMMAND --db STORE` as absolute, checked words.
    static func commandPrefix(store: String, subcommand: String, _ t: Catalog = .en) throws(Failure) -> [String] {
        do { return try ForcedCommand.prefix(store: store, subcommand: subcommand, t) } catch { throw Failure(access: error) }
    }
}

extension Failure {
    /// An `authorized_keys` file or a forced command that could not be made: bad input, said as it is.
    init(access e: AccessError) { self.init(.badInput, e.message) }
}
