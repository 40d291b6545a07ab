import FoundationEssentials
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

extension DynamoDBClient {
    /// What DescribeTable, DescribeContinuousBackups and DescribeTimeToLive say of a table, as labelled settings.
    public func settings(of table: String) async throws -> [(label: String, value: String)] {
        Self.tableSettings(try await description(of: table))
    }

    /// DescribeTable's TableDescription.
    public func description(of table: String) async throws -> JSONValue {
        let call = APICall(.dynamoDB, "DescribeTable", .json(["TableName": .string(table)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        guard let description = root["Table"] else { throw AWSError.malformed(call, "no Table in the answer") }
        return description
    }

    /// Point-in-time recovery: "ENABLED" or "DISABLED" (DescribeContinuousBackups).
    public func pointInTimeRecovery(of table: String) async throws -> String {
        let call = APICall(.dynamoDB, "DescribeContinuousBackups", .json(["TableName": .string(table)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        return root["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"]?["PointInTimeRecoveryStatus"]?.string ?? "DISABLED"
    }

    /// Time to live: "ENABLED on expiresAt", or the status (DescribeTimeToLive).
    public func timeToLive(of table: String) async throws -> String {
        let call = APICall(.dynamoDB, "DescribeTimeToLive", .json(["TableName": .string(table)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        let ttl = root["TimeToLiveDescription"]
        let status = ttl?["TimeToLiveStatus"]?.string ?? "DISABLED"
        return ttl?["AttributeName"]?.string.map { "\(status) on \($0)" } ?? status
    }

    /// A TableDescription as labelled settings: keys, indexes, billing, capacity, stream, class and replicas.
    static func tableSettings(_ table: JSONValue) -> [(label: String, value: String)] {
        func keys(_ schema: JSONValue?) -> String {
            (schema?.array ?? []).map { "\($0["AttributeName"]?.string ?? "?") (\($0["KeyType"]?.string ?? "?"))" }.joined(separator: ", ")
        }
        var settings: [(label: String, value: String)] = [
            ("Status", table["TableStatus"]?.string ?? "unknown"), ("Key schema", keys(table["KeySchema"])),
            ("Billing mode", table["BillingModeSummary"]?["BillingMode"]?.string ?? "PROVISIONED"),
        ]
        if let read = table["ProvisionedThroughput"]?["ReadCapacityUnits"]?.double, let write = table["ProvisionedThroughput"]?["WriteCapacityUnits"]?.double, read + write > 0 {
            settings.append(("Provisioned", "\(Int(saturating: read)) RCU, \(Int(saturating: write)) WCU"))
        }
        for (label, list) in [("Global index", "GlobalSecondaryIndexes"), ("Local index", "LocalSecondaryIndexes")] {
            for index in table[list]?.array ?? [] { settings.append((label, "\(index["IndexName"]?.string ?? "?"): \(keys(index["KeySchema"]))")) }
        }
        let stream = table["StreamSpecification"]
        settings.append(("Stream", stream?["StreamEnabled"]?.bool == true ? (stream?["StreamViewType"]?.string ?? "enabled") : "off"))
        settings.append(("Table class", table["TableClassSummary"]?["TableClass"]?.string ?? "STANDARD"))
        if let items = table["ItemCount"]?.double { settings.append(("Items", String(Int(saturating: items)))) }
        let replicas = (table["Replicas"]?.array ?? []).map { "\($0["RegionName"]?.string ?? "?") \($0["ReplicaStatus"]?.string ?? "")" }
        settings.append(("Replicas", replicas.isEmpty ? "none" : replicas.joined(separator: ", ")))
        return settings
    }
}
