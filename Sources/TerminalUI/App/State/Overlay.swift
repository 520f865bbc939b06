import Foundation
import Scheduling

/// A dialog drawn over the current phase.
public enum Overlay: Sendable, Hashable {
    case help
    case quitConfirm
    case centerPicker
    case savePrompt
    /// The notice's file name is taken: replace it (y) or choose another (n).
    case replaceConfirm(path: String)
    case reviewNote(approve: Bool)
    /// The preferred slot of an approval was full: book this other time instead (y) or pick again (n).
    case approveOther(requestID: String, when: String, preferred: String)
}
