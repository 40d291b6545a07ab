import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// Carries out triage requests off the event loop: AWS calls through each environment's source, each logged in the
/// triage store; results go back to the loop through the mailbox.
final class TriageRunner: @unchecked Sendable {
    let sources: [String: any ExchangeSource]
    let store: TriageStore
    let mailbox: ConsoleMailbox
    /// Who local actions are logged as when no caller identity is known.
    let localUser: String
    /// How long to wait between drift-detection status checks.
    var pollSeconds = 2.0
    /// The sign-in each environment's credentials rest on, and the process environment (for SSO endpoints and the cache).
    let signIns: [String: SSOConfig]
    let environment: [String: String]
    /// The live poller, for refreshing now.
    let poller: Poller?
    /// Where detail views fetch from, per environment (live: the sources, whose transport counts each request with
    /// the poller's; replay: the recording's detail exchanges, installed once loaded), and each environment as watched.
    private var detailSources: [String: any ExchangeSource]
    let environments: [String: EnvironmentConfig]
    private var details: [String: any ExchangeSource] { lock.withLock { detailSources } }
    /// Set while a replay's detail exchanges are still loading: detail and log requests wait for them.
    private var detailsPending = false
    private let lock = Lock()
    private var identities: [String: String] = [:]

    init(sources: [String: any ExchangeSource], paths: ConfigPaths, mailbox: ConsoleMailbox, localUser: String,
         signIns: [String: SSOConfig] = [:], environment: [String: String] = [:], poller: Poller? = nil,
         details: [String: any ExchangeSource] = [:], environments: [EnvironmentConfig] = []) {
        self.sources = sources
        self.detailSources = details
        self.environments = Dictionary(environments.map { ($0.name, $0) }) { first, _ in first }
        self.poller = poller
        self.signIns = signIns
        self.environment = environment
        self.store = TriageStore(paths: paths)
        self.mailbox = mailbox
        self.localUser = localUser
    }

    /// Holds detail and log requests until `install` (a replay whose recording is still loading).
    func awaitDetails() {
        lock.withLock { detailsPending = true }
    }

    /// Answers replayed detail views from `exchanges`, the recording's, once they are loaded.
    func install(details exchanges: [Exchange]) {
        let sources = Dictionary(grouping: exchanges, by: \.env).mapValues { RecordedDetails($0) as any ExchangeSource }
        lock.withLock {
            detailSources = environments.keys.reduce(into: [:]) { $0[$1] = sources[$1] ?? RecordedDetails([]) }
            detailsPending = false
        }
    }

