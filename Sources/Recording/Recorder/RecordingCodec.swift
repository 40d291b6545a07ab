import FoundationEssentials
import AWSCore
import Telemetry

/// Why a recording could not be read, naming the line at fault.
public struct RecordingError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var cause: String

    public init(line: Int, cause: String) {
        self.line = line
        self.cause = cause
    }

    public var description: String { line > 0 ? "recording line \(line): \(cause)" : "recording: \(cause)" }
}

/// Reads and writes recordings as JSON Lines (optionally gzip): the header, then for each cycle a
/// `{"cycle": t, "polled": [...]}` line followed by its exchanges; detail views' exchanges follow a cycle line marked
/// `"detail": true`. Encoding is deterministic.
public enum RecordingCodec {
    /// A cycle line, or with `detail` the line before detail exchanges.
    struct CycleLine: Codable {
        var cycle: Double
        var polled: [String]
        var detail: Bool?
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The header line, newline-terminated.
    public static func encode(_ header: Recording.Header) throws -> Data {
        try encoder.encode(header) + Data([0x0A])
    }

    /// A cycle's lines, newline-terminated.
    public static func encode(_ cycle: Recording.Cycle) throws -> Data {
        var out = try encoder.encode(CycleLine(cycle: cycle.t, polled: cycle.polled)) + Data([0x0A])
        for exchange in cycle.exchanges { out += try encoder.encode(exchange) + Data([0x0A]) }
        return out
    }

    /// Detail exchanges gathered by `t`, after their marker line.
    public static func encode(details: [Exchange], t: Double, environments: [String]) throws -> Data {
        var out = try encoder.encode(CycleLine(cycle: t, polled: environments, detail: true)) + Data([0x0A])
        for exchange in details { out += try encoder.encode(exchange) + Data([0x0A]) }
        return out
    }

    /// A whole recording.
    public static func encode(_ recording: Recording) throws -> Data {
        let cycles = try recording.cycles.reduce(try encode(recording.header)) { $0 + (try encode($1)) }
        guard !recording.details.isEmpty else { return cycles }
        return cycles + (try encode(details: recording.details, t: recording.cycles.last?.t ?? 0, environments: recording.header.environments.map(\.name)))
    }

    /// The largest recording read by default, in bytes once inflated: 512 MB.
    public static let defaultMaxBytes = 512 << 20

    /// Decodes plain or gzip data of at most `maxBytes` (inflated), failing with the line number and cause of the first problem.
    public static func decode(_ raw: Data, maxBytes: Int = defaultMaxBytes) throws -> Recording {
        let stream = try RecordingStream(raw, maxBytes: maxBytes)
        var recording = Recording(header: stream.header)
        while let cycle = try stream.nextCycle() { recording.cycles.append(cycle) }
        recording.details = stream.details
        return recording
    }

    /// The checked header line.
    static func readHeader(_ line: Data, decoder: JSONDecoder) throws -> Recording.Header {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: line) else {
            throw RecordingError(line: 1, cause: "not JSON, expected an \(Recording.formatName) header")
        }
        guard object["format"]?.string == Recording.formatName else {
            throw RecordingError(line: 1, cause: "format is \(object["format"]?.string.map { "'\($0)'" } ?? "missing"), expected '\(Recording.formatName)'")
        }
        if let version = object["version"]?.double, version > Double(Recording.currentVersion) {
            throw RecordingError(line: 1, cause: "version \(JSONValue.number(version).text) is newer than this opsdeck reads (\(Recording.currentVersion)); upgrade opsdeck")
        }
        guard object["version"]?.double == Double(Recording.currentVersion) else {
            throw RecordingError(line: 1, cause: "version \(object["version"].map { "\($0)" } ?? "missing") is not supported (expected \(Recording.currentVersion))")
        }
        let header: Recording.Header
        do {
            header = try decoder.decode(Recording.Header.self, from: line)
        } catch {
            throw RecordingError(line: 1, cause: "header is incomplete (\(DecodingFailure.describe(error)))")
        }
        var seen = Set<String>()
        for environment in header.environments {
            guard EnvironmentConfig.isValidName(environment.name), EnvironmentConfig.isValidRegion(environment.region) else {
                throw RecordingError(line: 1, cause: "environment '\(environment.name.visible)' in region '\(environment.region.visible)' is not a valid name and region")
            }
            guard seen.insert(environment.name).inserted else {
                throw RecordingError(line: 1, cause: "environment '\(environment.name.visible)' appears twice in the header")
            }
        }
        guard (1...Self.maxHistoryMinutes).contains(header.historyMinutes) else {
            throw RecordingError(line: 1, cause: "historyMinutes \(header.historyMinutes) is out of range (1 to \(Self.maxHistoryMinutes))")
        }
        guard (1...min(60, header.historyMinutes)).contains(header.metricWindow) else {
            throw RecordingError(line: 1, cause: "windowMinutes \(header.metricWindow) is out of range (1 to 60, and at most historyMinutes)")
        }
        return header
    }

    /// The longest metric history a recording may ask for: 7 days.
    static let maxHistoryMinutes = 10_080

    /// The largest time offset, either way, a cycle or exchange may carry: about 31 years, far past any real session.
    static let maxOffset = 1e9

    /// Whether `t` is a time offset a recording can hold (the order of cycles is checked on its own).
    static func validOffset(_ t: Double) -> Bool { t.bounded(by: maxOffset) != nil }
}
