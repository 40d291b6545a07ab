import FoundationEssentials
import Glibc
import AWSCore
import Telemetry

/// The lines of a recording, plain or gzip, read as they are asked for: a gzip file is inflated a chunk at a time.
final class RecordingLines {
    private let gzip: GzipReader?
    private var buffer: Data
    /// The number of the line last read, from 1.
    private(set) var number = 0

    /// Lines of `raw`; a plain file over `maxBytes` is refused, a gzip one fails once it inflates past it.
    init(_ raw: Data, maxBytes: Int) throws {
        if Gzip.isGzip(raw) {
            gzip = GzipReader(raw, limit: maxBytes)
            buffer = Data()
        } else {
            guard raw.count <= maxBytes else {
                throw RecordingError(line: 0, cause: "the file is larger than \(maxBytes >> 20) MB; --max-size raises the limit")
            }
            gzip = nil
            buffer = raw
        }
    }

    /// How many bytes of a gzip input have been read and will not be read again (0 for a plain file, held whole).
    var consumedInput: Int { gzip?.consumed ?? 0 }

    /// Whether the gzip stream ended before its end marker; known once `next` has returned nil.
    var truncated: Bool { gzip?.truncated ?? false }

    /// The next line without its newline, and whether a newline ended it; nil after the last.
    func next() throws -> (line: Data, terminated: Bool)? {
        while true {
            let newline: Int? = buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, let found = memchr(base, 0x0A, bytes.count) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            if let newline {
                let line = Data(buffer.prefix(newline))
                buffer = buffer.dropFirst(newline + 1)
                number += 1
                return (line, true)
            }
            if try fill() { continue }
            guard !buffer.isEmpty else { return nil }
            defer { buffer = Data() }
            number += 1
            return (buffer, false)
        }
    }

    /// Whether no byte is left to read.
    func atEnd() throws -> Bool {
        while buffer.isEmpty, try fill() {}
        return buffer.isEmpty
    }

    /// Inflates the next chunk onto the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        do {
            guard let gzip, let chunk = try gzip.next() else { return false }
            // A fresh buffer of what is left and the chunk: appending to the slice would keep every line read before.
            var next = Data(capacity: buffer.count + chunk.count)
            next.append(buffer)
            next.append(chunk)
            buffer = next
            return true
        } catch let error as GzipError {
            throw RecordingError(line: 0, cause: "\(error)")
        }
    }
}
