import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Panels

/// Reads a user's key overrides: a `[keys]` table of action = "key" or ["key", ...].
enum KeyFile {
    /// The overrides in `file`, or nil when there is no such file.
    static func read(_ file: URL) throws -> [String: [String]]? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigError("cannot be read (\(FileFailure.reason(error)))")
        }
        do {
            return try overrides(TOMLDocument.parse(text))
        } catch let error as ConfigError {
            throw TOMLKeyLines.locate(error, in: text)
        }
    }

    /// The `[keys]` table of a parsed key file.
    private static func overrides(_ document: [String: TOMLValue]) throws -> [String: [String]] {
        var overrides: [String: [String]] = [:]
        for (action, value) in document["keys"]?.table ?? [:] {
            if let key = value.string {
                overrides[action] = [key]
            } else if let keys = value.array?.compactMap(\.string), keys.count == value.array?.count {
                overrides[action] = keys
            } else {
                throw ConfigError("keys.\(action) must be a key name or a list of key names", key: ["keys", action])
            }
        }
        return overrides
    }
}
