import FoundationEssentials
import AWSCore
import Telemetry

/// A recording read a cycle at a time: the header at once, then each cycle with its exchanges as it is asked for,
/// then the detail exchanges. Nothing handed on is kept, so a replay never holds the whole file decoded.
public final class RecordingStream {
    public let header: Recording.Header
    /// The detail exchanges, read after the last cycle.
    public private(set) var details: [Exchange] = []
    private let lines: RecordingLines
    private let decoder: JSONDecoder
    private let names: Set<String>
    private var current: Recording.Cycle?
    private var lastTime: Double?
    private var inDetails = false
    private var ended = false

    /// Reads and checks the header of plain or gzip `raw`, which inflates to at most `maxBytes`.
    public init(_ raw: Data, maxBytes: Int = RecordingCodec.defaultMaxBytes) throws {
        lines = try RecordingLines(raw, maxBytes: maxBytes)
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let first = try lines.next(), !first.line.isEmpty else {
            throw RecordingError(line: 1, cause: "empty file, expected an \(Recording.formatName) header")
        }
        header = try RecordingCodec.readHeader(first.line, decoder: decoder)
        names = Set(header.environments.map(\.name))
    }

    /// How many bytes of the file this stream has read and will not read again.
    public var consumedInput: Int { lines.consumedInput }

    /// The next whole cycle, or nil after the last; failing with the line number and cause of the first problem.
    public func nextCycle() throws -> Recording.Cycle? {
        while !ended, let next = try lines.next() {
            let (line, number) = (next.line, lines.number)
            if line.isEmpty { throw RecordingError(line: number, cause: "blank line") }
            let isCycle = line.starts(with: Data("{\"cycle\"".utf8))
            if !isCycle, let exchange = try? decoder.decode(Exchange.self, from: line) {
                try take(exchange, number: number)
                continue
            }
            guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: line) else {
                let cut = try !next.terminated || (lines.atEnd() && lines.truncated)
                throw RecordingError(line: number, cause: cut ? "truncated: the file ends inside this line" : "not a JSON object")
            }
            guard object["cycle"] != nil else {
                do {
                    _ = try decoder.decode(Exchange.self, from: line)
                } catch {
                    throw RecordingError(line: number, cause: "not an exchange (\(DecodingFailure.describe(error)))")
                }
                throw RecordingError(line: number, cause: "not an exchange")
            }
            if let done = try begin(try cycleLine(line, number: number), number: number) { return done }
        }
        if !ended {
            ended = true
            if lines.truncated, lines.number > 1 { throw RecordingError(line: lines.number, cause: "truncated: the gzip stream ends early") }
        }
        defer { current = nil }
        return current
    }

    /// Files an exchange under the cycle being read, or with the detail exchanges.
    private func take(_ exchange: Exchange, number: Int) throws {
        guard lastTime != nil else { throw RecordingError(line: number, cause: "an exchange before any cycle line") }
        guard RecordingCodec.validOffset(exchange.t) else {
            throw RecordingError(line: number, cause: "time \(JSONValue.number(exchange.t).text) s is out of range (±\(JSONValue.number(RecordingCodec.maxOffset).text))")
        }
        if inDetails {
            guard names.contains(exchange.env) else { throw RecordingError(line: number, cause: "detail exchange for '\(exchange.env.visible)', which the header does not name") }
            var waiting = exchange
            waiting.pack()
            details.append(waiting)
            return
        }
        guard current?.polled.contains(exchange.env) == true else {
            throw RecordingError(line: number, cause: "exchange for '\(exchange.env.visible)', which this cycle did not poll")
        }
        current?.exchanges.append(exchange)
    }

    /// A checked cycle line.
    private func cycleLine(_ line: Data, number: Int) throws -> RecordingCodec.CycleLine {
        guard let cycle = try? decoder.decode(RecordingCodec.CycleLine.self, from: line) else {
            throw RecordingError(line: number, cause: "a cycle line needs a number `cycle` and a list `polled`")
        }
        guard RecordingCodec.validOffset(cycle.cycle) else {
            throw RecordingError(line: number, cause: "cycle time \(JSONValue.number(cycle.cycle).text) s is out of range (±\(JSONValue.number(RecordingCodec.maxOffset).text))")
        }
        return cycle
    }

    /// Starts the cycle (or the detail exchanges) a cycle line opens; returns the cycle it ends, if any.
    private func begin(_ cycle: RecordingCodec.CycleLine, number: Int) throws -> Recording.Cycle? {
        if cycle.detail == true {
            guard lastTime != nil else { throw RecordingError(line: number, cause: "detail exchanges before any cycle line") }
            inDetails = true
            defer { current = nil }
            return current
        }
        guard !inDetails else { throw RecordingError(line: number, cause: "a cycle after the detail exchanges, which come last") }
        if let lastTime, cycle.cycle < lastTime {
            throw RecordingError(line: number, cause: "cycle at \(cycle.cycle) s comes after one at \(lastTime) s")
        }
        if let unknown = cycle.polled.first(where: { !names.contains($0) }) {
            throw RecordingError(line: number, cause: "environment '\(unknown.visible)' is not in the header")
        }
        lastTime = cycle.cycle
        defer { current = Recording.Cycle(t: cycle.cycle, polled: cycle.polled, exchanges: []) }
        return current
    }
}
