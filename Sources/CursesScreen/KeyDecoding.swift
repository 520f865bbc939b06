import CNcursesw
import TerminalUI

/// Pure decoding of what `get_wch` returns: `KEY_CODE_YES` with a curses key code, or `OK` with a
/// character. Mouse and resize codes are handled by the terminal itself (they need curses calls).
enum KeyDecoding {
    /// A curses key code (`get_wch` returned `KEY_CODE_YES`); nil for codes the program does not use.
    static func key(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case cn_key_f(1)...cn_key_f(24): .function(Int(code - cn_key_f(0)))
        default: nil
        }
    }

    /// A character (`get_wch` returned `OK`). In raw mode Ctrl-C and Ctrl-Z arrive here as 3 and 26.
    static func key(character code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
