import AWSCore
import Telemetry
/// One terminal cell: a grapheme, how many columns it spans, and the role it is drawn in.
public struct Cell: Equatable, Sendable {
    /// The grapheme shown; a wide grapheme's second column holds a continuation cell.
    public var grapheme: Character
    /// Columns the grapheme occupies: 1, 2, or 0 for the continuation of a wide grapheme.
    public var width: UInt8
    public var role: StyleRole

    public init(_ grapheme: Character = " ", width: UInt8 = 1, role: StyleRole = .text) {
        self.grapheme = grapheme
        self.width = width
        self.role = role
    }

    /// A blank cell in `role`.
    public static func blank(_ role: StyleRole = .text) -> Cell { Cell(" ", width: 1, role: role) }

    /// The right half of a wide grapheme.
    public static func continuation(_ role: StyleRole) -> Cell { Cell(" ", width: 0, role: role) }
}
