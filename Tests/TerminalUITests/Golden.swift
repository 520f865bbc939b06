import Foundation
import Testing
import TerminalUI

/// Golden screens: the text of every row plus its style runs, in `Golden/NAME.txt`.
/// Re-record all of them with `BIOSCHED_RECORD_GOLDEN=1 swift test --filter TerminalUITests`.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["BIOSCHED_RECORD_GOLDEN"] == "1" }

    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(text: screen.golden, name, sourceLocation: sourceLocation)
        // Every screen is whole: no text a person reads is cut (80x24 matters most).
        #expect(screen.clipped.isEmpty, "\(name): text cut where it was drawn: \(screen.clipped.map { "\"\($0)\"" }.joined(separator: ", "))",
                sourceLocation: sourceLocation)
    }

    /// Any golden text, e.g. `screen.golden(theme:depths:)`.
    /// One-time enrollment codes are random: masked (same width) so a screen compares alike.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"(Enrollment code|Código de inscripción): [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, with: "$1: XXXX-XXXX-XXXX",
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
            Issue.record("""
                Screen \(name) differs from its golden file at line \(firstDiff + 1):
                expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
                actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
                Whole screen:
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}