    /// Waits (up to a minute) for a loading replay's detail exchanges.
    private func detailsLoaded() async {
        for _ in 0..<1200 where lock.withLock({ detailsPending }) {
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Writes files at once, in order; starts AWS work in the background.
    func submit(_ requests: [TriageRequest]) {
        for request in requests {
            switch request {
            case .save(let state):
                if let failure = store.save(state) { mailbox.post([failure]) }
            case .export(let path):
                mailbox.post([store.export(to: path)])
            default:
                Task.detached { self.mailbox.post(await self.perform(request)) }
            }
        }
    }

    /// Runs one AWS request (or logs a local action) and says how it went.
    func perform(_ request: TriageRequest) async -> [TriageOutcome] {
        switch request {
        case .detectDrift(let stack):
            return await detectDrift(stack)
        case .resourceDrifts(let stack):
            guard let source = sources[stack.environment] else { return [noSource(stack.environment)] }
            do {
                return [.report(Self.driftReport(stack, try await CloudFormationClient(source).resourceDrifts(stack: stack.name)))]
            } catch {
                return [.message("\(stack.name): \(error)", .critical)]
            }
        case .signIn(let name):
            return await signIn(name)
        case .refresh:
            await poller?.refresh()
            return []
        case .detail(let resource, let range, let end, let alarms):
            await detailsLoaded()
            guard let source = details[resource.environment], let environment = environments[resource.environment] else { return [noSource(resource.environment)] }
            var fetcher = DetailFetcher(source: source, environment: environment, alarms: alarms)
            fetcher.completePeriodsOnly = poller == nil
            return [.detail(await fetcher.fetch(resource, range: range, end: end))]
        case .readLogs(let request):
            await detailsLoaded()
            return [.logsRead(await LogReader(sources: details, replaying: poller == nil).read(request))]
        case .topErrors(let sources, let start, let end):
            await detailsLoaded()
            return [.topErrors(await LogReader(sources: details, replaying: poller == nil).topErrors(sources, start: start, end: end))]
        case .stackLogs(let stack):
            await detailsLoaded()
            guard let source = details[stack.environment] else { return [noSource(stack.environment)] }
            do {
                let functions = try await CloudFormationClient(source).resources(of: stack.name).filter { $0.type == "AWS::Lambda::Function" }
                guard !functions.isEmpty else { return [.message("\(stack.name) holds no Lambda function", .muted)] }
                return [.logSources(title: "\(stack.environment) \(stack.name) (\(functions.count) functions)",
                                    functions.map { LogTail.Source.lambda($0.physicalId, environment: stack.environment) })]
            } catch {
                return [.message("\(stack.name): \(error)", .critical)]
            }
        case .history(let alarm):
            guard let source = sources[alarm.environment] else { return [noSource(alarm.environment)] }
            do {
                let items = try await CloudWatchClient(source).history(alarm: alarm.name)
                let lines = items.map { (label: "\(Format.timestamp($0.time, now: Date()))", value: "\($0.type): \($0.summary)") }
                return [.report(.init(title: "History of \(alarm.key)", lines: lines.isEmpty ? [(label: "", value: "no history in the last 14 days")] : lines))]
            } catch {
                return [.message("\(alarm.name): \(error)", .critical)]
            }
        case .mute(let alarm, let until):
            guard let source = sources[alarm.environment] else { return [noSource(alarm.environment)] }
            do {
                try await CloudWatchClient(source).setActions(alarm: alarm.name, enabled: false)
                await log(alarm.environment, "mute", alarm.name, "DisableAlarmActions until \(AWSDate.format(until))", "ok")
                return [.muted(alarm.key, until: until), .message("\(alarm.name): actions disabled until \(Format.clock(until)) UTC", .ok)]
            } catch {
                await log(alarm.environment, "mute", alarm.name, "DisableAlarmActions until \(AWSDate.format(until))", "failed: \(error)")
                return [.message("\(alarm.name): \(error)", .critical)]
            }
        case .unmute(let key):
            let (environment, name) = (key.environment, key.name)
            guard let source = sources[environment] else { return [noSource(environment)] }
            do {
                try await CloudWatchClient(source).setActions(alarm: name, enabled: true)
                await log(environment, "unmute", name, "EnableAlarmActions", "ok")
                return [.unmuted(key), .message("\(name): actions enabled again", .ok)]
            } catch {
                await log(environment, "unmute", name, "EnableAlarmActions", "failed: \(error)")
                return [.unmuteFailed(key, retry: Date().addingTimeInterval(60)), .message("\(name): could not enable actions (retrying in 1m): \(error)", .critical)]
            }
        case .record(let entry):
            var entry = entry
            entry.who = await who(entry.environment)
            return store.append(entry).map { [$0] } ?? []
        case .save, .export:
            return []
        }
    }

    private func detectDrift(_ stack: StackSummary) async -> [TriageOutcome] {
        guard let source = sources[stack.environment] else { return [noSource(stack.environment)] }
        let client = CloudFormationClient(source)
        let call = stack.isStackSet ? "DetectStackSetDrift" : "DetectStackDrift"
        do {
            let deadline = Date().addingTimeInterval(180)
            if stack.isStackSet {
                let id = try await client.detectStackSetDrift(stack.name)
                var status = try await client.stackSetOperation(stack.name, id: id)
                while ["RUNNING", "QUEUED"].contains(status.status), Date() < deadline {
                    try await Task.sleep(nanoseconds: UInt64(pollSeconds * 1e9))
                    status = try await client.stackSetOperation(stack.name, id: id)
                }
                let result = "\(status.status)\(status.drift.map { ": \($0)" } ?? "")"
                await log(stack.environment, "detect-drift", stack.name, "\(call) operation \(id)", result)
                return [.message("StackSet \(stack.name) drift detection \(result)", status.drift == "DRIFTED" ? .critical : .ok)]
            }
            let id = try await client.detectDrift(stack: stack.name)
            var status = try await client.driftDetection(id)
            while status.status == "DETECTION_IN_PROGRESS", Date() < deadline {
                try await Task.sleep(nanoseconds: UInt64(pollSeconds * 1e9))
                status = try await client.driftDetection(id)
            }
            let drift = status.drift ?? "UNKNOWN"
            let result = status.status == "DETECTION_COMPLETE" ? "\(drift)\(status.drifted.map { ", \($0) resources drifted" } ?? "")" : "\(status.status): \(status.reason ?? "")"
            await log(stack.environment, "detect-drift", stack.name, "\(call) \(id)", result)
            var outcomes: [TriageOutcome] = [.message("\(stack.name): \(result)", drift == "DRIFTED" ? .critical : .ok)]
            if drift == "DRIFTED" { outcomes += await perform(.resourceDrifts(stack)) }
            return outcomes
        } catch {
            await log(stack.environment, "detect-drift", stack.name, call, "failed: \(error)")
            return [.message("\(stack.name): \(error)", .critical)]
        }
    }

    /// A report line per drifted resource and per property difference.
    static func driftReport(_ stack: StackSummary, _ drifts: [ResourceDrift]) -> DashboardView.Report {
        var lines: [(label: String, value: String)] = []
        for drift in drifts {
            lines.append((label: drift.logicalId, value: "\(drift.type) \(drift.physicalId ?? "") \(drift.status)"))
            for difference in drift.differences {
                lines.append((label: "  \(difference.path)", value: "expected \(difference.expected.compacted) → actual \(difference.actual.compacted) (\(difference.kind))"))
            }
        }
        return .init(title: "Drift of \(stack.environment)/\(stack.name)", lines: lines.isEmpty ? [(label: "", value: "no resource is modified or deleted")] : lines)
    }

    /// The caller identity of `environment`, looked up once; the local user if it cannot be had.
    private func who(_ environment: String) async -> String {
        if let known = lock.withLock({ identities[environment] }) { return known }
        guard let source = sources[environment], let arn = try? await STSClient(source).callerIdentity().arn else { return localUser }
        lock.withLock { identities[environment] = arn }
        return arn
    }

    private func log(_ environment: String, _ action: String, _ target: String, _ detail: String, _ outcome: String) async {
        if let failure = store.append(TriageLogEntry(time: Date(), who: await who(environment), environment: environment, action: action, target: target, detail: detail, outcome: outcome)) {
            mailbox.post([failure])
        }
    }

    private func noSource(_ environment: String) -> TriageOutcome {
        .message("\(environment) has no working credentials; see the status bar", .critical)
    }

    /// Runs the device sign-in for `name`'s sign-in: the page and code are shown as a report, then the outcome.
    private func signIn(_ name: String) async -> [TriageOutcome] {
        guard let config = signIns[name] else {
            return [.message("\(name)'s credentials do not come from IAM Identity Center; sign in as they need (see its error)", .warn)]
        }
        let mailbox = self.mailbox
        do {
            let token = try await SSOLogin.run(config, environment: environment) { device in
                mailbox.post([.report(.init(title: "Sign in to \(config.label)", lines: [
                    (label: "Open", value: device.verificationUriComplete ?? device.verificationUri), (label: "Code", value: device.userCode),
                    (label: "", value: "confirm in any browser; opsdeck waits and picks the sign-in up on the next poll"),
                ]))])
            }
            return [.message("signed in to \(config.label) until \(token.expiresAt); the next poll uses it", .ok)]
        } catch {
            return [.message("signing in to \(config.label): \(error)", .critical)]
        }
    }
}
