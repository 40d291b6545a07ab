import AWSCore
import FoundationEssentials

/// How the settings section reads each kind of resource into named settings, each naming the IAM action it came from.
extension EnvironmentPoller {
    typealias Setting = ResourceSettings.Setting

    /// The stacks the stacks section listed this poll (status, parameters, outputs) with their templates
    /// (GetTemplate), and each StackSet instance's status; when that section failed, its failure stands for the list.
    func stackSettings() async -> [ResourceSettings] {
        let env = environment.name
        if let failure = earlier.failures[.stacks] { return [ResourceSettings(environment: env, kind: .stack, name: ResourceSettings.listingName, failure: failure)] }
        let stacks = earlier.slices[.stacks]?.stacks ?? []
        let cloudFormation = CloudFormationClient(source)
        let describe = "cloudformation:DescribeStacks"
        let templates = await each(.stack, stacks.filter { !$0.isStackSet }.map(\.name)) { name in
            let template = await setting("Template", "cloudformation:GetTemplate") { try await cloudFormation.templateFingerprint(of: name, environment: env) }
            return ResourceSettings(environment: env, kind: .stack, name: name, settings: [template])
        }
        return stacks.map { stack in
            let settled = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"].contains(stack.status)
            guard !stack.isStackSet else {
                let status = stack.status + (stack.drift == .notChecked ? "" : ", \(stack.drift.rawValue)")
                return ResourceSettings(environment: env, kind: .stack, name: "StackSet \(stack.name)",
                                        settings: [Setting("StackSet instance", status, call: "cloudformation:ListStackInstances")])
            }
            var settings = [Setting("Status", stack.status, call: describe, basis: settled ? "complete" : nil)]
            settings += stack.parameters.map { Setting("Parameter \($0.key)", $0.value, call: describe) }
            settings += stack.outputs.map { Setting("Output \($0.key)", $0.value, call: describe) }
            settings += templates.first { $0.name == stack.name }?.settings ?? []
            return ResourceSettings(environment: env, kind: .stack, name: stack.name, settings: settings)
        }
    }

    /// GetFunctionConfiguration (environment variables by name only) and GetFunctionConcurrency.
    func functionSettings(_ name: String) async throws -> ResourceSettings {
        let lambda = LambdaClient(source)
        let configuration = try await lambda.configuration(of: name)
        let call = "lambda:GetFunctionConfiguration"
        var settings = [
            Setting("Runtime", configuration.runtime ?? "(none)", call: call),
            Setting("Architecture", configuration.architectures.isEmpty ? "x86_64" : configuration.architectures.joined(separator: ", "), call: call),
            Setting("Memory", configuration.memoryMB.map { "\($0) MB" } ?? "(none)", call: call),
            Setting("Timeout", configuration.timeoutSeconds.map { "\($0) s" } ?? "(none)", call: call),
            Setting("Handler", configuration.handler ?? "(none)", call: call),
            Setting("Layers", configuration.layers.isEmpty ? "none" : configuration.layers.joined(separator: ", "), call: call),
            Setting("Environment variables", configuration.environmentNames.isEmpty ? "none" : configuration.environmentNames.joined(separator: ", "), call: call),
            Setting("KMS key", keyClass(configuration.kmsKey), call: call),
            Setting("Last modified", configuration.lastModified ?? "(unknown)", call: call, compared: false),
        ]
        if let key = configuration.kmsKey { settings.append(Setting("KMS key ARN", key, call: call, compared: false)) }
        let concurrency = await setting("Reserved concurrency", "lambda:GetFunctionConcurrency") { try await lambda.reservedConcurrency(of: name).map(String.init) ?? "none" }
        settings.append(concurrency)
        return ResourceSettings(environment: environment.name, kind: .function, name: name, settings: settings)
    }

    /// DescribeTable (keys, indexes, billing, stream, class, replicas, encryption), DescribeContinuousBackups, DescribeTimeToLive.
    func tableSettings(_ name: String) async throws -> ResourceSettings {
        let dynamo = DynamoDBClient(source)
        let description = try await dynamo.description(of: name)
        let call = "dynamodb:DescribeTable"
        var settings = DynamoDBClient.tableSettings(description).filter { !["Status", "Items"].contains($0.label) }.map { Setting($0.label, $0.value, call: call) }
        let key = description["SSEDescription"]?["KMSMasterKeyArn"]?.string
        settings.append(Setting("Encryption", key.map { keyClass($0) } ?? "AWS owned key", call: call))
        if let key { settings.append(Setting("KMS key ARN", key, call: call, compared: false)) }
        let pitr = await setting("PITR", "dynamodb:DescribeContinuousBackups") { try await dynamo.pointInTimeRecovery(of: name) }
        settings.append(pitr)
        let ttl = await setting("TTL", "dynamodb:DescribeTimeToLive") { try await dynamo.timeToLive(of: name) }
        settings.append(ttl)
        return ResourceSettings(environment: environment.name, kind: .table, name: name, settings: settings)
    }

