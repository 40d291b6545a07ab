import FoundationEssentials
import Logging

/// A swift-log handler that appends one line per message to a private file (0600): time, level, label, message and
/// metadata. swift-log itself ships only handlers for stdout and stderr, which a full-screen console must never write
/// to, hence this one. Callers log calls, outcomes and timings, never headers, bodies or credentials.
public struct FileLogHandler: LogHandler {
    /// The open file, shared by every logger of the session.
    final class Sink: @unchecked Sendable {
        let lock = Lock()
        let writer: PrivateFile.Writer

        init(_ writer: PrivateFile.Writer) { self.writer = writer }

        /// Appends `line`; a failed write is dropped (there is nowhere left to report it).
        func write(_ line: String) {
            lock.withLock { try? writer.write(Data(line.utf8)) }
        }
    }

    let sink: Sink
    let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    init(sink: Sink, label: String, level: Logger.Level) {
        self.sink = sink
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line: time, level, label, message and metadata, control characters made visible.
    public func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { _, new in new }.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        sink.write("\(AWSDate.formatPrecise(Date())) \(event.level.rawValue) \(label): \("\(event.message)".visible)\(fields.visible)\n")
    }
}

/// The session's diagnostic log: off (no handler at all) until `start` names a file, so nothing ever reaches stderr.
public enum OpsdeckLog {
    nonisolated(unsafe) private static var sink: FileLogHandler.Sink?
    nonisolated(unsafe) private static var level: Logger.Level = .info
    private static let lock = Lock()

    /// The level names `log_level` takes, least severe first.
    public static let levels = Logger.Level.allCases.map(\.rawValue)

    /// Sends every logger's messages at `level` (one of `levels`) or above to `file` (created 0600, appended to).
    public static func start(file: URL, level name: String) throws {
        let level = Logger.Level(rawValue: name) ?? .info
        let writer = try PrivateFile.Writer(file, truncate: false)
        lock.withLock {
            sink = FileLogHandler.Sink(writer)
            self.level = level
        }
    }

    /// A logger for one part of opsdeck ("aws", "poller", "credentials"); it drops everything when no log was started.
    public static func logger(_ label: String) -> Logger {
        let current: (sink: FileLogHandler.Sink?, level: Logger.Level) = lock.withLock { (Self.sink, Self.level) }
        return Logger(label: "opsdeck.\(label)") { name in
            guard let open = current.sink else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(sink: open, label: name, level: current.level)
        }
    }
}
