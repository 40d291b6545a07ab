import CZlib
import FoundationEssentials
import AWSCore
import Telemetry

/// Why gzip data could not be read.
public struct GzipError: Error, Equatable, CustomStringConvertible {
    public var description: String
}

/// Streaming gzip compression, flushed at each `write` so a file cut short still holds every complete chunk.
public final class GzipWriter {
    private var stream = z_stream()

    public init(level: Int32 = 6) {
        opsdeck_deflate_init_gzip(&stream, level)
    }

    deinit { deflateEnd(&stream) }

    /// Compresses `data`; `final` ends the gzip member.
    public func compress(_ data: Data, final: Bool = false) -> Data {
        var input = [UInt8](data)
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        input.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = buffer.baseAddress
            stream.avail_in = uInt(buffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { space in
                    stream.next_out = space.baseAddress
                    stream.avail_out = uInt(space.count)
                    deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
                    out.append(space.baseAddress!, count: space.count - Int(stream.avail_out))
                }
            } while stream.avail_out == 0
        }
        return out
    }
}

/// Reading gzip files.
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b }
}

/// Inflates gzip data a chunk at a time, so a recording is read without holding all it inflates to.
public final class GzipReader {
    private let data: Data
    private let limit: Int
    private var stream = z_stream()
    private var started = false
    private var finished = false
    private var offset = 0
    private var produced = 0
    /// Whether the stream ended before its end marker (a file cut short); known once `next` returns nil.
    public private(set) var truncated = false

    /// How many bytes of the input zlib has taken so far; the reader never reads the ones before again.
    public var consumed: Int { offset }

    /// A reader of `data` that fails once more than `limit` bytes are inflated.
    public init(_ data: Data, limit: Int = .max) {
        self.data = data
        self.limit = limit
    }

    deinit { if started { inflateEnd(&stream) } }

    /// The next inflated chunk (up to 256 KB), or nil at the end of the stream.
    public func next() throws -> Data? {
        guard !finished else { return nil }
        if !started {
            guard opsdeck_inflate_init_gzip(&stream) == Z_OK else { throw GzipError(description: "zlib could not start") }
            started = true
        }
        var chunk = Data(count: 262_144)
        var status: Int32 = Z_OK
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            chunk.withUnsafeMutableBytes { (space: UnsafeMutableRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress.map { $0 + offset })
                stream.avail_in = uInt(data.count - offset)
                stream.next_out = space.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(space.count)
                status = inflate(&stream, Z_NO_FLUSH)
            }
        }
        let count = chunk.count - Int(stream.avail_out)
        chunk.count = count
        produced += count
        let remaining = Int(stream.avail_in)
        offset = data.count - remaining
        guard produced <= limit else {
            throw GzipError(description: "inflates to more than \(limit >> 20) MB (at byte \(data.count - remaining) of \(data.count)); --max-size raises the limit")
        }
        switch status {
        case Z_STREAM_END:
            finished = true
        case Z_OK where remaining > 0 || stream.avail_out == 0:
            break
        case Z_OK, Z_BUF_ERROR:
            finished = true
            truncated = true
        default:
            throw GzipError(description: "corrupt gzip data at byte \(data.count - remaining) (\(String(cString: zError(status))))")
        }
        return count > 0 || !finished ? chunk : nil
    }
}
