import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

/// Prints the triage log for an incident report.
struct TriageLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage-log",
        abstract: "Print every triage action taken (who, when, what, outcome) as Markdown or JSON.",
        discussion: "The log is $XDG_STATE_HOME/opsdeck/triage-log.jsonl (default ~/.local/state/opsdeck). In the console, `:export FILE` writes it too."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Option(name: .long, help: "markdown or json.")
    var format: Format = .markdown

    @Option(name: .long, help: "Only entries at or after this time (ISO 8601, e.g. 2026-11-22T14:00:00Z).")
    var since: String?

    func run() throws {
        let file = ConfigPaths(environment: ProcessInfo.processInfo.environment).triageLogFile
        var entries: [TriageLogEntry]
        do {
            entries = try TriageLog.load(file)
        } catch {
            throw ConsoleFailure("\(error)").exit()
        }
        if let since {
            guard let start = AWSDate.parse(since) else { throw ValidationError("--since must be an ISO 8601 time such as 2026-11-22T14:00:00Z") }
            entries = entries.filter { $0.time >= start }
        }
        switch format {
        case .markdown: try PrivateFile.printOut(Data(TriageLog.markdown(entries).utf8))
        case .json: try PrivateFile.printOut(try TriageLog.json(entries))
        }
    }
}
