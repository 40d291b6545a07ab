import Foundation

/// Removes credentials from text before it is recorded: secret keys, session tokens and the access keys beside them,
/// in XML elements and JSON members.
public enum Redaction {
    static let names = ["SecretAccessKey", "SessionToken", "Token", "AccessKeyId", "aws_secret_access_key", "aws_session_token", "WebIdentityToken"]
    static let patterns: [NSRegularExpression] = names.flatMap { name in
        [#"(<\#(name)>)[^<]*(</\#(name)>)"#, #"("\#(name)"\s*:\s*")(?:[^"\\]|\\.)*(")"#].map { try! NSRegularExpression(pattern: $0) }
    }

    /// Whether `text` contains `word`, searching bytes (Foundation's `contains` is far slower on large bodies).
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// `text` with every credential value replaced by REDACTED.
    public static func scrub(_ text: String) -> String {
        guard names.contains(where: { contains(text, $0) }) else { return text }
        var out = text
        for pattern in patterns {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "$1REDACTED$2")
        }
        return out
    }
}
