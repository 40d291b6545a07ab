import AWSCore
/// A value read from a TOML document.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table([String: TOMLValue])
    /// A date, time or date-time, kept as its text; no setting takes one.
    case dateTime(String)

    public var string: String? { if case .string(let v) = self { v } else { nil } }
    public var integer: Int? { if case .integer(let v) = self { v } else { nil } }
    public var boolean: Bool? { if case .boolean(let v) = self { v } else { nil } }
    /// A float, or an integer read as one.
    public var number: Double? { if case .float(let v) = self { v } else if case .integer(let v) = self { Double(v) } else { nil } }
    public var array: [TOMLValue]? { if case .array(let v) = self { v } else { nil } }
    public var table: [String: TOMLValue]? { if case .table(let v) = self { v } else { nil } }

    /// The value at `key` of a table.
    public subscript(key: String) -> TOMLValue? { table?[key] }
}
