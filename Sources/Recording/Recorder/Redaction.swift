import Foundation
import AWSCore
import Telemetry

/// Removes credentials from text before it is recorded: secret keys, session tokens and the access keys beside them,
/// in XML elements and JSON members.
public enum Redaction {
    static let names = ["SecretAccessKey", "SessionToken", "Token", "AccessKeyId", "aws_secret_access_key", "aws_session_token", "WebIdentityToken"]
    static let patterns: [NSRegularExpression] = names.flatMap { name in
        [#"(<\#(name)>)[^<]*(</\#(name)>)"#, #"("\#(name)"\s*:\s*")(?:[^"\\]|\\.)*(")"#].map { try! NSRegularExpression(pattern: $0) }
    }

    /// `text` with every credential value replaced by REDACTED.
    public static func scrub(_ text: String) -> String {
        guard names.contains(where: { TextSearch.contains(text, $0) }) else { return text }
        var out = text
        for pattern in patterns {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "$1REDACTED$2")
        }
        return out
    }
}
