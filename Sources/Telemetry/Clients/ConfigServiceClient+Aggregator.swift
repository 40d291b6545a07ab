import FoundationEssentials
import AWSCore

/// The organization-wide path: one Config aggregator answers for every account instead of each account's Config.
extension ConfigServiceClient {
    /// Non-compliant evaluation results of every rule in every account the aggregator covers, each labelled with the
    /// environment `names` gives its account (the account id when it has none).
    public func aggregateFindings(aggregator: String, names: [String: String]) async throws -> [ComplianceFinding] {
        let rules = try await source.paginate({ token in
            var body: [String: JSONValue] = ["ConfigurationAggregatorName": .string(aggregator), "Filters": ["ComplianceType": "NON_COMPLIANT"]]
            if let token { body["NextToken"] = .string(token) }
            return APICall(.config, "DescribeAggregateComplianceByConfigRules", .json(.object(body)))
        }, read: { body, call -> (items: [(rule: String, account: String, region: String)], next: String?) in
            let root = try JSONValue.parse(body, for: call)
            let rules = (root["AggregateComplianceByConfigRules"]?.array ?? []).compactMap { item -> (rule: String, account: String, region: String)? in
                guard let rule = item["ConfigRuleName"]?.string, let account = item["AccountId"]?.string, let region = item["AwsRegion"]?.string,
                      item["Compliance"]?["ComplianceType"]?.string == "NON_COMPLIANT" else { return nil }
                return (rule, account, region)
            }
            return (rules, root["NextToken"]?.string)
        })
        var findings: [ComplianceFinding] = []
        for (rule, account, region) in rules {
            findings += try await source.paginate({ token in
                var body: [String: JSONValue] = [
                    "ConfigurationAggregatorName": .string(aggregator), "ConfigRuleName": .string(rule), "AccountId": .string(account),
                    "AwsRegion": .string(region), "ComplianceType": "NON_COMPLIANT", "Limit": 100,
                ]
                if let token { body["NextToken"] = .string(token) }
                return APICall(.config, "GetAggregateComplianceDetailsByConfigRule", .json(.object(body)))
            }, read: { body, call in
                let root = try JSONValue.parse(body, for: call)
                let page = (root["AggregateEvaluationResults"]?.array ?? []).compactMap { result -> ComplianceFinding? in
                    guard let qualifier = result["EvaluationResultIdentifier"]?["EvaluationResultQualifier"], let id = qualifier["ResourceId"]?.string else { return nil }
                    let owner = result["AccountId"]?.string ?? account
                    return ComplianceFinding(
                        environment: names[owner] ?? owner, rule: qualifier["ConfigRuleName"]?.string ?? rule, resourceType: qualifier["ResourceType"]?.string ?? "",
                        resourceId: id, compliance: result["ComplianceType"]?.string ?? "NON_COMPLIANT", annotation: result["Annotation"]?.string,
                        recordedAt: result["ResultRecordedTime"]?.date ?? .distantPast)
                }
                return (page, root["NextToken"]?.string)
            })
        }
        return findings
    }
}
