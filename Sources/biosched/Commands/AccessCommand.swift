import ArgumentParser
import Foundation
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
        abstract: "SSH keys of applicants, representatives and staff, kept in the store (sshd asks `access authorized-keys`).",
        subcommands: [Add.self, Remove.self, List.self, Export.self, Code.self, AcceptG28.self, AuthorizedKeysLookup.self], defaultSubcommand: List.self)

    struct FileOptions: ParsableArguments {
        @Option(help: ArgumentHelp("Also write this authorized_keys file from the store (as `access export`).", valueName: "path"))
        var file: String?
        @Option(help: ArgumentHelp("A staff login (instead of --account): the key opens biosched as this agent or officer through the service account.", valueName: "login"))
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
        static let configuration = CommandConfiguration(abstract: "Let a public key in as an account (or a staff login) (officers).")
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
            _ = try Access.forcedCommand(for: holder, store: s.store.location, key: publicKey, s.t)   // refuses an unusable path before writing
            do { try s.store.addKey(publicKey, for: holder, how: "officer", by: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            var note = ""
            if let file = files.file { note = " " + (try Access.export(s, to: file)) }
            s.say(s.t.keyAddedFor(publicKey.type, publicKey.fingerprint, s.t.holder(holder)) + note)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
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
        static let configuration = CommandConfiguration(abstract: "List the keys in force (officers).")
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
                s.sayJSON(["keys": keys.map { k -> [String: Any] in
                    var o: [String: Any] = ["type": k.key.type, "fingerprint": k.fingerprint, "comment": k.key.comment,
                                            "addedAt": JSONOutput.iso(k.addedAt), "addedHow": k.addedHow, "addedBy": k.addedBy]
                    switch k.holder {
                    case let .account(a, r): o["account"] = a; o["role"] = r.rawValue
                    case let .staff(u): o["staff"] = u; o["role"] = "staff"
                    }
                    return o
                }])
            } else {
                s.say(keys.isEmpty ? s.t.noKeysInForce : keys.map {
                    s.t.keyRow(s.t.holder($0.holder), $0.key.type, $0.fingerprint, JSONOutput.iso($0.addedAt), $0.addedHow, Echo.show($0.key.comment))
                }.joined(separator: "\n"))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write an authorized_keys file from the store (a small install without AuthorizedKeysCommand).")
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
        var file = try AuthorizedKeys(path: path, s.t)
        file.removeManaged()
        for k in keys { file.append(command: try forcedCommand(for: k.holder, store: s.store.location, key: k.key, s.t), key: k.key) }
        try file.write(s.t)
        return s.t.keysWritten(keys.count, path)
    }

    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new one-time enrollment code for an account (agents and officers).")
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
                s.sayJSON(["account": account, "code": code, "validDays": EnrollmentLimits.defaultValidDays,
                           "enrollCommand": door.command ?? NSNull()])
            } else {
                s.say(s.t.enrollmentCodeIssued(account, code, EnrollmentLimits.defaultValidDays, door))
            }
        }
    }

    struct AcceptG28: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "g28",
            abstract: "Accept a Form G-28 (officers): the representative may act on the case, and gets a one-time enrollment code with the acceptance.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case's receipt number.") var receipt: String
        @Option(name: .customLong("representative"), help: ArgumentHelp("The attorney's or accredited representative's account.", valueName: "id")) var account: String
        func run() throws {
            guard Identifier.isAccountID(account) else {
                throw Failure(.badInput, Session.catalog(global).badAccountFlag("--representative", Echo.show(account)))
            }
            let s = try Session.openAsOfficer(global, to: \.purposeAcceptG28)
            let r = try s.receipt(receipt)
            let accepted: RepresentationAcceptance
            do { accepted = try s.store.acceptRepresentation(receipt: r, account: account, by: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON(["receipt": r.value, "account": account, "alreadyOnFile": accepted.alreadyOnFile, "code": accepted.enrollmentCode,
                           "validDays": accepted.validDays, "enrollCommand": accepted.enrollDoor.command ?? NSNull(),
                           "text": accepted.text(in: s.language)])
            } else {
                s.say(accepted.text(in: s.language))
            }
        }
    }

    /// The forced command for a key: absolute paths and checked identifiers only, each quoted for
    /// the shell that sshd runs it with.
    static func forcedCommand(for holder: KeyHolder, store: String, key: PublicKey, _ t: Catalog = .en) throws(Failure) -> String {
        var words = try commandPrefix(store: store, subcommand: "tui", t)
        switch holder {
        case let .account(id, role): words += ["--as", role.rawValue, "--account", id]
        case let .staff(login): words += ["--login", login]
        }
        words += ["--via-key", key.fingerprint]
        return ShellWords.join(words)
    }

    /// `biosched SUBCOMMAND --db STORE` as absolute, checked words.
    static func commandPrefix(store: String, subcommand: String, _ t: Catalog = .en) throws(Failure) -> [String] {
        let exe = executablePath()
        let db = absolutePath(store)
        // sshd reads the option as "..." where only \" is an escape: a backslash would be ambiguous.
        for (what, p) in [(t.bioschedOwnPath, exe), (t.theStorePath, db)] where Echo.hasControlCharacters(p) || p.contains("\\") {
            throw Failure(.badInput, t.pathNotForcedCommand(what, Echo.show(p)))
        }
        return [exe, subcommand, "--db", db]
    }

    static func absolutePath(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (p as NSString).standardizingPath
    }

    static func executablePath() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 4096) { readlink("/proc/self/exe", $0, 4095) }
        }
        if n > 0 { return String(decoding: buffer[0..<n], as: UTF8.self) }
        return absolutePath(CommandLine.arguments[0])
    }
}

