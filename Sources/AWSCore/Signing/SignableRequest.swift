import FoundationEssentials

/// An HTTP request as SigV4 sees it: method, raw path and query, headers in order (repeats allowed), body.
public struct SignableRequest: Equatable, Sendable {
    public var method: String
    public var path: String
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public static func == (a: SignableRequest, b: SignableRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.query == b.query && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}
