import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// Theme files and flows that do not parse, and the theme switcher's notices, in Spanish (issue 14):
/// the same line and column as in English, what was found and what was expected.
@Suite("Theme and flow errors in Spanish")
@MainActor
struct SpanishErrorsTests {
    static let es = Catalog(.es)

    static func themeError(_ text: String, _ t: Catalog) -> ThemeFileError? {
        do {
            _ = try ThemeFile.parse(text, name: "t", path: "t.toml", t)
            return nil
        } catch { return error }
    }

    @Test("A theme file's error: the same place in both languages, the Spanish message and frame")
    func themeErrors() throws {
        let cases = [
            "[tokens]\ntitle = bold\n", "[tokens]\nday-free = \"#12345\"\n", "[tokens]\nday-fre = \"#123456\"\n",
            "[tokens]\n[tokens]\n", "title = \"x\n", "[tokens]\ntitle = { fg = \"red\" attrs = [] }\n"
        ]
        for text in cases {
            let en = try #require(Self.themeError(text, .en), "\(text)")
            let es = try #require(Self.themeError(text, Self.es), "\(text)")
            #expect(en.line == es.line && en.column == es.column, "\(text)")
            #expect(en.message != es.message, "\(text): \(es.message)")
            #expect(es.sentence(Self.es).hasPrefix("Archivo de tema t.toml, línea \(es.line): "))
        }
        let quotes = try #require(Self.themeError("[tokens]\ntitle = bold\n", Self.es))
        #expect(quotes.message == "se esperaba un valor, pero hay bold; un color o un nombre va entre comillas: \"bold\"")
        let near = try #require(Self.themeError("[tokens]\nday-fre = \"#123456\"\n", Self.es))
        #expect(near.message == "elemento desconocido 'day-fre'; se espera un nombre de elemento como 'day-free'")
        #expect(near.detail?.hasPrefix("nombres de elementos: ") == true)
    }

    @Test("The theme switcher speaks the language it is given, and F2 follows the screen's")
    func switcherNotices() throws {
        let unknown = ThemeSwitcher(directories: [ThemeTests.themesFolder.path], request: "neon", language: .es)
        #expect(unknown.startupNotices.count == 1)
        #expect(unknown.startupNotices[0].text.hasPrefix("No hay ningún tema 'neon' (temas: "))
        #expect(unknown.startupNotices[0].text.hasSuffix("). Se usa el tema default."))
        let s = ThemeSwitcher(directories: [ThemeTests.themesFolder.path], request: nil, depth: .indexed256, language: .es)
        let next = s.next()
        #expect(next.count == 1 && next[0].text.hasPrefix("Tema ") && next[0].text.hasSuffix(", 256 colores)."), "\(next)")
        s.language = .en
        #expect(s.next().first?.text.hasSuffix(", 256 colors).") == true)
    }

    @Test("A flow's error: the same line in both languages, the Spanish message")
    func flowErrors() {
        let cases = [
            "jump 3", "pause 9999", "role boss", "key Nope", "expect", "wait \"x\" soon", "start yesterday", "open X1",
            "caption \"unclosed", "seed 1\nseed 2", "clock +1x"
        ]
        for text in cases {
            var en: FlowError?, es: FlowError?
            do { _ = try Flow.parse(text, name: "f", file: "f.flow") } catch { en = error }
            do { _ = try Flow.parse(text, name: "f", file: "f.flow", Self.es) } catch { es = error }
            #expect(en != nil && es != nil && en?.line == es?.line, "\(text)")
            #expect(en?.message != es?.message, "\(text): \(es?.message ?? "")")
        }
        do { _ = try Flow.parse("pause 9999", name: "f", file: "f.flow", Self.es) } catch {
            #expect(error.description == "f.flow:1: `pause` necesita segundos de 0 a 600, por ejemplo pause 1.5, pero hay \"9999\"")
        }
    }
}