/// An authorized_keys file: kept line by line; biosched's lines are recognized by their forced command.
struct AuthorizedKeys {
    struct Entry {
        var line: String; var key: PublicKey; var account: String?; var staff: String?; var role: String?
        var holder: String? { account ?? staff }
    }
    let path: String
    var lines: [String]

    init(path: String, _ t: Catalog = .en) throws(Failure) {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure(.badInput, t.cannotReadFile(path)) }
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
        } else {
            lines = []
        }
    }

    /// The lines with a key; biosched's own are those whose forced command splits into words
    /// holding `--account ID` or `--login LOGIN` (compared whole, never as a prefix).
    var entries: [Entry] {
        lines.compactMap { line in
            // The key is the first "TYPE BASE64" pair after any options.
            let tokens = AuthorizedKeys.tokens(line)
            guard let i = tokens.firstIndex(where: { PublicKey.types.contains($0) }), i + 1 < tokens.count,
                  let key = try? PublicKey(parsing: tokens[i...].joined(separator: " ")) else { return nil }
            var entry = Entry(line: line, key: key)
            if let command = AuthorizedKeys.forcedCommand(in: i > 0 ? tokens[0] : ""), let words = ShellWords.split(command) {
                func value(after flag: String) -> String? {
                    guard let j = words.firstIndex(of: flag), j + 1 < words.count else { return nil }
                    return words[j + 1]
                }
                entry.account = value(after: "--account").flatMap { Identifier.isAccountID($0) ? $0 : nil }
                entry.staff = value(after: "--login").flatMap { Identifier.isLoginName($0) ? $0 : nil }
                entry.role = entry.staff != nil ? "staff" : value(after: "--as")
            }
            return entry
        }
    }

    /// The `command="..."` option's value, unescaped as sshd reads it.
    static func forcedCommand(in options: String) -> String? {
        guard let r = options.range(of: "command=\"") else { return nil }
        // As sshd reads it: \" stands for a quote; every other character is itself.
        var out = ""
        let chars = Array(options[r.upperBound...])
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "\"" { out.append("\""); i += 2; continue }
            if chars[i] == "\"" { return out }
            out.append(chars[i]); i += 1
        }
        return nil
    }

    static func tokens(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, previous: Character = " "
        for c in line {
            defer { previous = c }
            if c == "\"" && !(quoted && previous == "\\") { quoted.toggle(); current.append(c); continue }
            if c == " " && !quoted { if !current.isEmpty { out.append(current); current = "" } } else { current.append(c) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// One authorized_keys line: the forced command (sshd's only escape inside it is \"), restrict, pty.
    static func line(command: String, key: PublicKey) -> String {
        let escaped = command.replacingOccurrences(of: "\"", with: "\\\"")
        return "command=\"\(escaped)\",restrict,pty \(key.type) \(key.blob)\(key.comment.isEmpty || Echo.hasControlCharacters(key.comment) ? "" : " " + key.comment)"   // not for a person: sshd's authorized_keys format
    }

    mutating func append(command: String, key: PublicKey) { lines.append(AuthorizedKeys.line(command: command, key: key)) }

    /// Drops biosched's own lines (those with --account or --login in their forced command).
    mutating func removeManaged() {
        let drop = Set(entries.filter { $0.holder != nil }.map(\.line))
        lines.removeAll { drop.contains($0) }
    }

    mutating func remove(holder: String, isStaff: Bool, blob: String?) -> Int {
        let before = lines.count
        let drop = Set(entries.filter { (isStaff ? $0.staff : $0.account) == holder && (blob == nil || $0.key.blob == blob) }.map(\.line))
        lines.removeAll { drop.contains($0) }
        return before - lines.count
    }

    /// Written beside, synced, then renamed over the old file: never half-written.
    func write(_ t: Catalog = .en) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).biosched-\(getpid())")
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw Failure(.badInput, t.cannotWriteInFolder(dir.path, String(cString: strerror(errno)))) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd)
            close(fd)
            guard written == bytes.count, synced == 0 else {
                unlink(tmp.path)
                throw Failure(.badInput, t.notWrittenCompletely(tmp.path, path))
            }
            guard rename(tmp.path, path) == 0 else {
                unlink(tmp.path)
                throw Failure(.badInput, t.couldNotReplace(path, String(cString: strerror(errno))))
            }
        } catch let f as Failure { throw f } catch {
            throw Failure(.badInput, t.cannotWrite(path, error.localizedDescription))
        }
    }
}
