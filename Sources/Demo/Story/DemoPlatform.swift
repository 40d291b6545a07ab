import AWSCore
import Telemetry
import Recording
/// The three-account platform the demo story runs on.
enum DemoPlatform {
    static let dev = Account(environment: "dev", accountId: "104729364815", region: "eu-west-1")
    static let staging = Account(environment: "staging", accountId: "287514036912", region: "us-west-2")
    static let prod = Account(environment: "prod", accountId: "398126457039", region: "us-east-1")
    static let all = [dev, staging, prod]
    /// Colours as a team would give them, and prod's banner.
    static let looks: [String: EnvironmentLook] = [
        "dev": EnvironmentLook(color: .green), "staging": EnvironmentLook(color: .yellow), "prod": EnvironmentLook(color: .red, banner: "PRODUCTION"),
    ]

    /// How the demo compares its environments: PITR in prod only, and staging's CSV capacity allowed to differ.
    static var parity: ParityConfig {
        var config = ParityConfig.platformDefaults
        config.expected.append(ExpectedDifference(setting: "Provisioned", resources: "orders"))
        config.expected.append(ExpectedDifference(setting: "KMS key", values: ["prod": "customer key (this account)", "*": "none (AWS managed key)"]))
        config.posture.customerKeyEnvironments = ["prod"]
        return config
    }

    /// One account of the platform.
    struct Account {
        let environment: String
        let accountId: String
        let region: String
    }
}
