import Foundation

/// Names a resource by what it is across environments: `csv-processor-dev` and `csv-processor-prod` are both
/// `csv-processor`, `/app/dev/config/x` is `/app/config/x`. Renames come first, then the configured patterns, then
/// the environment's name removed where it stands as a word (between `-`, `_`, `.`, `/`, a space or an end).
public struct ParityNaming: Sendable {
    public var config: ParityConfig

    public init(_ config: ParityConfig) { self.config = config }

    /// The logical name of `name` in `environment`.
    public func logical(_ name: String, environment: String) -> String {
        if let renamed = config.renames["\(environment):\(name)"] { return renamed }
        for pattern in config.patterns {
            let parts = pattern.replacingOccurrences(of: "{env}", with: environment).components(separatedBy: "{name}")
            guard parts.count == 2, name.count > parts[0].count + parts[1].count, name.hasPrefix(parts[0]), name.hasSuffix(parts[1]) else { continue }
            return String(name.dropFirst(parts[0].count).dropLast(parts[1].count))
        }
        return Self.withoutWord(environment, in: name)
    }

    static let delimiters: Set<Character> = ["-", "_", ".", "/", " "]

    /// `name` with `word` removed wherever it is a whole word: the word after it takes its delimiter ("/app/dev/config"
    /// is "/app/config", "dev-orders" is "orders"); at the end it goes with the delimiter before it.
    public static func withoutWord(_ word: String, in name: String) -> String {
        guard !word.isEmpty else { return name }
        var pieces: [(delimiter: String, word: String)] = []
        var current = ""
        var delimiter = ""
        for character in name {
            if delimiters.contains(character) {
                pieces.append((delimiter, current))
                delimiter = String(character)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append((delimiter, current))
        guard pieces.count > 1 else { return name }
        var kept: [(delimiter: String, word: String)] = []
        var carried: String?
        for piece in pieces {
            if piece.word.caseInsensitiveCompare(word) == .orderedSame {
                carried = carried ?? piece.delimiter
                continue
            }
            kept.append((carried ?? piece.delimiter, piece.word))
            carried = nil
        }
        guard kept.count < pieces.count, !kept.isEmpty else { return name }
        return kept.map { $0.delimiter + $0.word }.joined()
    }

    /// `value` with what is bound to differ by environment written as placeholders: its name, account and region.
    public static func normalized(_ value: String, environment: EnvironmentConfig) -> String {
        var out = value
        if !environment.accountId.isEmpty { out = out.replacingOccurrences(of: environment.accountId, with: "{account}") }
        if !environment.region.isEmpty { out = out.replacingOccurrences(of: environment.region, with: "{region}") }
        return Self.replacingWord(environment.name, in: out, with: "{env}")
    }

    /// `text` with `word` replaced where it is a whole word (not inside a longer word of letters and digits).
    static func replacingWord(_ word: String, in text: String, with replacement: String) -> String {
        guard !word.isEmpty, text.range(of: word, options: .caseInsensitive) != nil else { return text }
        let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber }
        var out = ""
        var rest = text[...]
        while let found = rest.range(of: word, options: .caseInsensitive) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let whole = !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false)
            out += rest[..<found.lowerBound] + (whole ? replacement : String(rest[found]))
            rest = rest[found.upperBound...]
        }
        return out + rest
    }
}
