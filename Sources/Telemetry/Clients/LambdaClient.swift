import FoundationEssentials
import AWSCore

/// AWS Lambda over REST-JSON: a function's configuration and its event sources, for the detail view.
public struct LambdaClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// What GetFunctionConfiguration says of a function; environment variables by name only, never their values.
    public struct Configuration: Equatable, Sendable {
        public var runtime: String?
        public var architectures: [String]
        public var memoryMB: Int?
        public var timeoutSeconds: Int?
        public var handler: String?
        public var lastModified: String?
        public var codeSize: Int?
        public var environmentNames: [String]
        public var kmsKey: String?
        public var state: String?
        public var layers: [String]
    }

    /// GetFunctionConfiguration.
    public func configuration(of function: String) async throws -> Configuration {
        let call = APICall(.lambda, "GetFunctionConfiguration", .rest(method: "GET", path: "/2015-03-31/functions/\(PercentEncoding.encode(function))/configuration", query: ""))
        return try Self.parseConfiguration(try await source.perform(call), call: call)
    }

    /// Reads a FunctionConfiguration document.
    static func parseConfiguration(_ body: Data, call: APICall) throws -> Configuration {
        let root = try JSONValue.parse(body, for: call)
        guard root["FunctionName"]?.string != nil else { throw AWSError.malformed(call, "no FunctionName in the answer") }
        let variables = root["Environment"]?["Variables"]?.object ?? [:]
        return Configuration(
            runtime: root["Runtime"]?.string, architectures: (root["Architectures"]?.array ?? []).compactMap(\.string),
            memoryMB: root["MemorySize"]?.double.map { Int(saturating: $0) }, timeoutSeconds: root["Timeout"]?.double.map { Int(saturating: $0) },
            handler: root["Handler"]?.string, lastModified: root["LastModified"]?.string, codeSize: root["CodeSize"]?.double.map { Int(saturating: $0) },
            environmentNames: variables.keys.sorted(), kmsKey: root["KMSKeyArn"]?.string, state: root["State"]?.string,
            layers: (root["Layers"]?.array ?? []).compactMap { $0["Arn"]?.string })
    }

    /// GetFunctionConcurrency: the reserved concurrency, nil when the function has none.
    public func reservedConcurrency(of function: String) async throws -> Int? {
        let call = APICall(.lambda, "GetFunctionConcurrency", .rest(method: "GET", path: "/2019-09-30/functions/\(PercentEncoding.encode(function))/concurrency", query: ""))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        return root["ReservedConcurrentExecutions"]?.double.map { Int(saturating: $0) }
    }

    /// One event source mapping: the source's ARN and its state.
    public struct EventSource: Equatable, Sendable {
        public var sourceArn: String
        public var state: String
    }

    /// ListEventSourceMappings for a function, following NextMarker.
    public func eventSources(of function: String) async throws -> [EventSource] {
        try await source.paginate({ marker in
            var query = "FunctionName=\(PercentEncoding.encode(function))"
            if let marker { query += "&Marker=\(PercentEncoding.encode(marker))" }
            return APICall(.lambda, "ListEventSourceMappings", .rest(method: "GET", path: "/2015-03-31/event-source-mappings/", query: query))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            let items = (root["EventSourceMappings"]?.array ?? []).map {
                EventSource(sourceArn: $0["EventSourceArn"]?.string ?? "(unknown source)", state: $0["State"]?.string ?? "")
            }
            return (items, root["NextMarker"]?.string)
        })
    }
}
