import FoundationEssentials
import AWSCore
import Telemetry

/// The wire answers of the settings the Parity and Posture views read, as S3, SSM, CloudWatch Logs, KMS, EC2 and
/// CloudFormation give them.
extension DemoResponses {
    static let s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static func bucketVersioning() -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="\#(s3Namespace)"><Status>Enabled</Status></VersioningConfiguration>"#
    }

    static func bucketEncryption(_ bucket: DemoStory.DemoBucket) -> String {
        let rule = bucket.kmsKey.map { "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>\($0)</KMSMasterKeyID>" } ?? "<SSEAlgorithm>AES256</SSEAlgorithm>"
        return #"<?xml version="1.0" encoding="UTF-8"?><ServerSideEncryptionConfiguration xmlns="\#(s3Namespace)"><Rule><ApplyServerSideEncryptionByDefault>\#(rule)</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"#
    }

    static func bucketLifecycle(_ bucket: DemoStory.DemoBucket) -> String {
        let rules = bucket.lifecycle.map { "<Rule><ID>\($0.id)</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status><Transition><Days>\($0.days)</Days><StorageClass>\($0.storageClass)</StorageClass></Transition></Rule>" }
        return #"<?xml version="1.0" encoding="UTF-8"?><LifecycleConfiguration xmlns="\#(s3Namespace)">\#(rules.joined())</LifecycleConfiguration>"#
    }

    static func publicAccessBlock() -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="\#(s3Namespace)"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"#
    }

    /// The bucket policy document (GetBucketPolicy answers the policy JSON itself).
    static func bucketPolicy(_ bucket: DemoStory.DemoBucket) -> String {
        let arn = "arn:aws:s3:::\(bucket.name)"
        var statements: [JSONValue] = []
        if bucket.sslOnly {
            statements.append(["Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [.string(arn), .string(arn + "/*")],
                               "Condition": ["Bool": ["aws:SecureTransport": "false"]]])
        }
        if bucket.denyUnencrypted {
            statements.append(["Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": .string(arn + "/*"),
                               "Condition": ["StringNotEquals": ["s3:x-amz-server-side-encryption": "aws:kms"]]])
        }
        statements.append(["Sid": "ReplicationRole", "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::398126457039:role/s3-replication"], "Action": "s3:ReplicateObject", "Resource": .string(arn + "/*")])
        return json(["Version": "2012-10-17", "Statement": .array(statements)])
    }

    static func parametersByPath(_ parameters: [(name: String, type: String, value: String)], modified: Date) -> String {
        json(["Parameters": .array(parameters.map {
            ["Name": .string($0.name), "Type": .string($0.type), "Value": .string($0.value), "Version": 3, "LastModifiedDate": .number(modified.timeIntervalSince1970),
             "ARN": .string("arn:aws:ssm:::parameter\($0.name)"), "DataType": "text"]
        })])
    }

    static func logGroups(_ groups: [(name: String, retention: Int)]) -> String {
        json(["logGroups": .array(groups.map { ["logGroupName": .string($0.name), "retentionInDays": .number(Double($0.retention)), "storedBytes": 0, "creationTime": 1_760_000_000_000] })])
    }

    static func keyRotation(_ arn: String, enabled: Bool) -> String {
        json(["KeyRotationEnabled": .bool(enabled), "KeyId": .string(arn), "RotationPeriodInDays": 365])
    }

    static func securityGroups(id: String, name: String, account: String, ingress: [(proto: String, port: Int, cidr: String)]) -> String {
        let permissions = ingress.map {
            "<item><ipProtocol>\($0.proto)</ipProtocol><fromPort>\($0.port)</fromPort><toPort>\($0.port)</toPort><groups/><ipRanges><item><cidrIp>\($0.cidr)</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>"
        }
        return ec2("DescribeSecurityGroups", "<securityGroupInfo><item><ownerId>\(account)</ownerId><groupId>\(id)</groupId><groupName>\(name)</groupName><groupDescription>peering</groupDescription><ipPermissions>\(permissions.joined())</ipPermissions><ipPermissionsEgress/><vpcId>vpc-0demo</vpcId></item></securityGroupInfo>")
    }

    static func template(_ body: String) -> String {
        query("GetTemplate", "<TemplateBody>\(xml(body))</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>", namespace: "cloudformation")
    }
}
