import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

/// Matching resources across environments, comparing their settings, declared differences and the posture rules.
@Suite struct ParityTests {
    let environments = [
        EnvironmentConfig(name: "dev", accountId: "111111111111", region: "eu-west-1"),
        EnvironmentConfig(name: "staging", accountId: "222222222222", region: "us-west-2"),
        EnvironmentConfig(name: "prod", accountId: "333333333333", region: "us-east-1"),
    ]

    typealias Setting = ResourceSettings.Setting

    func function(_ env: String, _ name: String, memory: Int, extra: [Setting] = []) -> ResourceSettings {
        ResourceSettings(environment: env, kind: .function, name: name, settings: [
            Setting("Memory", "\(memory) MB", call: "lambda:GetFunctionConfiguration"),
            Setting("Runtime", "python3.12", call: "lambda:GetFunctionConfiguration"),
            Setting("Last modified", "2026-11-\(env.count)", call: "lambda:GetFunctionConfiguration", compared: false),
        ] + extra)
    }

    @Test(arguments: [
        ("csv-processor-dev", "dev", "csv-processor"), ("dev-orders", "dev", "orders"), ("/app/dev/config/db_host", "dev", "/app/config/db_host"),
        ("/aws/lambda/staging-csv-processor", "staging", "/aws/lambda/csv-processor"), ("opsdeck-prod-ingest", "prod", "opsdeck-ingest"),
        ("function prod-csv-processor", "prod", "function csv-processor"), ("devices-table", "dev", "devices-table"), ("prod", "prod", "prod"),
        ("platform-acct-042-stack-3", "acct-042", "platform-stack-3"), ("acct-0420-x", "acct-042", "acct-0420-x"), ("Prod-Orders", "prod", "Orders"),
    ])
    func namesLoseTheirEnvironmentWord(name: String, environment: String, logical: String) {
        #expect(ParityNaming(ParityConfig()).logical(name, environment: environment) == logical)
    }

    @Test func onlyWholeWordsAreTheEnvironmentsName() {
        #expect(ParityNaming.replacingWord("dev", in: "devices-dev/DEV.x", with: "{env}") == "devices-{env}/{env}.x")
        #expect(ParityNaming.normalized("arn:aws:sqs:eu-west-1:111111111111:dev-queue", environment: environments[0]) == "arn:aws:sqs:{region}:{account}:{env}-queue")
    }

    @Test func patternsAndRenamesComeBeforeTheDefault() {
        var config = ParityConfig()
        config.patterns = ["{name}.{env}.internal"]
        config.renames = ["staging:orders-v2": "orders"]
        let naming = ParityNaming(config)
        #expect(naming.logical("api.dev.internal", environment: "dev") == "api")
        #expect(naming.logical("orders-v2", environment: "staging") == "orders")
        #expect(naming.logical("orders-v2", environment: "prod") == "orders-v2", "a rename is for its own environment")
    }

    @Test func onlyWhatDiffersIsListedWithEverySide() {
        let settings = [
            function("dev", "dev-csv-processor", memory: 1024), function("staging", "staging-csv-processor", memory: 1024),
            function("prod", "prod-csv-processor", memory: 2048),
        ]
        let report = ParityReport.compare(settings, alarms: [], environments: environments, config: ParityConfig())
        #expect(report.environments == ["dev", "staging", "prod"])
        #expect(report.resourcesCompared == 1)
        #expect(report.differences.count == 1, "runtime is alike and last-modified is not compared: \(report.differences)")
        let memory = try! #require(report.differences.first)
        #expect(memory.resource == "csv-processor" && memory.setting == "Memory" && memory.expected == nil)
        #expect(memory.sides.map(\.value) == ["1024 MB", "1024 MB", "2048 MB"])
        #expect(memory.sides.map(\.name) == ["dev-csv-processor", "staging-csv-processor", "prod-csv-processor"])
        #expect(memory.sides.allSatisfy { $0.call == "lambda:GetFunctionConfiguration" })
        #expect(memory.grouped == "1024 MB in dev, staging; 2048 MB in prod")
    }

