import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

/// The options live mode shares between the console, `opsdeck snapshot` and `opsdeck record`.
struct LiveOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml or ~/.config/opsdeck/config.toml).")
    var config: String?

    @Option(name: .long, help: "Diagnostic log: requests, retries, throttling, clock skew, credential fetches, section failures, poll timings (never a secret); log_level in config.toml sets the detail.")
    var log: String?

    @Option(name: .long, help: "AWS profile for environments that name none, as the AWS CLI's --profile; without a config.toml, watch this profile's account.")
    var profile: String?

    @Option(name: .long, help: "Region for environments that name none, as the AWS CLI's --region; without a config.toml, the region to watch.")
    var region: String?

    func validate() throws {
        if let region, !EnvironmentConfig.isValidRegion(region) { throw ValidationError("--region '\(region)' is not a region name") }
    }

    /// Reads and checks the config (or, with --profile and no config file, makes one for that profile's account), then
    /// adds the organization's accounts if it asks for discovery; failures are one clear line.
    func settings(environment: [String: String]) async throws -> OpsdeckConfig {
        let url = config.map { URL(fileURLWithPath: $0) } ?? ConfigPaths(environment: environment).configFile
        do {
            if config == nil, let profile, !FileManager.default.fileExists(atPath: url.path) {
                if let log { try OpsdeckLog.start(file: URL(fileURLWithPath: log), level: "info") }
                let transport = CurlTransport(options: TransportOptions(environment: environment))
                defer { transport.close() }
                return try await ProfileAccount.settings(profile: profile, region: region, environment: environment, transport: transport)
            }
            var settings = try OpsdeckConfig.load(from: url, defaultRegion: region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"])
            if let profile {
                for index in settings.environments.indices where settings.environments[index].profile == nil { settings.environments[index].profile = profile }
            }
            if let log { try OpsdeckLog.start(file: URL(fileURLWithPath: log), level: settings.logLevel) }
            guard settings.discovery != nil else { return settings }
            let transport = CurlTransport(options: TransportOptions(environment: environment))
            defer { transport.close() }
            return try await AccountDiscovery.expand(settings, environment: environment, transport: transport)
        } catch {
            throw ConsoleFailure("\(error)")
        }
    }

    /// A poller over the live AWS clients of `settings`, each source passed through `wrap` (e.g. to record it); calls
    /// that change AWS leave the process only with `allowActions` (the headless commands never allow them).
    func poller(_ settings: OpsdeckConfig, environment: [String: String], allowActions: Bool = false, wrap: (EnvironmentConfig, any ExchangeSource) -> any ExchangeSource = { $1 }) -> Poller {
        var options = TransportOptions(environment: environment)
        options.requestTimeoutMs = Int(settings.requestTimeout * 1000)
        options.maxResponseBytes = settings.maxResponseMB << 20
        let transport = CurlTransport(options: options)
        let counter = CallCounter(countsRequests: true)
        var (sources, errors, signIns) = LiveSources.make(config: settings, environment: environment, transport: transport, allowActions: allowActions, counter: counter)
        for env in settings.environments { sources[env.name] = sources[env.name].map { wrap(env, $0) } }
        return Poller(environments: settings.environments, sources: sources, setupErrors: errors, interval: settings.pollInterval, historyMinutes: settings.historyMinutes,
                      windowMinutes: settings.metricWindowMinutes, aggregator: settings.aggregator, monitoring: settings.monitoring, counter: counter, signIns: signIns,
                      parity: settings.parity)
    }

    /// Starts a recording at `path` (gzip when asked or named .gz) of a session watching `settings`.
    func recorder(to path: String, title: String, start: Date, settings: OpsdeckConfig, gzip: Bool = false) throws -> Recorder {
        var header = Recording.Header(title: title, start: start, historyMinutes: settings.historyMinutes, environments: settings.environments,
                                      aggregator: settings.aggregator, monitoring: settings.monitoring)
        header.windowMinutes = settings.metricWindowMinutes
        header.parity = settings.parity
        do {
            return try Recorder(url: URL(fileURLWithPath: path), header: header, gzip: gzip || path.hasSuffix(".gz"))
        } catch {
            throw ConsoleFailure("\(error)")
        }
    }

    /// A poller for the synchronous console command, and whether actions are allowed (`flag` or `allow_actions`).
    func poller(environment: [String: String], allowActionsFlag flag: Bool) throws -> (poller: Poller, allowActions: Bool) {
        let settings = try Blocking.wait { try await self.settings(environment: environment) }
        let allowed = flag || settings.allowActions
        return (poller(settings, environment: environment, allowActions: allowed), allowed)
    }
}
