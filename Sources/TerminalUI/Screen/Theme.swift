/// A color as a theme names it.
public enum Color: Hashable, Sendable {
    /// One of the 16 ANSI colors (0-7 normal, 8-15 bright).
    case ansi(Int)
    /// One of the 256 xterm colors.
    case indexed(Int)
    /// True color, with the 256- and 16-color fallbacks a theme file names (nil: the nearest is
    /// computed; see `Color.resolved(at:foreground:)`).
    case rgb(UInt8, UInt8, UInt8, indexed: Int? = nil, ansi: Int? = nil)
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
    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

/// Semantic tokens mapped to styles. `TokenStyle`s for color terminals and `monochrome` ones for
/// terminals without color (or `NO_COLOR`).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleToken: TokenStyle]
    public var monochrome: [StyleToken: TokenStyle]
    public init(name: String, styles: [StyleToken: TokenStyle], monochrome: [StyleToken: TokenStyle]) {
        self.name = name
        self.styles = styles
        self.monochrome = monochrome
    }

    public func style(_ token: StyleToken, color: Bool) -> TokenStyle {
        (color ? styles[token] : monochrome[token]) ?? TokenStyle()
    }

    /// The built-in dark theme, always available: `Themes/default.toml` compiled in
    /// (`BuiltInThemes.defaultText`).
    public static var builtInDefault: Theme { BuiltInThemes.default }
}
