/// A color as a theme names it.
public enum Color: Hashable, Sendable {
    /// One of the 16 ANSI colors (0-7 normal, 8-15 bright).
    case ansi(Int)
    /// One of the 256 xterm colors.
    case indexed(Int)
    /// True color.
    case rgb(UInt8, UInt8, UInt8)
}

/// How one token looks: colors (nil is the terminal's default) and the attributes used with or
/// without color.
public struct TokenStyle: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.underline = underline; self.reverse = reverse; self.dim = dim
    }
}

/// Semantic tokens mapped to styles. `TokenStyle`s for color terminals and `monochrome` ones for
/// terminals without color (or `NO_COLOR`).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleToken: TokenStyle]
    public var monochrome: [StyleToken: TokenStyle]
    public init(name: String, styles: [StyleToken: TokenStyle], monochrome: [StyleToken: TokenStyle]) {
        self.name = name; self.styles = styles; self.monochrome = monochrome
    }

    public func style(_ token: StyleToken, color: Bool) -> TokenStyle {
        (color ? styles[token] : monochrome[token]) ?? TokenStyle()
    }

    /// The built-in dark theme, always available.
    public static let builtInDefault: Theme = {
        func s(_ fg: Int?, _ bg: Int? = nil, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) -> TokenStyle {
            TokenStyle(foreground: fg.map(Color.ansi), background: bg.map(Color.ansi), bold: bold, underline: underline, reverse: reverse, dim: dim)
        }
        let colors: [StyleToken: TokenStyle] = [
            .text: s(nil), .muted: s(8), .border: s(4), .title: s(14, bold: true), .focus: s(0, 14, bold: true),
            .selection: s(0, 6), .dayFree: s(10), .dayNearlyFull: s(11), .dayFull: s(9), .dayClosed: s(8),
            .dayOutside: s(8), .today: s(15, underline: true), .slotFree: s(10), .slotFull: s(9),
            .statusOK: s(10, bold: true), .statusWarning: s(11, bold: true), .statusError: s(9, bold: true),
            .hintKey: s(0, 6, bold: true), .hintText: s(7), .input: s(15, 8), .inputInvalid: s(15, 1),
            .dialog: s(15, 4), .dialogTitle: s(11, 4, bold: true), .trainingBanner: s(0, 11, bold: true), .header: s(15, 4),
        ]
        func m(bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) -> TokenStyle {
            TokenStyle(bold: bold, underline: underline, reverse: reverse, dim: dim)
        }
        let mono: [StyleToken: TokenStyle] = [
            .text: m(), .muted: m(dim: true), .border: m(), .title: m(bold: true), .focus: m(bold: true, reverse: true),
            .selection: m(reverse: true), .dayFree: m(bold: true), .dayNearlyFull: m(), .dayFull: m(dim: true),
            .dayClosed: m(dim: true), .dayOutside: m(dim: true), .today: m(underline: true), .slotFree: m(bold: true),
            .slotFull: m(dim: true), .statusOK: m(bold: true), .statusWarning: m(bold: true, underline: true),
            .statusError: m(bold: true, reverse: true), .hintKey: m(reverse: true), .hintText: m(), .input: m(underline: true),
            .inputInvalid: m(bold: true, underline: true), .dialog: m(), .dialogTitle: m(bold: true),
            .trainingBanner: m(bold: true, reverse: true), .header: m(reverse: true),
        ]
        return Theme(name: "default", styles: colors, monochrome: mono)
    }()
}
