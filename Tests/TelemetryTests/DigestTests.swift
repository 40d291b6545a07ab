import Testing
import Foundation
@testable import AWSCore

/// The hand-written hashes against FIPS 180-4's examples and RFC 4231's HMAC cases (the SigV4 suites check them too).
@Suite struct DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func sha256MatchesFIPS(_ message: String, _ expected: String) {
        #expect(Digest.hex(Digest.sha256(Data(message.utf8))) == expected)
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func sha1MatchesFIPS(_ message: String, _ expected: String) {
        #expect(Digest.hex(Digest.sha1(Data(message.utf8))) == expected)
    }

    @Test func hmacMatchesRFC4231() {
        let short = Digest.hmacSHA256(key: [UInt8](repeating: 0x0b, count: 20), Data("Hi There".utf8))
        #expect(Digest.hex(short) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let jefe = Digest.hmacSHA256(key: Array("Jefe".utf8), Data("what do ya want for nothing?".utf8))
        #expect(Digest.hex(jefe) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let long = Digest.hmacSHA256(key: [UInt8](repeating: 0xaa, count: 131), Data("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(Digest.hex(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", "a key longer than a block is hashed first")
    }
}
