import FoundationEssentials
import Telemetry
import AWSCore

/// What can be taken out of the console for a resource in its own account and region: its ARN, its name, a
/// ready-to-run AWS CLI command, and its AWS console URL (in the account's partition: aws, aws-cn, aws-us-gov).
public struct ResourceLinks: Equatable, Sendable {
    public var resource: ResourceRef
    public var accountId: String
    public var region: String

    public init(_ resource: ResourceRef, accountId: String, region: String) {
        self.resource = resource
        self.accountId = accountId
        self.region = region
    }

    /// The partition the region is in.
    var partition: String { region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws" }

    /// The console's host for the partition.
    private var consoleHost: String {
        switch partition {
        case "aws-cn": "console.amazonaws.cn"
        case "aws-us-gov": "console.amazonaws-us-gov.com"
        default: "console.aws.amazon.com"
        }
    }

    /// The resource's ARN; nil for a stack, whose ARN holds an id opsdeck does not read.
    public var arn: String? {
        let name = resource.name
        switch resource.kind {
        case .function: return "arn:\(partition):lambda:\(region):\(accountId):function:\(name)"
        case .table: return "arn:\(partition):dynamodb:\(region):\(accountId):table/\(name)"
        case .bucket: return "arn:\(partition):s3:::\(name)"
        case .alarm: return "arn:\(partition):cloudwatch:\(region):\(accountId):alarm:\(name)"
        case .stackSet: return "arn:\(partition):cloudformation:\(region):\(accountId):stackset/\(name)"
        case .stack, .configRule, .port: return nil
        }
    }

    /// An AWS CLI command that shows the resource, quoted for a POSIX shell.
    public var command: String {
        let name = Self.quoted(resource.name)
        let scope = "--region \(region)"
        switch resource.kind {
        case .stack: return "aws cloudformation describe-stacks --stack-name \(name) \(scope)"
        case .stackSet: return "aws cloudformation describe-stack-set --stack-set-name \(name) \(scope)"
        case .function: return "aws lambda get-function-configuration --function-name \(name) \(scope)"
        case .table: return "aws dynamodb describe-table --table-name \(name) \(scope)"
        case .bucket: return "aws s3api get-bucket-replication --bucket \(name)"
        case .alarm: return "aws cloudwatch describe-alarms --alarm-names \(name) \(scope)"
        case .configRule: return "aws configservice get-compliance-details-by-config-rule --config-rule-name \(name) \(scope)"
        case .port: return "aws ec2 describe-flow-logs \(scope)"
        }
    }

    /// The resource's page in the AWS console.
    public var consoleURL: String {
        let name = PercentEncoding.encodeSegment(resource.name)
        let base = "https://\(region).\(consoleHost)"
        switch resource.kind {
        case .stack: return "\(base)/cloudformation/home?region=\(region)#/stacks?filteringText=\(name)"
        case .stackSet: return "\(base)/cloudformation/home?region=\(region)#/stacksets/\(name)/info"
        case .function: return "\(base)/lambda/home?region=\(region)#/functions/\(name)"
        case .table: return "\(base)/dynamodbv2/home?region=\(region)#table?name=\(name)"
        case .bucket: return "https://s3.\(consoleHost)/s3/buckets/\(name)?region=\(region)"
        case .alarm: return "\(base)/cloudwatch/home?region=\(region)#alarmsV2:alarm/\(name)"
        case .configRule: return "\(base)/config/home?region=\(region)#/rules/details?configRuleName=\(name)"
        case .port: return "\(base)/cloudwatch/home?region=\(region)#logsV2:logs-insights"
        }
    }

    /// What `y` offers to copy, in order: the ARN (when there is one), the name, the CLI command, the console URL.
    public var copies: [(label: String, text: String)] {
        (arn.map { [("ARN", $0)] } ?? []) + [("name", resource.name), ("AWS CLI", command), ("console URL", consoleURL)]
    }

    /// `text` as one POSIX shell word.
    static func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isAlphanumeric || "-_./:@+=,".unicodeScalars.contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }
}

extension Unicode.Scalar {
    /// A letter, mark or number, as Foundation's CharacterSet.alphanumerics has it.
    var isAlphanumeric: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}
