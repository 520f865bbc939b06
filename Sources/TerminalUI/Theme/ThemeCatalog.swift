import Foundation
import Scheduling

/// Where theme files are looked for, in this order (a name found in an earlier folder hides the
/// same name in later ones):
/// 1. `$BIOSCHED_THEMES_DIR`;
/// 2. `Themes/` of the package the executable was built in (`swift run`, `.build/debug/biosched`):
///    the nearest folder above the executable with both `Package.swift` and `Themes/`;
/// 3. `PREFIX/share/biosched/themes` for an executable installed as `PREFIX/bin/biosched`;
/// 4. `$XDG_DATA_HOME/biosched/themes` (`~/.local/share/biosched/themes`);
/// 5. `/usr/local/share/biosched/themes`, `/usr/share/biosched/themes`.
/// The default theme is compiled in, so none of them needs to exist.
public enum ThemeDirectories {
    public static func search(
        environment: [String: String], executablePath: String?,
        isDirectory: (String) -> Bool = ThemeDirectories.isDirectory,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> [String] {
        var candidates: [String] = []
        if let dir = environment["BIOSCHED_THEMES_DIR"], !dir.isEmpty { candidates.append(dir) }
        if let exe = executablePath, !exe.isEmpty {
            var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            let binDir = dir
            for _ in 0..<8 {
                if fileExists(dir.appendingPathComponent("Package.swift").path), isDirectory(dir.appendingPathComponent("Themes").path) {
                    candidates.append(dir.appendingPathComponent("Themes").path)
                    break
                }
                let up = dir.deletingLastPathComponent()
                if up.path == dir.path { break }
                dir = up
            }
            if binDir.lastPathComponent == "bin" {
                candidates.append(binDir.deletingLastPathComponent().appendingPathComponent("share/biosched/themes").path)
            }
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            candidates.append(xdg + "/biosched/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            candidates.append(home + "/.local/share/biosched/themes")
        }
        candidates += ["/usr/local/share/biosched/themes", "/usr/share/biosched/themes"]
        var seen = Set<String>()
        return candidates.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            .filter { isDirectory($0) && seen.insert($0).inserted }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// This program's own executable (through /proc/self/exe on Linux, so a symlink in a PATH
    /// folder leads to the real install).
    public static var executablePath: String? {
        #if os(Linux)
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return real }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}

/// One theme: a file, or the compiled-in default (`path` nil).
public struct ThemeEntry: Sendable, Hashable {
    public var name: String
    public var path: String?
    public init(name: String, path: String?) {
        self.name = name
        self.path = path
    }

    public static let compiledIn = ThemeEntry(name: "default", path: nil)

    /// Parses the file (or gives the compiled-in default).
    public func load(_ t: Catalog = .en) throws(ThemeFileError) -> ThemeDocument {
        guard let path else {
            return ThemeDocument(
                theme: BuiltInThemes.default, description: t.compiledInDefault,
                namedTokens: Set(StyleToken.allCases), path: nil)
        }
        return try ThemeFile.load(path: path, t)
    }
}

/// The themes available: `default` first (the file if a folder has one, else the compiled-in
/// one), then the others by name.
public struct ThemeCatalog: Sendable, Hashable {
    public var directories: [String]
    public var entries: [ThemeEntry]

    public static func scan(_ directories: [String]) -> ThemeCatalog {
        var byName: [String: ThemeEntry] = [:]
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                let name = ThemeFile.themeName(path: file)
                if byName[name] == nil { byName[name] = ThemeEntry(name: name, path: dir + "/" + file) }
            }
        }
        let first = byName.removeValue(forKey: "default") ?? .compiledIn
        return ThemeCatalog(directories: directories, entries: [first] + byName.values.sorted { $0.name < $1.name })
    }

    public func entry(named name: String) -> ThemeEntry? { entries.first { $0.name == name } }

    /// `--theme NAME|PATH`: a name from the catalog, or a file (a path with a `/` or ending in
    /// `.toml`). nil for an unknown name.
    public func entry(for request: String) -> ThemeEntry? {
        if request.contains("/") || request.hasSuffix(".toml") {
            let path = URL(fileURLWithPath: request).standardizedFileURL.path
            if let known = entries.first(where: { $0.path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } == path }) { return known }
            return ThemeEntry(name: ThemeFile.themeName(path: request), path: request)
        }
        return entry(named: request)
    }
}

/// A line for the status pane.
public struct ThemeNotice: Sendable, Hashable {
    public var level: Message.Level
    /// In the switcher's language when it was said.
    public var text: String
    public init(_ level: Message.Level, _ text: String) {
        self.level = level
        self.text = text
    }
}

