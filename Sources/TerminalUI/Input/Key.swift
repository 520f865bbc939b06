/// A key press, already decoded by the presenter (ncurses, a test, a flow player).
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl plus a letter, e.g. `.ctrl("c")`.
    case ctrl(Character)
    case function(Int)

    /// ← ↓ ↑ →.
    public var isArrow: Bool { self == .up || self == .down || self == .left || self == .right }

    /// The name used in key binding tables, flows and the help overlay.
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case let .char(c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case let .ctrl(c): "C-\(c)"
        case let .function(n): "F\(n)"
        }
    }

    /// Parses a key name as `name` gives it (and a few aliases).
    public init?(name: String) {
        switch name.lowercased() {
        case "space": self = .char(" ")
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "s-tab", "btab", "backtab": self = .backTab
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        default:
            if name.count == 1 {
                self = .char(name.first!)
                return
            }
            if name.lowercased().hasPrefix("c-"), name.count == 3 {
                self = .ctrl(Character(name.suffix(1).lowercased()))
                return
            }
            if name.uppercased().hasPrefix("F"), let n = Int(name.dropFirst()), (1...24).contains(n) {
                self = .function(n)
                return
            }
            return nil
        }
    }
}

/// What a mouse click landed on.
public enum ClickTarget: Hashable, Sendable {
    case day(Int) // epoch day of a calendar cell
    case time(Int) // index in the times list
    case listRow(Int) // a row of the active list (cases, centers, reasons, queue)
    case button(String) // a named button
}
