import FoundationEssentials
import AWSCore

extension LogsClient {
    /// One log group's retention (nil: never expires) and KMS key.
    public struct LogGroup: Equatable, Sendable {
        public var name: String
        public var retentionDays: Int?
        public var kmsKey: String?
    }

    /// DescribeLogGroups for the groups whose names start with `prefix`, following nextToken.
    public func groups(prefix: String) async throws -> [LogGroup] {
        try await source.paginate({ token in
            var body: [String: JSONValue] = ["logGroupNamePrefix": .string(prefix), "limit": .number(50)]
            if let token { body["nextToken"] = .string(token) }
            return APICall(.logs, "DescribeLogGroups", .json(.object(body)))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            guard let list = root["logGroups"]?.array else { throw AWSError.malformed(call, "no logGroups in the answer") }
            let groups = list.compactMap { item in
                item["logGroupName"]?.string.map { LogGroup(name: $0, retentionDays: item["retentionInDays"]?.double.map { Int(saturating: $0) }, kmsKey: item["kmsKeyId"]?.string) }
            }
            return (groups, root["nextToken"]?.string)
        })
    }
}
