import FoundationEssentials
import AWSCore

/// Drift detection: start it, follow it, and read what drifted.
extension CloudFormationClient {
    /// Starts DetectStackDrift; returns the detection id.
    public func detectDrift(stack: String) async throws -> String {
        let call = APICall(.cloudFormation, "DetectStackDrift", .query([.init("StackName", stack)]))
        guard let id = try XMLTree.response(try await source.perform(call), for: call).at("DetectStackDriftResult", "StackDriftDetectionId")?.text else {
            throw AWSError.malformed(call, "no StackDriftDetectionId")
        }
        return id
    }

    /// Where a drift detection stands: DETECTION_IN_PROGRESS, DETECTION_COMPLETE or DETECTION_FAILED, and the stack's drift.
    public func driftDetection(_ id: String) async throws -> (status: String, drift: String?, drifted: Int?, reason: String?) {
        let call = APICall(.cloudFormation, "DescribeStackDriftDetectionStatus", .query([.init("StackDriftDetectionId", id)]))
        guard let result = try XMLTree.response(try await source.perform(call), for: call).child("DescribeStackDriftDetectionStatusResult"),
              let status = result.string("DetectionStatus") else {
            throw AWSError.malformed(call, "no DetectionStatus")
        }
        return (status, result.string("StackDriftStatus"), result.string("DriftedStackResourceCount").flatMap { Int($0) }, result.string("DetectionStatusReason"))
    }

    /// The resources of `stack` that were modified or deleted, with their property differences.
    public func resourceDrifts(stack: String) async throws -> [ResourceDrift] {
        try await source.paginate({ token in
            var parameters: [APICall.Parameter] = [.init("StackName", stack), .init("StackResourceDriftStatusFilters.member.1", "MODIFIED"), .init("StackResourceDriftStatusFilters.member.2", "DELETED")]
            if let token { parameters.append(.init("NextToken", token)) }
            return APICall(.cloudFormation, "DescribeStackResourceDrifts", .query(parameters))
        }, read: { try Self.parseResourceDrifts($0, call: $1) })
    }

    /// Reads one DescribeStackResourceDrifts page.
    static func parseResourceDrifts(_ body: Data, call: APICall) throws -> (items: [ResourceDrift], next: String?) {
        guard let result = try XMLTree.response(body, for: call).child("DescribeStackResourceDriftsResult") else {
            throw AWSError.malformed(call, "no DescribeStackResourceDriftsResult")
        }
        let drifts = result.members("StackResourceDrifts").map { member in
            ResourceDrift(
                logicalId: member.string("LogicalResourceId") ?? "?", physicalId: member.string("PhysicalResourceId"),
                type: member.string("ResourceType") ?? "?", status: member.string("StackResourceDriftStatus") ?? "?",
                differences: member.members("PropertyDifferences").map {
                    ResourceDrift.PropertyDifference(path: $0.string("PropertyPath") ?? "?", expected: $0.string("ExpectedValue") ?? "",
                                                     actual: $0.string("ActualValue") ?? "", kind: $0.string("DifferenceType") ?? "")
                })
        }
        return (drifts, result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Starts DetectStackSetDrift; returns the operation id.
    public func detectStackSetDrift(_ name: String) async throws -> String {
        let call = APICall(.cloudFormation, "DetectStackSetDrift", .query([.init("StackSetName", name)]))
        guard let id = try XMLTree.response(try await source.perform(call), for: call).at("DetectStackSetDriftResult", "OperationId")?.text else {
            throw AWSError.malformed(call, "no OperationId")
        }
        return id
    }

    /// A StackSet operation's status (RUNNING, SUCCEEDED, FAILED, STOPPED ...) and its drift summary when it has one.
    public func stackSetOperation(_ name: String, id: String) async throws -> (status: String, drift: String?) {
        let call = APICall(.cloudFormation, "DescribeStackSetOperation", .query([.init("StackSetName", name), .init("OperationId", id)]))
        guard let operation = try XMLTree.response(try await source.perform(call), for: call).at("DescribeStackSetOperationResult", "StackSetOperation"),
              let status = operation.string("Status") else {
            throw AWSError.malformed(call, "no StackSetOperation Status")
        }
        return (status, operation.at("StackSetDriftDetectionDetails", "DriftStatus")?.text)
    }
}
