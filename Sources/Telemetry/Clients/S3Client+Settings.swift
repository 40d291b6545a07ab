import FoundationEssentials
import AWSCore

/// A bucket's settings for the Parity and Posture views: versioning, default encryption, lifecycle, public access
/// block and its policy's deny statements. A bucket without a configuration answers an error naming it missing;
/// that is the setting's value ("none"), not a failure.
extension S3Client {
    /// GetBucketVersioning: "Enabled", "Suspended" or "never enabled".
    public func versioning(of bucket: String) async throws -> String {
        let root = try await document(bucket, "versioning", "GetBucketVersioning", missing: [])
        return root?.string("Status") ?? "never enabled"
    }

    /// GetBucketEncryption: the default algorithm and the KMS key, if any; nil when there is no default encryption.
    public func encryption(of bucket: String) async throws -> (algorithm: String, key: String?)? {
        guard let root = try await document(bucket, "encryption", "GetBucketEncryption", missing: ["ServerSideEncryptionConfigurationNotFoundError"]),
              let rule = root.child("Rule")?.child("ApplyServerSideEncryptionByDefault"), let algorithm = rule.string("SSEAlgorithm") else { return nil }
        return (algorithm, rule.string("KMSMasterKeyID"))
    }

    /// GetBucketLifecycleConfiguration: each enabled rule as "ID: GLACIER after 90 days, expire after 365 days", or "none".
    public func lifecycle(of bucket: String) async throws -> String {
        guard let root = try await document(bucket, "lifecycle", "GetBucketLifecycleConfiguration", missing: ["NoSuchLifecycleConfiguration"]) else { return "none" }
        let rules = root.all("Rule").filter { $0.string("Status") != "Disabled" }.map { rule in
            var steps = rule.all("Transition").map { "\($0.string("StorageClass") ?? "?") after \($0.string("Days") ?? "?") days" }
            steps += rule.all("NoncurrentVersionTransition").map { "noncurrent \($0.string("StorageClass") ?? "?") after \($0.string("NoncurrentDays") ?? "?") days" }
            if let days = rule.child("Expiration")?.string("Days") { steps.append("expire after \(days) days") }
            if let days = rule.child("NoncurrentVersionExpiration")?.string("NoncurrentDays") { steps.append("noncurrent expire after \(days) days") }
            return "\(rule.string("ID") ?? "rule"): \(steps.isEmpty ? "no action" : steps.joined(separator: ", "))"
        }
        return rules.isEmpty ? "none" : rules.joined(separator: "; ")
    }

    /// GetPublicAccessBlock: "all blocked", the settings left off, or "none".
    public func publicAccessBlock(of bucket: String) async throws -> String {
        guard let root = try await document(bucket, "publicAccessBlock", "GetPublicAccessBlock", missing: ["NoSuchPublicAccessBlockConfiguration"]) else { return "none" }
        let off = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"].filter { root.string($0) != "true" }
        return off.isEmpty ? "all blocked" : "off: " + off.joined(separator: ", ")
    }

    /// GetBucketPolicy: what its Deny statements deny ("non-SSL requests", "unencrypted uploads", or their actions),
    /// "none" without one, "no policy" when the bucket has none.
    public func policyDenies(of bucket: String) async throws -> String {
        let call = APICall(.s3, "GetBucketPolicy", .rest(method: "GET", path: "/\(PercentEncoding.encode(bucket))", query: "policy"))
        let body: Data
        do {
            body = try await source.perform(call)
        } catch let error as AWSError where error.code == "NoSuchBucketPolicy" {
            return "no policy"
        }
        return try Self.denies(inPolicy: body, call: call)
    }

    /// The Deny statements of a policy document, described.
    static func denies(inPolicy body: Data, call: APICall) throws -> String {
        let policy = try JSONValue.parse(body, for: call)
        let statements = policy["Statement"]?.array ?? policy["Statement"].map { [$0] } ?? []
        let denies = statements.filter { $0["Effect"]?.string == "Deny" }.map { statement -> String in
            let condition = statement["Condition"]
            if condition?["Bool"]?["aws:SecureTransport"]?.string == "false" || condition?["Bool"]?["aws:SecureTransport"]?.bool == false { return "non-SSL requests" }
            if condition?["StringNotEquals"]?["s3:x-amz-server-side-encryption"] != nil || condition?["Null"]?["s3:x-amz-server-side-encryption"] != nil {
                return "unencrypted uploads"
            }
            let actions = statement["Action"]?.string.map { [$0] } ?? (statement["Action"]?.array ?? []).compactMap(\.string)
            return actions.isEmpty ? "a statement" : actions.joined(separator: " ")
        }
        return denies.isEmpty ? "none" : Array(Set(denies)).sorted().joined(separator: ", ")
    }

    /// The XML document of a bucket's `subresource` (GET /bucket?subresource), nil when the service says one of `missing`.
    private func document(_ bucket: String, _ subresource: String, _ operation: String, missing: Set<String>) async throws -> XMLTree? {
        let call = APICall(.s3, operation, .rest(method: "GET", path: "/\(PercentEncoding.encode(bucket))", query: subresource))
        let body: Data
        do {
            body = try await source.perform(call)
        } catch let error as AWSError where missing.contains(error.code) {
            return nil
        }
        do { return try XMLReader.parse(body) } catch { throw AWSError.malformed(call, "the answer is not XML") }
    }
}
