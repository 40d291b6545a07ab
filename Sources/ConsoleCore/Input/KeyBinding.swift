import AWSCore
import Telemetry
import Recording
import Panels
/// One row of the key table: the keys, the action, help text, a short hint for the bottom line, and whether it changes AWS.
struct KeyBinding: Sendable {
    var keys: [Key]
    var action: Action
    var help: String
    var hint: String?
    var dangerous = false
}

/// The key table: defaults, with a user's file overriding only the actions it names.
struct KeyBindings: Sendable {
    private(set) var bindings: [KeyBinding]
    private var index: [Key: Action] = [:]

    init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        reindex()
    }

    /// Ctrl-C quits unless the user gave it to another action, so a key file can never leave the console without a way out.
    private mutating func reindex() {
        index = [:]
        for binding in bindings {
            for key in binding.keys where index[key] == nil { index[key] = binding.action }
        }
        if index[.ctrl("c")] == nil { index[.ctrl("c")] = .quit }
    }

    /// The action bound to `key`, if any.
    func action(for key: Key) -> Action? { index[key] }

    /// Rebinds the actions named in `overrides` (action name to key names); returns a message per entry it could not use.
    mutating func apply(_ overrides: [String: [String]]) -> [String] {
        var problems: [String] = []
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let slot = bindings.firstIndex(where: { $0.action.rawValue == name }) else {
                problems.append("unknown action '\(name)'")
                continue
            }
            let keys = keyNames.compactMap(Key.init(name:))
            if keys.count != keyNames.count {
                problems.append("\(name): unknown key in \(keyNames)")
                continue
            }
            if keys.isEmpty && bindings[slot].action == .quit {
                problems.append("quit needs at least one key; keeping \(bindings[slot].keys.map(\.label).joined(separator: " "))")
                continue
            }
            bindings[slot].keys = keys
        }
        reindex()
        return problems
    }

    /// Help lines, one per binding, in table order.
    var helpLines: [(keys: String, text: String, dangerous: Bool)] {
        bindings.map { (keys: $0.keys.map(\.label).joined(separator: " "), text: $0.help, dangerous: $0.dangerous) }
    }

    /// The bottom-line hints: each hinted binding's first key.
    var hints: [(keys: String, text: String)] {
        bindings.compactMap { binding in
            binding.hint.flatMap { hint in binding.keys.first.map { (keys: $0.label, text: hint) } }
        }
    }

    /// opsdeck's default keys: k9s and vim habits.
    static let defaults = KeyBindings([
        KeyBinding(keys: [.tab], action: .nextPanel, help: "focus the next panel", hint: "panel"),
        KeyBinding(keys: [.backTab], action: .previousPanel, help: "focus the previous panel"),
        KeyBinding(keys: PanelID.allCases.map { .char(Character(String($0.rawValue))) }, action: .focusPanel, help: "focus panel 1-\(PanelID.allCases.count)"),
        KeyBinding(keys: [.char("j"), .down], action: .down, help: "select the next row"),
        KeyBinding(keys: [.char("k"), .up], action: .up, help: "select the previous row"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .top, help: "first row"),
        KeyBinding(keys: [.char("G"), .end], action: .bottom, help: "last row"),
        KeyBinding(keys: [.enter], action: .detail, help: "detail of the selected row: its settings, alarms and charts (1-5 range 1h to 7d, z charts only, Esc back)", hint: "detail"),
        KeyBinding(keys: [.char("z")], action: .zoom, help: "zoom the focused panel", hint: "zoom"),
        KeyBinding(keys: [.char("/")], action: .filter, help: "filter the focused panel's rows", hint: "filter"),
        KeyBinding(keys: [.char(":")], action: .command, help: "command: a panel name, theme NAME, help, quit", hint: "cmd"),
        KeyBinding(keys: [.escape], action: .back, help: "close, clear the filter, or unzoom"),
        KeyBinding(keys: [.char(" ")], action: .pause, help: "pause or resume the replay"),
        KeyBinding(keys: [.char("+"), .char("=")], action: .faster, help: "replay faster"),
        KeyBinding(keys: [.char("-")], action: .slower, help: "replay slower"),
        KeyBinding(keys: [.char("[")], action: .seekBack, help: "replay: back 1 minute"),
        KeyBinding(keys: [.char("]")], action: .seekForward, help: "replay: forward 1 minute"),
        KeyBinding(keys: [.char("d")], action: .detectDrift, help: "stacks: detect drift of the selected stack or StackSet", dangerous: true),
        KeyBinding(keys: [.char("a")], action: .acknowledge, help: "alarms: acknowledge the selected alarm (again: un-acknowledge)"),
        KeyBinding(keys: [.char("m")], action: .mute, help: "alarms: mute the alarm's actions for a while (again: unmute)", dangerous: true),
        KeyBinding(keys: [.char("h")], action: .history, help: "alarms: the selected alarm's history"),
        KeyBinding(keys: [.char("o")], action: .openMetric, help: "alarms: go to the panel and row of the alarm's metric"),
        KeyBinding(keys: [.char("s")], action: .sort, help: "sort the focused table by its next column (after the last: problems first again)"),
        KeyBinding(keys: [.char("S")], action: .reverseSort, help: "reverse the focused table's sort"),
        KeyBinding(keys: [.char("y")], action: .copy, help: "copy the selected row's ARN, name, AWS CLI command or console URL (OSC 52: over SSH and in tmux)"),
        KeyBinding(keys: [.char("O")], action: .openConsole, help: "the selected row's AWS console page (opened where a desktop is)"),
        KeyBinding(keys: [.char("l")], action: .logs, help: "tail the logs of the selected function (an alarm's function; a stack's functions; every function a filter shows)"),
        KeyBinding(keys: [.char("i")], action: .topErrors, help: "logs: top errors of the last hour (Logs Insights; 1-5 choose 1h to 7d first)"),
        KeyBinding(keys: [.char("p")], action: .toggleView, help: "parity: switch between the Parity view (what differs between environments) and the Posture view (the platform's rules)"),
        KeyBinding(keys: [.char("r"), .ctrl("r")], action: .refresh, help: "poll every environment now and discover their resources again"),
        KeyBinding(keys: [.char("L")], action: .signIn, help: "sign in to IAM Identity Center for a signed-out environment (the selected row's, else the first)"),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, help: "this help", hint: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", hint: "quit"),
    ])
}
