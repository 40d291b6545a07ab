import CNCurses
import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import Demo
import Panels
import ConsoleCore

/// Why the console cannot start on this terminal.
struct TerminalUnusable: Error, CustomStringConvertible {
    var description: String
}

/// Checks, before ncurses takes over, that stdin and stdout are a terminal ncurses can drive.
enum TerminalCheck {
    static func verify(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw TerminalUnusable(description: "standard input and output must be a terminal (try `opsdeck snapshot` for headless output)")
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalUnusable(description: "TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color")
        }
        switch opsdeck_check_terminal(term) {
        case 0: return
        case -3: throw TerminalUnusable(description: "terminal type '\(term)' cannot position the cursor; opsdeck needs a full-screen terminal (e.g. TERM=xterm-256color)")
        default: throw TerminalUnusable(description: "terminal type '\(term)' is not in the terminfo database; set TERM to a known type, e.g. xterm-256color")
        }
    }
}
