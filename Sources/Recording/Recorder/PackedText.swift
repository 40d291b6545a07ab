import CZlib

/// Text kept deflated (zlib's compress2) until read: a replay's detail answers wait for a detail view that may never
/// open, and their bodies (metric series, log events) were most of its heap.
struct PackedText: Equatable, Sendable {
    /// The deflated bytes and the text's length in bytes, or the text itself where zlib could not deflate it.
    private enum Storage: Equatable, Sendable {
        case deflated([UInt8], count: Int)
        case plain(String)
    }

    private let storage: Storage

    init(_ text: String) {
        let source = Array(text.utf8)
        var length = compressBound(uLong(source.count))
        var packed = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&packed, &length, source, uLong(source.count), Z_BEST_SPEED)
        storage = status == Z_OK ? .deflated(Array(packed.prefix(Int(length))), count: source.count) : .plain(text)
    }

    /// The text again.
    var text: String {
        switch storage {
        case .plain(let text):
            return text
        case .deflated(let bytes, let count):
            var length = uLongf(count)
            return String(unsafeUninitializedCapacity: count) { buffer in
                uncompress(buffer.baseAddress, &length, bytes, uLong(bytes.count)) == Z_OK ? Int(length) : 0
            }
        }
    }
}
