import Foundation

/// AWS CloudFormation over the query protocol: stacks and StackSets with their drift status.
public struct CloudFormationClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// Every stack (all pages of DescribeStacks), labelled with `environment`.
    public func stacks(environment: String) async throws -> [StackSummary] {
        var stacks: [StackSummary] = []
        var token: String?
        repeat {
            let call = APICall(.cloudFormation, "DescribeStacks", .query(token.map { [.init("NextToken", $0)] } ?? []))
            let page = try Self.parseStacks(try await source.perform(call), environment: environment, call: call)
            stacks += page.stacks
            token = page.next
        } while token != nil
        return stacks
    }

    /// Active StackSets (all pages of ListStackSets) as stack rows marked `isStackSet`.
    public func stackSets(environment: String) async throws -> [StackSummary] {
        var sets: [StackSummary] = []
        var token: String?
        repeat {
            var parameters = [APICall.Parameter("Status", "ACTIVE")]
            if let token { parameters.append(.init("NextToken", token)) }
            let call = APICall(.cloudFormation, "ListStackSets", .query(parameters))
            let root = try XMLTree.response(try await source.perform(call), for: call)
            guard let result = root.child("ListStackSetsResult") else { throw AWSError.malformed(call, "no ListStackSetsResult") }
            for member in result.members("Summaries") {
                guard let name = member.string("StackSetName") else { continue }
                sets.append(StackSummary(
                    environment: environment, name: name, status: member.string("Status") ?? "ACTIVE",
                    drift: StackSummary.DriftStatus(rawValue: member.string("DriftStatus") ?? "") ?? .notChecked,
                    lastUpdated: member.string("LastDriftCheckTimestamp").flatMap(AWSDate.parse) ?? .distantPast, isStackSet: true))
            }
            token = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return sets
    }

    /// Reads one DescribeStacks page.
    static func parseStacks(_ body: Data, environment: String, call: APICall) throws -> (stacks: [StackSummary], next: String?) {
        let root = try XMLTree.response(body, for: call)
        guard let result = root.child("DescribeStacksResult") else { throw AWSError.malformed(call, "no DescribeStacksResult") }
        let stacks = try result.members("Stacks").map { member in
            guard let name = member.string("StackName"), let status = member.string("StackStatus") else {
                throw AWSError.malformed(call, "a stack has no StackName or StackStatus")
            }
            let updated = member.string("LastUpdatedTime") ?? member.string("CreationTime")
            return StackSummary(
                environment: environment, name: name, status: status,
                drift: StackSummary.DriftStatus(rawValue: member.at("DriftInformation", "StackDriftStatus")?.text ?? "") ?? .notChecked,
                lastUpdated: updated.flatMap(AWSDate.parse) ?? .distantPast, statusReason: member.string("StackStatusReason"))
        }
        return (stacks, result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 })
    }
}
