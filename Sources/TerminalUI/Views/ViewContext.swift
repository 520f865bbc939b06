import Foundation
import Scheduling

/// What a view may read besides the slice of state it draws (as a ratatui widget gets its area
/// and the frame): the screen's language, the clock, the session's configuration, whether a
/// dialog is open over it (then the cursor is the dialog's), and the effects in flight.
struct ViewContext {
    var language: Language
    var now: Date
    var config: AppConfig
    var dialogOpen: Bool
    var inFlight: [Work]

    /// The catalog in the screen's language.
    var t: Catalog { Catalog(language) }
}
