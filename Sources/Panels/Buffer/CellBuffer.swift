import AWSCore
import Telemetry
/// A grid of cells that panels draw into; the terminal backend copies the changed cells to the screen.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Whether (x, y) lies inside both the buffer and `clip`.
    private func contains(_ x: Int, _ y: Int, _ clip: Rect) -> Bool {
        x >= max(0, clip.x) && x < min(width, clip.maxX) && y >= max(0, clip.y) && y < min(height, clip.maxY)
    }

    /// Fills `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        for y in max(0, rect.y)..<max(max(0, rect.y), min(height, rect.maxY)) {
            for x in max(0, rect.x)..<max(max(0, rect.x), min(width, rect.maxX)) { self[x, y] = cell }
        }
    }

    /// Writes `text` at (x, y) in `role`, clipped to `clip`; returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        let clip = clip ?? area
        var column = x
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            guard contains(column, y, clip) else { break }
            if w == 2 {
                guard contains(column + 1, y, clip) else {
                    self[column, y] = .blank(role)
                    column += 1
                    break
                }
                self[column, y] = Cell(grapheme, width: 2, role: role)
                self[column + 1, y] = .continuation(role)
            } else {
                self[column, y] = Cell(grapheme, width: 1, role: role)
            }
            column += w
        }
        return column - x
    }

    /// Changes the role of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<max(max(0, rect.y), min(height, rect.maxY)) {
            for x in max(0, rect.x)..<max(max(0, rect.x), min(width, rect.maxX)) { self[x, y].role = role }
        }
    }

    /// The text of row `y`, continuation cells skipped.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width where self[x, y].width > 0 { out.append(self[x, y].grapheme) }
        return out
    }

    /// The whole buffer as text, one line per row.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
