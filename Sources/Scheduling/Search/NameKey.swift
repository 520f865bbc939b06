import Foundation

/// The form of a name that searching compares: lower case, accents and marks removed, anything
/// that is not a letter or digit turned into a space, spaces collapsed. `María José García-Núñez`
/// becomes `maria jose garcia nunez`, so an agent typing `garcia nunez` or `Núñez` finds her.
public enum NameKey {
    public static func fold(_ name: String) -> String {
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var out = "", pendingSpace = false
        for c in plain {
            if c.isLetter || c.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(c)
            } else if c == "'" || c == "’" {
                continue // O'Brien → obrien
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether every word of the query starts a word of the name (in any order).
    public static func matches(_ key: String, words: [String]) -> Bool {
        let nameWords = key.split(separator: " ")
        return words.allSatisfy { w in nameWords.contains { $0.hasPrefix(w) } }
    }
}
