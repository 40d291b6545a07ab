/// One element of an XML document: its local name (namespace prefix dropped), attributes, child elements and text.
public struct XMLTree: Equatable, Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLTree]
    public var text: String

    public init(name: String, attributes: [String: String] = [:], children: [XMLTree] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element called `name`.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child element called `name`.
    public func all(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The element reached by following child names in order.
    public func at(_ path: String...) -> XMLTree? {
        path.reduce(Optional(self)) { node, name in node?.child(name) }
    }

    /// The trimmed text of the child called `name`, if present.
    public func string(_ name: String) -> String? { child(name)?.text }

    /// The `<member>` items of the list element called `name` (the AWS query protocol's list encoding).
    public func members(_ name: String) -> [XMLTree] { child(name)?.all("member") ?? [] }
}
