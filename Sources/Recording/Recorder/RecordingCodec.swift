import Foundation
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
        var data = raw
        var truncatedGzip = false
        if Gzip.isGzip(raw) {
            do {
                (data, truncatedGzip) = try Gzip.decompress(raw, limit: maxBytes)
            } catch {
                throw RecordingError(line: 0, cause: "\(error)")
            }
        } else if raw.count > maxBytes {
            throw RecordingError(line: 0, cause: "the file is larger than \(maxBytes >> 20) MB; --max-size raises the limit")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else {
            throw RecordingError(line: 1, cause: "empty file, expected an \(Recording.formatName) header")
        }
        let header = try readHeader(Data(first), decoder: decoder)
        let endsWithNewline = lines.last?.isEmpty == true
        if endsWithNewline { lines.removeLast() }
        var recording = Recording(header: header)
        var inDetails = false
        let names = Set(header.environments.map(\.name))
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            let isLast = index == lines.count - 1
            if line.isEmpty { throw RecordingError(line: number, cause: "blank line") }
            let isCycle = line.starts(with: Data("{\"cycle\"".utf8))
            if !isCycle, let exchange = try? decoder.decode(Exchange.self, from: Data(line)) {
                guard !recording.cycles.isEmpty else { throw RecordingError(line: number, cause: "an exchange before any cycle line") }
                guard validOffset(exchange.t) else { throw RecordingError(line: number, cause: "time \(JSONValue.number(exchange.t).text) s is out of range (±\(JSONValue.number(maxOffset).text))") }
                if inDetails {
                    guard names.contains(exchange.env) else { throw RecordingError(line: number, cause: "detail exchange for '\(exchange.env.visible)', which the header does not name") }
                    recording.details.append(exchange)
                    continue
                }
                guard recording.cycles[recording.cycles.count - 1].polled.contains(exchange.env) else {
                    throw RecordingError(line: number, cause: "exchange for '\(exchange.env.visible)', which this cycle did not poll")
                }
                recording.cycles[recording.cycles.count - 1].exchanges.append(exchange)
                continue
            }
            guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line)) else {
                let cut = isLast && (!endsWithNewline || truncatedGzip)
                throw RecordingError(line: number, cause: cut ? "truncated: the file ends inside this line" : "not a JSON object")
            }
            guard object["cycle"] != nil else {
                do {
                    _ = try decoder.decode(Exchange.self, from: Data(line))
                } catch {
                    throw RecordingError(line: number, cause: "not an exchange (\(DecodingFailure.describe(error)))")
                }
                throw RecordingError(line: number, cause: "not an exchange")
            }
            guard let cycle = try? decoder.decode(CycleLine.self, from: Data(line)) else {
                throw RecordingError(line: number, cause: "a cycle line needs a number `cycle` and a list `polled`")
            }
            guard validOffset(cycle.cycle) else {
                throw RecordingError(line: number, cause: "cycle time \(JSONValue.number(cycle.cycle).text) s is out of range (±\(JSONValue.number(maxOffset).text))")
            }
            if cycle.detail == true {
                guard !recording.cycles.isEmpty else { throw RecordingError(line: number, cause: "detail exchanges before any cycle line") }
                inDetails = true
                continue
            }
            guard !inDetails else { throw RecordingError(line: number, cause: "a cycle after the detail exchanges, which come last") }
            if let last = recording.cycles.last, cycle.cycle < last.t {
                throw RecordingError(line: number, cause: "cycle at \(cycle.cycle) s comes after one at \(last.t) s")
            }
            if let unknown = cycle.polled.first(where: { !names.contains($0) }) {
                throw RecordingError(line: number, cause: "environment '\(unknown.visible)' is not in the header")
            }
            recording.cycles.append(Recording.Cycle(t: cycle.cycle, polled: cycle.polled, exchanges: []))
        }
        if truncatedGzip, lines.count > 1 { throw RecordingError(line: lines.count, cause: "truncated: the gzip stream ends early") }
        return recording
    }

    /// The checked header of plain or gzip `raw`, read from the file's first megabyte alone.
    public static func header(of raw: Data, maxBytes: Int = defaultMaxBytes) throws -> Recording.Header {
        let head = Gzip.isGzip(raw) ? Gzip.prefix(raw, bytes: 1 << 20) : raw.prefix(1 << 20)
        guard let end = head.firstIndex(of: 0x0A), end > head.startIndex else {
            // No whole first line at the beginning (a damaged gzip, an empty file, a huge line): the whole read says why.
            return try decode(raw, maxBytes: maxBytes).header
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try readHeader(Data(head[head.startIndex..<end]), decoder: decoder)
    }

    private static func readHeader(_ line: Data, decoder: JSONDecoder) throws -> Recording.Header {
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
