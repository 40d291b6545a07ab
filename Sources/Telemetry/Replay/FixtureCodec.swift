import Foundation

/// Why a fixture could not be read, naming the line at fault.
public struct FixtureError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var cause: String

    public var description: String { "fixture line \(line): \(cause)" }
}

/// Reads and writes fixtures as JSON Lines, deterministically.
public enum FixtureCodec {
    /// Encodes a fixture; the same fixture always yields the same bytes.
    public static func encode(_ fixture: Fixture) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var out = Data()
        out.append(try encoder.encode(fixture.header))
        out.append(0x0A)
        for frame in fixture.frames {
            out.append(try encoder.encode(frame))
            out.append(0x0A)
        }
        return out
    }

    /// Decodes a fixture, failing with the line number and cause of the first problem.
    public static func decode(_ data: Data) throws -> Fixture {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else {
            throw FixtureError(line: 1, cause: "empty file, expected an \(Fixture.formatName) header")
        }
        let header: Fixture.Header
        do {
            header = try decoder.decode(Fixture.Header.self, from: Data(first))
        } catch {
            throw FixtureError(line: 1, cause: "not an \(Fixture.formatName) header (\(describe(error)))")
        }
        guard header.format == Fixture.formatName else {
            throw FixtureError(line: 1, cause: "format is '\(header.format)', expected '\(Fixture.formatName)'")
        }
        guard header.version <= Fixture.currentVersion else {
            throw FixtureError(line: 1, cause: "version \(header.version) is newer than this opsdeck reads (\(Fixture.currentVersion)); upgrade opsdeck")
        }
        var frames: [Fixture.Frame] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = index + 1
            let frame: Fixture.Frame
            do {
                frame = try decoder.decode(Fixture.Frame.self, from: Data(line))
            } catch {
                throw FixtureError(line: number, cause: "bad frame (\(describe(error)))")
            }
            if let previous = frames.last, frame.offset < previous.offset {
                throw FixtureError(line: number, cause: "offset \(frame.offset) goes back in time (previous \(previous.offset))")
            }
            frames.append(frame)
        }
        if let last = lines.last, !last.isEmpty {
            throw FixtureError(line: lines.count, cause: "truncated: the last line has no newline")
        }
        guard !frames.isEmpty else {
            throw FixtureError(line: lines.count, cause: "no frames after the header")
        }
        return Fixture(header: header, frames: frames)
    }

    /// A one-line reason for a decoding error.
    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "invalid value at \(path(context.codingPath))"
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(path(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(path(context.codingPath))'"
        default:
            return String(describing: error)
        }
    }

    /// A coding path as dotted keys and indices.
    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
