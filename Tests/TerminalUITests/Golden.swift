import Foundation
import TerminalUI
import Testing

/// Golden screens: the text of every row plus its style runs, in `Golden/NAME.txt`.
/// Re-record all of them with `BIOSCHED_RECORD_GOLDEN=1 swift test --filter TerminalUITests`.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["BIOSCHED_RECORD_GOLDEN"] == "1" }

    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(text: screen.golden, name, sourceLocation: sourceLocation)
        // Every screen is whole: no text a person reads is cut (80x24 matters most).
        #expect(
            screen.clipped.isEmpty, "\(name): text cut where it was drawn: \(screen.clipped.map { "\"\($0)\"" }.joined(separator: ", "))",
            sourceLocation: sourceLocation)
        // Values a person reads back to a caller are never cut mid-word, not even by a wrap.
        let cuts = cutValues(screen.text)
        #expect(cuts.isEmpty, "\(name): a value a person reads back is cut: \(cuts.joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    /// The fixtures' values a person must read whole: zone names, emails, phones, surnames (each a
    /// word no other value starts with).
    static let mustRead = [
        "New_York", "Indiana/Indianapolis", "Phoenix", "maria@example.org",
        "guadalupe.rodriguez-nakamura.family@example.org", "(317) 555-0199", "Shevchenko",
        "Rodríguez", "Wiśniewski", "Nakamura"
    ]

    /// Every place where the start of a must-read value (4 characters or more) stands at the end
    /// of a row, before a border, or before other text, instead of the whole value.
    static func cutValues(_ text: String, values: [String] = mustRead) -> [String] {
        var out: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let chars = Array(line)
            for v in values {
                let want = Array(v)
                guard want.count >= 4 else { continue }
                var i = 0
                while i + 4 <= chars.count {
                    var n = 0
                    while n < want.count && i + n < chars.count && chars[i + n] == want[n] { n += 1 }
                    // A cut: the value's start ends the row, meets a border or a space; a different
                    // word that shares a start goes on with a letter or digit of its own.
                    let next = i + n < chars.count ? chars[i + n] : nil
                    let endsThere = next.map { !($0.isLetter || $0.isNumber) } ?? true
                    // A wrap before "@" or "." that goes on with the rest on the next row is no cut.
                    let rest = n < want.count ? String(want[n...]) : ""
                    let wrapped =
                        n < want.count && (want[n] == "@" || want[n] == ".") && index + 1 < lines.count
                        && lines[index + 1].contains(rest)
                    // An email's local part standing alone is an account id, not a cut email.
                    let accountID = want.firstIndex(of: "@") == n
                    if n >= 4 && n < want.count && endsThere && !wrapped && !accountID && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)) {
                        out.append("\"\(String(chars[i..<(i + n)]))\" of \"\(v)\" in \"\(line.trimmingCharacters(in: .whitespaces))\"")
                    }
                    i += max(1, n)
                }
            }
        }
        return out
    }

    /// Any golden text, e.g. `screen.golden(theme:depths:)`.
    /// One-time enrollment codes are random: masked (same width) so a screen compares alike.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"(Enrollment code|Código de inscripción): [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, with: "$1: XXXX-XXXX-XXXX",
            options: .regularExpression)
    }

    static func check(text unmasked: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = masked(unmasked)
        let url = folder.appendingPathComponent(name + ".txt")
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No golden file \(name).txt; record it with BIOSCHED_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record(
                """
                Screen \(name) differs from its golden file at line \(firstDiff + 1):
                expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
                actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
                Whole screen:
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}

@Suite("The golden check's cut detector")
struct CutValueTests {
    @Test("A zone, an email or a surname cut at a border, before other text or by a wrap is found; whole values and other words are not")
    func detects() {
        #expect(!Golden.cutValues("│Boston, MA · times in EDT (America/New_Yor│").isEmpty)
        #expect(!Golden.cutValues("│  guadalupe.rodriguez-nakamura.fam\n│ily@example.org").isEmpty)
        #expect(Golden.cutValues("│guadalupe.rodriguez-nakamura.family│\n│@example.org│").isEmpty, "a wrap before @ is no cut")
        #expect(!Golden.cutValues("▶ Guadalupe Shevchen   born unknown").isEmpty)
        #expect(Golden.cutValues("│Boston, MA · times in EDT (America/New_York)  │").isEmpty)
        #expect(Golden.cutValues("America/Indiana/Indianapolis · Nakamura · (317) 555-0199").isEmpty)
        #expect(Golden.cutValues("New York, Rodrigo, Nak").isEmpty, "a different word or one under 4 characters is no cut")
    }
}
