import Foundation
import AWSCore

/// Amazon DynamoDB over JSON 1.0: a table's global-table replicas.
public struct DynamoDBClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// The regions `table`'s global-table replicas are in, its own region left out (DescribeTable's `Replicas`).
    public func replicaRegions(of table: String, region: String) async throws -> [String] {
        let call = APICall(.dynamoDB, "DescribeTable", .json(["TableName": .string(table)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        guard let description = root["Table"] else { throw AWSError.malformed(call, "no Table in the answer") }
        return (description["Replicas"]?.array ?? []).compactMap { $0["RegionName"]?.string }.filter { $0 != region }
    }
}
