import FoundationEssentials

/// One AWS API operation with its input, independent of account, endpoint and credentials.
public struct APICall: Sendable, Equatable {
    /// The operation's input in the service's wire shape.
    public enum Input: Sendable, Equatable {
        /// Query-protocol parameters in order (`Action` and `Version` are added when sent).
        case query([Parameter])
        /// A JSON-protocol body.
        case json(JSONValue)
        /// A REST request without a body (S3, Lambda): method, path below the endpoint, and raw query ("replication").
        case rest(method: String, path: String, query: String)
    }

    /// A query-protocol name/value pair.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var service: AWSService
    public var operation: String
    public var input: Input

    public init(_ service: AWSService, _ operation: String, _ input: Input) {
        self.service = service
        self.operation = operation
        self.input = input
    }

    /// The HTTP body and extra headers this call is sent with.
    public var wireBody: (body: Data, headers: [(name: String, value: String)]) {
        switch (service.wire, input) {
        case (.query(let version), .query(let parameters)):
            let all = [Parameter("Action", operation), Parameter("Version", version)] + parameters
            let form = all.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
            return (Data(form.utf8), [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        case (.json(let version, let prefix), .json(let body)):
            return (body.encoded, [("Content-Type", "application/x-amz-json-\(version)"), ("X-Amz-Target", "\(prefix).\(operation)")])
        case (.restXML, .rest), (.restJSON, .rest):
            return (Data(), [])
        case (.query, _), (.json, _), (.restJSON, _), (.restXML, _):
            preconditionFailure("\(service) \(operation): input shape does not match the service protocol")
        }
    }

    /// The parameters in a stable text form, for recordings and duplicate detection.
    public var canonicalParameters: String {
        switch input {
        case .query(let parameters): parameters.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        case .json(let body): String(decoding: body.encoded, as: UTF8.self)
        case .rest(let method, let path, let query): "\(method) \(path)?\(query)"
        }
    }
}
