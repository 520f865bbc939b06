/// A screen with its theme applied at one color depth: golden-file and ANSI forms.
extension Screen {
    /// The tokens drawn on this screen.
    public var tokensUsed: Set<StyleToken> { Set(cells.map(\.style)) }

    /// `golden` (unchanged) followed, for each depth, by every token's resolved style, e.g.
    /// `* day-free         = fg 256:77 bg default` (`*`: the token is on this screen).
    public func golden(theme: Theme, depths: [ColorDepth]) -> String {
        var out = golden
        let used = tokensUsed
        let width = StyleToken.allCases.map(\.rawValue.count).max() ?? 0
        for depth in depths {
            out += "theme \(theme.name) at \(depth.rawValue) (\(depth))\n" // not for a person: the golden file's format
            for token in StyleToken.allCases {
                let name = token.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                out += "\(used.contains(token) ? "*" : " ") \(name) = \(theme.resolvedStyle(token, depth: depth))\n"
            }
        }
        return out
    }

    public func golden(theme: Theme, depth: ColorDepth) -> String { golden(theme: theme, depths: [depth]) }

    /// The frame as a terminal is sent it: each row's style runs as SGR escapes (`ESC[0;...m`),
    /// a reset at the end of each row. At `.none` only attributes, never a color.
    public func ansi(theme: Theme, depth: ColorDepth) -> String {
        var out = ""
        for row in 0..<size.rows {
            var current: StyleToken?
            for col in 0..<size.columns where !self[row, col].isContinuation {
                let cell = self[row, col]
                if cell.style != current {
                    let p = theme.resolvedStyle(cell.style, depth: depth).sgrParameters
                    out += "\u{1B}[0" + (p.isEmpty ? "" : ";" + p) + "m"
                    current = cell.style
                }
                out += cell.text
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }
}
