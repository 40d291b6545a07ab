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

    /// One account of the platform.
    struct Account {
        let environment: String
        let accountId: String
        let region: String
    }
}
