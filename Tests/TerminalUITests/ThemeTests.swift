import Foundation
import Testing

@testable import TerminalUI

/// The shipped theme files, the theme file format and its errors, color depths, contrast.
@Suite("Themes")
struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")
    static let shipped = ["default", "light", "high-contrast", "monochrome", "colorblind-safe", "projector"]

    static func load(_ name: String) throws -> ThemeDocument {
        try ThemeFile.load(path: themesFolder.appendingPathComponent(name + ".toml").path)
    }

    static func parseError(_ text: String) -> ThemeFileError? {
        do {
            _ = try ThemeFile.parse(text, name: "t", path: "Themes/t.toml")
            return nil
        } catch { return error }
    }

    // MARK: shipped themes

    @Test(
        "Every shipped theme parses, names every token itself, and resolves every token at every depth",
        arguments: shipped)
    func shippedThemeParses(_ name: String) throws {
        let doc = try Self.load(name)
        #expect(doc.theme.name == name)
        #expect(!doc.description.isEmpty)
        #expect(doc.namedTokens == Set(StyleToken.allCases), "not named: \(Set(StyleToken.allCases).subtracting(doc.namedTokens))")
        for depth in ColorDepth.allCases {
            let resolved = doc.theme.resolved(depth: depth)
            #expect(resolved.count == StyleToken.allCases.count)
            for (token, style) in resolved {
                switch depth {
                case .none:
                    #expect(style.foreground == nil && style.background == nil, "\(token) has a color without color")
                case .ansi8:
                    for c in [style.foreground, style.background].compactMap({ $0 }) { #expect(c.isANSI(below: 8), "\(token): \(c)") }
                case .ansi16:
                    for c in [style.foreground, style.background].compactMap({ $0 }) { #expect(c.isANSI(below: 16), "\(token): \(c)") }
                case .indexed256:
                    for c in [style.foreground, style.background].compactMap({ $0 }) {
                        if case .rgb = c { Issue.record("\(token): true color at 256 colors") }
                    }
                case .trueColor:
                    break
                }
            }
        }
    }

    @Test("The folder holds at least the six themes the issue asks for")
    func folderHasTheThemes() {
        let catalog = ThemeCatalog.scan([Self.themesFolder.path])
        #expect(Set(Self.shipped).isSubset(of: Set(catalog.entries.map(\.name))))
        #expect(catalog.entries.first?.name == "default")
        #expect(catalog.entries.first?.path != nil)
    }

    @Test("The compiled-in default is Themes/default.toml word for word")
    func compiledInDefaultIsTheFile() throws {
        let file = try String(contentsOf: Self.themesFolder.appendingPathComponent("default.toml"), encoding: .utf8)
        #expect(file == BuiltInThemes.defaultText, "copy Themes/default.toml into BuiltInThemes.defaultText")
        #expect(try Self.load("default").theme == Theme.builtInDefault)
        #expect(Theme.builtInDefault.styles.count == StyleToken.allCases.count)
    }

    @Test("The default theme keeps the 16-color and monochrome look biosched had before themes")
    func defaultSixteenColorLook() {
        let t = Theme.builtInDefault
        #expect(t.resolvedStyle(.dayFree, depth: .ansi16) == ResolvedStyle(foreground: .ansi(10)))
        #expect(t.resolvedStyle(.focus, depth: .ansi16) == ResolvedStyle(foreground: .ansi(0), background: .ansi(14), bold: true))
        #expect(t.resolvedStyle(.text, depth: .ansi16) == ResolvedStyle())
        #expect(t.resolvedStyle(.statusError, depth: .none) == ResolvedStyle(bold: true, reverse: true))
        #expect(t.resolvedStyle(.muted, depth: .none) == ResolvedStyle(dim: true))
    }

    @Test("monochrome has no color at any depth")
    func monochromeHasNoColor() throws {
        let t = try Self.load("monochrome").theme
        for depth in ColorDepth.allCases {
            for (token, s) in t.resolved(depth: depth) {
                #expect(s.foreground == nil && s.background == nil, "\(token) at \(depth)")
            }
        }
    }

    // MARK: contrast

    /// Every token's text against its own background, as drawn. Printed for the README.
    static func ratios(_ theme: Theme, depth: ColorDepth) -> [(StyleToken, Double?)] {
        StyleToken.allCases.map { ($0, Contrast.ratio(of: theme.resolvedStyle($0, depth: depth))) }
    }

    @Test("WCAG arithmetic: black on white is 21:1, a color on itself 1:1, #767676 on white about 4.54:1")
    func contrastArithmetic() {
        #expect(abs(Contrast.ratio(RGB(0, 0, 0), RGB(255, 255, 255)) - 21) < 0.001)
        #expect(Contrast.ratio(RGB(12, 200, 7), RGB(12, 200, 7)) == 1)
        #expect(abs(Contrast.ratio(RGB(0x76, 0x76, 0x76), RGB(255, 255, 255)) - 4.54) < 0.01)
    }

    @Test("high-contrast: every token at least 7:1 (AAA) in true color and in 256 colors; at least 4.5:1 on xterm's 16")
    func highContrastIsAAA() throws {
        let t = try Self.load("high-contrast").theme
        var report: [String] = []
        for depth in [ColorDepth.trueColor, .indexed256, .ansi16] {
            let ratios = Self.ratios(t, depth: depth)
            let minimum = depth == .ansi16 ? 4.5 : 7.0
            for (token, ratio) in ratios {
                guard let ratio else {
                    Issue.record("\(token) at \(depth) leaves a color to the terminal")
                    continue
                }
                #expect(ratio >= minimum, "\(token) at \(depth): \(String(format: "%.2f", ratio)):1")
            }
            let values = ratios.compactMap(\.1)
            report.append(
                "\(depth): min \(String(format: "%.2f", values.min() ?? 0)):1, "
                    + ratios.map { "\($0.0.rawValue) \(String(format: "%.1f", $0.1 ?? 0))" }.joined(separator: ", "))
        }
        print("high-contrast ratios\n" + report.joined(separator: "\n"))
    }

    @Test("projector: every token at least 7:1 in true color and 256 colors, and nothing dim, with or without color")
    func projectorIsBoldAndNeverDim() throws {
        let t = try Self.load("projector").theme
        for depth in ColorDepth.allCases {
            for (token, s) in t.resolved(depth: depth) {
                #expect(!s.dim, "\(token) is dim at \(depth)")
                if depth == .trueColor || depth == .indexed256 {
                    let r = Contrast.ratio(of: s)
                    #expect(r.map { $0 >= 7 } == true, "\(token) at \(depth): \(r.map { String(format: "%.2f", $0) } ?? "no color")")
                }
            }
        }
    }

    // MARK: color vision

    /// Machado, Oliveira & Fernandes (2009), severity 1, applied to linear RGB.
    static let simulations: [(String, [[Double]])] = [
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]])
    ]

    static func linear(_ v: UInt8) -> Double {
        let s = Double(v) / 255
        return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }

    /// CIELAB (D65) of a linear RGB triple.
    static func lab(_ rgb: [Double]) -> [Double] {
        let x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883)
        return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
    }

    /// How far apart two colors look (CIE76 ΔE) to someone with `matrix`'s color vision.
    static func seenDistance(_ a: RGB, _ b: RGB, _ matrix: [[Double]]?) -> Double {
        func seen(_ c: RGB) -> [Double] {
            let l = [linear(c.r), linear(c.g), linear(c.b)]
            guard let m = matrix else { return lab(l) }
            return lab(m.map { row in min(1, max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])) })
        }
        let p = seen(a), q = seen(b)
        return sqrt(zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }

    /// The color that tells a token apart: its background when it has one, else its foreground.
    static func signal(_ t: Theme, _ token: StyleToken, _ depth: ColorDepth) -> RGB? {
        let s = t.resolvedStyle(token, depth: depth)
        return (s.background ?? s.foreground)?.rgb
    }

    static let pairs: [(StyleToken, StyleToken)] = [
        (.dayFree, .dayFull), (.dayFree, .dayNearlyFull), (.dayNearlyFull, .dayFull),
        (.slotFree, .slotFull), (.statusOK, .statusWarning), (.statusOK, .statusError), (.statusWarning, .statusError)
    ]

    @Test("colorblind-safe: free, nearly full, full, ok, warning and error stay apart (ΔE ≥ 20) under protanopia, deuteranopia and tritanopia")
    func colorblindSafe() throws {
        let t = try Self.load("colorblind-safe").theme
        var smallest = Double.infinity
        for depth in [ColorDepth.trueColor, .indexed256] {
            for (name, matrix) in Self.simulations {
                for (a, b) in Self.pairs {
                    let ca = try #require(Self.signal(t, a, depth)), cb = try #require(Self.signal(t, b, depth))
                    let d = Self.seenDistance(ca, cb, matrix)
                    smallest = min(smallest, d)
                    #expect(d >= 20, "\(a.rawValue) vs \(b.rawValue) at \(depth), \(name): ΔE \(String(format: "%.1f", d))")
                }
            }
        }
        print("colorblind-safe: smallest simulated ΔE \(String(format: "%.1f", smallest))")
    }

    @Test("The check has teeth: the default theme's green free days and red full days nearly merge under deuteranopia")
    func defaultIsRedGreen() {
        let t = Theme.builtInDefault
        let free = Self.signal(t, .dayFree, .trueColor)!, full = Self.signal(t, .dayFull, .trueColor)!
        #expect(Self.seenDistance(free, full, nil) > 60)
        #expect(Self.seenDistance(free, full, Self.simulations[1].1) < 20)
    }

    // MARK: the file format

    @Test("A partial theme: the named tokens, the rest from the default; palette aliases; fallbacks named or computed")
    func partialTheme() throws {
        let doc = try ThemeFile.parse(
            """
            # comment
            description = 'mine'   # literal string
            [palette]
            leaf = { rgb = "#5fd75f", 256 = 34, 16 = "green" }
            "sky" = "#87d7ff"

            [tokens]
            day-free = "leaf"
            title = { fg = "sky", bg = "default", attrs = ["bold", "underline"] }
            [tokens.day-full]
            fg = "#ff0000"
            mono = ["reverse"]
            """, name: "mine")
        let t = doc.theme
        #expect(doc.description == "mine")
        #expect(doc.namedTokens == [.dayFree, .title, .dayFull])
        #expect(t.resolvedStyle(.dayFree, depth: .trueColor) == ResolvedStyle(foreground: .rgb(0x5f, 0xd7, 0x5f)))
        #expect(t.resolvedStyle(.dayFree, depth: .indexed256) == ResolvedStyle(foreground: .indexed(34)))
        #expect(t.resolvedStyle(.dayFree, depth: .ansi16) == ResolvedStyle(foreground: .ansi(2)))
        #expect(t.resolvedStyle(.title, depth: .indexed256) == ResolvedStyle(foreground: .indexed(117), bold: true, underline: true))
        #expect(t.resolvedStyle(.title, depth: .ansi16).foreground == .ansi(7)) // nearest of xterm's 16: #e5e5e5
        #expect(t.resolvedStyle(.dayFull, depth: .indexed256).foreground == .indexed(196))
        #expect(t.resolvedStyle(.dayFull, depth: .ansi8) == ResolvedStyle(foreground: .ansi(1), bold: true))
        #expect(t.resolvedStyle(.dayFull, depth: .none) == ResolvedStyle(reverse: true))
        // A token without mono keeps the default's; an unnamed token is the default's.
        #expect(t.monochrome[.dayFree] == Theme.builtInDefault.monochrome[.dayFree])
        #expect(t.styles[.focus] == Theme.builtInDefault.styles[.focus])
    }

    @Test("Tokens without fg or bg take the text token's colors")
    func textColorsAreInherited() throws {
        let t = try ThemeFile.parse(
            """
            [tokens]
            text = { fg = "#000000", bg = "#ffffff" }
            muted = { fg = "#666666" }
            border = { fg = "default" }
            """, name: "x"
        ).theme
        #expect(t.resolvedStyle(.muted, depth: .trueColor).background == .rgb(255, 255, 255))
        #expect(t.resolvedStyle(.border, depth: .trueColor) == ResolvedStyle(foreground: nil, background: .rgb(255, 255, 255)))
        // Unnamed tokens too, where the default leaves the color to the terminal.
        #expect(t.resolvedStyle(.dayFree, depth: .trueColor).background == .rgb(255, 255, 255))
        #expect(t.resolvedStyle(.hintText, depth: .ansi16).background == .ansi(15))
    }

    @Test("A syntax error says which file, which line and what was expected")
    func syntaxError() throws {
        let e = try #require(
            Self.parseError(
                """
                description = "x"
                [tokens]
                text = { fg = "#ffffff" bg = "#000000" }
                """))
        #expect(e.file == "Themes/t.toml")
        #expect(e.line == 3)
        #expect(e.message.contains("expected ',' or '}'"), "\(e.message)")
        #expect(e.description.hasPrefix("Themes/t.toml:3:"))
        #expect(e.sentence.hasPrefix("Theme file t.toml, line 3: expected"))
    }

    @Test("An unknown token says which line and suggests the nearest name")
    func unknownToken() throws {
        let e = try #require(
            Self.parseError(
                """
                [tokens]
                text = "#ffffff"

                day-fre = "#00ff00"
                """))
        #expect(e.line == 4)
        #expect(e.column == 1)
        #expect(e.message == "unknown token 'day-fre'; expected a token name such as 'day-free'")
        #expect(e.detail?.contains("day-nearly-full") == true)
    }

    @Test(
        "A malformed color says which line and what a color looks like",
        arguments: [
            ("\"#12345\"", "malformed color \"#12345\""), ("\"#gg0000\"", "malformed color \"#gg0000\""),
            ("\"reddish\"", "unknown color 'reddish'"), ("{ rgb = \"#ff0000\", 256 = 300 }", "expected a 256-color number 0-255"),
            ("{ rgb = \"#ff0000\", 16 = \"pink\" }", "expected a 16-color number 0-15 or a name"),
            ("{ 256 = 12 }", "needs rgb = \"#rrggbb\""), ("12", "expected \"#rrggbb\", a palette name")
        ])
    func malformedColor(_ value: String, _ expected: String) throws {
        let e = try #require(Self.parseError("[tokens]\ntext = { fg = \(value) }\n"))
        #expect(e.line == 2)
        #expect(e.message.contains(expected), "\(e.message)")
    }

    @Test(
        "Other mistakes, each at its line",
        arguments: [
            ("colour = 1", 1, "unknown key 'colour'"),
            ("[palette]\nred = \"ff0000\"", 2, "malformed color \"ff0000\""),
            ("[tokens]\ntext = { fg = \"#ffffff\", blink = true }", 2, "unknown key 'blink' in token 'text'"),
            ("[tokens]\ntext = { mono = [\"bold\", \"italic\"] }", 2, "unknown attribute 'italic'"),
            ("[tokens]\ntext = { mono = \"bold\" }", 2, "expected a list of attributes"),
            ("[tokens]\ntext = \"#ffffff\"\ntext = \"#000000\"", 3, "already defined at line 2"),
            ("[tokens]\n[tokens]", 2, "already defined at line 1"),
            ("description = \"unterminated", 1, "unterminated string"),
            ("description = \"\"\"x\"\"\"", 1, "multi-line strings are not used"),
            ("[[tokens]]", 1, "arrays of tables"),
            ("[tokens]\ntext = { fg = \"#ffffff\",\n  bg = \"#000000\" }", 2, "inline tables are one line"),
            ("\n\ndescription = 1.5", 3, "not an integer"),
            ("description = \"a\" extra", 1, "expected the end of the line"),
            ("[tokens]\ntext = bold", 2, "needs quotes"),
            ("[palette]\ndefault = \"#000000\"", 2, "'default' means the terminal's own color")
        ])
    func otherMistakes(_ text: String, _ line: Int, _ expected: String) throws {
        let e = try #require(Self.parseError(text), "\(text) should not parse")
        #expect(e.line == line, "\(e)")
        #expect(e.message.contains(expected), "\(e.message)")
    }

    @Test("A missing file says so")
    func missingFile() {
        #expect(throws: ThemeFileError.self) { try ThemeFile.load(path: "/nonexistent/dir/x.toml") }
        do { _ = try ThemeFile.load(path: "/nonexistent/dir/x.toml") } catch {
            #expect(error.description == "/nonexistent/dir/x.toml: the file does not exist")
        }
    }

    @Test("The TOML subset: escapes, dotted keys, hex and underscores, arrays over lines")
    func tomlSubset() throws {
        let t = try TOMLSubset.parse(
            """
            a.b = "tab\\there \\u00e9"
            "quoted key" = 0x1F
            n = 1_000
            list = [
              "x",  # a comment
              'y',
            ]
            [t.u]
            v = true
            """)
        guard case let .table(a)? = t["a"]?.value, case let .string(s)? = a["b"]?.value else {
            Issue.record("a.b")
            return
        }
        #expect(s == "tab\there é")
        #expect(t["quoted key"]?.value == .integer(31))
        #expect(t["n"]?.value == .integer(1000))
        if case let .array(items)? = t["list"]?.value { #expect(items.map(\.value) == [.string("x"), .string("y")]) } else { Issue.record("list") }
        #expect(t["list"]?.line == 4)
        guard case let .table(tt)? = t["t"]?.value, case let .table(u)? = tt["u"]?.value else {
            Issue.record("t.u")
            return
        }
        #expect(u["v"]?.value == .boolean(true))
        #expect(u["v"]?.line == 9)
    }

    // MARK: depth and folders

    @Test("Color depth: terminfo's colors, NO_COLOR (any non-empty value), and COLORTERM's direct-color entry")
    func depthDetection() {
        #expect(ColorDepth.detect(environment: [:], terminfoColors: 256, hasColors: true) == .indexed256)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1"], terminfoColors: 256, hasColors: true) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "0"], terminfoColors: 256, hasColors: true) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], terminfoColors: 256, hasColors: true) == .indexed256)
        #expect(ColorDepth.detect(environment: [:], terminfoColors: 0x1000000, hasColors: true) == .trueColor)
        #expect(ColorDepth.detect(environment: [:], terminfoColors: 8, hasColors: true) == .ansi8)
        #expect(ColorDepth.detect(environment: [:], terminfoColors: 0, hasColors: false) == .none)
        #expect(ColorDepth.directTerminfoName(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == "xterm-direct")
        #expect(ColorDepth.directTerminfoName(environment: ["TERM": "tmux-256color", "COLORTERM": "24bit"]) == "tmux-direct")
        #expect(ColorDepth.directTerminfoName(environment: ["TERM": "xterm-256color"]) == nil)
        #expect(ColorDepth.directTerminfoName(environment: ["TERM": "xterm-direct", "COLORTERM": "truecolor"]) == nil)
        #expect(ColorDepth.directTerminfoName(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"]) == nil)
    }

    @Test("Without color the ANSI form has attributes only; with color it has the depth's own escapes")
    func ansiOutput() throws {
        var screen = Screen(size: Size(columns: 12, rows: 1))
        screen.put("free", row: 0, column: 0, style: .dayFree)
        screen.put("err", row: 0, column: 5, style: .statusError)
        let t = try Self.load("high-contrast").theme
        let none = screen.ansi(theme: t, depth: .none)
        #expect(none == "\u{1B}[0;1mfree\u{1B}[0m \u{1B}[0;1;7merr\u{1B}[0m    \u{1B}[0m\n")
        #expect(screen.ansi(theme: t, depth: .trueColor).contains("38;2;0;255;0"))
        #expect(screen.ansi(theme: t, depth: .indexed256).contains("38;5;46"))
        #expect(screen.ansi(theme: t, depth: .ansi16).contains("\u{1B}[0;1;92;40m"))
    }

    @Test("Themes folders: BIOSCHED_THEMES_DIR, the package of a swift-run binary, PREFIX/share, XDG, /usr/local, /usr")
    func folders() {
        let dirs: Set<String> = [
            "/env/themes", "/src/pkg/Themes", "/opt/bs/share/biosched/themes", "/home/u/.local/share/biosched/themes",
            "/x/biosched/themes", "/usr/local/share/biosched/themes", "/usr/share/biosched/themes"
        ]
        let files: Set<String> = ["/src/pkg/Package.swift"]
        let found = ThemeDirectories.search(
            environment: ["BIOSCHED_THEMES_DIR": "/env/themes", "HOME": "/home/u"],
            executablePath: "/src/pkg/.build/x86_64-unknown-linux-gnu/debug/biosched",
            isDirectory: dirs.contains, fileExists: files.contains)
        #expect(
            found == [
                "/env/themes", "/src/pkg/Themes", "/home/u/.local/share/biosched/themes",
                "/usr/local/share/biosched/themes", "/usr/share/biosched/themes"
            ])
        let installed = ThemeDirectories.search(
            environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/u"], executablePath: "/opt/bs/bin/biosched",
            isDirectory: dirs.contains, fileExists: files.contains)
        #expect(installed == ["/opt/bs/share/biosched/themes", "/x/biosched/themes", "/usr/local/share/biosched/themes", "/usr/share/biosched/themes"])
        #expect(ThemeDirectories.search(environment: [:], executablePath: nil, isDirectory: { _ in false }).isEmpty)
    }
}

extension ResolvedColor {
    func isANSI(below n: Int) -> Bool {
        if case let .ansi(a) = self { return a < n }
        return false
    }
}
