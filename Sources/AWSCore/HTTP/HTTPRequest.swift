import FoundationEssentials

/// An HTTP request ready to send: absolute URL, method, headers in order, body.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// What the request does, as "service Operation" (e.g. "sts AssumeRole"), for counting what reaches the wire.
    public var operation: String

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data(), operation: String = "") {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.operation = operation
    }
}
