import Foundation
import Scheduling

/// A parsed theme file: the theme (every token resolved, the unnamed ones from the base theme)
/// and what the file says about itself.
public struct ThemeDocument: Sendable, Hashable {
    public var theme: Theme
    public var description: String
    /// The tokens the file names itself; the others came from the base theme.
    public var namedTokens: Set<StyleToken>
    public var path: String?
}

/// Theme files: one per theme in `Themes/NAME.toml`, in the TOML subset of `TOMLSubset`.
///
/// ```toml
/// description = "Dark background"
///
/// [palette]                                   # named colors, used by the tokens below
/// ink   = "#d0d0d0"                           # true color; 256 and 16 fallbacks computed
/// green = { rgb = "#5fd75f", 256 = 77, 16 = "bright-green" }
///
/// [tokens]
/// text     = { fg = "ink", mono = [] }
/// day-free = { fg = "green", attrs = ["bold"], mono = ["bold"] }
/// title    = "green"                          # a string: the foreground only
/// ```
///
/// A token's `fg` and `bg` are `#rrggbb`, a palette name, `"default"` (the terminal's own color)
/// or an inline `{ rgb, 256, 16 }`; a token that gives no `fg` (or `bg`) takes the `text` token's.
/// `attrs` are the attributes drawn with color, `mono` those drawn without (bold, dim, underline,
/// reverse); a token without `mono` keeps the base theme's. Tokens the file does not name come
/// from the base theme (the compiled-in default).
public enum ThemeFile {
    public static let topLevelKeys = ["description", "palette", "tokens"]
    public static let tokenKeys = ["fg", "bg", "attrs", "mono"]
    public static let colorKeys = ["rgb", "256", "16"]
    public static let attributeNames = ["bold", "dim", "underline", "reverse"]

