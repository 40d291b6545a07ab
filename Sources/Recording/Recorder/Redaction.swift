import Foundation
import AWSCore
import Telemetry

/// Removes credentials from text before it is recorded: secret keys, session tokens and the access keys beside them,
/// in XML elements and JSON members, and the values of Lambda functions' environment variables (their names stay).
public enum Redaction {
    static let names = ["SecretAccessKey", "SessionToken", "Token", "AccessKeyId", "aws_secret_access_key", "aws_session_token", "WebIdentityToken"]
    static let patterns: [NSRegularExpression] = names.flatMap { name in
        [#"(<\#(name)>)[^<]*(</\#(name)>)"#, #"("\#(name)"\s*:\s*")(?:[^"\\]|\\.)*(")"#].map { try! NSRegularExpression(pattern: $0) }
    }

    /// A Lambda configuration's `"Variables": {...}` object, and a string value inside it.
    static let variables = try! NSRegularExpression(pattern: #""Variables"\s*:\s*\{[^{}]*\}"#)
    static let value = try! NSRegularExpression(pattern: #"(:\s*")(?:[^"\\]|\\.)*(")"#)

    /// `text` with every credential value and environment-variable value replaced by REDACTED.
    public static func scrub(_ text: String) -> String {
        var out = TextSearch.contains(text, "\"Variables\"") ? scrubVariables(text) : text
        guard names.contains(where: { TextSearch.contains(out, $0) }) else { return out }
        for pattern in patterns {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "$1REDACTED$2")
        }
        return out
    }

    /// `text` with the values inside each Variables object replaced.
    private static func scrubVariables(_ text: String) -> String {
        var out = text
        for match in variables.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: out) else { continue }
            let object = String(out[range])
            out.replaceSubrange(range, with: value.stringByReplacingMatches(in: object, range: NSRange(object.startIndex..., in: object), withTemplate: "$1REDACTED$2"))
        }
        return out
    }
}
