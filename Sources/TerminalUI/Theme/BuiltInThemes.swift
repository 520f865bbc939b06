/// The themes compiled into the program, so that it runs without a `Themes/` folder.
public enum BuiltInThemes {
    /// The default theme, parsed once from `defaultText`.
    public static let `default`: Theme = {
        do { return try ThemeFile.parse(defaultText, name: "default", base: nil).theme } catch {
            // A test parses this text; should it ever fail, the program still runs, uncolored.
            return Theme(name: "default", styles: [:], monochrome: [:])
        }
    }()

    /// `Themes/default.toml`, word for word (a test keeps the two equal).
    public static let defaultText = #"""
        # biosched's default theme: for a dark terminal. This file is also compiled into the program
        # (Sources/TerminalUI/Theme/BuiltInThemes.swift, kept equal by a test), so biosched runs without
        # a Themes folder. Edit a copy under another name, or edit this one: biosched reloads it live.
        #
        # Colors are true color "#rrggbb"; `256` and `16` name the fallbacks for terminals with fewer
        # colors (left out, the nearest is computed). `attrs` are drawn with color, `mono` without
        # (NO_COLOR or a terminal without color). A token without fg or bg takes the text token's.
        description = "Dark terminal; the compiled-in theme"

        [palette]
        gray     = { rgb = "#8a8a8a", 256 = 245, 16 = "bright-black" }
        light    = { rgb = "#d0d0d0", 256 = 252, 16 = "white" }
        white    = { rgb = "#ffffff", 256 = 231, 16 = "bright-white" }
        black    = { rgb = "#000000", 256 = 16, 16 = "black" }
        blue     = { rgb = "#5f87d7", 256 = 68, 16 = "blue" }
        navy     = { rgb = "#005f87", 256 = 24, 16 = "blue" }
        cyan     = { rgb = "#5fd7ff", 256 = 81, 16 = "bright-cyan" }
        teal     = { rgb = "#008787", 256 = 30, 16 = "cyan" }
        green    = { rgb = "#5fd75f", 256 = 77, 16 = "bright-green" }
        yellow   = { rgb = "#ffd75f", 256 = 221, 16 = "bright-yellow" }
        red      = { rgb = "#ff5f5f", 256 = 203, 16 = "bright-red" }
        dark-red = { rgb = "#870000", 256 = 88, 16 = "red" }
        field    = { rgb = "#4e4e4e", 256 = 239, 16 = "bright-black" }

        [tokens]
        text            = { fg = "default", bg = "default", mono = [] }
        muted           = { fg = "gray", mono = ["dim"] }
        border          = { fg = "blue", mono = [] }
        title           = { fg = "cyan", attrs = ["bold"], mono = ["bold"] }
        focus           = { fg = "black", bg = "cyan", attrs = ["bold"], mono = ["bold", "reverse"] }
        selection       = { fg = "black", bg = "teal", mono = ["reverse"] }
        day-free        = { fg = "green", mono = ["bold"] }
        day-nearly-full = { fg = "yellow", mono = [] }
        day-full        = { fg = "red", mono = ["dim"] }
        day-closed      = { fg = "gray", mono = ["dim"] }
        day-outside     = { fg = "gray", mono = ["dim"] }
        today           = { fg = "white", attrs = ["underline"], mono = ["underline"] }
        slot-free       = { fg = "green", mono = ["bold"] }
        slot-full       = { fg = "red", mono = ["dim"] }
        status-ok       = { fg = "green", attrs = ["bold"], mono = ["bold"] }
        status-warning  = { fg = "yellow", attrs = ["bold"], mono = ["bold", "underline"] }
        status-error    = { fg = "red", attrs = ["bold"], mono = ["bold", "reverse"] }
        hint-key        = { fg = "black", bg = "teal", attrs = ["bold"], mono = ["reverse"] }
        hint-text       = { fg = "light", mono = [] }
        input           = { fg = "white", bg = "field", mono = ["underline"] }
        input-invalid   = { fg = "white", bg = "dark-red", mono = ["bold", "underline"] }
        dialog          = { fg = "white", bg = "navy", mono = [] }
        dialog-title    = { fg = "yellow", bg = "navy", attrs = ["bold"], mono = ["bold"] }
        training-banner = { fg = "black", bg = "yellow", attrs = ["bold"], mono = ["bold", "reverse"] }
        header          = { fg = "white", bg = "navy", mono = ["reverse"] }

        """#
}