/// The live theme of a full-screen session: the one asked for (`--theme`, `BIOSCHED_THEME`),
/// cycled with F2 (`Action.cycleTheme`), and, when `watches` (`--watch-theme`, `biosched demo`),
/// reloaded when its file changes. A file that cannot be used never stops the program: the
/// switcher says which file, which line and what was expected, and keeps the theme it had.
/// Without `watches` nothing looks at the file after the start (F2 reads the folders again), so an
/// idle session never wakes for it.
@MainActor
public final class ThemeSwitcher {
    /// The theme to draw with.
    public private(set) var theme: Theme
    /// The theme asked for last (F2, `--theme`); its file is the one watched. It is not `theme`
    /// while its file is broken.
    public private(set) var wanted: ThemeEntry
    public private(set) var catalog: ThemeCatalog
    /// Notices from the start (an unknown `--theme`, a broken file) for the status pane.
    public private(set) var startupNotices: [ThemeNotice] = []
    /// For the messages: "256 colors".
    public let depth: ColorDepth?
    /// The language of its notices (the screen's: the loop sets it before each F2 and poll).
    public var language: Language
    /// Whether the theme's file is watched and reloaded when edited (for a person editing a
    /// theme); false: `poll` never looks and `watchedFile` is nil.
    public let watches: Bool
    var t: Catalog { Catalog(language) }

    private var extra: [ThemeEntry] = []
    private var stamp: FileStamp?
    private let pollInterval: Duration
    private var lastPoll: ContinuousClock.Instant?

    struct FileStamp: Hashable {
        var modified: Date?
        var size: Int?
        var inode: Int?
        static func of(_ path: String?) -> FileStamp? {
            guard let path, let a = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            return FileStamp(
                modified: a[.modificationDate] as? Date, size: (a[.size] as? NSNumber)?.intValue,
                inode: (a[.systemFileNumber] as? NSNumber)?.intValue)
        }
    }

    /// - Parameters:
    ///   - directories: where theme files are (`ThemeDirectories.search`).
    ///   - request: `--theme` or `$BIOSCHED_THEME` (a name or a path), nil for `default`.
    ///   - pollInterval: how often `poll` looks at the file (the loop calls it on every tick).
    ///   - watches: reload the theme's file when it changes (`--watch-theme`).
    public init(
        directories: [String], request: String?, depth: ColorDepth? = nil, pollInterval: Duration = .seconds(1),
        language: Language = .en, watches: Bool = false
    ) {
        catalog = ThemeCatalog.scan(directories)
        self.depth = depth
        self.watches = watches
        self.language = language
        self.pollInterval = pollInterval
        theme = BuiltInThemes.default
        wanted = catalog.entries[0]
        var entry = catalog.entries[0]
        if let request, !request.isEmpty {
            if let found = catalog.entry(for: request) {
                entry = found
            } else {
                let names = catalog.entries.map(\.name).joined(separator: ", ")
                startupNotices.append(ThemeNotice(.error, t.noThemeUsing(request, names, entry.name)))
            }
        }
        if entry.path != nil && !catalog.entries.contains(entry) { extra.append(entry) }
        if let notice = apply(entry, verb: nil, fallback: t.usingTheme(theme.name)) { startupNotices.append(notice) }
    }

    /// Every theme F2 goes through: the catalog's, then files given by path.
    public var cycle: [ThemeEntry] { catalog.entries + extra.filter { !catalog.entries.contains($0) } }

    /// The file the theme in use comes from, which `poll` looks at (nil for a built-in theme, and
    /// when the switcher does not watch).
    public var watchedFile: String? { watches ? wanted.path : nil }

    /// F2: the next theme (the folders are read again, so a new file is in the cycle).
    public func next() -> [ThemeNotice] {
        catalog = ThemeCatalog.scan(catalog.directories)
        let list = cycle
        let index = list.firstIndex(of: wanted) ?? list.firstIndex { $0.name == wanted.name } ?? -1
        let entry = list[(index + 1) % list.count]
        return apply(entry, verb: .switched, fallback: t.keepingTheme(theme.name)).map { [$0] } ?? []
    }

    /// On the tick: reloads the wanted theme's file when it changed (at most once per
    /// `pollInterval`).
    /// `force`: look now (a file watch saw the file change).
    public func poll(force: Bool = false) -> [ThemeNotice] {
        let now = ContinuousClock.now
        if !force, let lastPoll, lastPoll.duration(to: now) < pollInterval { return [] }
        lastPoll = now
        guard let path = watchedFile else { return [] }
        let current = FileStamp.of(path)
        guard current != stamp else { return [] }
        if current == nil {
            stamp = nil
            return [ThemeNotice(.warning, t.themeFileGone(Self.fileName(path), theme.name))]
        }
        return apply(wanted, verb: .reloaded, fallback: t.keepingTheme(theme.name)).map { [$0] } ?? []
    }

    /// Loads `entry` and makes it the wanted one; on success it is drawn, on failure the theme
    /// stays and the notice says why. `verb` nil: no notice on success.
    enum Verb { case switched, reloaded }

    private func apply(_ entry: ThemeEntry, verb: Verb?, fallback: String) -> ThemeNotice? {
        wanted = entry
        stamp = FileStamp.of(entry.path)
        do {
            let doc = try entry.load(t)
            theme = doc.theme
            guard let verb else { return nil }
            let list = cycle
            let position = (list.firstIndex(of: entry) ?? 0) + 1
            let depthText = depth.map { t.colorDepthName($0.colors) }
            return ThemeNotice(
                .info,
                verb == .switched
                    ? t.themeSwitched(doc.theme.name, position, list.count, depthText)
                    : t.themeReloaded(doc.theme.name, position, list.count, depthText))
        } catch {
            return ThemeNotice(.error, "\(error.sentence(t)). \(fallback)")
        }
    }

    static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
}
