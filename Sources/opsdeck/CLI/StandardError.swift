import Glibc

/// Messages for standard error, unbuffered, as FileHandle.standardError wrote them (FoundationEssentials has none).
enum StandardError {
    /// Writes `text` as it is.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
