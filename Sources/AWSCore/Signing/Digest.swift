import FoundationEssentials

/// SHA-256, SHA-1 and HMAC-SHA256 as opsdeck uses them: SigV4, the SSO cache's file names, and fingerprints of values
/// that must not be shown (SHA2 holds the hashes and why they are hand-written).
public enum Digest {
    /// The first `length` hex digits of the SHA-256 of `text`: a short fingerprint that tells values apart without showing them.
    public static func fingerprint(_ text: String, length: Int = 12) -> String {
        String(hex(sha256(Data(text.utf8))).prefix(length))
    }

    /// `bytes` as lower-case hex.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// SHA-256 of `data`.
    static func sha256(_ data: Data) -> [UInt8] { SHA2.sha256([UInt8](data)) }

    /// SHA-1 of `data` (the AWS CLI's SSO cache file names; not for security).
    static func sha1(_ data: Data) -> [UInt8] { SHA2.sha1([UInt8](data)) }

    /// HMAC-SHA256 of `data` under `key` (RFC 2104: a key longer than the 64-byte block is hashed first).
    static func hmacSHA256(key: [UInt8], _ data: Data) -> [UInt8] {
        var block = key.count > 64 ? SHA2.sha256(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA2.sha256(block.map { $0 ^ 0x36 } + [UInt8](data))
        return SHA2.sha256(block.map { $0 ^ 0x5c } + inner)
    }
}
