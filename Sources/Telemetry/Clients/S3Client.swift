import FoundationEssentials
import AWSCore

/// Amazon S3 over REST-XML: a bucket's replication rules.
public struct S3Client: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// One enabled replication rule: its id, and the destination bucket and account.
    public struct ReplicationRule: Equatable, Sendable {
        public var id: String
        public var destinationBucket: String
        public var destinationAccount: String?
    }

    /// `bucket`'s enabled replication rules (GetBucketReplication); none when the bucket has no replication configuration.
    public func replication(of bucket: String) async throws -> [ReplicationRule] {
        let call = APICall(.s3, "GetBucketReplication", .rest(method: "GET", path: "/\(PercentEncoding.encode(bucket))", query: "replication"))
        let body: Data
        do {
            body = try await source.perform(call)
        } catch let error as AWSError where error.code == "ReplicationConfigurationNotFoundError" {
            return []
        }
        return try Self.parseReplication(body, call: call)
    }

    /// Reads a ReplicationConfiguration document.
    static func parseReplication(_ body: Data, call: APICall) throws -> [ReplicationRule] {
        let root: XMLTree
        do { root = try XMLReader.parse(body) } catch { throw AWSError.malformed(call, "the answer is not XML") }
        guard root.name == "ReplicationConfiguration" else { throw AWSError.malformed(call, "no ReplicationConfiguration") }
        return root.children.filter { $0.name == "Rule" && $0.string("Status") != "Disabled" }.compactMap { rule in
            guard let destination = rule.child("Destination"), let arn = destination.string("Bucket") else { return nil }
            let name = arn.hasPrefix("arn:") ? String(arn.split(separator: ":", omittingEmptySubsequences: false).last ?? "") : arn
            return ReplicationRule(id: rule.string("ID") ?? "", destinationBucket: name, destinationAccount: destination.string("Account"))
        }
    }
}
