import ArgumentParser
import CursesScreen
import Foundation
import Scheduling
import TerminalUI

/// `--theme NAME|PATH` (the full-screen UI), else `$BIOSCHED_THEME`.
struct ThemeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The color theme: a name from the Themes folder (biosched themes lists them) or a .toml file. Default $BIOSCHED_THEME, else default. F2 cycles the themes.",
            valueName: "name|path"))
    var theme: String?

    @Flag(
        name: .customLong("watch-theme"),
        help: "Reload the theme's file when it is edited (for a person editing a theme; a file watch per session). Off by default; always on in biosched demo.")
    var watchTheme = false

    /// `--watch-theme`, or `always` (biosched demo).
    func watches(always: Bool = false) -> Bool { watchTheme || always }

    var request: String? {
        if let theme, !theme.isEmpty { return theme }
        let env = ProcessInfo.processInfo.environment["BIOSCHED_THEME"]
        return env?.isEmpty == false ? env : nil
    }

    static var directories: [String] {
        ThemeDirectories.search(environment: ProcessInfo.processInfo.environment, executablePath: ThemeDirectories.executablePath)
    }

    @MainActor
    static func switcher(request: String?, depth: ColorDepth, language: Language = .en, watches: Bool) -> ThemeSwitcher {
        ThemeSwitcher(directories: directories, request: request, depth: depth, language: language, watches: watches)
    }
}

/// `biosched themes`: the themes with a preview; `biosched themes check FILE`.
/// `--lang` for the commands that open no store session (`themes`, `store copy`): else the
/// environment's language, else English.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The language of messages: en or es. Default: $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG, else English.", valueName: "code"))
    var lang: String?

    func validate() throws {
        if let lang, Language.parse(lang) == nil { throw ValidationError(Language.unknownMessage(lang, what: "--lang")) }
    }
    var language: Language { lang.flatMap(Language.parse) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) ?? .en }
    var t: Catalog { Catalog(language) }
}

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the color themes with a preview, or check a theme file.",
        discussion: """
            Themes are TOML files, one per theme, found in $BIOSCHED_THEMES_DIR, the Themes folder of the package (swift run), \
            PREFIX/share/biosched/themes next to an installed PREFIX/bin/biosched, $XDG_DATA_HOME/biosched/themes, \
            /usr/local/share/biosched/themes and /usr/share/biosched/themes. The default theme is compiled in.
            """,
        subcommands: [List.self, Check.self],
        defaultSubcommand: List.self
    )

    enum DepthOption: String, ExpressibleByArgument, CaseIterable {
        case none, ansi8 = "8", ansi16 = "16", indexed256 = "256", truecolor
        var depth: ColorDepth {
            switch self {
            case .none: .none
            case .ansi8: .ansi8
            case .ansi16: .ansi16
            case .indexed256: .indexed256
            case .truecolor: .trueColor
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the themes, each with a one-line preview.")

        @Option(
            help: ArgumentHelp(
                "Preview at this color depth (none, 8, 16, 256, truecolor), even when the output is not a terminal. Default: this terminal's, and no colors when the output is not a terminal.",
                valueName: "depth"))
        var depth: DepthOption?

        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let env = ProcessInfo.processInfo.environment
            let t = languageOption.t
            let dirs = ThemeOptions.directories
            let catalog = ThemeCatalog.scan(dirs)
            let tty = isatty(STDOUT_FILENO) == 1
            let depth: ColorDepth? = self.depth?.depth ?? (tty ? TerminalColors.depth(environment: env) : nil)
            // Every part read from a file or the environment is made terminal-safe here; the preview's
            // color sequences are biosched's own, so the whole goes out as it is.
            let safe = Echo.terminalSafe
            var out =
                dirs.isEmpty
                ? t.noThemesFolder + "\n"
                : safe(t.themesFrom(dirs.joined(separator: ", "))) + "\n"
            let width = max(14, (catalog.entries.map(\.name.count).max() ?? 0) + 2)
            for entry in catalog.entries {
                let name = safe(entry.name.padding(toLength: width, withPad: " ", startingAt: 0))
                do {
                    let doc = try entry.load(t)
                    out += safe("  \(name)\(doc.description)\(entry.path == nil ? "" : "  (\(entry.path!))")") + "\n"
                    let preview = ThemesCommand.preview(doc.theme)
                    let line = depth.map { preview.ansi(theme: doc.theme, depth: $0) } ?? (safe(preview.line(0)) + "\n")
                    out += String(repeating: " ", count: width + 2) + line
                } catch {
                    out += safe("  \(name)" + t.themeUnusable("\(error)")) + "\n"
                }
            }
            let shown = self.depth != nil ? t.previewsAt(t.colorDepthName(depth!.colors)) : t.colorsHere(depth.map { t.colorDepthName($0.colors) })
            out += safe(t.chooseTheme(shown)) + "\n"
            StandardStreams.outWithOwnEscapes(out)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a theme file: exits 2, with FILE:LINE:COLUMN and what was expected, when it cannot be used.")

        @Argument(help: "The theme file (or a theme's name).")
        var file: String

        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let t = languageOption.t
            let catalog = ThemeCatalog.scan(ThemeOptions.directories)
            guard let entry = catalog.entry(for: file) else {
                throw Failure(.badInput, t.noThemeNamed(file, catalog.entries.map(\.name).joined(separator: ", ")))
            }
            let doc: ThemeDocument
            do { doc = try entry.load(t) } catch { throw Failure(.badInput, error.description) }
            let named = doc.namedTokens.count, all = StyleToken.allCases.count
            var lines = [t.themeChecked(entry.path ?? t.defaultCompiledIn, doc.theme.name, named, all)]
            // Contrast of each token whose colors are both given (not the terminal's own).
            let ratios = StyleToken.allCases.compactMap { t in
                Contrast.ratio(of: doc.theme.resolvedStyle(t, depth: .trueColor)).map { (t, $0) }
            }
            if let low = ratios.min(by: { $0.1 < $1.1 }) {
                lines.append(t.lowestContrast(String(format: "%.2f", low.1), low.0.rawValue, ratios.filter { $0.1 >= 7 }.count, ratios.count))
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// A one-line sample of the tokens that matter most: a calendar week, times and statuses.
    static func preview(_ theme: Theme) -> Screen {
        let parts: [(String, StyleToken)] = [
            ("Title", .title), (" text ", .text), ("muted", .muted), (" ", .text), ("▶ focus", .focus), (" ", .text),
            ("14", .dayFree), (" ", .text), ("15", .dayNearlyFull), (" ", .text), ("16", .dayFull), (" ", .text),
            ("17", .dayClosed), (" ", .text), ("18", .today), (" ", .text), ("09:00", .slotFree), (" ", .text), ("09:30", .slotFull),
            (" ", .text), ("✔ ok", .statusOK), (" ", .text), ("▲ warn", .statusWarning), (" ", .text), ("✖ error", .statusError),
            (" ", .text), ("F2", .hintKey), (" theme", .hintText)
        ]
        let width = parts.reduce(0) { $0 + $1.0.displayWidth }
        var screen = Screen(size: Size(columns: width, rows: 1))
        var column = 0
        for (text, token) in parts { column = screen.put(text, row: 0, column: column, style: token) }
        return screen
    }
}
