import TerminalUI

/// What the terminal can show, from `COLORS` (and `has_colors`, `NO_COLOR`).
enum ColorDepth: Equatable, Sendable {
    /// No color: the theme's monochrome attributes only.
    case none
    /// 8 colors: bright ANSI colors become the normal ones, in bold when they are foregrounds.
    case ansi8
    /// 16 (up to 255) colors: ANSI colors as they are; indexed and RGB to the nearest ANSI one.
    case ansi16
    /// 256 colors: ANSI and indexed as they are; RGB to the nearest in the 6x6x6 cube or grays.
    case indexed256
    /// Direct color (`COLORS` >= 2^24, e.g. `xterm-direct`): color numbers are 0xRRGGBB, with
    /// 0-7 kept for the ANSI colors.
    case direct

    init(colors: Int, hasColors: Bool, noColor: Bool) {
        if !hasColors || noColor || colors < 8 { self = .none }
        else if colors >= 0x1000000 { self = .direct }
        else if colors >= 256 { self = .indexed256 }
        else if colors >= 16 { self = .ansi16 }
        else { self = .ansi8 }
    }
}

/// A theme color turned into a curses color number (-1: the terminal's default), plus whether
/// the foreground must be bold to look bright (8-color terminals).
struct CursesColor: Hashable, Sendable {
    var number: Int32
    var boldForBright: Bool = false
    static let terminalDefault = CursesColor(number: -1)
}

/// Pure color arithmetic: theme colors to curses color numbers for a color depth.
enum ColorMapping {
    static func map(_ color: Color?, depth: ColorDepth) -> CursesColor {
        guard let color else { return .terminalDefault }
        switch depth {
        case .none:
            return .terminalDefault
        case .direct:
            switch color {
            case let .ansi(n):
                let n = clamp(n, 15)
                return n < 8 ? CursesColor(number: Int32(n)) : packed(ansiPalette[n])
            case let .indexed(n):
                let n = clamp(n, 255)
                return n < 8 ? CursesColor(number: Int32(n)) : packed(rgbOfIndexed(n))
            case let .rgb(r, g, b):
                return packed((r, g, b))
            }
        case .indexed256:
            switch color {
            case let .ansi(n): return CursesColor(number: Int32(clamp(n, 15)))
            case let .indexed(n): return CursesColor(number: Int32(clamp(n, 255)))
            case let .rgb(r, g, b): return CursesColor(number: Int32(nearestIndexed256(r, g, b)))
            }
        case .ansi16, .ansi8:
            let n: Int
            switch color {
            case let .ansi(a): n = clamp(a, 15)
            case let .indexed(i):
                let i = clamp(i, 255)
                n = i < 16 ? i : nearestANSI(rgbOfIndexed(i))
            case let .rgb(r, g, b): n = nearestANSI((r, g, b))
            }
            if depth == .ansi8 { return CursesColor(number: Int32(n % 8), boldForBright: n >= 8) }
            return CursesColor(number: Int32(n))
        }
    }

    private static func clamp(_ n: Int, _ high: Int) -> Int { min(max(n, 0), high) }

    /// A packed 0xRRGGBB direct color; values below 8 would select ANSI colors, so they are
    /// nudged to 8 (a black that is a hair blue).
    private static func packed(_ c: (UInt8, UInt8, UInt8)) -> CursesColor {
        let value = Int32(c.0) << 16 | Int32(c.1) << 8 | Int32(c.2)
        return CursesColor(number: max(value, 8))
    }

    /// xterm's default 16 colors.
    static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of an xterm 256-color index.
    static func rgbOfIndexed(_ n: Int) -> (UInt8, UInt8, UInt8) {
        switch n {
        case ..<16: return ansiPalette[max(0, n)]
        case 16..<232:
            let i = n - 16
            return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        default:
            let v = UInt8(8 + 10 * (min(n, 255) - 232))
            return (v, v, v)
        }
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (Int, Int, Int)) -> Int {
        let dr = Int(a.0) - b.0, dg = Int(a.1) - b.1, db = Int(a.2) - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// The nearest of the 240 fixed xterm colors (16-255): the cube or the gray ramp; the first 16
    /// are left out because terminals redefine them.
    static func nearestIndexed256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDistance = distance((r, g, b), (cubeLevels[lr], cubeLevels[lg], cubeLevels[lb]))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grayStep = min(23, max(0, (average - 3) / 10))
        let grayValue = 8 + 10 * grayStep
        let grayDistance = distance((r, g, b), (grayValue, grayValue, grayValue))
        return grayDistance < cubeDistance ? 232 + grayStep : cube
    }

    /// The nearest of xterm's 16 ANSI colors.
    static func nearestANSI(_ c: (UInt8, UInt8, UInt8)) -> Int {
        var best = 0, bestDistance = Int.max
        for (i, p) in ansiPalette.enumerated() {
            let d = distance(c, (Int(p.0), Int(p.1), Int(p.2)))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}
