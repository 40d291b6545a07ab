import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct OpsdeckConfigTests {
    let sample = """
    poll_interval = 30
    history_minutes = 60

    [watch]
    stack_prefixes = ["platform-"]
    functions = ["csv-processor"]
    rules = []

    [environments.prod]
    account_id = "398126457039"
    region = "us-east-1"
    role_arn = "arn:aws:iam::398126457039:role/OpsdeckReadOnly"
    external_id = "opsdeck"

    [environments.staging]
    account_id = "287514036912"
    profile = "ops"

    [environments.staging.watch]
    functions = ["staging-csv-processor"]
    bucket_replication = [{ bucket = "opsdeck-staging-ingest", destination_bucket = "opsdeck-prod-ingest", rule = "to-prod", destination = "prod" }]
    table_replicas = [{ table = "orders", receiving_region = "us-east-2", threshold_seconds = 10 }]
    rules = "all"

    [environments.dev]
    account_id = "104729364815"
    region = "eu-west-1"
    """

    @Test func readsEnvironmentsInPlatformOrderWithSharedAndOverriddenWatchLists() throws {
        let config = try OpsdeckConfig.parse(sample, defaultRegion: "us-west-2")
        #expect(config.pollInterval == 30 && config.historyMinutes == 60)
        #expect(config.environments.map(\.name) == ["dev", "staging", "prod"])
        let staging = config.environments[1]
        #expect(staging.region == "us-west-2" && staging.profile == "ops" && staging.roleArn == nil)
        #expect(staging.watch.functions == ["staging-csv-processor"])
        #expect(staging.watch.stackPrefixes == ["platform-"], "inherits the shared list")
        #expect(staging.watch.rules == nil, "\"all\" means every rule")
        #expect(staging.watch.bucketReplication.first?.thresholdSeconds == 900)
        #expect(staging.watch.tableReplicas.first == .init(table: "orders", receivingRegion: "us-east-2", thresholdSeconds: 10))
        let prod = config.environments[2]
        #expect(prod.roleArn == "arn:aws:iam::398126457039:role/OpsdeckReadOnly" && prod.externalId == "opsdeck")
        #expect(prod.watch.rules == [] && prod.watch.functions == ["csv-processor"])
        #expect(prod.watch.watches(stack: "platform-data") && !prod.watch.watches(stack: "sandbox"))
    }

    @Test(arguments: [
        ("[environments.dev]\naccount_id = 104729364815\nregion = \"eu-west-1\"", "account_id must be a 12-digit account id in quotes"),
        ("[environments.dev]\naccount_id = \"1234\"\nregion = \"eu-west-1\"", "account_id must be a 12-digit"),
        ("[environments.dev]\naccount_id = \"104729364815\"", "environments.dev.region is missing (and AWS_REGION is not set)"),
        ("[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\nrole = \"x\"", "environments.dev: unknown setting 'role'"),
        ("[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\nrole_arn = \"admin\"", "role_arn 'admin' is not a role ARN"),
        ("poll_interval = 1\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"", "poll_interval must be 10 to 86400 seconds"),
        ("[watch]\nfunctions = \"one\"\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"", "watch.functions must be a list of strings"),
        ("[watch]\nbucket_replication = [{ bucket = \"b\" }]\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"", "every entry needs destination_bucket"),
        ("poll_interval = 30", "no [environments.<name>] tables"),
        ("[environments.prod]\naccount_id = \"398126457039\"\nregion = \"r\"\ncolor = \"pink\"", "environments.prod.color 'pink' is not one of red, yellow, green, blue, magenta, cyan"),
        ("[environments.prod]\naccount_id = \"398126457039\"\nregion = \"r\"\nbanner = \"\(String(repeating: "P", count: 41))\"", "banner must be at most 40 printable characters"),
        ("[environments.prod]\naccount_id = \"398126457039\"\nregion = \"r\"\nbanner = \"PROD\\u001b[2J\"", "banner must be at most 40 printable characters"),
        ("[environments.dev\n", "line 1"),
    ])
    func badConfigsSayWhatIsWrong(text: String, message: String) {
        #expect { _ = try OpsdeckConfig.parse(text) } throws: { "\($0)".contains(message) }
    }

    @Test func missingFileNamesThePath() {
        #expect { _ = try OpsdeckConfig.load(from: URL(fileURLWithPath: "/nonexistent/config.toml")) } throws: {
            "\($0)".hasPrefix("/nonexistent/config.toml: cannot be read")
        }
    }
}

extension OpsdeckConfigTests {
    @Test func shippedExampleParses() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/config.example.toml")
        let config = try OpsdeckConfig.load(from: example)
        #expect(config.environments.map(\.name) == ["dev", "staging", "prod"])
        #expect(config.environments.allSatisfy { $0.roleArn != nil && $0.watch.rules == nil })
        #expect(config.environments[1].watch.bucketReplication.count == 1 && config.environments[2].watch.tableReplicas.count == 1)
        #expect(config.environments.map(\.look.color) == [.green, .yellow, .red] && config.environments[2].look.banner == "PRODUCTION")
    }
}

extension OpsdeckConfigTests {
    @Test func discoveryIsOnByDefaultAndTakesTags() throws {
        let config = try OpsdeckConfig.parse("""
        [environments.dev]
        account_id = "104729364815"
        region = "eu-west-1"
        [environments.prod]
        account_id = "398126457039"
        region = "us-east-1"
        watch = { discover = false, tags = { Environment = "prod", Team = "data" } }
        """)
        #expect(config.environments[0].watch.discovers, "no watch list: everything the stacks hold is discovered")
        #expect(!config.environments[1].watch.discovers && config.environments[1].watch.tags == ["Environment": "prod", "Team": "data"])
        #expect(throws: ConfigError("watch.tags must be an inline table of strings, e.g. { Environment = \"prod\" }", key: ["watch", "tags"])) {
            try OpsdeckConfig.parse("[watch]\ntags = { Environment = 3 }\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"\n")
        }
    }

    @Test func dottedKeysAndInlineTableArraysAreRead() throws {
        let config = try OpsdeckConfig.parse("""
        watch.functions = ["csv-processor", "validator"]
        watch.table_replicas = [
          { table = "orders", receiving_region = "us-east-2" },
          { table = "sessions", receiving_region = "eu-west-2", threshold_seconds = 30 },
        ]
        environments.dev = { account_id = "104729364815", region = "eu-west-1" }
        [environments.prod]
        account_id = "398126457039"
        region = "us-east-1"
        watch.bucket_replication = [{ bucket = "p", destination_bucket = "d", rule = "r" }]
        """)
        #expect(config.environments.map(\.name) == ["dev", "prod"])
        #expect(config.environments[0].watch.functions == ["csv-processor", "validator"])
        #expect(config.environments[0].watch.tableReplicas.map(\.thresholdSeconds) == [5, 30])
        #expect(config.environments[1].watch.bucketReplication.map(\.bucket) == ["p"])
        #expect(config.environments[1].watch.functions == ["csv-processor", "validator"], "the shared list under its own")
    }

    @Test(arguments: [
        ("[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\n\nrole_arn = \"admin\"\n", "line 5: environments.dev.role_arn 'admin' is not a role ARN"),
        ("poll_interval = 30\nenvironments.dev.account_id = \"104729364815\"\nenvironments.dev.region = 7\n", "line 3: environments.dev.region must be a non-empty string"),
        ("[watch]\nfunctions = [\"a\"]\nfunction = [\"b\"]\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"\n", "line 3: watch: unknown setting 'function'"),
        ("history_minutes = 2\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"\n", "line 1: history_minutes must be 5 to 1440"),
        ("history_minutes = 10\nmetric_window_minutes = 15\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"\n",
         "line 2: metric_window_minutes (15) must not exceed history_minutes (10)"),
    ])
    func aBadValueNamesTheFileTheLineAndTheKey(text: String, message: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-config-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError("\(file.path) \(message)")) { try OpsdeckConfig.load(from: file) }
    }
}
