import Foundation
import Scheduling

/// One line of the session's log in the status pane.
public struct Message: Sendable, Hashable {
    public enum Level: String, Sendable { case info, ok, warning, error }
    public var at: Date
    public var level: Level
    public var text: String
}
