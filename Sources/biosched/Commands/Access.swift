import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// `biosched access`: the `authorized_keys` lines that map an SSH key to an applicant or
/// representative account, the way git hosting maps keys to identities. OpenSSH authenticates;
/// the forced command makes the session act only as that account.
struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the SSH keys of applicants and representatives (authorized_keys lines with a forced command).",
        subcommands: [Add.self, Remove.self, List.self], defaultSubcommand: List.self)

    struct FileOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The authorized_keys file (default: the gateway user's ~/.ssh/authorized_keys).", valueName: "path"))
        var file: String?
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a public key in as an account.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("The public key file (one line, e.g. id_ed25519.pub).", valueName: "path")) var key: String

        func run() throws {
            // --account (a global option) names the account the key acts as; the officer acts as themself.
            guard let accountID = global.account, !accountID.isEmpty else { throw Failure(.badInput, "Name the account the key acts as: --account ID.") }
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let role: Role?
            do { role = try s.store.accountRole(accountID) } catch { throw Failure(storeError: error) }
            guard let role else { throw Failure(.badInput, "No account \"\(accountID)\" in this store; import it first (biosched import).") }
            guard let text = try? String(contentsOfFile: key, encoding: .utf8) else {
                throw Failure(.badInput, "Cannot read the key file \(key).")
            }
            let publicKey: PublicKey
            do { publicKey = try PublicKey(parsing: text) } catch { throw Failure(.badInput, "\(key): \(error.message)") }
            let path = try files.file ?? Access.defaultFile(s)
            var file = try AuthorizedKeys(path: path)
            if let existing = file.entries.first(where: { $0.key.blob == publicKey.blob }) {
                throw Failure(.badInput, "This key is already in \(path)\(existing.account.map { " for account \($0)" } ?? ""); a key maps to one account only.")
            }
            let exe = Access.executablePath()
            let db = (s.store.path as NSString).standardizingPath
            let command = "\(exe) tui --db \(db) --as \(role.rawValue) --account \(accountID)"
            file.append(command: command, key: publicKey)
            try file.write()
            s.say("Added \(publicKey.type) key \(publicKey.shortID) for \(role.rawValue) \(accountID) to \(path).")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account's keys (or one key).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var files: FileOptions
        @Option(help: ArgumentHelp("Only this public key.", valueName: "path")) var key: String?

        func run() throws {
            guard let accountID = global.account, !accountID.isEmpty else { throw Failure(.badInput, "Name the account whose keys go: --account ID.") }
            var g = global
            g.account = nil
            let s = try Access.officer(g)
            let path = try files.file ?? Access.defaultFile(s)
            var file = try AuthorizedKeys(path: path)
            var blob: String?
            if let key {
                guard let text = try? String(contentsOfFile: key, encoding: .utf8) else { throw Failure(.badInput, "Cannot read the key file \(key).") }
                do { blob = try PublicKey(parsing: text).blob } catch { throw Failure(.badInput, "\(key): \(error.message)") }
            }
            let removed = file.remove(account: accountID, blob: blob)
            guard removed > 0 else { throw Failure(.badInput, "No key for account \(accountID)\(key == nil ? "" : " matching \(key!)") in \(path).") }
            try file.write()
            s.say("Removed \(removed) key\(removed == 1 ? "" : "s") of \(accountID) from \(path).")
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
            let managed = file.entries.filter { $0.account != nil }
            if s.json {
                s.sayJSON(["file": path, "keys": managed.map { ["account": $0.account!, "role": $0.role ?? "", "type": $0.key.type, "key": $0.key.shortID, "comment": $0.key.comment] }])
            } else {
                s.say(managed.isEmpty ? "No biosched keys in \(path)." : managed.map { "\($0.account!)\t\($0.role ?? "")\t\($0.key.type) \($0.key.shortID)\t\($0.key.comment)" }.joined(separator: "\n"))
            }
        }
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }
}

/// An OpenSSH public key: `type base64 [comment]`.
struct PublicKey: Hashable {
    struct Problem: Error { var message: String }
    static let types: Set<String> = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                                     "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
    var type: String
    var blob: String
    var comment: String

    init(parsing text: String) throws(Problem) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1 else {
            throw Problem(message: lines.isEmpty ? "no public key in the file; expected one line like \"ssh-ed25519 AAAA... name@host\"."
                                                 : "\(lines.count) lines; expected exactly one public key line.")
        }
        let parts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, PublicKey.types.contains(parts[0]) else {
            throw Problem(message: "not an OpenSSH public key: expected \"TYPE BASE64 [comment]\" with TYPE one of \(PublicKey.types.sorted().joined(separator: ", ")). (A private key or an options prefix is not accepted.)")
        }
        guard let data = Data(base64Encoded: parts[1]), data.count > 4 else {
            throw Problem(message: "the key data is not valid base64.")
        }
        // The blob starts with its own type as a length-prefixed string; it must match.
        let bytes = [UInt8](data)
        let len = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard len > 0, 4 + len <= bytes.count, String(decoding: bytes[4..<(4 + len)], as: UTF8.self) == parts[0] else {
            throw Problem(message: "the key data does not match its type \(parts[0]) (damaged or truncated key).")
        }
        type = parts[0]; blob = parts[1]; comment = parts.count > 2 ? parts[2] : ""
    }

    var shortID: String { "…" + blob.suffix(12) }
}

/// An authorized_keys file: kept line by line; biosched's lines are recognized by their forced command.
struct AuthorizedKeys {
    struct Entry { var line: String; var key: PublicKey; var account: String?; var role: String? }
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

    var entries: [Entry] {
        lines.compactMap { line in
            // The key is the first "TYPE BASE64" pair after any options.
            let tokens = AuthorizedKeys.tokens(line)
            guard let i = tokens.firstIndex(where: { PublicKey.types.contains($0) }), i + 1 < tokens.count,
                  let key = try? PublicKey(parsing: tokens[i...].joined(separator: " ")) else { return nil }
            var account: String?, role: String?
            if let r = line.range(of: #"--account ([^ "]+)"#, options: .regularExpression) {
                account = String(line[r].dropFirst("--account ".count))
            }
            if let r = line.range(of: #"--as (applicant|representative)"#, options: .regularExpression) { role = String(line[r].dropFirst(5)) }
            return Entry(line: line, key: key, account: account, role: role)
        }
    }

    static func tokens(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle(); current.append(c); continue }
            if c == " " && !quoted { if !current.isEmpty { out.append(current); current = "" } } else { current.append(c) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    mutating func append(command: String, key: PublicKey) {
        let escaped = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        lines.append("command=\"\(escaped)\",restrict,pty \(key.type) \(key.blob)\(key.comment.isEmpty ? "" : " " + key.comment)")
    }

    mutating func remove(account: String, blob: String?) -> Int {
        let before = lines.count
        let drop = Set(entries.filter { $0.account == account && (blob == nil || $0.key.blob == blob) }.map(\.line))
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
