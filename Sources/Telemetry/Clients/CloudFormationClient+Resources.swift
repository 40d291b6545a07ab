import FoundationEssentials
import AWSCore

extension CloudFormationClient {
    /// One resource of a stack, as ListStackResources lists it.
    public struct StackResource: Equatable, Sendable {
        public var type: String
        public var logicalId: String
        public var physicalId: String
    }

    /// Every resource of `stack` that exists (all pages of ListStackResources; deleted ones left out).
    public func resources(of stack: String) async throws -> [StackResource] {
        try await pages("ListStackResources", [.init("StackName", stack)], list: "StackResourceSummaries").compactMap { member in
            guard let type = member.string("ResourceType"), let physical = member.string("PhysicalResourceId"), !physical.isEmpty,
                  member.string("ResourceStatus") != "DELETE_COMPLETE" else { return nil }
            return StackResource(type: type, logicalId: member.string("LogicalResourceId") ?? "", physicalId: physical)
        }
    }
}
