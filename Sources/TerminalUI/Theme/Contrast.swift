import Foundation

/// WCAG 2.x contrast: relative luminance of sRGB colors and the ratio (L1 + 0.05) / (L2 + 0.05),
/// from 1:1 to 21:1. AA asks 4.5:1 for text, AAA 7:1.
public enum Contrast {
    /// Relative luminance, 0 (black) to 1 (white).
    public static func luminance(_ c: RGB) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The contrast of a style's text: its foreground against its background (as drawn, so
    /// `reverse` swaps them). nil when either is the terminal's own color, which is unknown.
    /// ANSI colors count with xterm's default palette.
    public static func ratio(of style: ResolvedStyle) -> Double? {
        guard let fg = style.foreground, let bg = style.background else { return nil }
        return ratio(fg.rgb, bg.rgb)
    }
}
