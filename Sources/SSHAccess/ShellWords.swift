/// Shell quoting for the one place biosched writes a command line that a shell will run: the
/// forced command of an `authorized_keys` line, which sshd hands to the user's login shell as
/// `sh -c LINE`. Every argument is quoted for POSIX sh (single quotes, with `'\''` for a quote),
/// unless it consists only of characters no shell treats specially.
public enum ShellWords {
    public static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:=@%+,")

    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ plain.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    public static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    /// Splits a line written by `join` (and plain POSIX words) back into its arguments: single and
    /// double quotes and backslashes, as sh reads them; nothing is expanded. Nil when a quote is
    /// left open or the line holds anything sh would treat as more than words (`;`, `|`, `$`, ...).
    public static func split(_ line: String) -> [String]? {
        var words: [String] = [], current = "", inWord = false
        var it = Array(line), i = 0
        while i < it.count {
            let c = it[i]
            switch c {
            case " ", "\t":
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            case "'":
                inWord = true
                guard let end = it[(i + 1)...].firstIndex(of: "'") else { return nil }
                current += String(it[(i + 1)..<end])
                i = end
            case "\"":
                inWord = true
                i += 1
                while i < it.count && it[i] != "\"" {
                    if it[i] == "\\" && i + 1 < it.count && "\"\\$`".contains(it[i + 1]) { i += 1 } else if "$`".contains(it[i]) { return nil }
                    current.append(it[i])
                    i += 1
                }
                guard i < it.count else { return nil }
            case "\\":
                guard i + 1 < it.count else { return nil }
                inWord = true
                current.append(it[i + 1])
                i += 1
            case ";", "&", "|", "<", ">", "(", ")", "$", "`", "\n", "*", "?", "[", "#", "~", "{", "}":
                if c == "#" && inWord { current.append(c) } else { return nil }
            default:
                inWord = true
                current.append(c)
            }
            i += 1
        }
        if inWord { words.append(current) }
        it = []
        return words
    }
}