    @Test func aRenamedResourceIsComparedWithItsTwinAndAMissingOneSaysSo() {
        var config = ParityConfig()
        config.renames = ["staging:orders-v2": "orders"]
        let table = { (env: String, name: String) in ResourceSettings(environment: env, kind: .table, name: name, settings: [Setting("Billing mode", "PAY_PER_REQUEST", call: "dynamodb:DescribeTable")]) }
        let settings = [table("dev", "orders"), table("staging", "orders-v2"), table("prod", "orders"), table("prod", "sessions")]
        let report = ParityReport.compare(settings, alarms: [], environments: environments, config: config)
        #expect(!report.differences.contains { $0.resource == "orders" }, "the renamed table matches: \(report.differences)")
        let missing = try! #require(report.differences.first { $0.resource == "sessions" })
        #expect(missing.setting == ParityDifference.exists)
        #expect(missing.sides.map(\.value) == ["missing", "missing", "yes"])
        #expect(missing.sides.map(\.call) == ["dynamodb:DescribeTable", "dynamodb:DescribeTable", "dynamodb:DescribeTable"])
    }

    @Test func valuesThatDifferOnlyByEnvironmentAccountOrRegionAreAlike() {
        let queue = { (env: EnvironmentConfig) in
            ResourceSettings(environment: env.name, kind: .stack, name: "\(env.name)-pipeline", settings: [
                Setting("Output QueueArn", "arn:aws:sqs:\(env.region):\(env.accountId):\(env.name)-csv-ingest", call: "cloudformation:DescribeStacks"),
            ])
        }
        let report = ParityReport.compare(environments.map(queue), alarms: [], environments: environments, config: ParityConfig())
        #expect(report.differences.isEmpty, "\(report.differences)")
    }

    @Test func declaredDifferencesAreExpectedOnlyWhenEachEnvironmentHoldsItsValue() {
        let pitr = { (env: String, value: String) in ResourceSettings(environment: env, kind: .table, name: "orders", settings: [Setting("PITR", value, call: "dynamodb:DescribeContinuousBackups")]) }
        let config = ParityConfig.platformDefaults
        let expected = ParityReport.compare([pitr("dev", "DISABLED"), pitr("staging", "DISABLED"), pitr("prod", "ENABLED")], alarms: [], environments: environments, config: config)
        #expect(expected.differences.first?.expected == "PITR: prod ENABLED, others DISABLED")
        #expect(expected.unexpected.isEmpty)
        let wrong = ParityReport.compare([pitr("dev", "ENABLED"), pitr("staging", "DISABLED"), pitr("prod", "DISABLED")], alarms: [], environments: environments, config: config)
        #expect(wrong.differences.first?.expected == nil)
        #expect(wrong.differences.first?.unmet == "PITR: prod ENABLED, others DISABLED, but dev is ENABLED, prod is DISABLED")
        var mayDiffer = ParityConfig()
        mayDiffer.expected = [ExpectedDifference(setting: "memory", resources: "csv-*")]
        let memory = ParityReport.compare([function("dev", "dev-csv-processor", memory: 512), function("prod", "prod-csv-processor", memory: 2048)],
                                          alarms: [], environments: environments, config: mayDiffer)
        #expect(memory.differences.first?.expected == "memory may differ")
        let other = ParityReport.compare([function("dev", "dev-validator", memory: 512), function("prod", "prod-validator", memory: 2048)],
                                         alarms: [], environments: environments, config: mayDiffer)
        #expect(other.differences.first?.expected == nil, "the rule covers csv-* only")
    }

