import FoundationEssentials
import AWSCore

/// Where opsdeck keeps its files, following the XDG base-directory rules.
public struct ConfigPaths: Sendable {
    public let configDirectory: URL
    public let stateDirectory: URL

    /// `$XDG_CONFIG_HOME/opsdeck`, else `~/.config/opsdeck`; state in `$XDG_STATE_HOME/opsdeck`, else `~/.local/state/opsdeck`.
    public init(environment: [String: String]) {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("opsdeck")
        } else {
            stateDirectory = home.appendingPathComponent(".local/state/opsdeck")
        }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("opsdeck")
        } else {
            configDirectory = home.appendingPathComponent(".config/opsdeck")
        }
    }

    /// The live-mode settings: environments and what to watch.
    public var configFile: URL { configDirectory.appendingPathComponent("config.toml") }

    /// The user's key-binding overrides.
    public var keysFile: URL { configDirectory.appendingPathComponent("keys.toml") }

    /// Local triage state: acknowledged and muted alarms.
    public var triageStateFile: URL { stateDirectory.appendingPathComponent("triage.json") }

    /// Every triage action taken, one JSON object per line.
    public var triageLogFile: URL { stateDirectory.appendingPathComponent("triage-log.jsonl") }
}
