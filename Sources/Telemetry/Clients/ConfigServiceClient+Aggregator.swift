import Foundation

/// The organization-wide path: one Config aggregator answers for every account instead of each account's Config.
extension ConfigServiceClient {
    /// Non-compliant evaluation results of every rule in every account the aggregator covers, each labelled with the
    /// environment `names` gives its account (the account id when it has none).
    public func aggregateFindings(aggregator: String, names: [String: String]) async throws -> [ComplianceFinding] {
        var rules: [(rule: String, account: String, region: String)] = []
        var token: String?
        repeat {
            var body: [String: JSONValue] = ["ConfigurationAggregatorName": .string(aggregator), "Filters": ["ComplianceType": "NON_COMPLIANT"]]
            if let token { body["NextToken"] = .string(token) }
            let call = APICall(.config, "DescribeAggregateComplianceByConfigRules", .json(.object(body)))
            let root = try JSONValue.parse(try await source.perform(call), for: call)
            for item in root["AggregateComplianceByConfigRules"]?.array ?? [] {
                guard let rule = item["ConfigRuleName"]?.string, let account = item["AccountId"]?.string, let region = item["AwsRegion"]?.string,
                      item["Compliance"]?["ComplianceType"]?.string == "NON_COMPLIANT" else { continue }
                rules.append((rule, account, region))
            }
            token = root["NextToken"]?.string
        } while token != nil
        var findings: [ComplianceFinding] = []
        for (rule, account, region) in rules {
            var token: String?
            repeat {
                var body: [String: JSONValue] = [
                    "ConfigurationAggregatorName": .string(aggregator), "ConfigRuleName": .string(rule), "AccountId": .string(account),
                    "AwsRegion": .string(region), "ComplianceType": "NON_COMPLIANT", "Limit": 100,
                ]
                if let token { body["NextToken"] = .string(token) }
                let call = APICall(.config, "GetAggregateComplianceDetailsByConfigRule", .json(.object(body)))
                let root = try JSONValue.parse(try await source.perform(call), for: call)
                findings += (root["AggregateEvaluationResults"]?.array ?? []).compactMap { result in
                    guard let qualifier = result["EvaluationResultIdentifier"]?["EvaluationResultQualifier"], let id = qualifier["ResourceId"]?.string else { return nil }
                    let owner = result["AccountId"]?.string ?? account
                    return ComplianceFinding(
                        environment: names[owner] ?? owner, rule: qualifier["ConfigRuleName"]?.string ?? rule, resourceType: qualifier["ResourceType"]?.string ?? "",
                        resourceId: id, compliance: result["ComplianceType"]?.string ?? "NON_COMPLIANT", annotation: result["Annotation"]?.string,
                        recordedAt: result["ResultRecordedTime"]?.date ?? .distantPast)
                }
                token = root["NextToken"]?.string
            } while token != nil
        }
        return findings
    }
}