    /// Versioning, default encryption, lifecycle, public access block, policy deny statements and replication.
    func bucketSettings(_ name: String) async throws -> ResourceSettings {
        let s3 = S3Client(source)
        var settings = [Setting("Versioning", try await s3.versioning(of: name), call: "s3:GetBucketVersioning")]
        var key: String?
        let encryption = await setting("Default encryption", "s3:GetEncryptionConfiguration") {
            guard let encryption = try await s3.encryption(of: name) else { return "none" }
            key = encryption.key
            return encryption.key.map { "\(encryption.algorithm), \(keyClass($0))" } ?? encryption.algorithm
        }
        settings.append(encryption)
        if let key { settings.append(Setting("KMS key ARN", key, call: "s3:GetEncryptionConfiguration", compared: false)) }
        let lifecycle = await setting("Lifecycle", "s3:GetLifecycleConfiguration") { try await s3.lifecycle(of: name) }
        settings.append(lifecycle)
        let publicAccess = await setting("Public access block", "s3:GetBucketPublicAccessBlock") { try await s3.publicAccessBlock(of: name) }
        settings.append(publicAccess)
        let policy = await setting("Policy denies", "s3:GetBucketPolicy") { try await s3.policyDenies(of: name) }
        settings.append(policy)
        let replication = await setting("Replication", "s3:GetReplicationConfiguration") {
            let rules = try await s3.replication(of: name)
            return rules.isEmpty ? "none" : rules.map { "\($0.id) → \($0.destinationBucket)" }.joined(separator: ", ")
        }
        settings.append(replication)
        return ResourceSettings(environment: environment.name, kind: .bucket, name: name, settings: settings)
    }

    /// The parameters under `path` (GetParametersByPath, never decrypted): type, value fingerprint, version, last change.
    func parameterSettings(_ path: String) async throws -> [ResourceSettings] {
        let call = "ssm:GetParametersByPath"
        return try await SSMClient(source).parameters(under: path, environment: environment.name).map { parameter in
            ResourceSettings(environment: environment.name, kind: .parameter, name: parameter.name, settings: [
                Setting("Type", parameter.type, call: call),
                Setting("Value", parameter.fingerprint.map { "sha256 \($0)" } ?? "SecureString, not decrypted", call: call),
                Setting("Version", parameter.version.map(String.init) ?? "?", call: call, compared: false),
                Setting("Last modified", parameter.lastModified.map { AWSDate.format($0) } ?? "(unknown)", call: call, compared: false),
            ])
        }
    }

    /// The watched functions' log groups and the watch list's own (DescribeLogGroups): retention and encryption.
    func logGroupSettings() async throws -> [ResourceSettings] {
        let wanted = Set(environment.watch.functions.map { LogTail.Source.lambda($0, environment: environment.name).group } + environment.watch.logGroups)
        guard !wanted.isEmpty else { return [] }
        let logs = LogsClient(source)
        var groups: [LogsClient.LogGroup] = []
        for prefix in Set(wanted.map { $0.hasPrefix("/aws/lambda/") ? "/aws/lambda/" : $0 }).sorted() { groups += try await logs.groups(prefix: prefix) }
        let call = "logs:DescribeLogGroups"
        return groups.filter { wanted.contains($0.name) }.map { group in
            var settings = [
                Setting("Retention", group.retentionDays.map { "\($0) days" } ?? "never expires", call: call),
                Setting("Encryption", group.kmsKey.map { keyClass($0) } ?? "service key", call: call),
            ]
            if let key = group.kmsKey { settings.append(Setting("KMS key ARN", key, call: call, compared: false)) }
            return ResourceSettings(environment: environment.name, kind: .logGroup, name: group.name, settings: settings)
        }
    }

    /// GetKeyRotationStatus for each customer key the resources read use, named by the resource that uses it.
    func keySettings(for resources: [ResourceSettings]) async -> [ResourceSettings] {
        var rotation: [String: Setting] = [:]
        var out: [ResourceSettings] = []
        for resource in resources {
            guard let arn = resource.setting("KMS key ARN")?.value, !arn.contains(":alias/aws/") else { continue }
            if rotation[arn] == nil {
                rotation[arn] = await setting("Rotation", "kms:GetKeyRotationStatus") { try await KMSClient(source).rotationEnabled(arn) ? "enabled" : "disabled" }
            }
            out.append(ResourceSettings(environment: environment.name, kind: .key, name: "\(resource.kind.rawValue) \(resource.name)",
                                        settings: [rotation[arn]!, Setting("Key", arn, call: "kms:GetKeyRotationStatus", compared: false)]))
        }
        return out
    }

    /// The watched security groups (DescribeSecurityGroups): the ingress open to every address.
    func securityGroupSettings(_ ids: [String]) async throws -> [ResourceSettings] {
        let call = "ec2:DescribeSecurityGroups"
        return try await EC2Client(source).securityGroups(ids).map { group in
            ResourceSettings(environment: environment.name, kind: .securityGroup, name: group.name, settings: [
                Setting("Open ingress", group.openIngress.isEmpty ? "none" : group.openIngress.joined(separator: ", "), call: call),
                Setting("Group id", group.id, call: call, compared: false),
            ])
        }
    }

    /// What kind of KMS key an ARN is, as compared across environments: none, or a customer key in this account or another.
    func keyClass(_ arn: String?) -> String {
        guard let arn, !arn.isEmpty else { return "none (AWS managed key)" }
        if arn.contains(":alias/aws/") { return "AWS managed key" }
        let account = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? ""
        if account.isEmpty || account == environment.accountId { return "customer key (this account)" }
        return "customer key in account \(accountNames[account].map { "\(account) (\($0))" } ?? account)"
    }
}
