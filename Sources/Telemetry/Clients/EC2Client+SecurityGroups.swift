import FoundationEssentials
import AWSCore

extension EC2Client {
    /// A security group: its id, name and the ingress rules open to every address.
    public struct SecurityGroup: Equatable, Sendable {
        public var id: String
        public var name: String
        /// "tcp 22 from 0.0.0.0/0" for each ingress rule from 0.0.0.0/0 or ::/0.
        public var openIngress: [String]
    }

    /// DescribeSecurityGroups for `ids` (GroupId.N), following NextToken.
    public func securityGroups(_ ids: [String]) async throws -> [SecurityGroup] {
        let named = ids.enumerated().map { APICall.Parameter("GroupId.\($0.offset + 1)", $0.element) }
        return try await source.paginate({ token in
            APICall(.ec2, "DescribeSecurityGroups", .query(named + (token.map { [.init("NextToken", $0)] } ?? [])))
        }, read: { body, call in
            let root = try XMLTree.response(body, for: call)
            guard root.name == "DescribeSecurityGroupsResponse" else { throw AWSError.malformed(call, "expected <DescribeSecurityGroupsResponse>, got <\(root.name)>") }
            let groups = (root.child("securityGroupInfo")?.all("item") ?? []).map { group in
                SecurityGroup(id: group.string("groupId") ?? "?", name: group.string("groupName") ?? "?", openIngress: Self.openIngress(group))
            }
            return (groups, root.string("nextToken"))
        })
    }

    /// The ingress permissions of a group item that admit every IPv4 or IPv6 address.
    static func openIngress(_ group: XMLTree) -> [String] {
        (group.child("ipPermissions")?.all("item") ?? []).flatMap { permission -> [String] in
            let proto = permission.string("ipProtocol") ?? "?"
            let from = permission.string("fromPort"), to = permission.string("toPort")
            let ports = proto == "-1" ? "all traffic" : "\(proto) \(from == to ? from ?? "all" : "\(from ?? "?")-\(to ?? "?")")"
            let v4 = (permission.child("ipRanges")?.all("item") ?? []).compactMap { $0.string("cidrIp") }.filter { $0 == "0.0.0.0/0" }
            let v6 = (permission.child("ipv6Ranges")?.all("item") ?? []).compactMap { $0.string("cidrIpv6") }.filter { $0 == "::/0" }
            return (v4 + v6).map { "\(ports) from \($0)" }
        }
    }
}
