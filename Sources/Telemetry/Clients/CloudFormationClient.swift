import FoundationEssentials
import AWSCore

/// AWS CloudFormation over the query protocol: stacks and StackSets with their drift status.
public struct CloudFormationClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// Every stack (all pages of DescribeStacks), labelled with `environment`.
    public func stacks(environment: String) async throws -> [StackSummary] {
        try await source.paginate({ token in
            APICall(.cloudFormation, "DescribeStacks", .query(token.map { [.init("NextToken", $0)] } ?? []))
        }, read: { try Self.parseStacks($0, environment: environment, call: $1) })
    }

    /// Active StackSets (all pages of ListStackSets), one row per instance in `account` (ListStackInstances) with its
    /// status, drift and reason, or one row with the set's own status when it has no instance there.
    public func stackSets(environment: String, account: String) async throws -> [StackSummary] {
        var rows: [StackSummary] = []
        for set in try await pages("ListStackSets", [.init("Status", "ACTIVE")], list: "Summaries") {
            guard let name = set.string("StackSetName") else { continue }
            let instances = try await pages("ListStackInstances", [.init("StackSetName", name)], list: "Summaries").filter { ($0.string("Account") ?? account) == account }
            if instances.isEmpty {
                rows.append(StackSummary(
                    environment: environment, name: name, status: set.string("Status") ?? "ACTIVE",
                    drift: StackSummary.DriftStatus(rawValue: set.string("DriftStatus") ?? "") ?? .notChecked,
                    lastUpdated: set.string("LastDriftCheckTimestamp").flatMap(AWSDate.parse) ?? .distantPast, isStackSet: true))
            }
            for instance in instances {
                rows.append(StackSummary(
                    environment: environment, name: name, status: instance.string("Status") ?? "UNKNOWN",
                    drift: StackSummary.DriftStatus(rawValue: instance.string("DriftStatus") ?? "") ?? .notChecked,
                    lastUpdated: instance.string("LastDriftCheckTimestamp").flatMap(AWSDate.parse) ?? .distantPast, isStackSet: true,
                    statusReason: instance.string("StatusReason")))
            }
        }
        return rows
    }

    /// The `<member>`s of a list in every page of a paginated operation.
    func pages(_ operation: String, _ parameters: [APICall.Parameter], list: String) async throws -> [XMLTree] {
        try await source.paginate({ token in
            APICall(.cloudFormation, operation, .query(parameters + (token.map { [.init("NextToken", $0)] } ?? [])))
        }, read: { body, call in
            let root = try XMLTree.response(body, for: call)
            guard let result = root.child("\(operation)Result") else { throw AWSError.malformed(call, "no \(operation)Result") }
            return (result.members(list), result.string("NextToken"))
        })
    }

    /// Reads one DescribeStacks page.
    static func parseStacks(_ body: Data, environment: String, call: APICall) throws -> (items: [StackSummary], next: String?) {
        let root = try XMLTree.response(body, for: call)
        guard let result = root.child("DescribeStacksResult") else { throw AWSError.malformed(call, "no DescribeStacksResult") }
        let stacks = try result.members("Stacks").map { member in
            guard let name = member.string("StackName"), let status = member.string("StackStatus") else {
                throw AWSError.malformed(call, "a stack has no StackName or StackStatus")
            }
            let updated = member.string("LastUpdatedTime") ?? member.string("CreationTime")
            var stack = StackSummary(
                environment: environment, name: name, status: status,
                drift: StackSummary.DriftStatus(rawValue: member.at("DriftInformation", "StackDriftStatus")?.text ?? "") ?? .notChecked,
                lastUpdated: updated.flatMap(AWSDate.parse) ?? .distantPast, statusReason: member.string("StackStatusReason"))
            let pairs = { (list: String, key: String, value: String) in
                member.members(list).map { StackSummary.Pair(key: $0.string(key) ?? "", value: $0.string(value) ?? "") }
            }
            stack.parameters = pairs("Parameters", "ParameterKey", "ParameterValue")
            stack.outputs = pairs("Outputs", "OutputKey", "OutputValue")
            return stack
        }
        return (stacks, result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 })
    }
}