    @Test func aFailedReadIsUnreadableNotADifferenceAndAFailedListIsNotMissing() {
        let denied = AWSError(service: "lambda", operation: "GetFunctionConcurrency", status: 403, code: "AccessDeniedException", message: "not authorized")
        let settings = [
            function("dev", "dev-csv-processor", memory: 1024, extra: [Setting("Reserved concurrency", "none", call: "lambda:GetFunctionConcurrency")]),
            function("prod", "prod-csv-processor", memory: 1024, extra: [.failed("Reserved concurrency", call: "lambda:GetFunctionConcurrency", denied)]),
            ResourceSettings(environment: "dev", kind: .parameter, name: "/app/dev/config/x", settings: [Setting("Type", "String", call: "ssm:GetParametersByPath")]),
            .listing(.parameter, environment: "prod", AWSError(service: "ssm", operation: "GetParametersByPath", status: 400, code: "ThrottlingException", message: "Rate exceeded")),
        ]
        let report = ParityReport.compare(settings, alarms: [], environments: environments, config: ParityConfig())
        let concurrency = try! #require(report.differences.first { $0.setting == "Reserved concurrency" })
        #expect(concurrency.unreadable && concurrency.expected == nil)
        #expect(concurrency.side("prod")?.value == "unavailable: AccessDeniedException (HTTP 403) on lambda:GetFunctionConcurrency")
        let parameter = try! #require(report.differences.first { $0.kind == .parameter })
        #expect(parameter.side("prod")?.value == "unavailable: ThrottlingException (HTTP 400) on ssm:GetParametersByPath")
        #expect(parameter.unreadable)
    }

    @Test func anAlarmInOneEnvironmentOnlyIsADifference() {
        let alarm = { (env: String, name: String) in AlarmSummary(environment: env, name: name, state: .ok, since: Date(), reason: "", namespace: "AWS/ApiGateway", metric: "5XXError") }
        let settings = ["staging", "prod"].map { function($0, "\($0)-api", memory: 512) }
        let report = ParityReport.compare(settings, alarms: [alarm("prod", "prod-api-5xx"), alarm("staging", "staging-errors"), alarm("prod", "prod-errors")],
                                          environments: environments, config: ParityConfig())
        let alarms = report.differences.filter { $0.kind == .alarm }
        #expect(alarms.count == 1, "\(alarms)")
        #expect(alarms.first?.resource == "api-5xx" && alarms.first?.sides.map(\.value) == ["missing", "yes"], "dev has no settings at all, so it is not compared")
    }

    func bucket(_ env: String, policy: String, retention: Int = 90) -> [ResourceSettings] {
        [
            ResourceSettings(environment: env, kind: .bucket, name: "opsdeck-\(env)-ingest", settings: [
                Setting("Versioning", "Enabled", call: "s3:GetBucketVersioning"), Setting("Policy denies", policy, call: "s3:GetBucketPolicy"),
                Setting("Lifecycle", "archive: GLACIER after 120 days", call: "s3:GetLifecycleConfiguration"),
            ]),
            ResourceSettings(environment: env, kind: .logGroup, name: "/aws/lambda/\(env)-csv", settings: [Setting("Retention", "\(retention) days", call: "logs:DescribeLogGroups")]),
        ]
    }

    @Test func glacierDaysAreTheFewestOverEveryRuleAndGlacierClass() {
        #expect(PostureRules.glacierDays("archive: GLACIER after 120 days, expire after 365 days") == 120)
        #expect(PostureRules.glacierDays("a: STANDARD_IA after 30 days, DEEP_ARCHIVE after 400 days; b: noncurrent GLACIER_IR after 60 days") == 60)
        #expect(PostureRules.glacierDays("logs: STANDARD_IA after 30 days, expire after 90 days") == nil)
        #expect(PostureRules.glacierDays("odd: GLACIER after ? days") == nil)
        #expect(PostureRules.glacierDays("none") == nil)
    }

