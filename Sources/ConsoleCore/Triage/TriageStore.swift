import FoundationEssentials
import AWSCore
import Telemetry
import Panels

/// The triage files: the state file, the append-only log and its exports, each write checked and serialised.
final class TriageStore: @unchecked Sendable {
    let paths: ConfigPaths
    private let lock = Lock()

    init(paths: ConfigPaths) {
        self.paths = paths
    }

    /// Writes the state file; a message if it cannot.
    func save(_ state: TriageState) -> TriageOutcome? {
        do {
            try lock.withLock { try state.save(paths.triageStateFile) }
            return nil
        } catch {
            return .message("cannot save triage state: \(error)", .critical)
        }
    }

    /// Appends to the log file; a message if it cannot.
    func append(_ entry: TriageLogEntry) -> TriageOutcome? {
        do {
            try lock.withLock { try TriageLog.append(entry, to: paths.triageLogFile) }
            return nil
        } catch {
            return .message("cannot write the triage log \(paths.triageLogFile.path): \(error)", .critical)
        }
    }

    /// Writes the log to `path` as JSON (a .json path) or Markdown, and says how it went.
    func export(to path: String) -> TriageOutcome {
        do {
            let entries = try lock.withLock { try TriageLog.load(paths.triageLogFile) }
            let data = path.hasSuffix(".json") ? try TriageLog.json(entries) : Data(TriageLog.markdown(entries).utf8)
            try PrivateFile.write(data, to: URL(fileURLWithPath: HomePath.expanding(path)))
            return .message("wrote \(entries.count) triage log entries to \(path)", .ok)
        } catch {
            return .message("export failed: \(error)", .critical)
        }
    }
}
