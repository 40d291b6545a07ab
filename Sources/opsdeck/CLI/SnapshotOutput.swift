import ArgumentParser
import Foundation
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