    @Test func postureRulesCheckEveryEnvironmentWithTheirEvidence() {
        let settings = bucket("dev", policy: "non-SSL requests", retention: 14) + bucket("prod", policy: "unencrypted uploads")
        var config = PostureConfig()
        config.glacierAfterDays = 180
        let checks = PostureRules(config).check(settings, environments: environments)
        let ssl = checks.filter { $0.rule == "bucket-ssl-only" }
        #expect(ssl.map(\.environment) == ["dev", "prod"] && ssl.map(\.passed) == [true, false])
        #expect(ssl.last?.evidence == "Policy denies: unencrypted uploads" && ssl.last?.call == "s3:GetBucketPolicy")
        #expect(checks.filter { $0.rule == "log-retention" }.map(\.passed) == [false, true])
        #expect(checks.filter { $0.rule == "bucket-glacier" }.map(\.passed) == [true, true], "120 days is within the configured 180")
        #expect(checks.first { $0.rule == "bucket-encrypted" }?.evidence == "Default encryption: not set")
        config.skip = ["bucket-ssl-only"]
        config.logRetentionDays = 7
        let relaxed = PostureRules(config).check(settings, environments: environments)
        #expect(!relaxed.contains { $0.rule == "bucket-ssl-only" })
        #expect(relaxed.filter { $0.rule == "log-retention" }.allSatisfy { $0.passed == true })
    }

    @Test func aSettingThatCouldNotBeReadIsUnknownNotFailed() {
        let denied = AWSError(service: "s3", operation: "GetBucketPolicy", status: 403, code: "AccessDenied", message: "Access Denied")
        let settings = [ResourceSettings(environment: "prod", kind: .bucket, name: "b", settings: [.failed("Policy denies", call: "s3:GetBucketPolicy", denied)])]
        let check = PostureRules(PostureConfig()).check(settings, environments: environments).first { $0.rule == "bucket-ssl-only" }
        #expect(check?.passed == nil)
        #expect(check?.evidence == "Policy denies: unavailable: AccessDenied (HTTP 403) on s3:GetBucketPolicy")
    }

    @Test func parityAndPostureAreReadFromConfig() throws {
        let text = """
        [environments.dev]
        account_id = "111111111111"
        region = "eu-west-1"

        [parity]
        patterns = ["{name}-{env}"]
        renames = { "dev:orders-v2" = "orders" }
        parameter_paths = ["/platform/{env}/"]

        [[parity.expected]]
        setting = "Memory"
        resources = "csv-*"

        [[parity.expected]]
        setting = "PITR"
        values = { prod = "ENABLED", "*" = "DISABLED" }

        [posture]
        log_retention_days = 365
        customer_key_environments = ["prod"]
        skip = ["bucket-glacier"]
        """
        let config = try OpsdeckConfig.parse(text).parity
        #expect(config.patterns == ["{name}-{env}"] && config.renames == ["dev:orders-v2": "orders"] && config.parameterPaths == ["/platform/{env}/"])
        #expect(config.expected == [ExpectedDifference(setting: "Memory", resources: "csv-*"), ExpectedDifference(setting: "PITR", values: ["prod": "ENABLED", "*": "DISABLED"])])
        #expect(config.posture.logRetentionDays == 365 && config.posture.customerKeyEnvironments == ["prod"] && config.posture.skip == ["bucket-glacier"])
        let base = "[environments.dev]\naccount_id = \"111111111111\"\nregion = \"eu-west-1\"\n"
        for (bad, message) in [
            ("[parity]\npatterns = [\"{name}\"]", "needs one {name} and one {env}"), ("[posture]\nskip = [\"no-such-rule\"]", "unknown rule 'no-such-rule'"),
            ("[posture]\nlog_retention_days = 0", "whole number of days"), ("[[parity.expected]]\nresources = \"x\"", "every entry needs setting"),
        ] {
            #expect(throws: ConfigError.self) { try OpsdeckConfig.parse(base + bad) }
            do { _ = try OpsdeckConfig.parse(base + bad) } catch { #expect("\(error)".contains(message), "\(error)") }
        }
    }
}
