/// Sends HTTP requests; the live implementation is libcurl, tests may substitute canned responses.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns its response, or throws a `TransportError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A request that got no HTTP response at all.
public struct TransportError: Error, Equatable, CustomStringConvertible {
    /// What kind of failure, which decides whether a retry may help.
    public enum Kind: String, Sendable {
        case timeout, connection, tls, tooLarge, other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
