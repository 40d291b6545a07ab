import FoundationEssentials
import AWSCore

extension CloudFormationClient {
    /// What DescribeStacks says of one stack beyond its status: parameters, outputs, drift and description.
    public struct StackDetail: Equatable, Sendable {
        public var status: String
        public var reason: String?
        public var description: String?
        public var drift: String?
        public var parameters: [(key: String, value: String)]
        public var outputs: [(key: String, value: String)]

        public static func == (a: StackDetail, b: StackDetail) -> Bool {
            a.status == b.status && a.parameters.map(\.value) == b.parameters.map(\.value) && a.outputs.map(\.value) == b.outputs.map(\.value)
        }
    }

    /// DescribeStacks for `stack`.
    public func detail(of stack: String) async throws -> StackDetail {
        let call = APICall(.cloudFormation, "DescribeStacks", .query([.init("StackName", stack)]))
        let root = try XMLTree.response(try await source.perform(call), for: call)
        guard let member = root.child("DescribeStacksResult")?.members("Stacks").first, let detail = Self.detail(member) else {
            throw AWSError.malformed(call, "no stack in the answer")
        }
        return detail
    }

    /// A DescribeStacks member as a detail; nil without a status.
    static func detail(_ member: XMLTree) -> StackDetail? {
        guard let status = member.string("StackStatus") else { return nil }
        func pairs(_ list: String, _ key: String, _ value: String) -> [(key: String, value: String)] {
            member.members(list).map { ($0.string(key) ?? "", $0.string(value) ?? "") }
        }
        return StackDetail(status: status, reason: member.string("StackStatusReason"), description: member.string("Description"),
                           drift: member.child("DriftInformation")?.string("StackDriftStatus"),
                           parameters: pairs("Parameters", "ParameterKey", "ParameterValue"), outputs: pairs("Outputs", "OutputKey", "OutputValue"))
    }

    /// One stack event: when, which resource, its status and reason.
    public struct StackEvent: Equatable, Sendable {
        public var time: Date
        public var logicalId: String
        public var status: String
        public var reason: String?
    }

    /// The newest `limit` events of `stack` (the first page of DescribeStackEvents, newest first).
    public func events(of stack: String, limit: Int = 10) async throws -> [StackEvent] {
        let call = APICall(.cloudFormation, "DescribeStackEvents", .query([.init("StackName", stack)]))
        let root = try XMLTree.response(try await source.perform(call), for: call)
        guard let result = root.child("DescribeStackEventsResult") else { throw AWSError.malformed(call, "no DescribeStackEventsResult") }
        return result.members("StackEvents").prefix(limit).map {
            StackEvent(time: $0.string("Timestamp").flatMap(AWSDate.parse) ?? .distantPast, logicalId: $0.string("LogicalResourceId") ?? "",
                       status: $0.string("ResourceStatus") ?? "", reason: $0.string("ResourceStatusReason"))
        }
    }
}
