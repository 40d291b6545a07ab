import CZlib
import Foundation
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

    /// The first `bytes` (or a little more) of what `data` inflates to, for reading a recording's beginning before the
    /// rest; an error or the end of the stream ends it early.
    public static func prefix(_ data: Data, bytes: Int) -> Data {
        (try? inflated(data) { $0 < bytes })?.out ?? Data()
    }

    /// Inflates `data` up to `limit` bytes (more is an error, so a small bomb cannot fill memory); a stream cut short
    /// yields what was complete, `truncated` says so.
    public static func decompress(_ data: Data, limit: Int = .max) throws -> (data: Data, truncated: Bool) {
        let (out, status, remaining) = try inflated(data) { $0 <= limit }
        guard out.count <= limit else { throw GzipError(description: "inflates to more than \(limit >> 20) MB (at byte \(data.count - remaining) of \(data.count)); --max-size raises the limit") }
        switch status {
        case Z_STREAM_END: return (out, false)
        case Z_OK, Z_BUF_ERROR: return (out, true)
        default: throw GzipError(description: "corrupt gzip data at byte \(data.count - remaining) (\(String(cString: zError(status))))")
        }
    }

    /// Inflates `data` in 256 KB chunks while `more` says the output so far wants more: the output, zlib's last status
    /// and the input bytes left.
    private static func inflated(_ data: Data, more: (Int) -> Bool) throws -> (out: Data, status: Int32, remaining: Int) {
        var stream = z_stream()
        guard opsdeck_inflate_init_gzip(&stream) == Z_OK else { throw GzipError(description: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 262_144)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = buffer.baseAddress
            stream.avail_in = uInt(buffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { space in
                    stream.next_out = space.baseAddress
                    stream.avail_out = uInt(space.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    out.append(space.baseAddress!, count: space.count - Int(stream.avail_out))
                }
            } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0) && more(out.count)
        }
        return (out, status, Int(stream.avail_in))
    }
}
