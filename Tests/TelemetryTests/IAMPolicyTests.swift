import Foundation
import Testing

/// The policies in docs/ grant every call opsdeck's sources make: read calls in the read-only policy, calls that
/// change AWS in the triage policy.
@Suite struct IAMPolicyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// IAM's service prefix for each `AWSService` name the sources use.
    static let prefixes = ["cloudFormation": "cloudformation", "cloudWatch": "cloudwatch", "config": "config", "dynamoDB": "dynamodb", "lambda": "lambda",
                           "logs": "logs", "organizations": "organizations", "sts": "sts", "tagging": "tag", "s3": "s3", "ec2": "ec2", "ssm": "ssm", "kms": "kms"]
    /// Operations whose IAM action has another name.
    static let renamed = ["s3:GetBucketReplication": "s3:GetReplicationConfiguration", "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
                          "s3:GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration", "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock"]

    func actions(_ file: String) throws -> Set<String> {
        let policy = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.repository.appendingPathComponent("docs/\(file)"))) as! [String: Any]
        return Set((policy["Statement"] as! [[String: Any]]).flatMap { $0["Action"] as! [String] })
    }

    /// "service:Operation" for every call written in Sources: APICall(.service, "Operation", …), and the operations
    /// the CloudFormation and EC2 clients' `pages` and CloudWatch's enable/disable pass by name.
    func calls() throws -> Set<String> {
        var found = Set<String>()
        let files = FileManager.default.enumerator(atPath: Self.repository.appendingPathComponent("Sources").path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let call = try NSRegularExpression(pattern: #"APICall\(\.(\w+), "(\w+)""#)
        let page = try NSRegularExpression(pattern: #"pages\("(\w+)""#)
        let document = try NSRegularExpression(pattern: #"document\(\w+, "\w+", "(\w+)""#)
        let ternary = try NSRegularExpression(pattern: #"APICall\(\.(\w+), \w+ \? "(\w+)" : "(\w+)""#)
        for file in files where !file.hasPrefix("Demo/") {
            let text = try String(contentsOf: Self.repository.appendingPathComponent("Sources/\(file)"), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            func group(_ match: NSTextCheckingResult, _ n: Int) -> String { String(text[Range(match.range(at: n), in: text)!]) }
            for match in call.matches(in: text, range: range) { found.insert("\(Self.prefixes[group(match, 1)] ?? group(match, 1)):\(group(match, 2))") }
            let paged = file.contains("EC2Client") ? "ec2" : "cloudformation"
            for match in page.matches(in: text, range: range) { found.insert("\(paged):\(group(match, 1))") }
            for match in document.matches(in: text, range: range) { found.insert("s3:\(group(match, 1))") }
            for match in ternary.matches(in: text, range: range) {
                for n in [2, 3] { found.insert("\(Self.prefixes[group(match, 1)] ?? group(match, 1)):\(group(match, n))") }
            }
            if text.contains(#"APICall(.s3, "GetBucketReplication""#) { found.insert("s3:GetBucketReplication") }
        }
        return Set(found.map { Self.renamed[$0] ?? $0 })
    }

    @Test func everyCallIsGrantedByAPolicyInDocs() throws {
        let granted = try actions("iam-readonly-policy.json").union(try actions("iam-triage-actions.json"))
        let made = try calls()
        // AssumeRole is granted by the operator's own policy on the roles, not by the role it assumes.
        let missing = made.subtracting(granted).subtracting(["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"])
        #expect(made.count > 25, "the scan found \(made.count) calls")
        #expect(missing.isEmpty, "calls no policy in docs/ grants: \(missing.sorted())")
    }
}
