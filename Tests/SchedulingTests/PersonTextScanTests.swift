import Foundation
import Testing

/// No sentence meant for a person outside the catalog: scans the sources of the terminal UI, the
/// command line, the domain and the notifications for string literals that read as words, and
/// fails on any not explained by the allowlist below or by the list of files still to move.
@Suite("Text for people is in the catalog")
struct PersonTextScanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let folders = ["Sources/TerminalUI", "Sources/biosched", "Sources/Scheduling", "Sources/Notifications", "Sources/SSHAccess"]
    /// From the store's target (whose other files are SQL, schema, demo data and the store's own
    /// low-level diagnostics): the import file's parser and the importers, whose errors `biosched
    /// import` prints, and the store's refusals a person reads (the store file, staff, keys, the outbox).
    static let files = [
        "Sources/SchedulingStore/ImportDocument.swift", "Sources/SchedulingStore/Importer.swift",
        "Sources/SchedulingStore/Memory/MemoryImporter.swift", "Sources/SchedulingStore/StoreFile.swift",
        "Sources/SchedulingStore/Administration.swift", "Sources/SchedulingStore/OutboxAdmin.swift",
        "Sources/SchedulingStore/Memory/MemoryKeyRegistry.swift", "Sources/SchedulingStore/SQLite/SQLiteKeyRegistry.swift",
        "Sources/SchedulingStore/AuditChain.swift", "Sources/SchedulingStore/Backup.swift", "Sources/SchedulingStore/Sandbox.swift",
        "Sources/SchedulingStore/SQLiteBookingStore.swift",
        // Moved out of biosched (issue 25): still scanned as they were there.
        "Sources/SchedulingStore/Demo/DemoSandboxStore.swift", "Sources/SchedulingStore/Demo/DemoTemplate.swift",
        "Sources/PostgresStore/PostgresSandbox.swift", "Sources/PostgresStore/PostgresLocation.swift"
    ]

    /// The catalog itself: the domain's words in `Sources/Scheduling/Text/`, each layer's own text
    /// in its target's `Text/` folder (`Sources/TerminalUI/Text/`, ...).
    static func isCatalog(_ file: String) -> Bool {
        let parts = file.split(separator: "/")
        return parts.count >= 4 && parts[0] == "Sources" && parts[2] == "Text"
    }

    /// Literals that are not sentences for a person, by what they are (matched against the literal).
    static let allowedLiterals: [(pattern: String, why: String)] = [
        (
            #"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|WITH|DROP|LOCK TABLE|SET LOCAL|TRUNCATE|ON CONFLICT|VALUES|FROM|WHERE|AND|OR|ORDER BY|JOIN)\b"#,
            "SQL"
        ),
        (#"^[a-z]+(=[^ ]*)?( [a-z]+=[^ ]*)*$"#, "key=value details of audit rows"),
        (#"^[A-Za-z0-9_.:/+-]*$"#, "one identifier, code, path or format token"),
        (#"^[A-Z-]+[;:]"#, "an iCalendar property line (RFC 5545 names, not words)"),
        (#"^[A-Z][A-Za-z]*(-[A-Z][A-Za-z]*)*: "#, "a mail header line (RFC 5322 field names)"),
        (#"^[\s·]*biosched[\s·]*$"#, "the program's name between separators")
    ]

    /// Lines whose literals are not shown to a person in their language, by what the line does.
    static let allowedLines: [(pattern: String, why: String)] = [
        (#"^\s*//"#, "a comment"),
        (#"// not for a person: "#, "a line that says why its text is not for a person (a file format, a record, a command name)"),
        (#"recordRefusal\("#, "an audit row (a refused attempt)"),
        (#"debugDescription: "#, "a DecodingError's description, for programmers"),
        (#"(help|abstract|discussion|usage): "#, "ArgumentParser help: --help stays English (issue 14)"),
        (#"ArgumentHelp\("#, "ArgumentParser help"),
        (#"detail: "#, "an audit row's detail: the audit log is a record for officers, kept in English"),
        (#"recordLookup\(|recordEvent\("#, "an audit row"),
        (#"\.name = ""#, "a thread's name"),
        (#"fatalError\(|preconditionFailure\(|assertionFailure\("#, "a programming error, never shown"),
        (#"options: \.regularExpression|#""#, "a pattern")
    ]

    /// Files whose texts are not in the catalog yet, with how many literals each still has: the
    /// test fails when one gains a literal (move it to the catalog) and when one loses some (lower
    /// its count, or take it off). Empty since issue 14: every text for a person is in the catalog.
    static let notYetInCatalog: [String: Int] = [:]

    /// Lines that open what the next line's literal is, when a formatter has broken the line there
    /// (`help:` then the text on its own line, `ArgumentHelp(` then the text): that literal is
    /// allowed as its opener's line is.
    static let allowedOpeners: [(pattern: String, why: String)] = [
        (#"(help|abstract|discussion|usage):\s*$"#, "ArgumentParser help, its text on the next line"),
        (#"ArgumentHelp\(\s*$"#, "ArgumentParser help, its text on the next line")
    ]

    /// One string literal on a line: its text (interpolations left out) and the line.
    struct Found {
        var file: String
        var line: Int
        var text: String
        var source: String
    }

    static func scan() throws -> [Found] {
        var paths: [String] = files
        for folder in folders {
            guard let e = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let rel as String in e where rel.hasSuffix(".swift") { paths.append(folder + "/" + rel) }
        }
        var out: [Found] = []
        for file in paths {
            if Self.isCatalog(file) { continue }
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            var inBlock = false
            var opened = false
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let l = String(line)
                let continues = opened
                opened = allowedOpeners.contains { l.range(of: $0.pattern, options: .regularExpression) != nil }
                if l.contains("\"\"\"") {
                    inBlock.toggle()
                    continue
                }
                if inBlock { continue } // multi-line literals: SQL, TOML and JSON templates
                if continues { continue }
                if allowedLines.contains(where: { l.range(of: $0.pattern, options: .regularExpression) != nil }) { continue }
                for lit in SwiftSource.literals(l) where readsAsWords(lit) {
                    if allowedLiterals.contains(where: { lit.range(of: $0.pattern, options: .regularExpression) != nil }) { continue }
                    out.append(Found(file: file, line: n + 1, text: lit, source: l))
                }
            }
        }
        return out
    }

    /// Two words of letters in a row: what a sentence or a label for a person has.
    static func readsAsWords(_ s: String) -> Bool {
        s.range(of: #"\p{L}{2,}[ ,;:]+\p{L}{2,}"#, options: .regularExpression) != nil
            // A scroll or paging line: a word beside an arrow or a middle dot ("↓ more", "· lines", "↑↓ scroll").
            || s.range(of: #"[↑↓·]\s*\p{L}{3,}|\p{L}{3,}\s*[↑↓·]"#, options: .regularExpression) != nil
            // One capitalized word ("Quit", "Booked").
            || s.trimmingCharacters(in: .whitespaces).range(of: #"^\p{Lu}\p{Ll}+[.:!?]?$"#, options: .regularExpression) != nil
    }

    @Test("No literal meant for a person outside the catalog, except in the files still listed as not moved")
    func noPersonTextOutsideCatalog() throws {
        let found = try Self.scan()
        let byFile = Dictionary(grouping: found, by: \.file)
        for (file, items) in byFile.sorted(by: { $0.key < $1.key }) {
            let allowed = Self.notYetInCatalog[file] ?? 0
            if items.count > allowed {
                let sample = items.prefix(5).map { "  line \($0.line): \"\($0.text)\"" }.joined(separator: "\n")
                Issue.record("\(file): \(items.count) literals for a person outside the catalog (allowed \(allowed)):\n\(sample)")
            }
        }
        for (file, n) in Self.notYetInCatalog where (byFile[file]?.count ?? 0) < n {
            Issue.record("\(file) now has \(byFile[file]?.count ?? 0) literals, fewer than \(n): lower its count in notYetInCatalog (or take it off)")
        }
        if ProcessInfo.processInfo.environment["BIOSCHED_PRINT_SCAN"] == "1" {
            for (file, items) in byFile.sorted(by: { $0.key < $1.key }) { print("SCAN \"\(file)\": \(items.count),") }
            for f in found { print("LIT \(f.file):\(f.line): \(f.text)") }
        }
    }

    @Test("The scanner finds a sentence, and the allowlist lets SQL, codes and comments through")
    func scannerWorks() {
        #expect(Self.readsAsWords("Choose a case, or type its receipt number."))
        #expect(Self.readsAsWords("Booked"))
        #expect(Self.readsAsWords("Elija un caso"))
        #expect(!Self.readsAsWords("WITHIN_12_HOURS"))
        #expect(Self.readsAsWords("↓ more"), "a paging line")
        #expect(Self.readsAsWords(" · lines – of  · ↑↓ scroll"), "a scroll line with its numbers left out")
        #expect(!Self.readsAsWords("notice-\\(r).txt"))
        let sql = "SELECT role FROM accounts WHERE id = ?"
        #expect(Self.allowedLiterals.contains { sql.range(of: $0.pattern, options: .regularExpression) != nil })
        #expect(!Self.allowedLiterals.contains { "No case open.".range(of: $0.pattern, options: .regularExpression) != nil })
        // A help text a formatter put on the line after its opener is still help; a sentence after any other line is not.
        func opens(_ line: String) -> Bool { Self.allowedOpeners.contains { line.range(of: $0.pattern, options: .regularExpression) != nil } }
        #expect(opens("        help: ArgumentHelp(") && opens("        discussion:") && opens("    @Flag(help:"))
        #expect(!opens(#"        help: "Print JSON.")"#) && !opens("        let text = describe(") && !opens("s.log(.info,"))
    }
}
