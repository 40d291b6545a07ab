import Foundation
import AWSCore

extension Snapshot {
    /// The snapshot shown before the first poll answers: every environment listed, stale, with no data yet.
    public static func waiting(for environments: [EnvironmentConfig], at now: Date) -> Snapshot {
        Snapshot(capturedAt: now, accounts: environments.map {
            AccountStatus(environment: $0.name, accountId: $0.accountId, region: $0.region, health: .stale, error: nil)
        })
    }
}
