import ArgumentParser
import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording
import Demo
import ConsoleCore

/// Prints a snapshot headless: JSON (the Snapshot value) or text (every panel's rows, then the API calls).
enum SnapshotOutput {
    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    /// Writes `snapshot` and exits as `snapshot` and `replay --format` both do: 1 when some account's data is
    /// missing, failed or stale (it is still printed), else 0.
    static func finish(_ snapshot: Snapshot, format: Format, calls: [String: Int]? = nil) throws {
        try print(snapshot, format: format, calls: calls)
        if snapshot.accounts.contains(where: { $0.health != .ok }) { throw ExitCode(1) }
    }

    /// Writes `snapshot` to stdout; `calls` (by "service Operation") is listed after the text form when given.
    static func print(_ snapshot: Snapshot, format: Format, calls: [String: Int]? = nil) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            try PrivateFile.printOut(try encoder.encode(snapshot) + Data("\n".utf8))
        case .text:
            var text = SnapshotReport.text(snapshot)
            if let calls {
                let summary = calls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                text += "\nAPI calls: \(calls.values.reduce(0, +)) (\(summary))\n"
            }
            try PrivateFile.printOut(Data(text.utf8))
        }
    }
}
