import ArgumentParser
import Foundation
import Panels
import Telemetry

/// Polls every environment once, headless, and prints every panel's data.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Poll every configured environment once and print every panel's data.",
        discussion: "Exit status: 0 when every environment answered fully, 1 when some data is missing or stale (it is still printed), 2 for configuration errors."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Option(name: .long, help: "Output format: json or text.")
    var format: Format = .text

    @OptionGroup var live: LiveOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let poller: Poller
        do {
            poller = try live.poller(environment: environment).poller
        } catch let failure as ConsoleFailure {
            FileHandle.standardError.write(Data("opsdeck: \(failure)\n".utf8))
            throw ExitCode(2)
        }
        let snapshot = await poller.poll(force: true)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try encoder.encode(snapshot) + Data("\n".utf8))
        case .text:
            let calls = await poller.lastCycleCalls
            let summary = calls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardOutput.write(Data((SnapshotReport.text(snapshot) + "\nAPI calls: \(calls.values.reduce(0, +)) (\(summary))\n").utf8))
        }
        if snapshot.accounts.contains(where: { $0.health != .ok }) { throw ExitCode(1) }
    }
}
