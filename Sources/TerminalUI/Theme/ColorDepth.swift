import Scheduling

/// What a terminal can show. Found for each session from its own terminal (`TERM` and its
/// terminfo `colors`, `COLORTERM`) and `NO_COLOR`; see `ColorDepth.detect`.
public enum ColorDepth: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No color: the theme's monochrome attributes only (`NO_COLOR`, or a terminal without color).
    case none
    /// 8 colors: a bright ANSI color becomes the normal one, in bold when it is a foreground.
    case ansi8 = "8"
    /// 16 colors (up to 255): each color's 16-color fallback, named or the nearest.
    case ansi16 = "16"
    /// 256 colors: each color's 256-color fallback, named or the nearest in the cube or grays.
    case indexed256 = "256"
    /// True color (24-bit): each color as written, `#rrggbb`.
    case trueColor = "truecolor"

    /// The golden files' name of a depth ("256 colors"); people read `Catalog.colorDepthName`.
    public var description: String { Catalog.en.colorDepthName(colors) }

    /// How many colors: 0 for none, nil for true color.
    public var colors: Int? {
        switch self {
        case .none: 0
        case .ansi8: 8
        case .ansi16: 16
        case .indexed256: 256
        case .trueColor: nil
        }
    }

    /// From terminfo's `colors` (and whether the terminal has color at all), as the presenter
    /// finds them, and `NO_COLOR`.
    public init(colors: Int, hasColors: Bool, noColor: Bool) {
        if !hasColors || noColor || colors < 8 {
            self = .none
        } else if colors >= 0x1000000 {
            self = .trueColor
        } else if colors >= 256 {
            self = .indexed256
        } else if colors >= 16 {
            self = .ansi16
        } else {
            self = .ansi8
        }
    }

    /// The depth for a session: `NO_COLOR` set to any non-empty value means none; otherwise what
    /// the terminal's terminfo entry says (`colors`). `COLORTERM=truecolor` (or `24bit`) counts
    /// only through the terminfo entry the presenter opened for it (`directTerminfoName`), since
    /// curses can send 24-bit colors only with a direct-color entry.
    public static func detect(environment: [String: String], terminfoColors: Int, hasColors: Bool) -> ColorDepth {
        ColorDepth(colors: terminfoColors, hasColors: hasColors, noColor: noColor(environment))
    }

    /// Whether `NO_COLOR` asks for no color (https://no-color.org: any non-empty value).
    public static func noColor(_ environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The terminfo entry to try first when the terminal says it does 24-bit color
    /// (`COLORTERM=truecolor` or `24bit`) but `TERM` names a 256-color entry: `xterm-256color`
    /// becomes `xterm-direct`, `tmux-256color` `tmux-direct` (entries of Debian's ncurses-term).
    /// nil when there is nothing to try; the presenter falls back to `TERM` when it is missing.
    public static func directTerminfoName(environment: [String: String]) -> String? {
        guard let colorterm = environment["COLORTERM"]?.lowercased(), colorterm == "truecolor" || colorterm == "24bit",
            !noColor(environment), let term = environment["TERM"], !term.isEmpty, !term.hasSuffix("-direct")
        else { return nil }
        var base = term
        for suffix in ["-256color", "-88color", "-16color", "-color"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        guard !base.isEmpty, !base.contains("/") else { return nil }
        return base + "-direct"
    }
}

/// A color made concrete for one depth: what the terminal is sent.
public enum ResolvedColor: Hashable, Sendable, CustomStringConvertible {
    /// ANSI 0-15 (0-7 on 8-color terminals; 0-7 also in true color, where they keep the
    /// terminal's own palette).
    case ansi(Int)
    /// xterm 256-color index.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// `16:9`, `256:46`, `#5fd75f`.
    public var description: String {
        switch self {
        case let .ansi(n): "16:\(n)"
        case let .indexed(n): "256:\(n)"
        case let .rgb(r, g, b): "#" + [r, g, b].map { Palette.hex2($0) }.joined()
        }
    }

    /// The RGB value, with xterm's default palette for the ANSI colors.
    public var rgb: RGB {
        switch self {
        case let .ansi(n): Palette.rgbOfIndexed(n)
        case let .indexed(n): Palette.rgbOfIndexed(n)
        case let .rgb(r, g, b): RGB(r, g, b)
        }
    }
}

public struct RGB: Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }
}

