import Foundation
import AWSCore

/// Polls one environment: every section's calls run concurrently and fail independently.
public struct EnvironmentPoller: Sendable {
    public var environment: EnvironmentConfig
    public var source: any ExchangeSource
    /// Minutes of metric history; flow logs are read for the last five minutes of it.
    public var historyMinutes: Int
    /// Minutes the Lambda numbers cover (`metric_window_minutes`).
    public var windowMinutes: Int
    /// Whether to check the credentials' account against the configured one (first poll only).
    public var checkIdentity: Bool
    /// When compliance comes from an aggregator: its name, whether this environment holds it, and environment names by account.
    public var aggregator: (name: String, here: Bool, names: [String: String])?
    /// When metrics come from a monitoring account: whether this environment is it, and every environment it reads for.
    public var monitoring: (here: Bool, environments: [EnvironmentConfig])?
    /// What the CloudWatch endpoint refused in earlier polls.
    let metricMemory = MetricMemory()
    /// What discovery found in earlier polls.
    let discovery = DiscoveryMemory()
    /// Environment names by account id, for naming where discovered replication goes.
    public var accountNames: [String: String] = [:]

    public init(environment: EnvironmentConfig, source: any ExchangeSource, historyMinutes: Int = 30, windowMinutes: Int = MetricWindow.defaultMinutes, checkIdentity: Bool = true) {
        self.environment = environment
        self.source = source
        self.historyMinutes = historyMinutes
        self.windowMinutes = windowMinutes
        self.checkIdentity = checkIdentity
    }

    /// One poll at `now`: the identity check (first poll only), then every section concurrently.
    public func poll(now: Date) async -> EnvironmentData {
        var data = await pollSections(now: now)
        data.credentials = await source.credentialHealth()
        return data
    }

    /// The identity check (first poll only), then every section.
    private func pollSections(now: Date) async -> EnvironmentData {
        var data = EnvironmentData()
        if checkIdentity {
            do {
                let identity = try await STSClient(source).callerIdentity()
                guard identity.account == environment.accountId else {
                    data.identityFailure = SectionFailure(
                        call: "sts:GetCallerIdentity", cause: .other, code: "WrongAccount",
                        detail: "credentials are for account \(identity.account) (\(identity.arn)), but config.toml says \(environment.accountId)")
                    return data
                }
            } catch {
                data.identityFailure = SectionFailure(error)
                return data
            }
        }
        // Discovery first: what it finds is watched by the sections after it.
        let found = await run(.discovery, now: now)
        var copy = self
        copy.environment.watch = discovery.effective(environment.watch)
        let watched = copy
        // Each child task hands back a plain value (the slice, or the failure): release builds of Swift 6.3
        // crashed storing a Result<Snapshot, any Error> from a task group.
        let outcomes = await withTaskGroup(of: SectionOutcome.self) { group in
            for section in PollSection.all where section.id != .discovery {
                group.addTask { await watched.run(section, now: now) }
            }
            var outcomes: [SectionOutcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        for outcome in [found] + outcomes {
            data.slices[outcome.id] = outcome.slice
            data.failures[outcome.id] = outcome.error
            if outcome.slice != nil && outcome.calls == 0 && (outcome.id != .discovery || !environment.watch.discovers) { data.unwatched.insert(outcome.id) }
        }
        return data
    }

    /// Runs one section on its own, counting its calls.
    private func run(_ section: PollSection, now: Date) async -> SectionOutcome {
        var poller = self
        let counted = CallCounter()
        poller.source = CountingSource(source, counter: counted)
        do {
            return SectionOutcome(id: section.id, slice: try await section.fetch(poller, now), error: nil, calls: counted.progress(of: "").made)
        } catch {
            return SectionOutcome(id: section.id, slice: nil, error: SectionFailure(error), calls: counted.progress(of: "").made)
        }
    }

    /// What one section's calls came to.
    struct SectionOutcome: Sendable {
        var id: PollSection.ID
        var slice: Snapshot?
        var error: SectionFailure?
        /// How many calls the section made: none means nothing is watched for it here.
        var calls: Int
    }

}
