import Panels

/// What the event loop needs of a terminal: its size, input, drawing a buffer and colours for a theme. The ncurses
/// backend in the executable is the one real implementation; nothing in ConsoleCore touches a terminal library.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Maps each style role to the terminal's colours and attributes.
    func apply(_ theme: Theme)
    /// Forgets what is on screen so the next draw repaints everything (after a resize).
    func invalidate()
    /// Writes the cells of `buffer` that changed since the last draw.
    func draw(_ buffer: CellBuffer)
    /// The next key or resize, waiting at most `timeoutMs`.
    func read(timeoutMs: Int32) -> TerminalInput?
    /// Asks the terminal to put `text` on the clipboard (OSC 52, which terminals and tmux pass over SSH).
    func copy(_ text: String)
}

/// What one read from the terminal produced.
public enum TerminalInput: Equatable {
    case key(Key)
    case resize
}