/// A token's style made concrete for one depth: colors (nil: the terminal's default) and the
/// attributes to draw with.
public struct ResolvedStyle: Hashable, Sendable, CustomStringConvertible {
    public var foreground: ResolvedColor?
    public var background: ResolvedColor?
    public var bold = false, underline = false, reverse = false, dim = false
    public init(
        foreground: ResolvedColor? = nil, background: ResolvedColor? = nil, bold: Bool = false,
        underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public var attributes: [String] {
        [(bold, "bold"), (dim, "dim"), (underline, "underline"), (reverse, "reverse")].filter(\.0).map(\.1)
    }

    /// `fg 256:46 bg default bold`: the golden-file form.
    public var description: String {
        (["fg \(foreground.map(\.description) ?? "default")", "bg \(background.map(\.description) ?? "default")"] + attributes)
            .joined(separator: " ")
    }

    /// The SGR parameters that draw this style from a reset (`1;38;5;46`); empty for plain text.
    public var sgrParameters: String {
        var p: [String] = []
        if bold { p.append("1") }
        if dim { p.append("2") }
        if underline { p.append("4") }
        if reverse { p.append("7") }
        func color(_ c: ResolvedColor, foreground: Bool) -> String {
            switch c {
            case let .ansi(n): return String((foreground ? 30 : 40) + (n < 8 ? n : 60 + n - 8))
            case let .indexed(n): return "\(foreground ? 38 : 48);5;\(n)"
            case let .rgb(r, g, b): return "\(foreground ? 38 : 48);2;\(r);\(g);\(b)"
            }
        }
        if let f = foreground { p.append(color(f, foreground: true)) }
        if let b = background { p.append(color(b, foreground: false)) }
        return p.joined(separator: ";")
    }
}

extension Color {
    /// This color at `depth`; for an 8-color foreground, whether bold stands in for bright.
    public func resolved(at depth: ColorDepth, foreground: Bool) -> (color: ResolvedColor?, boldForBright: Bool) {
        switch depth {
        case .none:
            return (nil, false)
        case .trueColor:
            switch self {
            case let .ansi(n):
                let n = Palette.clamp(n, 15)
                return (n < 8 ? .ansi(n) : Palette.rgbOfIndexed(n).resolved, false)
            case let .indexed(n):
                let n = Palette.clamp(n, 255)
                return (n < 8 ? .ansi(n) : Palette.rgbOfIndexed(n).resolved, false)
            case let .rgb(r, g, b, _, _):
                return (.rgb(r, g, b), false)
            }
        case .indexed256:
            switch self {
            case let .ansi(n): return (.ansi(Palette.clamp(n, 15)), false)
            case let .indexed(n): return (.indexed(Palette.clamp(n, 255)), false)
            case let .rgb(r, g, b, indexed, _):
                return (.indexed(indexed.map { Palette.clamp($0, 255) } ?? Palette.nearestIndexed256(RGB(r, g, b))), false)
            }
        case .ansi16, .ansi8:
            let n: Int
            switch self {
            case let .ansi(a): n = Palette.clamp(a, 15)
            case let .indexed(i):
                let i = Palette.clamp(i, 255)
                n = i < 16 ? i : Palette.nearestANSI(Palette.rgbOfIndexed(i))
            case let .rgb(r, g, b, _, ansi):
                n = ansi.map { Palette.clamp($0, 15) } ?? Palette.nearestANSI(RGB(r, g, b))
            }
            if depth == .ansi8 { return (.ansi(n % 8), foreground && n >= 8) }
            return (.ansi(n), false)
        }
    }
}

extension TokenStyle {
    /// This style at `depth`: its colors made concrete (and, on 8 colors, bold for a bright
    /// foreground). At `.none` it gives no colors; pass the monochrome style there.
    public func resolved(at depth: ColorDepth) -> ResolvedStyle {
        let fg = foreground?.resolved(at: depth, foreground: true)
        let bg = background?.resolved(at: depth, foreground: false)
        return ResolvedStyle(
            foreground: fg?.color, background: bg?.color, bold: bold || (fg?.boldForBright ?? false),
            underline: underline, reverse: reverse, dim: dim)
    }
}

extension Theme {
    /// How `token` is drawn at `depth`: the colored style, or the monochrome one at `.none`.
    public func resolvedStyle(_ token: StyleToken, depth: ColorDepth) -> ResolvedStyle {
        style(token, color: depth != .none).resolved(at: depth)
    }

    /// Every token at `depth`.
    public func resolved(depth: ColorDepth) -> [StyleToken: ResolvedStyle] {
        Dictionary(uniqueKeysWithValues: StyleToken.allCases.map { ($0, resolvedStyle($0, depth: depth)) })
    }
}

/// xterm's palette and the nearest-color arithmetic behind the 256- and 16-color fallbacks.
public enum Palette {
    static func clamp(_ n: Int, _ high: Int) -> Int { min(max(n, 0), high) }

    static func hex2(_ v: UInt8) -> String {
        let s = String(v, radix: 16)
        return s.count == 1 ? "0" + s : s
    }

    /// xterm's default 16 colors.
    public static let ansi: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255)
    ]
    /// The names theme files may use for the 16 colors, by number.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white"
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of an xterm 256-color index (0-15 with xterm's default palette).
    public static func rgbOfIndexed(_ n: Int) -> RGB {
        switch n {
        case ..<16: return ansi[max(0, n)]
        case 16..<232:
            let i = n - 16
            return RGB(UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        default:
            let v = UInt8(8 + 10 * (min(n, 255) - 232))
            return RGB(v, v, v)
        }
    }

    private static func distance(_ a: RGB, _ b: (Int, Int, Int)) -> Int {
        let dr = Int(a.r) - b.0, dg = Int(a.g) - b.1, db = Int(a.b) - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// The nearest of the 240 fixed xterm colors (16-255): the cube or the gray ramp; the first 16
    /// are left out because terminals redefine them.
    public static func nearestIndexed256(_ c: RGB) -> Int {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (lr, lg, lb) = (level(c.r), level(c.g), level(c.b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDistance = distance(c, (cubeLevels[lr], cubeLevels[lg], cubeLevels[lb]))
        let average = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
        let grayStep = min(23, max(0, (average - 3) / 10))
        let grayValue = 8 + 10 * grayStep
        let grayDistance = distance(c, (grayValue, grayValue, grayValue))
        return grayDistance < cubeDistance ? 232 + grayStep : cube
    }

    /// The nearest of xterm's 16 ANSI colors.
    public static func nearestANSI(_ c: RGB) -> Int {
        var best = 0, bestDistance = Int.max
        for (i, p) in ansi.enumerated() {
            let d = distance(c, (Int(p.r), Int(p.g), Int(p.b)))
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }
}

extension RGB {
    var resolved: ResolvedColor { .rgb(r, g, b) }
    /// `#rrggbb`.
    public var hex: String { "#" + [r, g, b].map { Palette.hex2($0) }.joined() }
}
