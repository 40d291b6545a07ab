/// An AWS service as the wire sees it: endpoint prefix, signing name, protocol and the name used in AWS_ENDPOINT_URL_<SERVICE>.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
    /// The protocol a service speaks.
    public enum Wire: Sendable, Hashable {
        /// Form-encoded `Action=…&Version=…` POST with an XML response.
        case query(version: String)
        /// JSON POST with `X-Amz-Target: prefix.Operation`.
        case json(version: String, targetPrefix: String)
        /// REST with JSON bodies, each operation its own method and path (IAM Identity Center), called by its own client.
        case restJSON
        /// REST with XML answers (S3): the call's method, path and query, the payload hash signed.
        case restXML
    }

    public var endpointPrefix: String
    public var signingName: String
    public var environmentKey: String
    public var wire: Wire

    public var description: String { endpointPrefix }

    public static let cloudFormation = AWSService(endpointPrefix: "cloudformation", signingName: "cloudformation", environmentKey: "CLOUDFORMATION", wire: .query(version: "2010-05-15"))
    public static let sts = AWSService(endpointPrefix: "sts", signingName: "sts", environmentKey: "STS", wire: .query(version: "2011-06-15"))
    public static let ec2 = AWSService(endpointPrefix: "ec2", signingName: "ec2", environmentKey: "EC2", wire: .query(version: "2016-11-15"))
    public static let cloudWatch = AWSService(endpointPrefix: "monitoring", signingName: "monitoring", environmentKey: "CLOUDWATCH", wire: .json(version: "1.0", targetPrefix: "GraniteServiceVersion20100801"))
    public static let config = AWSService(endpointPrefix: "config", signingName: "config", environmentKey: "CONFIG_SERVICE", wire: .json(version: "1.1", targetPrefix: "StarlingDoveService"))
    public static let logs = AWSService(endpointPrefix: "logs", signingName: "logs", environmentKey: "CLOUDWATCH_LOGS", wire: .json(version: "1.1", targetPrefix: "Logs_20140328"))

    public static let tagging = AWSService(endpointPrefix: "tagging", signingName: "tagging", environmentKey: "RESOURCE_GROUPS_TAGGING_API",
                                           wire: .json(version: "1.1", targetPrefix: "ResourceGroupsTaggingAPI_20170126"))
    public static let dynamoDB = AWSService(endpointPrefix: "dynamodb", signingName: "dynamodb", environmentKey: "DYNAMODB", wire: .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
    /// AWS Lambda's REST-JSON API (GET requests with a path per resource).
    public static let lambda = AWSService(endpointPrefix: "lambda", signingName: "lambda", environmentKey: "LAMBDA", wire: .restJSON)
    /// S3, addressed path-style (https://s3.REGION.amazonaws.com/BUCKET), which also suits endpoint overrides.
    public static let s3 = AWSService(endpointPrefix: "s3", signingName: "s3", environmentKey: "S3", wire: .restXML)

    /// The IAM Identity Center portal (GetRoleCredentials), and its OIDC service (sign-in and token refresh).
    public static let ssoPortal = AWSService(endpointPrefix: "portal.sso", signingName: "awsssoportal", environmentKey: "SSO", wire: .restJSON)
    public static let ssoOIDC = AWSService(endpointPrefix: "oidc", signingName: "sso-oauth", environmentKey: "SSO_OIDC", wire: .restJSON)

    public static let ssm = AWSService(endpointPrefix: "ssm", signingName: "ssm", environmentKey: "SSM", wire: .json(version: "1.1", targetPrefix: "AmazonSSM"))
    public static let kms = AWSService(endpointPrefix: "kms", signingName: "kms", environmentKey: "KMS", wire: .json(version: "1.1", targetPrefix: "TrentService"))
    public static let organizations = AWSService(endpointPrefix: "organizations", signingName: "organizations", environmentKey: "ORGANIZATIONS", wire: .json(version: "1.1", targetPrefix: "AWSOrganizationsV20161128"))
}
