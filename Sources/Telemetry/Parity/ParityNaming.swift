import FoundationEssentials
import AWSCore

/// Names a resource by what it is across environments: `csv-processor-dev` and `csv-processor-prod` are both
/// `csv-processor`, `/app/dev/config/x` is `/app/config/x`. Renames come first, then the configured patterns, then
/// the environment's name removed where it stands as a word (between `-`, `_`, `.`, `/`, a space or an end).
public struct ParityNaming: Sendable {
    public var config: ParityConfig

    public init(_ config: ParityConfig) { self.config = config }

    /// The logical name of `name` in `environment`.
    public func logical(_ name: String, environment: String) -> String {
        if !config.renames.isEmpty, let renamed = config.renames["\(environment):\(name)"] { return renamed }
        for pattern in config.patterns {
            let parts = pattern.replacing("{env}", with: environment).components(separatedBy: "{name}")
            guard parts.count == 2, name.count > parts[0].count + parts[1].count, name.hasPrefix(parts[0]), name.hasSuffix(parts[1]) else { continue }
            return String(name.dropFirst(parts[0].count).dropLast(parts[1].count))
        }
        return Self.withoutWord(environment, in: name)
    }

    static let delimiters: Set<Character> = ["-", "_", ".", "/", " "]

    /// `name` with `word` (which may hold delimiters itself, "acct-042") removed wherever it stands between
    /// delimiters or ends, with the delimiter after it ("/app/dev/config" is "/app/config", "dev-orders" is "orders"),
    /// or at the end with the one before it ("csv-processor-dev" is "csv-processor").
    public static func withoutWord(_ word: String, in name: String) -> String {
        guard !word.isEmpty, name.utf8.count > word.utf8.count, TextSearch.contains(name.lowercased(), word.lowercased()) else { return name }
        var out = name
        var from = out.startIndex
        while let found = TextSearch.caselessRange(of: word, in: out, from: from) {
            let startsWord = found.lowerBound == out.startIndex || delimiters.contains(out[out.index(before: found.lowerBound)])
            let endsWord = found.upperBound == out.endIndex || delimiters.contains(out[found.upperBound])
            guard startsWord, endsWord else {
                from = out.index(after: found.lowerBound)
                continue
            }
            let removed: Range<String.Index>
            if found.upperBound < out.endIndex {
                removed = found.lowerBound..<out.index(after: found.upperBound)
            } else if found.lowerBound > out.startIndex {
                removed = out.index(before: found.lowerBound)..<found.upperBound
            } else {
                return name
            }
            let offset = out.distance(from: out.startIndex, to: removed.lowerBound)
            out.removeSubrange(removed)
            guard !out.isEmpty else { return name }
            from = out.index(out.startIndex, offsetBy: min(offset, out.count))
        }
        return out
    }

    /// `value` with what is bound to differ by environment written as placeholders: its name, account and region.
    public static func normalized(_ value: String, environment: EnvironmentConfig) -> String {
        // Most values hold none of the three: the byte-wise checks keep Foundation's searches off that path.
        var out = value
        if !environment.accountId.isEmpty, TextSearch.contains(out, environment.accountId) { out = out.replacing(environment.accountId, with: "{account}") }
        if !environment.region.isEmpty, TextSearch.contains(out, environment.region) { out = out.replacing(environment.region, with: "{region}") }
        guard TextSearch.contains(out.lowercased(), environment.name.lowercased()) else { return out }
        return Self.replacingWord(environment.name, in: out, with: "{env}")
    }

    /// `text` with `word` replaced where it is a whole word (not inside a longer word of letters and digits).
    static func replacingWord(_ word: String, in text: String, with replacement: String) -> String {
        guard !word.isEmpty, TextSearch.caselessRange(of: word, in: text) != nil else { return text }
        let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber }
        var out = ""
        var rest = text[...]
        while let found = TextSearch.caselessRange(of: word, in: rest) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let whole = !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false)
            out += rest[..<found.lowerBound] + (whole ? replacement : String(rest[found]))
            rest = rest[found.upperBound...]
        }
        return out + rest
    }
}
