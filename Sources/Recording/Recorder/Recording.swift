import FoundationEssentials
import AWSCore
import Telemetry

/// A recorded live session: what was watched, then each poll cycle with the exchanges it made, and the calls of
/// the detail views the recording serves (settings and metric ranges of its resources).
public struct Recording: Equatable, Sendable {
    public var header: Header
    public var cycles: [Cycle]
    public var details: [Exchange]

    public init(header: Header, cycles: [Cycle] = [], details: [Exchange] = []) {
        self.header = header
        self.cycles = cycles
        self.details = details
    }

    /// The first line: format, version, start, and the environments as configured (without credentials or roles).
    public struct Header: Codable, Equatable, Sendable {
        public var format: String
        public var version: Int
        public var title: String
        public var start: Date
        public var historyMinutes: Int
        /// Minutes the session's Lambda numbers covered (absent in recordings older than the setting: the default).
        public var windowMinutes: Int?
        public var environments: [Environment]
        /// The Config aggregator the session read compliance from, if any.
        public var aggregator: AggregatorConfig?
        /// The environment whose monitoring account read every account's metrics, if any.
        public var monitoring: String?
        /// How the session compared environments (absent in recordings older than the Parity view: the defaults).
        public var parity: ParityConfig?

        /// The window the replay reads Lambda numbers over.
        public var metricWindow: Int { windowMinutes ?? MetricWindow.defaultMinutes }

        public init(title: String, start: Date, historyMinutes: Int, environments: [EnvironmentConfig], aggregator: AggregatorConfig? = nil, monitoring: String? = nil) {
            format = Recording.formatName
            version = Recording.currentVersion
            self.title = title
            self.start = start
            self.historyMinutes = historyMinutes
            self.environments = environments.map {
                Environment(name: $0.name, accountId: $0.accountId, region: $0.region, watch: $0.watch, look: $0.look == EnvironmentLook() ? nil : $0.look)
            }
            self.aggregator = aggregator
            self.monitoring = monitoring
        }
    }

    /// A watched environment as the recording keeps it.
    public struct Environment: Codable, Equatable, Sendable {
        public var name: String
        public var accountId: String
        public var region: String
        public var watch: WatchList
        /// Its colour and banner, when the session gave it any.
        public var look: EnvironmentLook?

        /// The environment as the poller takes it.
        public var config: EnvironmentConfig {
            var config = EnvironmentConfig(name: name, accountId: accountId, region: region, watch: watch)
            config.look = look ?? EnvironmentLook()
            return config
        }
    }

    /// One poll cycle: when, which environments were polled, and their exchanges.
    public struct Cycle: Equatable, Sendable {
        public var t: Double
        public var polled: [String]
        public var exchanges: [Exchange]

        public init(t: Double, polled: [String], exchanges: [Exchange]) {
            self.t = t
            self.polled = polled
            self.exchanges = exchanges
        }
    }

    public static let formatName = "opsdeck-recording"
    public static let currentVersion = 2
}
