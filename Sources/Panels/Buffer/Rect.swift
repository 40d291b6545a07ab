import AWSCore
import Telemetry
/// A rectangle of cells: origin at the top-left, sizes never negative.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect {
        Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by)
    }

    /// Rows `from` (inclusive) to the end, relative to the top.
    public func rows(from: Int, count: Int? = nil) -> Rect {
        let top = min(from, height)
        return Rect(x: x, y: y + top, width: width, height: min(count ?? height, height - top))
    }

    /// Splits the width by weights, the last part taking what rounding leaves.
    public func columns(_ weights: [Int]) -> [Rect] {
        split(total: width, weights: weights).map { Rect(x: x + $0.start, y: y, width: $0.size, height: height) }
    }

    /// Splits the height by weights, the last part taking what rounding leaves.
    public func stacked(_ weights: [Int]) -> [Rect] {
        split(total: height, weights: weights).map { Rect(x: x, y: y + $0.start, width: width, height: $0.size) }
    }

    /// A rectangle of the given size centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    private func split(total: Int, weights: [Int]) -> [(start: Int, size: Int)] {
        let sum = max(1, weights.reduce(0, +))
        var start = 0
        return weights.enumerated().map { index, weight in
            let size = index == weights.count - 1 ? total - start : total * weight / sum
            defer { start += size }
            return (start, size)
        }
    }
}
