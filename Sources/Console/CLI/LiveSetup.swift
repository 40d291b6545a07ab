import ArgumentParser
import Foundation
import Telemetry

/// The options live mode shares between the console and `opsdeck snapshot`.
struct LiveOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml or ~/.config/opsdeck/config.toml).")
    var config: String?

    /// Reads the config and builds a poller over the live AWS clients; failures are one clear line.
    func poller(environment: [String: String]) throws -> (poller: Poller, config: OpsdeckConfig) {
        let url = config.map { URL(fileURLWithPath: $0) } ?? ConfigPaths(environment: environment).configFile
        let settings: OpsdeckConfig
        do {
            settings = try OpsdeckConfig.load(from: url, defaultRegion: environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"])
        } catch {
            throw ConsoleFailure("\(error)")
        }
        let transport = CurlTransport(options: TransportOptions(environment: environment))
        let (sources, errors) = LiveSources.make(config: settings, environment: environment, transport: transport)
        let poller = Poller(environments: settings.environments, sources: sources, setupErrors: errors, interval: settings.pollInterval, historyMinutes: settings.historyMinutes)
        return (poller, settings)
    }
}
