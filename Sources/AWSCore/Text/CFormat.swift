import Glibc

extension String {
    /// Text formatted as printf formats it (`%02x`, `%.2f`, `%04ld`): FoundationEssentials has no String(format:).
    /// Arguments are numbers (Int as %ld); strings are interpolated by the caller.
    public init(cFormat format: String, _ arguments: CVarArg...) {
        self = Self.printed(format, arguments)
    }

    /// vsnprintf's output for `format` and `arguments`, in a buffer grown until it fits.
    private static func printed(_ format: String, _ arguments: [CVarArg]) -> String {
        var size = 64
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let written = Int(withVaList(arguments) { vsnprintf(&buffer, size, format, $0) })
            guard written >= size else { return String(decoding: buffer.prefix(Swift.max(written, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            size = written + 1
        }
    }
}
