import Foundation
import Testing

@testable import Scheduling

/// The message catalog (the domain's words in `Sources/Scheduling/Text`, each layer's own text in
/// its target's `Text` folder): every message in both languages with the same placeholders,
/// plurals, dates, and the language a session asks for.
@Suite("Message catalog")
struct CatalogTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardized

    /// The targets whose `Text` folder holds catalog messages: the domain's and each layer's.
    static let catalogTargets = ["Notifications", "PostgresStore", "SSHAccess", "Scheduling", "SchedulingStore", "TerminalUI", "biosched"]

    /// Every `Sources/<target>/Text` folder, by target.
    static func textFolders() throws -> [(target: String, url: URL)] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted().compactMap { target in
            let url = sources.appendingPathComponent(target).appendingPathComponent("Text")
            return FileManager.default.fileExists(atPath: url.path) ? (target, url) : nil
        }
    }

    /// Every `tr(en: ..., es: ...)` of the catalog's files, as the source text of its two arguments.
    static func translations() throws -> [(file: String, line: Int, en: String, es: String)] {
        var out: [(String, Int, String, String)] = []
        var files: [(name: String, url: URL)] = []
        for folder in try textFolders() {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter({ $0.hasSuffix(".swift") }).sorted() {
                files.append(("\(folder.target)/Text/\(name)", folder.url.appendingPathComponent(name)))
            }
        }
        for (file, url) in files {
            let source = try String(contentsOf: url, encoding: .utf8)
            let chars = Array(source)
            var i = 0
            while let start = SwiftSource.find("tr(en:", in: chars, from: i) {
                if start >= 5 && String(chars[(start - 5)..<start]) == "func " {
                    i = start + 6
                    continue
                } // the definition
                let lineStart = chars[..<start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                if String(chars[lineStart..<start]).trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    i = start + 6
                    continue
                } // a comment
                let open = start + 2
                guard let close = SwiftSource.matchingParen(chars, open) else { break }
                let args = String(chars[(open + 1)..<close])
                let line = chars[..<start].filter { $0 == "\n" }.count + 1
                guard let esRange = SwiftSource.topLevelLabel("es:", in: Array(args)) else {
                    Issue.record("\(file):\(line): tr(...) without es:")
                    i = close
                    continue
                }
                let a = Array(args)
                out.append((file, line, String(a[3..<esRange]), String(a[(esRange + 3)...])))
                i = close
            }
        }
        return out
    }

    @Test("Every message has English and Spanish with the same placeholders")
    func samePlaceholders() throws {
        #expect(try Self.textFolders().map(\.target) == Self.catalogTargets, "a Text folder the test does not know of, or one gone")
        let all = try Self.translations()
        #expect(all.count > 300, "found only \(all.count) tr(en:es:) in the catalog")
        for t in all {
            let en = SwiftSource.interpolations(t.en).sorted(), es = SwiftSource.interpolations(t.es).sorted()
            #expect(en == es, "\(t.file):\(t.line): English uses \(en), Spanish \(es)")
            let enText = SwiftSource.literals(t.en), esText = SwiftSource.literals(t.es)
            if enText.isEmpty && esText.isEmpty {
                // Both are expressions (a name from a table, a count): they must be different expressions.
                let a = t.en.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ","))
                let b = t.es.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(!b.isEmpty && a != b, "\(t.file):\(t.line): the Spanish text is the English expression")
            } else {
                #expect(enText.joined() != esText.joined() || enText.allSatisfy(Self.sameInBoth), "\(t.file):\(t.line): the Spanish text is the English one")
                #expect(!esText.joined().trimmingCharacters(in: .whitespaces).isEmpty || !es.isEmpty, "\(t.file):\(t.line): empty Spanish text")
            }
        }
    }

    /// Texts that are the same in both languages: codes, abbreviations, formats, names of things.
    static func sameInBoth(_ literal: String) -> Bool {
        ["SMS", "no", "", " ", ": ", "  "].contains(literal) || literal.allSatisfy { !$0.isLetter }
    }

    @Test("Every verdict code, reason and status reads differently in each language and is never empty (key labels and roles: TerminalUITests)")
    func everyKeyBothLanguages() {
        let en = Catalog(.en), es = Catalog(.es)
        for c in VerdictCode.allCases { #expect(en.sentence(c) != es.sentence(c), "\(c.rawValue)") }
        for r in GoodCauseReason.allCases {
            #expect(en.reasonTitle(r) != es.reasonTitle(r))
            #expect(en.reasonShort(r) != es.reasonShort(r))
        }
        for s in AppointmentStatus.allCases {
            #expect(en.statusWord(s) == s.rawValue)
            #expect(es.statusWord(s) != s.rawValue)
        }
    }

    @Test("Dates in Spanish: weekday, day, month, year, 12-hour clock and the center's zone abbreviation")
    func spanishDates() {
        let es = Catalog(.es)
        #expect(es.dateTimeLong(Fx.iso("2026-12-01T15:30:00Z"), Fx.chicago) == "martes, 1 de diciembre de 2026, 9:30 a. m. CST")
        #expect(es.dateTimeLong(Fx.iso("2026-06-16T18:05:00Z"), Fx.newYork) == "martes, 16 de junio de 2026, 2:05 p. m. EDT")
        #expect(es.dateTimeLong(Fx.iso("2026-01-04T19:00:00Z"), Fx.phoenix) == "domingo, 4 de enero de 2026, 12:00 p. m. MST")
        #expect(es.dateTimeLong(Fx.iso("2026-06-15T14:00:00Z"), Fx.guam) == "martes, 16 de junio de 2026, 12:00 a. m. ChST")
        #expect(es.dateTimeShort(Fx.iso("2026-12-01T15:30:00Z"), Fx.chicago) == "mar 2026-12-01 09:30 CST")
        #expect(es.monthYear(12, 2026) == "diciembre de 2026")
        // English keeps the form the notices have always had.
        #expect(Catalog(.en).dateTimeLong(Fx.iso("2026-12-01T15:30:00Z"), Fx.chicago) == Fx.chicago.formatLong(Fx.iso("2026-12-01T15:30:00Z")))
    }

    @Test("The language from --lang and the environment: codes, locales, LANGUAGE lists, C and unknown ones")
    func languageFromEnvironment() {
        #expect(Language.parse("es") == .es)
        #expect(Language.parse("ES") == .es)
        #expect(Language.parse("es_US.UTF-8") == .es)
        #expect(Language.parse("es-MX") == .es)
        #expect(Language.parse("en@euro") == .en)
        #expect(Language.parse("fr") == nil)
        #expect(Language.parse("") == nil)
        #expect(Language.fromEnvironment(["LANG": "es_US.UTF-8"]) == .es)
        #expect(Language.fromEnvironment(["LANGUAGE": "es:en", "LANG": "en_US.UTF-8"]) == .es)
        #expect(Language.fromEnvironment(["LANGUAGE": "fr:es"]) == .es)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "es_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"]) == .es)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == nil)
        #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == nil)
        #expect(Language.fromEnvironment([:]) == nil)
        #expect(Language.unknownMessage("fr", what: "--lang") == "--lang \"fr\" is not a language biosched speaks. Available: en (English), es (español).")
    }

    @Test("A verdict keeps its message in every language; the codes stay identifiers")
    func verdictInSpanish() {
        let ctx = Fx.context(cause: nil, now: Fx.vectorStart.addingTimeInterval(-6 * 3600))
        let v = ReschedulePolicy.evaluate(ctx)
        #expect(v.codes.contains(.within12Hours))
        #expect(v.message(in: .en) == v.message)
        #expect(v.message(in: .es).hasPrefix("Esta cita no se puede cambiar en línea: Faltan 12 horas o menos"))
        #expect(v.guidance(in: .es) == "Llame al Centro de Contacto de USCIS al 800-375-5283 (TTY 800-767-1833).")
        // A verdict stored before there was a second language falls back to its stored text.
        let old = Verdict(decision: .refused, codes: [.slotFull], message: "old text", guidance: "old guidance")
        #expect(old.message(in: .es) == "old text")
        #expect(old.guidance(in: .es) == "old guidance")
        // Stored and read back (request replays), the Spanish text survives.
        let data = try! JSONEncoder().encode(v)
        #expect(try! JSONDecoder().decode(Verdict.self, from: data).message(in: .es) == v.message(in: .es))
    }
}

