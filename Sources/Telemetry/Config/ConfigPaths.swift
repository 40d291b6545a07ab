import Foundation

/// Where opsdeck keeps its files, following the XDG base-directory rules.
public struct ConfigPaths: Sendable {
    public let configDirectory: URL

    /// `$XDG_CONFIG_HOME/opsdeck`, else `~/.config/opsdeck`.
    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("opsdeck")
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            configDirectory = home.appendingPathComponent(".config/opsdeck")
        }
    }

    /// The live-mode settings: environments and what to watch.
    public var configFile: URL { configDirectory.appendingPathComponent("config.toml") }

    /// The user's key-binding overrides.
    public var keysFile: URL { configDirectory.appendingPathComponent("keys.toml") }
}
