import FoundationEssentials
import AWSCore
import Logging

/// Polls every environment concurrently and assembles one immutable `Snapshot`. A failing environment keeps its last
/// good data, is marked stale (or error if it never succeeded) with the reason, and is retried with growing backoff;
/// the others go on.
public actor Poller {
    public nonisolated let environments: [EnvironmentConfig]
    /// Each environment's exchange source, for triage calls outside the poll.
    public nonisolated let sources: [String: any ExchangeSource]
    /// The IAM Identity Center sign-in each environment's credentials rest on, for signing in from the console.
    public nonisolated let signIns: [String: SSOConfig]
    private let pollers: [String: EnvironmentPoller]
    private let interval: Double
    public let counter: CallCounter
    private var last: [String: EnvironmentData] = [:]
    private var lastSuccess: [String: Date] = [:]
    /// The latest poll's failures per environment (identity, then sections).
    private var latest: [String: EnvironmentData] = [:]
    /// When each section of each environment last answered.
    private var sectionSuccess: [String: [PollSection.ID: Date]] = [:]
    private var failures: [String: Int] = [:]
    private var nextDue: [String: Date] = [:]
    private var verified: Set<String> = []
    /// Set by `refresh`: the run loop polls at once.
    private var refreshRequested = false
    /// The environments the latest cycle polled, in configuration order.
    public private(set) var lastPolled: [String] = []
    /// API calls made by the latest cycle, by "service Operation".
    public private(set) var lastCycleCalls: [String: Int] = [:]

    private let setupErrors: [String: String]
    /// How the Parity view matches and compares resources across the environments.
    private let parity: ParityConfig
    /// Bumped whenever an environment's settings are read again.
    private var settingsVersion = 0
    /// The last Parity report with what it was built from: settings change every ten minutes, not with every snapshot.
    private var parityCache: (settings: Int, alarms: Set<String>, report: ParityReport)?
    /// The settings of every environment as last published: snapshots share one array until they are read again
    /// (a replay keeps every frame's snapshot).
    private var settingsCache: (version: Int, settings: [ResourceSettings])?

    /// `setupErrors` explains environments that have no source (e.g. their credentials could not be set up).
    public init(environments: [EnvironmentConfig], sources: [String: any ExchangeSource], setupErrors: [String: String] = [:], interval: Double, historyMinutes: Int,
                windowMinutes: Int = MetricWindow.defaultMinutes, aggregator: AggregatorConfig? = nil, monitoring: String? = nil, counter: CallCounter = CallCounter(), signIns: [String: SSOConfig] = [:],
                parity: ParityConfig = .platformDefaults) {
        self.environments = environments
        self.sources = sources
        self.signIns = signIns
        self.setupErrors = setupErrors
        self.interval = interval
        self.counter = counter
        self.parity = parity
        var pollers: [String: EnvironmentPoller] = [:]
        for environment in environments {
            if let source = sources[environment.name] {
                var poller = EnvironmentPoller(environment: environment, source: CountingSource(source, counter: counter, environment: environment.name), historyMinutes: historyMinutes,
                                               windowMinutes: windowMinutes)
                if let aggregator {
                    let names = Dictionary(environments.map { ($0.accountId, $0.name) }) { first, _ in first }
                    poller.aggregator = (aggregator.name, aggregator.environment == environment.name, names)
                }
                if let monitoring { poller.monitoring = (monitoring == environment.name, environments) }
                poller.parity = parity
                poller.accountNames = Dictionary(environments.map { ($0.accountId, $0.name) }) { first, _ in first }
                pollers[environment.name] = poller
            }
        }
        self.pollers = pollers
    }

    /// Polls the environments that are due (all of them when `force`; exactly `only` when given) and returns the
    /// assembled snapshot.
    public func poll(now: Date = Date(), force: Bool = false, only: Set<String>? = nil) async -> Snapshot {
        let started = Date()
        let due = environments.filter { only?.contains($0.name) ?? (force || (nextDue[$0.name] ?? .distantPast) <= now) }.compactMap { environment -> EnvironmentPoller? in
            guard var poller = pollers[environment.name] else { return nil }
            poller.checkIdentity = !verified.contains(environment.name)
            return poller
        }
        let results = await withTaskGroup(of: (String, EnvironmentData).self) { group in
            for poller in due { group.addTask { (poller.environment.name, await poller.poll(now: now)) } }
            var results: [String: EnvironmentData] = [:]
            for await (name, data) in group { results[name] = data }
            return results
        }
        let log = OpsdeckLog.logger("poller")
        for (name, data) in results {
            record(name, data, now: now)
            for line in data.errors { log.warning("\(name) \(line)") }
        }
        lastPolled = environments.map(\.name).filter { results[$0] != nil }
        lastCycleCalls = counter.drain()
        if !results.isEmpty {
            log.info("polled \(lastPolled.joined(separator: ", ")) in \(Int(saturating: Date().timeIntervalSince(started) * 1000)) ms", metadata: ["calls": "\(lastCycleCalls.values.reduce(0, +))"])
        }
        return snapshot(at: now)
    }

    private func record(_ name: String, _ data: EnvironmentData, now: Date) {
        last[name] = data.merged(over: last[name])
        var failuresOnly = data
        failuresOnly.slices = [:]
        latest[name] = failuresOnly
        for id in data.slices.keys where !data.reused.contains(id) { sectionSuccess[name, default: [:]][id] = now }
        if data.slices[.settings] != nil && !data.reused.contains(.settings) { settingsVersion += 1 }
        if !data.slices.isEmpty { lastSuccess[name] = now }
        if data.identityFailure == nil && !data.slices.isEmpty {
            // Some section answered: the environment keeps its interval; only the failing calls wait for the next poll.
            failures[name] = 0
            verified.insert(name)
            nextDue[name] = now.addingTimeInterval(interval)
        } else if data.signedOut {
            // Signing in again is the user's move and checking for it reads only the token cache: no backoff.
            nextDue[name] = now.addingTimeInterval(interval)
        } else {
            if data.identityFailure == nil { verified.insert(name) }
            let count = (failures[name] ?? 0) + 1
            failures[name] = count
            nextDue[name] = now.addingTimeInterval(interval * Double(min(1 << min(count - 1, 3), 8)))
        }
    }

    /// When the next environment falls due.
    public func nextPollDate() -> Date {
        environments.compactMap { pollers[$0.name] == nil ? nil : nextDue[$0.name] ?? .distantPast }.min() ?? .distantFuture
    }

    /// Polls whenever an environment falls due and hands each new snapshot to `publish`, until the task is cancelled;
    /// during the first poll it also hands over the calls' progress twice a second.
    public func run(publish: @escaping @Sendable (Snapshot) -> Void) async {
        var progress: Task<Void, Never>? = Task {
            while true {
                try? await Task.sleep(nanoseconds: 500_000_000)
                guard !Task.isCancelled else { return }
                publish(snapshot(at: Date()))
            }
        }
        while !Task.isCancelled {
            let snapshot = await poll(now: Date())
            progress?.cancel()
            progress = nil
            publish(snapshot)
            // Sleeps until the next environment is due, or until `refresh` asks for a poll now.
            let deadline = Date().addingTimeInterval(min(max(1, nextPollDate().timeIntervalSinceNow), 3600))
            while !Task.isCancelled, !refreshRequested, Date() < deadline { try? await Task.sleep(nanoseconds: 250_000_000) }
            refreshRequested = false
        }
    }

    /// Polls every environment now and discovers their resources again (the console's refresh key).
    public func refresh() {
        for poller in pollers.values {
            poller.discovery.force()
            poller.slow.force()
        }
        nextDue = [:]
        refreshRequested = true
    }

    /// How each section of `name` stands at `now`: failed when its latest call failed (every section, when the
    /// credentials or the identity check did), stale when its data is older than two intervals, loading before it
    /// first answers.
    private func sectionStates(_ name: String, now: Date) -> [PollSection.ID: SectionState] {
        let answered = sectionSuccess[name] ?? [:]
        let everything: SectionFailure? = pollers[name] == nil
            ? SectionFailure(call: "credentials", cause: .credentials, detail: setupError(name))
            : latest[name]?.identityFailure
        var states: [PollSection.ID: SectionState] = [:]
        for section in PollSection.all {
            let good = answered[section.id]
            if let failure = everything ?? latest[name]?.failures[section.id] {
                states[section.id] = SectionState(phase: .failed, lastGood: good, failure: failure)
            } else if latest[name]?.unwatched.contains(section.id) == true {
                states[section.id] = SectionState(phase: .notConfigured, lastGood: good)
            } else if let good {
                states[section.id] = SectionState(phase: now.timeIntervalSince(good) > 2 * max(interval, section.interval ?? 0) ? .stale : .fresh, lastGood: good)
            } else {
                states[section.id] = SectionState(phase: .loading)
            }
        }
        return states
    }

    /// Why environment `name` has no source.
    private func setupError(_ name: String) -> String {
        setupErrors[name] ?? "no exchange source for this environment"
    }

    /// The snapshot as of the latest polls.
    public func snapshot(at now: Date) -> Snapshot {
        var snapshot = Snapshot(capturedAt: now, accounts: [])
        for environment in environments {
            let errors = latest[environment.name]?.errors ?? (pollers[environment.name] == nil ? [setupError(environment.name)] : [])
            let sections = sectionStates(environment.name, now: now)
            var account = AccountStatus(
                environment: environment.name, accountId: environment.accountId, region: environment.region, health: AccountStatus.Health(sections),
                lastSuccess: lastSuccess[environment.name], error: errors.isEmpty ? nil : errors.joined(separator: "; "), sections: sections)
            if sections.values.contains(where: { $0.phase == .loading }) { account.progress = counter.progress(of: environment.name) }
            account.credentials = latest[environment.name]?.credentials
            snapshot.accounts.append(account)
            guard let data = last[environment.name] else { continue }
            for section in PollSection.all {
                if let slice = data.slices[section.id] { snapshot.add(slice) }
            }
        }
        if let cache = settingsCache, cache.version == settingsVersion {
            snapshot.settings = cache.settings
        } else {
            settingsCache = (settingsVersion, snapshot.settings)
        }
        let alarms = Set(snapshot.alarms.map(\.key.description))
        if let cache = parityCache, cache.settings == settingsVersion, cache.alarms == alarms {
            snapshot.parity = cache.report
        } else {
            snapshot.parity = ParityReport.compare(snapshot.settings, alarms: snapshot.alarms, environments: environments, config: parity)
            parityCache = (settingsVersion, alarms, snapshot.parity)
        }
        return snapshot
    }
}
