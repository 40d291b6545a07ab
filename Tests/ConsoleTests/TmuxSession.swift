import Foundation

/// A detached tmux session running one command, driven by send-keys and read by capture-pane.
struct TmuxSession {
    let name: String
    let socket: String

    /// The built `opsdeck` binary beside the test bundle.
    static var opsdeck: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("opsdeck").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("opsdeck").path
    }

    /// Starts `command` in a `width`x`height` session; the pane stays after the command exits so its output can be read.
    init(width: Int, height: Int, command: String) throws {
        name = "opsdeck-test-\(UUID().uuidString.prefix(8))"
        // One tmux server per session: a shared server exits when its last session ends, racing other tests.
        socket = "opsdeck-tests-\(getpid())-\(name)"
        try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                       "env", "-u", "NO_COLOR", "TERM=xterm-256color", "LANG=C.UTF-8", "sh", "-c", "\(command); echo \"[exit $?]\"; sleep 60"])
        try Self.tmux(["-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Runs tmux with `arguments`, returning what it printed.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let (status, output) = try Spawn.run(["tmux"] + arguments)
        guard status == 0 else { throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed: \(output)") }
        return output
    }

    /// Types keys as tmux names them ("Tab", "Escape", "j", ...).
    func send(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", name] + keys)
    }

    /// The screen as text; with `escapes`, including the colour and attribute sequences.
    func screen(escapes: Bool = false) throws -> String {
        try Self.tmux(["-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name])
    }

    /// Focuses panel `panel` and keeps the filter `text` on it (typed, then Enter).
    func filter(panel: String, _ text: String) throws {
        try send(panel, "/")
        try send(text)
        try send("Enter")
    }

    /// Quits the console with q and waits for it to exit cleanly.
    func quit() throws {
        try send("q")
        try waitFor { $0.contains("[exit 0]") }
    }

    /// Waits up to `timeout` seconds for the screen to satisfy `condition` on two captures 100 ms apart; returns the second.
    ///
    /// One capture can land while a frame is half written (its title new, its body old); the second sees the frame whole.
    @discardableResult
    func waitFor(_ timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var held = false
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                if held { return last }
                held = true
            } else {
                held = false
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError(description: "timed out; screen was:\n\(last)")
    }

    /// The pid of the process running in the pane's shell's child, found by name.
    func pid(of command: String) throws -> Int32 {
        let shell = try Self.tmux(["-L", socket, "display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        for child in children.split(separator: " ") {
            let comm = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? ""
            if comm.hasPrefix(command) { return Int32(child)! }
        }
        throw TmuxError(description: "no \(command) process under the pane")
    }

    func kill() {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}
