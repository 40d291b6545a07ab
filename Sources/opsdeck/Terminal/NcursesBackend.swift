import CNCurses
import FoundationEssentials
import Glibc
import Panels
import AWSCore
import Telemetry
import Recording
import Demo
import ConsoleCore

/// The only code that talks to ncurses: it owns the screen, colour pairs and input, and writes only changed cells.
final class NcursesBackend: TerminalBackend {
    private var previous: CellBuffer?
    private var attributes: [attr_t]
    private(set) var colors: Int = 0
    private var isOpen = false

    /// Takes over the terminal: raw keys, no echo, hidden cursor, colours if any.
    init() {
        if setlocale(LC_ALL, "") == nil || !String(cString: nl_langinfo(Int32(CODESET))).uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        opsdeck_install_crash_handlers()
        initscr()
        isOpen = true
        raw()
        noecho()
        keypad(opsdeck_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        attributes = Array(repeating: opsdeck_a_normal(), count: StyleRole.allCases.count)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            colors = Int(opsdeck_colors())
        }
    }

    deinit { close() }

    /// Gives the terminal back as it was.
    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }

    /// Columns and rows of the screen.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(opsdeck_stdscr())), Int(getmaxy(opsdeck_stdscr())))
    }

    /// Maps every role of `theme` to a colour pair and attributes for this terminal; the next draw repaints everything.
    func apply(_ theme: Theme) {
        for role in StyleRole.allCases {
            let style = theme[role]
            var attr = opsdeck_a_normal()
            if colors >= 8 {
                let pair = Int32(role.rawValue + 1)
                init_pair(Int16(pair), Int16(style.foreground.resolved(forColors: colors)), Int16(style.background.resolved(forColors: colors)))
                attr |= opsdeck_color_pair(pair)
                if style.bold { attr |= opsdeck_a_bold() }
                if style.dim { attr |= opsdeck_a_dim() }
                if style.underline { attr |= opsdeck_a_underline() }
                if style.reverse { attr |= opsdeck_a_reverse() }
            } else {
                for flag in style.mono { attr |= Self.attribute(flag) }
            }
            attributes[role.rawValue] = attr
        }
        previous = nil
    }

    private static func attribute(_ flag: RoleStyle.Attribute) -> attr_t {
        switch flag {
        case .bold: return opsdeck_a_bold()
        case .dim: return opsdeck_a_dim()
        case .underline: return opsdeck_a_underline()
        case .reverse: return opsdeck_a_reverse()
        }
    }

    /// Forgets what is on screen, so the next draw repaints it all (after a resize).
    func invalidate() {
        previous = nil
    }

    /// Writes the cells that differ from the last frame, in runs of one role, then refreshes.
    func draw(_ buffer: CellBuffer) {
        let window = opsdeck_stdscr()
        let repaint = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if repaint { werase(window) }
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                guard repaint || buffer[x, y] != previous![x, y] else {
                    x += 1
                    continue
                }
                if buffer[x, y].width == 0, x > 0 { x -= 1 }
                let role = buffer[x, y].role
                let start = x
                var run = ""
                while x < buffer.width, buffer[x, y].role == role, repaint || buffer[x, y] != previous![x, y] || buffer[x, y].width == 0 {
                    if buffer[x, y].width > 0 { run.append(buffer[x, y].grapheme) }
                    x += 1
                }
                if x == start {
                    x += 1
                    continue
                }
                wattrset(window, Int32(bitPattern: UInt32(truncatingIfNeeded: attributes[role.rawValue])))
                _ = mvwaddstr(window, Int32(y), Int32(start), run)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Writes OSC 52 (set the clipboard selection to base64 `text`) past ncurses, which has flushed by now; terminals
    /// and tmux (`set-clipboard on`) take it, also over SSH.
    func copy(_ text: String) {
        let sequence = "\u{1b}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        _ = sequence.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Waits up to `timeoutMs` for a key or resize; nil when none came.
    func read(timeoutMs: Int32) -> TerminalInput? {
        let window = opsdeck_stdscr()
        wtimeout(window, timeoutMs)
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case KEY_CODE_YES: return KeyDecoder.function(Int32(code))
        case OK: return KeyDecoder.character(UInt32(code))
        default: return nil
        }
    }
}
