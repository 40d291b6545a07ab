import FoundationEssentials
import AWSCore
import Telemetry

/// Removes credentials from text before it is recorded: secret keys, session tokens and the access keys beside them,
/// in XML elements and JSON members, and the values of Lambda functions' environment variables (their names stay).
public enum Redaction {
    static let names = ["SecretAccessKey", "SessionToken", "Token", "AccessKeyId", "aws_secret_access_key", "aws_session_token", "WebIdentityToken"]
    /// Matched scalar by scalar, as NSRegularExpression matches, so a combining mark cannot hide a quote or bracket;
    /// never changed after they are made (AnyRegexOutput is not Sendable, hence nonisolated(unsafe)).
    nonisolated(unsafe) static let patterns: [Regex<AnyRegexOutput>] = names.flatMap { name in
        [#"(<\#(name)>)[^<]*(</\#(name)>)"#, #"("\#(name)"\s*:\s*")(?:[^"\\]|\\.)*(")"#].map { try! Regex($0).matchingSemantics(.unicodeScalar) }
    }

    /// A Lambda configuration's `"Variables": {...}` object, and a string value inside it.
    nonisolated(unsafe) static let variables = try! Regex(#""Variables"\s*:\s*\{[^{}]*\}"#).matchingSemantics(.unicodeScalar)
    nonisolated(unsafe) static let value = try! Regex(#"(:\s*")(?:[^"\\]|\\.)*(")"#).matchingSemantics(.unicodeScalar)

    /// `text` with every credential value and environment-variable value replaced by REDACTED.
    public static func scrub(_ text: String) -> String {
        var out = TextSearch.contains(text, "\"Variables\"") ? scrubVariables(text) : text
        guard names.contains(where: { TextSearch.contains(out, $0) }) else { return out }
        for pattern in patterns { out = redacted(out, pattern) }
        return out
    }

    /// `text` with each match of `pattern` kept but for what lies between its two groups, which becomes REDACTED.
    private static func redacted(_ text: String, _ pattern: Regex<AnyRegexOutput>) -> String {
        text.replacing(pattern) { match in "\(match.output[1].substring ?? "")REDACTED\(match.output[2].substring ?? "")" }
    }

    /// `text` with the values inside each Variables object replaced.
    private static func scrubVariables(_ text: String) -> String {
        text.replacing(variables) { match in redacted(String(match.output[0].substring ?? ""), value) }
    }
}
