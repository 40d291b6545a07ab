import Foundation
import Testing
@testable import AWSCore
@testable import Telemetry
@testable import Demo
@testable import Panels

/// Compares rendered text with the golden file `__Snapshots__/NAME.txt`; OPSDECK_RECORD=1 (or a missing file) writes it and fails.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    let record = ProcessInfo.processInfo.environment["OPSDECK_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    if expected != text + "\n" {
        let diff = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let where_ = diff.map { "first difference at line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "line counts differ"
        Issue.record("snapshot \(name) differs (OPSDECK_RECORD=1 rewrites it); \(where_)\n\(text)", sourceLocation: sourceLocation)
    }
}