/// A small reader of Swift source text: string literals, their interpolations, matching parentheses.
enum SwiftSource {
    static func find(_ needle: String, in chars: [Character], from: Int) -> Int? {
        let n = Array(needle)
        guard chars.count >= n.count else { return nil }
        var i = from
        while i <= chars.count - n.count {
            if chars[i] == n[0] && Array(chars[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    /// The index of the `)` that closes the `(` at `open`, skipping string literals.
    static func matchingParen(_ c: [Character], _ open: Int) -> Int? {
        var depth = 0, i = open
        while i < c.count {
            switch c[i] {
            case "\"":
                i = skipString(c, i)
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The index just past the string literal starting at `i` (a `"`), interpolations included.
    static func skipString(_ c: [Character], _ start: Int) -> Int {
        var i = start + 1
        while i < c.count {
            if c[i] == "\\" && i + 1 < c.count && c[i + 1] == "(" {
                i = (matchingParen(c, i + 1) ?? c.count - 1) + 1
                continue
            }
            if c[i] == "\\" {
                i += 2
                continue
            }
            if c[i] == "\"" { return i + 1 }
            i += 1
        }
        return c.count
    }

    /// Where a label such as `es:` begins at the top level of an argument list.
    static func topLevelLabel(_ label: String, in c: [Character]) -> Int? {
        var depth = 0, i = 0
        let l = Array(label)
        while i < c.count {
            switch c[i] {
            case "\"":
                i = skipString(c, i)
                continue
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            default:
                if depth == 0 && i + l.count <= c.count && Array(c[i..<(i + l.count)]) == l && (i == 0 || !c[i - 1].isLetter) { return i }
            }
            i += 1
        }
        return nil
    }

    /// The interpolated expressions (`\(name)`) of every string literal in `text`, as written.
    static func interpolations(_ text: String) -> [String] {
        let c = Array(text)
        var out: [String] = [], i = 0
        while i < c.count {
            if c[i] == "\"" {
                var j = i + 1
                while j < c.count && c[j] != "\"" {
                    if c[j] == "\\" && j + 1 < c.count && c[j + 1] == "(" {
                        let close = matchingParen(c, j + 1) ?? c.count - 1
                        out.append(String(c[(j + 2)..<close]).trimmingCharacters(in: .whitespaces))
                        j = close + 1
                        continue
                    }
                    if c[j] == "\\" {
                        j += 2
                        continue
                    }
                    j += 1
                }
                i = j + 1
                continue
            }
            i += 1
        }
        return out
    }

    /// The literal text of every string literal in `text`, interpolations left out.
    static func literals(_ text: String) -> [String] {
        let c = Array(text)
        var out: [String] = [], i = 0
        while i < c.count {
            if c[i] == "\"" {
                var lit = "", j = i + 1
                while j < c.count && c[j] != "\"" {
                    if c[j] == "\\" && j + 1 < c.count && c[j + 1] == "(" {
                        j = (matchingParen(c, j + 1) ?? c.count - 1) + 1
                        continue
                    }
                    if c[j] == "\\" {
                        lit.append(c[j])
                        if j + 1 < c.count { lit.append(c[j + 1]) }
                        j += 2
                        continue
                    }
                    lit.append(c[j])
                    j += 1
                }
                out.append(lit)
                i = j + 1
                continue
            }
            i += 1
        }
        return out
    }
}
