import CNCurses
import AWSCore
import Telemetry
import Recording
import Demo
import Panels
import ConsoleCore

/// Turns ncurses key codes and wide characters into keys.
enum KeyDecoder {
    private static let functionKeys: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_NPAGE: .pageDown, KEY_PPAGE: .pageUp,
        KEY_HOME: .home, KEY_END: .end, KEY_BTAB: .backTab, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_DC: .delete,
    ]

    /// A function-key code (wget_wch returned KEY_CODE_YES).
    static func function(_ code: Int32) -> TerminalInput? {
        if code == opsdeck_key_resize() { return .resize }
        if code > KEY_F0, code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
        return functionKeys[code].map(TerminalInput.key)
    }

    /// A character code.
    static func character(_ code: UInt32) -> TerminalInput? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(code + 96)!)))
        default: return Unicode.Scalar(code).map { .key(.char(Character($0))) }
        }
    }
}
