import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// `biosched access`: the `authorized_keys` lines that map an SSH key to an applicant or
/// representative account (or, for staff entering through the service account, to a staff login),
/// the way git hosting maps keys to identities. OpenSSH authenticates; the forced command makes the
/// session act only as that account. Every argument of the forced command is an identifier checked
/// against a strict pattern or an absolute path, and each is quoted for the shell besides.
struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the SSH keys of applicants, representatives and staff (authorized_keys lines with a forced command).",
        subcommands: [Add.self, Remove.self, List.self], defaultSubcommand: List.self)

    struct FileOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The authorized_keys file (default: the gateway user's ~/.ssh/authorized_keys).", valueName: "path"))
        var file: String?
        @Option(help: ArgumentHelp("A staff login (instead of --account): the key opens biosched as this agent or officer through the service account.", valueName: "login"))
        var staff: String?
    }

    static func officer(_ g: GlobalOptions) throws(Failure) -> Session { try Session.openAsOfficer(g, to: "manage SSH access") }

    /// The gateway user's authorized_keys, from the store's staff list.
    static func defaultFile(_ s: Session) throws(Failure) -> String {
        let staff: [StaffMember]
        do { staff = try s.store.staff() } catch { throw Failure(storeError: error) }
        guard let gateway = staff.first(where: { $0.role == .gateway }) else {
            throw Failure(.badInput, "No gateway user in this store: add the SSH service account with `biosched users add NAME --role gateway`, or name the file with --file.")
        }
        guard let pw = getpwnam(gateway.user), let dir = pw.pointee.pw_dir else {
            throw Failure(.badInput, "The gateway user \(gateway.user) is not a local user here; name the file with --file.")
        }
        return String(cString: dir) + "/.ssh/authorized_keys"
    }

    /// Whom a key lets in: an account (applicant or representative) or a staff login.
    enum Holder {
        case account(String, Role)
        case staff(String, StaffRole)
        var id: String { switch self { case let .account(a, _): a; case let .staff(u, _): u } }
        var described: String { switch self { case let .account(a, r): "\(r.rawValue) \(a)"; case let .staff(u, r): "\(r.rawValue) \(u) (staff)" } }
    }

    /// `--account ID` or `--staff LOGIN`, checked against their patterns before anything else.
    static func holderID(_ global: GlobalOptions, _ files: FileOptions, verb: String) throws(Failure) -> (account: String?, staff: String?) {
        switch (global.account, files.staff) {
        case (nil, nil), ("", _), (_, ""):
            throw Failure(.badInput, "Name whose keys to \(verb): --account ID (an applicant or representative) or --staff LOGIN.")
        case (.some, .some):
            throw Failure(.badInput, "Give --account or --staff, not both.")
        case let (a?, nil):
            guard Identifier.isAccountID(a) else {
                throw Failure(.badInput, "--account \"\(Echo.show(a))\" is not an account id; expected \(Identifier.accountShape).")
            }
            return (a, nil)
        case let (nil, u?):
            guard Identifier.isLoginName(u) else {
                throw Failure(.badInput, "--staff \"\(Echo.show(u))\" is not a login name; expected \(Identifier.loginShape).")
            }
            return (nil, u)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a public key in as an account (or a staff login).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("The public key file (one line, e.g. id_ed25519.pub).", valueName: "path")) var key: String

        func run() throws {
            let who = try Access.holderID(global, files, verb: "add")
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let holder: Holder
            if let accountID = who.account {
                let role: Role?
                do { role = try s.store.accountRole(accountID) } catch { throw Failure(storeError: error) }
                guard let role else { throw Failure(.badInput, "No account \"\(accountID)\" in this store; import it first (biosched import).") }
                holder = .account(accountID, role)
            } else {
                let login = who.staff!
                let role: StaffRole?
                do { role = try s.store.staffRole(of: login) } catch { throw Failure(storeError: error) }
                guard let role, role != .gateway else {
                    throw Failure(.badInput, "\(login) is not an agent or officer of this store; add them first (biosched users add \(login) --role agent).")
                }
                holder = .staff(login, role)
            }
            let publicKey = try PublicKey.read(file: key)
            let path = try files.file ?? Access.defaultFile(s)
            var file = try AuthorizedKeys(path: path)
            if let existing = file.entries.first(where: { $0.key.blob == publicKey.blob }) {
                throw Failure(.badInput, "This key is already in \(path)\(existing.holder.map { " for \($0)" } ?? ""); a key maps to one account only.")
            }
            let command = try Access.forcedCommand(for: holder, store: s.store.location, key: publicKey)
            file.append(command: command, key: publicKey)
            try file.write()
            Access.audit(s, .accessAdded, holder: holder, key: publicKey, file: path)
            s.say("Added \(publicKey.type) key \(publicKey.fingerprint) for \(holder.described) to \(path).")
        }
    }

    /// The forced command for a key: absolute paths and checked identifiers only, each quoted for
    /// the shell that sshd runs it with.
    static func forcedCommand(for holder: Holder, store: String, key: PublicKey) throws(Failure) -> String {
        let exe = executablePath()
        let db = absolutePath(store)
        // sshd reads the option as "..." where only \" is an escape: a backslash would be ambiguous.
        for (what, p) in [("biosched's own path", exe), ("the store path", db)] where Echo.hasControlCharacters(p) || p.contains("\\") {
            throw Failure(.badInput, "\(what) holds a control character or a backslash (\(Echo.show(p))); it cannot be written into a forced command. Move it to a plain path.")
        }
        var words = [exe, "tui", "--db", db]
        switch holder {
        case let .account(id, role): words += ["--as", role.rawValue, "--account", id]
        case let .staff(login, _): words += ["--login", login]
        }
        words += ["--via-key", key.fingerprint]
        return ShellWords.join(words)
    }

    static func absolutePath(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (p as NSString).standardizingPath
    }

    /// Access changes are audited like every other change.
    static func audit(_ s: Session, _ action: AuditAction, holder: Holder, key: PublicKey?, file: String) {
        let detail = "\(holder.described) key=\(key?.fingerprint ?? "all") file=\(file)"
        do { try s.store.recordEvent(action, actor: s.actor, receipt: nil, detail: detail, now: s.now) } catch {
            FileHandle.standardError.write(Data("biosched: warning: the change was made but could not be written to the audit log: \(error.message)\n".utf8))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account's keys (or one key).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("Only this public key.", valueName: "path")) var key: String?

        func run() throws {
            let who = try Access.holderID(global, files, verb: "remove")
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let path = try files.file ?? Access.defaultFile(s)
            var file = try AuthorizedKeys(path: path)
            let publicKey = try key.map { (k: String) throws(Failure) in try PublicKey.read(file: k) }
            let id = who.account ?? who.staff!
            let isStaff = who.staff != nil
            let removed = file.remove(holder: id, isStaff: isStaff, blob: publicKey?.blob)
            guard removed > 0 else { throw Failure(.badInput, "No key for \(isStaff ? "staff login" : "account") \(id)\(key == nil ? "" : " matching \(key!)") in \(path).") }
            try file.write()
            let holder: Holder = isStaff ? .staff(id, .agent) : .account(id, .applicant)
            Access.audit(s, .accessRemoved, holder: holder, key: publicKey, file: path)
            s.say("Removed \(removed) key\(removed == 1 ? "" : "s") of \(id) from \(path).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts with SSH access.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        func run() throws {
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let path = try files.file ?? Access.defaultFile(s)
            let file = try AuthorizedKeys(path: path)
            let managed = file.entries.filter { $0.holder != nil }
            if s.json {
                s.sayJSON(["file": path, "keys": managed.map { ["account": $0.account ?? NSNull(), "staff": $0.staff ?? NSNull(), "role": $0.role ?? "",
                                                                "type": $0.key.type, "fingerprint": $0.key.fingerprint, "comment": $0.key.comment] as [String: Any] }])
            } else {
                s.say(managed.isEmpty ? "No biosched keys in \(path)." : managed.map { "\($0.holder!)\t\($0.role ?? "")\t\($0.key.type) \($0.key.fingerprint)\t\(Echo.show($0.key.comment))" }.joined(separator: "\n"))
            }
        }
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

    init(path: String) throws(Failure) {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure(.badInput, "Cannot read \(path).") }
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

    mutating func append(command: String, key: PublicKey) {
        // sshd's only escape inside command="...": \" for a quote (forcedCommand refuses backslashes).
        let escaped = command.replacingOccurrences(of: "\"", with: "\\\"")
        lines.append("command=\"\(escaped)\",restrict,pty \(key.type) \(key.blob)\(key.comment.isEmpty ? "" : " " + key.comment)")
    }

    mutating func remove(holder: String, isStaff: Bool, blob: String?) -> Int {
        let before = lines.count
        let drop = Set(entries.filter { (isStaff ? $0.staff : $0.account) == holder && (blob == nil || $0.key.blob == blob) }.map(\.line))
        lines.removeAll { drop.contains($0) }
        return before - lines.count
    }

    /// Written beside, synced, then renamed over the old file: never half-written.
    func write() throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).biosched-\(getpid())")
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw Failure(.badInput, "Cannot write in \(dir.path): \(String(cString: strerror(errno))).") }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd)
            close(fd)
            guard written == bytes.count, synced == 0 else {
                unlink(tmp.path)
                throw Failure(.badInput, "Could not write \(tmp.path) completely; \(path) is unchanged.")
            }
            guard rename(tmp.path, path) == 0 else {
                unlink(tmp.path)
                throw Failure(.badInput, "Could not replace \(path): \(String(cString: strerror(errno))); it is unchanged.")
            }
        } catch let f as Failure { throw f } catch {
            throw Failure(.badInput, "Cannot write \(path): \(error.localizedDescription)")
        }
    }
}
