import AWSCore
import Telemetry
import Recording
import Panels
/// A key press, decoded from the terminal or named in a key file.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case function(Int)
    case tab, backTab, enter, escape, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end

    private static let named: [(String, Key)] = [
        ("tab", .tab), ("shift-tab", .backTab), ("backtab", .backTab), ("enter", .enter), ("return", .enter),
        ("esc", .escape), ("escape", .escape), ("backspace", .backspace), ("delete", .delete), ("del", .delete),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp), ("pageup", .pageUp),
        ("pgdn", .pageDown), ("pagedown", .pageDown), ("home", .home), ("end", .end), ("space", .char(" ")),
    ]

    /// Reads a key name: a single character, "space", "tab", "shift-tab", "enter", "esc", arrows, "pgup", "ctrl-x", "f1".
    init?(name: String) {
        let lower = name.lowercased()
        if name.count == 1 {
            self = .char(name.first!)
        } else if let entry = Self.named.first(where: { $0.0 == lower }) {
            self = entry.1
        } else if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter {
            self = .ctrl(c)
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
        } else {
            return nil
        }
    }

    /// The key's name as help shows it.
    var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .function(let n): return "F\(n)"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        }
    }
}
