import Foundation
import Scheduling

/// An authorized_keys file: kept line by line; biosched's lines are recognized by their forced command.
public struct AuthorizedKeys {
    public struct Entry {
        public var line: String
        public var key: PublicKey
        public var account: String?
        public var staff: String?
        public var role: String?
        public var holder: String? { account ?? staff }
    }
    public let path: String
    public private(set) var lines: [String]

    /// The file at `path` as it is (none yet: no lines).
    public init(path: String, _ t: Catalog = .en) throws(AccessError) {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw AccessError(t.cannotReadFile(path)) }
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
        } else {
            lines = []
        }
    }

    /// The lines with a key; biosched's own are those whose forced command splits into words
    /// holding `--account ID` or `--login LOGIN` (compared whole, never as a prefix).
    public var entries: [Entry] {
        lines.compactMap { line in
            // The key is the first "TYPE BASE64" pair after any options.
            let tokens = AuthorizedKeys.tokens(line)
            guard let i = tokens.firstIndex(where: { PublicKey.types.contains($0) }), i + 1 < tokens.count,
                let key = try? PublicKey(parsing: tokens[i...].joined(separator: " "))
            else { return nil }
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
    public static func forcedCommand(in options: String) -> String? {
        guard let r = options.range(of: "command=\"") else { return nil }
        // As sshd reads it: \" stands for a quote; every other character is itself.
        var out = ""
        let chars = Array(options[r.upperBound...])
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "\"" {
                out.append("\"")
                i += 2
                continue
            }
            if chars[i] == "\"" { return out }
            out.append(chars[i])
            i += 1
        }
        return nil
    }

    static func tokens(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, previous: Character = " "
        for c in line {
            defer { previous = c }
            if c == "\"" && !(quoted && previous == "\\") {
                quoted.toggle()
                current.append(c)
                continue
            }
            if c == " " && !quoted {
                if !current.isEmpty {
                    out.append(current)
                    current = ""
                }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// One authorized_keys line: the forced command (sshd's only escape inside it is \"), restrict, pty.
    public static func line(command: String, key: PublicKey) -> String {
        let escaped = command.replacingOccurrences(of: "\"", with: "\\\"")
        let comment = key.comment.isEmpty || Echo.hasControlCharacters(key.comment) ? "" : " " + key.comment
        return "command=\"\(escaped)\",restrict,pty \(key.type) \(key.blob)\(comment)" // not for a person: sshd's authorized_keys format
    }

    public mutating func append(command: String, key: PublicKey) { lines.append(AuthorizedKeys.line(command: command, key: key)) }

    /// Drops biosched's own lines (those with --account or --login in their forced command).
    public mutating func removeManaged() {
        let drop = Set(entries.filter { $0.holder != nil }.map(\.line))
        lines.removeAll { drop.contains($0) }
    }

    /// Written beside, synced, then renamed over the old file: never half-written.
    public func write(_ t: Catalog = .en) throws(AccessError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).biosched-\(getpid())")
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw AccessError(t.cannotWriteInFolder(dir.path, String(cString: strerror(errno)))) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd)
            close(fd)
            guard written == bytes.count, synced == 0 else {
                unlink(tmp.path)
                throw AccessError(t.notWrittenCompletely(tmp.path, path))
            }
            guard rename(tmp.path, path) == 0 else {
                unlink(tmp.path)
                throw AccessError(t.couldNotReplace(path, String(cString: strerror(errno))))
            }
        } catch let f as AccessError { throw f } catch {
            throw AccessError(t.cannotWrite(path, error.localizedDescription))
        }
    }
}
