import Telemetry
import AWSCore

/// The bottom line: the prompt being typed, a message, the first account error, or key hints generated from the bindings.
struct HintLine {
    let view: DashboardView
    let accounts: [AccountStatus]

    /// Draws the line across row `y`.
    func render(row y: Int, _ buffer: inout CellBuffer) {
        let line = Rect(x: 0, y: y, width: buffer.width, height: 1)
        if let prompt = view.prompt {
            let text = prompt.label + prompt.text
            let shown = DisplayWidth.of(text) < buffer.width ? text : "…" + String(text.suffix(max(0, buffer.width - 3)))
            let x = buffer.put(shown, x: 0, y: y, role: prompt.kind == .command || prompt.kind == .filter ? .accent : .warn, clip: line)
            buffer.put("█", x: x, y: y, role: .accent, clip: line)
            return
        }
        if let message = view.message {
            buffer.put(DisplayWidth.truncate(message.text, to: buffer.width), x: 0, y: y, role: message.role, clip: line)
            return
        }
        if let failing = accounts.first(where: { $0.error != nil }), let error = failing.error {
            let text = "⚠ \(failing.environment): \(error)"
            buffer.put(DisplayWidth.truncate(text, to: buffer.width), x: 0, y: y, role: failing.health == .error ? .critical : .warn, clip: line)
            return
        }
        var x = 0
        for hint in view.hints {
            let width = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.text) + 3
            guard x + width <= buffer.width else { break }
            x += buffer.put(" \(hint.keys)", x: x, y: y, role: .accent, clip: line)
            x += buffer.put(" \(hint.text) ", x: x, y: y, role: .muted, clip: line)
        }
    }
}
