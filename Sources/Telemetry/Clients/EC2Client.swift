import FoundationEssentials
import AWSCore

/// Amazon EC2 over its query protocol: VPC peering connections and flow-log definitions.
public struct EC2Client: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// A flow log delivered to CloudWatch Logs, with the record format it writes.
    public struct FlowLog: Sendable, Equatable {
        public var id: String
        public var resourceId: String
        public var logGroup: String
        public var format: String?
    }

    /// Peering connections (all pages), labelled with `environment`.
    public func peerings(environment: String) async throws -> [PeeringLink] {
        try await pages("DescribeVpcPeeringConnections", list: "vpcPeeringConnectionSet").map { item in
            PeeringLink(
                environment: environment, id: item.string("vpcPeeringConnectionId") ?? "?",
                requester: Self.side(item.child("requesterVpcInfo")), accepter: Self.side(item.child("accepterVpcInfo")),
                status: item.at("status", "code")?.text ?? "unknown", message: item.at("status", "message")?.text)
        }
    }

    /// Active flow logs that deliver to CloudWatch Logs.
    public func flowLogs() async throws -> [FlowLog] {
        try await pages("DescribeFlowLogs", list: "flowLogSet").compactMap { item in
            guard item.string("logDestinationType") ?? "cloud-watch-logs" == "cloud-watch-logs", let group = item.string("logGroupName") else { return nil }
            return FlowLog(id: item.string("flowLogId") ?? "?", resourceId: item.string("resourceId") ?? "?", logGroup: group, format: item.string("logFormat"))
        }
    }

    /// `vpc-id (account, region)` for one side of a peering.
    static func side(_ info: XMLTree?) -> String {
        guard let info else { return "?" }
        let where_ = [info.string("ownerId"), info.string("region")].compactMap { $0 }.joined(separator: " ")
        return "\(info.string("vpcId") ?? "?")\(where_.isEmpty ? "" : " (\(where_))")"
    }

    /// The `<item>`s of a list across every page.
    private func pages(_ operation: String, list: String) async throws -> [XMLTree] {
        try await source.paginate({ token in
            APICall(.ec2, operation, .query(token.map { [.init("NextToken", $0)] } ?? []))
        }, read: { body, call in
            let root = try XMLTree.response(body, for: call)
            guard root.name == "\(operation)Response" else { throw AWSError.malformed(call, "expected <\(operation)Response>, got <\(root.name)>") }
            return (root.child(list)?.all("item") ?? [], root.string("nextToken"))
        })
    }
}
