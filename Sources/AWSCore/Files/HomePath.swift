import FoundationEssentials

/// Paths that start with `~`, expanded as the shell and NSString's expandingTildeInPath do for the current user.
public enum HomePath {
    /// `path` with a leading `~` or `~/` replaced by `home` (default: HOME, else the user's home directory).
    public static func expanding(_ path: String, home: String? = nil) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + path.dropFirst()
    }
}
