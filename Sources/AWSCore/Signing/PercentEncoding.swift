/// RFC 3986 percent-encoding as SigV4 and the query protocol want it: unreserved characters stay, every other byte
/// of the UTF-8 becomes %XX.
public enum PercentEncoding {
    static let hexDigits = Array("0123456789ABCDEF")

    /// `text` percent-encoded.
    public static func encode(_ text: String) -> String { encode(text, keeping: []) }

    /// `text` as one URL path segment (as Foundation's urlPathAllowed without "/?#&="): unreserved characters and
    /// `!$'()*+,;:@` stay, every other byte becomes %XX.
    public static func encodeSegment(_ text: String) -> String { encode(text, keeping: Set("!$'()*+,;:@".utf8)) }

    /// `text` with unreserved characters and the bytes of `extra` as they are, every other byte of the UTF-8 as %XX.
    private static func encode(_ text: String, keeping extra: Set<UInt8>) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            case _ where extra.contains(byte):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out.append("%")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// `text` with each %XX turned back into its byte; nil when an escape is malformed or the bytes are not UTF-8,
    /// as Foundation's removingPercentEncoding.
    public static func decode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var input = text.utf8.makeIterator()
        while let byte = input.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of one hex digit.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
