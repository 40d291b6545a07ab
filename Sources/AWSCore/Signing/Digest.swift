import Foundation
import CCrypto

/// SHA-256, SHA-1 and HMAC-SHA256 over the system's libcrypto (OpenSSL 3, already linked by libcurl). Hand-written
/// rather than swift-crypto because swift-crypto compiles its own BoringSSL, which took most of a cold build; these
/// three one-shot calls are all opsdeck needs (SigV4 and the SSO cache's file names), and both AWS SigV4 suites check them.
public enum Digest {
    /// The first `length` hex digits of the SHA-256 of `text`: a short fingerprint that tells values apart without showing them.
    public static func fingerprint(_ text: String, length: Int = 12) -> String {
        String(sha256(Data(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(length))
    }

    /// SHA-256 of `data`.
    static func sha256(_ data: Data) -> [UInt8] { digest("sha256", data, length: 32) }

    /// SHA-1 of `data` (the AWS CLI's SSO cache file names; not for security).
    static func sha1(_ data: Data) -> [UInt8] { digest("sha1", data, length: 20) }

    /// HMAC-SHA256 of `data` under `key`.
    static func hmacSHA256(key: [UInt8], _ data: Data) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let written = key.withUnsafeBytes { key in
            data.withUnsafeBytes { bytes in
                opsdeck_hmac_sha256(key.baseAddress, Int32(key.count), bytes.baseAddress, bytes.count, &out)
            }
        }
        precondition(written == 32, "libcrypto's HMAC-SHA256 failed")
        return out
    }

    private static func digest(_ name: String, _ data: Data, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let written = data.withUnsafeBytes { bytes in opsdeck_digest(name, bytes.baseAddress, bytes.count, &out) }
        precondition(written == Int32(length), "libcrypto's \(name) failed")
        return out
    }
}
