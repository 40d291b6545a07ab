import FoundationEssentials
import AWSCore

/// The Resource Groups Tagging API over JSON 1.1: the Lambda functions, DynamoDB tables and S3 buckets carrying tags.
public struct TaggingClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// The ARNs of every function, table and bucket whose tags include all of `tags` (all pages of GetResources).
    public func resources(tagged tags: [String: String]) async throws -> [String] {
        let filters = JSONValue.array(tags.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Values": [.string($0.value)]] })
        return try await source.paginate({ token in
            var body: [String: JSONValue] = ["TagFilters": filters, "ResourceTypeFilters": ["lambda:function", "dynamodb:table", "s3:bucket", "ec2:security-group"]]
            if let token { body["PaginationToken"] = .string(token) }
            return APICall(.tagging, "GetResources", .json(.object(body)))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            return ((root["ResourceTagMappingList"]?.array ?? []).compactMap { $0["ResourceARN"]?.string }, root["PaginationToken"]?.string)
        })
    }

    /// The resource an ARN names, by kind: ("function", name), ("table", name) or ("bucket", name).
    public static func resource(_ arn: String) -> (kind: String, name: String)? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        switch parts[2] {
        case "lambda": return parts[5].hasPrefix("function:") ? ("function", String(parts[5].dropFirst(9)).split(separator: ":").first.map(String.init) ?? "") : nil
        case "dynamodb": return parts[5].hasPrefix("table/") ? ("table", String(parts[5].dropFirst(6))) : nil
        case "s3": return parts[5].isEmpty || parts[5].contains("/") ? nil : ("bucket", parts[5])
        case "ec2": return parts[5].hasPrefix("security-group/") ? ("security-group", String(parts[5].dropFirst(15))) : nil
        default: return nil
        }
    }
}
