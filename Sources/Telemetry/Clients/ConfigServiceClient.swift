import FoundationEssentials
import AWSCore

/// AWS Config over JSON 1.1: which rules are non-compliant and the resources that make them so.
public struct ConfigServiceClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// Names of rules (of `rules`, or all when nil) that have non-compliant resources.
    public func nonCompliantRules(_ rules: [String]?) async throws -> [String] {
        try await source.paginate({ token in
            var body: [String: JSONValue] = ["ComplianceTypes": ["NON_COMPLIANT"]]
            if let rules { body["ConfigRuleNames"] = .array(rules.map(JSONValue.string)) }
            if let token { body["NextToken"] = .string(token) }
            return APICall(.config, "DescribeComplianceByConfigRule", .json(.object(body)))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            let names = (root["ComplianceByConfigRules"]?.array ?? []).filter { $0["Compliance"]?["ComplianceType"]?.string == "NON_COMPLIANT" }.compactMap { $0["ConfigRuleName"]?.string }
            return (names, root["NextToken"]?.string)
        })
    }

    /// Non-compliant evaluation results of one rule (all pages), labelled with `environment`.
    public func findings(rule: String, environment: String) async throws -> [ComplianceFinding] {
        try await source.paginate({ token in
            var body: [String: JSONValue] = ["ConfigRuleName": .string(rule), "ComplianceTypes": ["NON_COMPLIANT"], "Limit": 100]
            if let token { body["NextToken"] = .string(token) }
            return APICall(.config, "GetComplianceDetailsByConfigRule", .json(.object(body)))
        }, read: { try Self.parseFindings($0, environment: environment, call: $1) })
    }

    /// Reads one GetComplianceDetailsByConfigRule page.
    static func parseFindings(_ body: Data, environment: String, call: APICall) throws -> (items: [ComplianceFinding], next: String?) {
        let root = try JSONValue.parse(body, for: call)
        let findings = try (root["EvaluationResults"]?.array ?? []).map { result in
            guard let qualifier = result["EvaluationResultIdentifier"]?["EvaluationResultQualifier"],
                  let rule = qualifier["ConfigRuleName"]?.string, let id = qualifier["ResourceId"]?.string else {
                throw AWSError.malformed(call, "an evaluation result has no rule or resource")
            }
            return ComplianceFinding(
                environment: environment, rule: rule, resourceType: qualifier["ResourceType"]?.string ?? "", resourceId: id,
                compliance: result["ComplianceType"]?.string ?? "NON_COMPLIANT", annotation: result["Annotation"]?.string,
                recordedAt: result["ResultRecordedTime"]?.date ?? .distantPast)
        }
        return (findings, root["NextToken"]?.string)
    }
}
