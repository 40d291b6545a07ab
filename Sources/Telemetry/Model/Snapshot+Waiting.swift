import FoundationEssentials
import AWSCore

extension Snapshot {
    /// The snapshot shown before the first poll answers: every environment listed, every section loading.
    public static func waiting(for environments: [EnvironmentConfig], at now: Date) -> Snapshot {
        let loading = Dictionary(uniqueKeysWithValues: PollSection.ID.allCases.map { ($0, SectionState(phase: .loading)) })
        return Snapshot(capturedAt: now, accounts: environments.map {
            AccountStatus(environment: $0.name, accountId: $0.accountId, region: $0.region, health: .stale, error: nil, sections: loading)
        })
    }
}
