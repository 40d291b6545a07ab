import FoundationEssentials
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
    /// The last outcome of each section slower than the poll, answered again until it falls due.
    let slow = SlowSectionMemory()
    /// This poll's slices and failures of the sections run before a late one (`PollSection.after`).
    var earlier = EnvironmentData()
    /// How the settings section reads parameters (their paths) and how the Parity view compares.
    public var parity = ParityConfig.platformDefaults
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
            for section in PollSection.all where section.id != .discovery && !section.after {
                group.addTask { await watched.runIfDue(section, now: now) }
            }
            var outcomes: [SectionOutcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var late = watched
        for outcome in outcomes {
            late.earlier.slices[outcome.id] = outcome.slice
            late.earlier.failures[outcome.id] = outcome.error
        }
        var lateOutcomes: [SectionOutcome] = []
        for section in PollSection.all where section.after { lateOutcomes.append(await late.runIfDue(section, now: now)) }
        for outcome in [found] + outcomes + lateOutcomes {
            data.slices[outcome.id] = outcome.slice
            data.failures[outcome.id] = outcome.error
            if outcome.slice != nil && outcome.calls == 0 && (outcome.id != .discovery || !environment.watch.discovers) { data.unwatched.insert(outcome.id) }
            if outcome.reused { data.reused.insert(outcome.id) }
        }
        return data
    }

    /// Runs `section` unless it is slower than the poll and not yet due; then its last outcome answers again.
    private func runIfDue(_ section: PollSection, now: Date) async -> SectionOutcome {
        guard let interval = section.interval else { return await run(section, now: now) }
        if var kept = slow.outcome(of: section.id, at: now, interval: interval) {
            kept.reused = true
            return kept
        }
        let outcome = await run(section, now: now)
        // A failure is tried again at the next poll; an answer is kept for the interval.
        if outcome.error == nil { slow.keep(outcome, at: now) }
        return outcome
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
        /// Whether this is an earlier run's outcome, answered again because the section was not due.
        var reused = false
    }

}

/// The last answer of each section slower than the poll, kept across polls (the poller's values are copied each poll).
final class SlowSectionMemory: @unchecked Sendable {
    private let lock = Lock()
    private var kept: [PollSection.ID: (outcome: EnvironmentPoller.SectionOutcome, at: Date)] = [:]

    /// The kept outcome of `id`, unless `interval` has (nearly) passed since it ran: a twentieth of it is allowed,
    /// so a replay's cycle times, a few milliseconds off the live ones, decide as the live poll did.
    func outcome(of id: PollSection.ID, at now: Date, interval: Double) -> EnvironmentPoller.SectionOutcome? {
        lock.withLock {
            guard let entry = kept[id], now.timeIntervalSince(entry.at) < interval * 0.95 else { return nil }
            return entry.outcome
        }
    }

    /// Keeps `outcome`, run at `now`.
    func keep(_ outcome: EnvironmentPoller.SectionOutcome, at now: Date) {
        lock.withLock { kept[outcome.id] = (outcome, now) }
    }

    /// Makes every slow section run at the next poll (the refresh key).
    func force() { lock.withLock { kept = [:] } }
}
