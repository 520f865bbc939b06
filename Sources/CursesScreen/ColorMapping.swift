import CNcursesw
import TerminalUI

/// A resolved theme color as a curses color number (-1: the terminal's default).
struct CursesColor: Hashable, Sendable {
    var number: Int32
    static let terminalDefault = CursesColor(number: -1)
}

/// Resolved colors (see `Theme.resolvedStyle(_:depth:)`, which does the color arithmetic) to
/// curses color numbers.
enum ColorMapping {
    static func number(_ color: ResolvedColor?) -> CursesColor {
        switch color {
        case nil: return .terminalDefault
        case let .ansi(n)?: return CursesColor(number: Int32(n))
        case let .indexed(n)?: return CursesColor(number: Int32(n))
        case let .rgb(r, g, b)?:
            // A direct-color entry (`COLORS` 2^24, e.g. xterm-direct) takes 0xRRGGBB, with 0-7
            // kept for the ANSI colors: values below 8 are nudged to 8 (a black that is a hair blue).
            let value = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            return CursesColor(number: max(value, 8))
        }
    }

    /// `TERM` and the color depth's environment (`COLORTERM`, `NO_COLOR`) as this process has them.
    static func environment() -> [String: String] {
        var env: [String: String] = [:]
        for key in ["TERM", "COLORTERM", "NO_COLOR"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        return env
    }
}

/// A terminal's color depth from terminfo without opening it (for output that is not full
/// screen, such as `biosched themes`): what `CursesTerminal` would use for the same environment.
public enum TerminalColors {
    public static func depth(environment: [String: String]) -> ColorDepth {
        var colors = -1
        if let direct = ColorDepth.directTerminfoName(environment: environment) { colors = Int(cn_terminfo_colors(direct)) }
        if colors < 0, let term = environment["TERM"] { colors = Int(cn_terminfo_colors(term)) }
        return ColorDepth.detect(environment: environment, terminfoColors: colors, hasColors: colors >= 8)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