    /// Reads and parses the file at `path`; the theme's name is the file's name without `.toml`.
    public static func load(path: String, base: Theme? = .builtInDefault, _ t: Catalog = .en) throws(ThemeFileError) -> ThemeDocument {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ThemeFileError(file: path, line: 0, message: FileManager.default.fileExists(atPath: path) ? t.fileNotUTF8 : t.fileMissing)
        }
        return try parse(text, name: themeName(path: path), path: path, base: base, t)
    }

    /// The theme name a file gives: its name without the folder and `.toml`.
    public static func themeName(path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasSuffix(".toml") { name.removeLast(5) }
        return name
    }

    public static func parse(_ text: String, name: String, path: String? = nil, base: Theme? = .builtInDefault, _ t: Catalog = .en) throws(ThemeFileError)
        -> ThemeDocument
    {
        let root = try TOMLSubset.parse(text, file: path, t)
        let r = Reader(file: path, t: t)
        var description = ""
        var palette: [String: Color] = [:]
        var tokensTable: TOMLTable?
        for e in root.entries {
            switch e.key {
            case "description":
                description = try r.string(e.node, what: "description")
            case "palette":
                let table = try r.table(e.node, what: "[palette]")
                for p in table.entries {
                    guard Reader.isName(p.key) else {
                        throw r.fail(p.line, p.column, t.badPaletteName(p.key))
                    }
                    if p.key == "default" { throw r.fail(p.line, p.column, t.paletteDefault) }
                    guard let color = try r.color(p.node, palette: [:], what: t.paletteColor(p.key), allowNames: false) else {
                        throw r.fail(p.line, p.column, t.paletteExpected(p.key))
                    }
                    palette[p.key] = color
                }
            case "tokens":
                tokensTable = try r.table(e.node, what: "[tokens]")
            default:
                throw r.fail(e.line, e.column, t.unknownTopKey(e.key, t.orList(topLevelKeys), r.suggestion(e.key, among: topLevelKeys)))
            }
        }

        // Each token as the file gives it (nil fields: not given).
        struct Given {
            var fg: Color??
            var bg: Color??
            var attrs: TokenStyle?
            var mono: TokenStyle?
        }
        var given: [StyleToken: Given] = [:]
        for e in tokensTable?.entries ?? [] {
            guard let token = StyleToken(rawValue: e.key) else {
                let names = StyleToken.allCases.map(\.rawValue)
                let near = Reader.nearest(e.key, among: names)
                throw ThemeFileError(
                    file: path, line: e.line, column: e.column,
                    message: t.unknownToken(e.key, near: near),
                    detail: t.tokenNames(names.joined(separator: ", ")))
            }
            var g = Given()
            switch e.node.value {
            case .string:
                g.fg = .some(try r.color(e.node, palette: palette, what: t.colorOf(e.key), allowNames: true))
            case let .table(table):
                for f in table.entries {
                    switch f.key {
                    case "fg": g.fg = .some(try r.color(f.node, palette: palette, what: "'\(e.key)'.fg", allowNames: true))
                    case "bg": g.bg = .some(try r.color(f.node, palette: palette, what: "'\(e.key)'.bg", allowNames: true))
                    case "attrs": g.attrs = try r.attributes(f.node, what: "'\(e.key)'.attrs")
                    case "mono": g.mono = try r.attributes(f.node, what: "'\(e.key)'.mono")
                    default:
                        throw r.fail(f.line, f.column, t.unknownTokenKey(f.key, e.key, r.suggestion(f.key, among: tokenKeys), t.orList(tokenKeys)))
                    }
                }
            default:
                throw r.fail(e.node.line, e.node.column, t.tokenExpected(e.key, e.node.kind(t)))
            }
            given[token] = g
        }

        // The text token first: the others take its colors where they give none.
        func colored(_ token: StyleToken, textFg: Color?, textBg: Color?) -> TokenStyle {
            let baseStyle = base?.styles[token] ?? TokenStyle()
            guard let g = given[token] else {
                var s = baseStyle
                if s.foreground == nil { s.foreground = textFg }
                if s.background == nil { s.background = textBg }
                return s
            }
            var s = g.attrs ?? TokenStyle()
            s.foreground = g.fg ?? textFg
            s.background = g.bg ?? textBg
            return s
        }
        let baseText = base?.styles[.text] ?? TokenStyle()
        let textFg: Color? = given[.text].map { $0.fg ?? nil } ?? baseText.foreground
        let textBg: Color? = given[.text].map { $0.bg ?? nil } ?? baseText.background
        var styles: [StyleToken: TokenStyle] = [:]
        var mono: [StyleToken: TokenStyle] = [:]
        for token in StyleToken.allCases {
            styles[token] = token == .text ? colored(.text, textFg: nil, textBg: nil) : colored(token, textFg: textFg, textBg: textBg)
            mono[token] = given[token]?.mono ?? base?.monochrome[token] ?? TokenStyle()
        }
        return ThemeDocument(
            theme: Theme(name: name, styles: styles, monochrome: mono), description: description,
            namedTokens: Set(given.keys), path: path)
    }

    struct Reader {
        let file: String?
        let t: Catalog

        func fail(_ line: Int, _ column: Int, _ message: String) -> ThemeFileError {
            ThemeFileError(file: file, line: line, column: column, message: message)
        }

        func string(_ node: TOMLNode, what: String) throws(ThemeFileError) -> String {
            guard case let .string(s) = node.value else { throw fail(node.line, node.column, t.expectedString(what, node.kind(t))) }
            return s
        }

        func table(_ node: TOMLNode, what: String) throws(ThemeFileError) -> TOMLTable {
            guard case let .table(table) = node.value else { throw fail(node.line, node.column, t.expectedTable(what, node.kind(t))) }
            return table
        }

        /// A color: `"#rrggbb"`, a palette name, `"default"` (nil), or `{ rgb, 256, 16 }`.
        func color(_ node: TOMLNode, palette: [String: Color], what: String, allowNames: Bool) throws(ThemeFileError) -> Color? {
            let expected = allowNames ? t.colorExpectedNames : t.colorExpected
            switch node.value {
            case let .string(s):
                if s.hasPrefix("#") {
                    guard let rgb = Reader.hex(s) else {
                        throw fail(node.line, node.column, t.malformedHex(s, what))
                    }
                    return .rgb(rgb.r, rgb.g, rgb.b)
                }
                if allowNames {
                    if s == "default" { return nil }
                    if let c = palette[s] { return c }
                    throw ThemeFileError(
                        file: file, line: node.line, column: node.column,
                        message: t.unknownColor(s, what, suggestion(s, among: Array(palette.keys)), expected),
                        detail: palette.isEmpty ? t.noPalette : t.paletteList(palette.keys.sorted().joined(separator: ", ")))
                }
                throw fail(node.line, node.column, t.malformedColor(s, what, expected))
            case let .table(table):
                var rgb: RGB?
                var indexed: Int?, ansi: Int?
                for e in table.entries {
                    switch e.key {
                    case "rgb":
                        let s = try string(e.node, what: "rgb")
                        guard let c = Reader.hex(s) else {
                            throw fail(e.node.line, e.node.column, t.malformedHex(s, what))
                        }
                        rgb = c
                    case "256":
                        guard case let .integer(n) = e.node.value, (0...255).contains(n) else {
                            throw fail(e.node.line, e.node.column, t.expected256(what))
                        }
                        indexed = n
                    case "16":
                        switch e.node.value {
                        case let .integer(n) where (0...15).contains(n): ansi = n
                        case let .string(name) where Palette.ansiNames.contains(Reader.ansiAlias(name)):
                            ansi = Palette.ansiNames.firstIndex(of: Reader.ansiAlias(name))
                        default:
                            throw fail(e.node.line, e.node.column, t.expected16(Palette.ansiNames.joined(separator: ", "), what))
                        }
                    default:
                        throw fail(e.line, e.column, t.unknownColorKey(e.key, what, suggestion(e.key, among: colorKeys), t.orList(colorKeys)))
                    }
                }
                guard let rgb else { throw fail(node.line, node.column, t.colorNeedsRGB(what)) }
                return .rgb(rgb.r, rgb.g, rgb.b, indexed: indexed, ansi: ansi)
            default:
                throw fail(node.line, node.column, t.expectedFound(expected, what, node.kind(t)))
            }
        }

        func attributes(_ node: TOMLNode, what: String) throws(ThemeFileError) -> TokenStyle {
            guard case let .array(items) = node.value else {
                throw fail(node.line, node.column, t.expectedAttributes(what, node.kind(t)))
            }
            var s = TokenStyle()
            for item in items {
                guard case let .string(name) = item.value else {
                    throw fail(item.line, item.column, t.expectedAttribute(ThemeFile.attributeNames.joined(separator: ", "), what, item.kind(t)))
                }
                switch name {
                case "bold": s.bold = true
                case "dim": s.dim = true
                case "underline": s.underline = true
                case "reverse": s.reverse = true
                default:
                    throw fail(
                        item.line, item.column,
                        t.unknownAttribute(name, what, suggestion(name, among: ThemeFile.attributeNames), ThemeFile.attributeNames.joined(separator: ", ")))
                }
            }
            return s
        }

        static func ansiAlias(_ name: String) -> String {
            switch name.lowercased() {
            case "gray", "grey": "bright-black"
            case let n: n.replacingOccurrences(of: "_", with: "-")
            }
        }

        static func hex(_ s: String) -> RGB? {
            guard s.count == 7, s.hasPrefix("#"), let v = UInt32(s.dropFirst(), radix: 16), s.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
            let red = UInt8((v >> 16) & 0xff), green = UInt8((v >> 8) & 0xff), blue = UInt8(v & 0xff)
            return RGB(red, green, blue)
        }

        static func isName(_ s: String) -> Bool {
            !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }

        /// `(did you mean 'day-free'?)` for a near miss, else nothing.
        func suggestion(_ word: String, among names: [String]) -> String {
            Reader.nearest(word, among: names).map { t.didYouMean($0) } ?? ""
        }

        static func nearest(_ word: String, among names: [String]) -> String? {
            var best: String?
            var bestDistance = Int.max
            for name in names.sorted() {
                let d = editDistance(word.lowercased(), name.lowercased())
                if d < bestDistance {
                    best = name
                    bestDistance = d
                }
            }
            return bestDistance <= max(1, min(3, word.count / 3)) ? best : nil
        }

        static func editDistance(_ a: String, _ b: String) -> Int {
            let a = Array(a), b = Array(b)
            if a.isEmpty { return b.count }
            var previous = Array(0...b.count)
            for i in 1...a.count {
                var row = [i] + Array(repeating: 0, count: b.count)
                for j in 1...max(1, b.count) where !b.isEmpty {
                    row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = row
            }
            return previous[b.count]
        }
    }
}
