import FoundationEssentials
import AWSCore
/// Finds the line a key was written on. TOMLKit keeps no source positions for values, so opsdeck's own checks
/// (unknown keys, wrong types, bad values) find their line by reading the document's key lines and table headers.
public enum TOMLKeyLines {
    /// The first line that defines `path` itself, or else the line of its nearest defined parent; nil when none is written.
    public static func line(of path: [String], in text: String) -> Int? {
        var best: (length: Int, line: Int)?
        var table: [String] = []
        var inMultiline: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimming(.whitespaces)
            if let quote = inMultiline {
                if line.contains(quote) { inMultiline = nil }
                continue
            }
            let defined: [String]
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }
                guard let close = inner.firstIndex(of: "]") else { continue }
                table = keys(inner[..<close])
                defined = table
            } else if let equals = assignment(line) {
                defined = table + keys(line[..<equals])
                let rest = line[line.index(after: equals)...]
                inMultiline = ["\"\"\"", "'''"].first { rest.components(separatedBy: $0).count == 2 }
            } else {
                continue
            }
            let shared = zip(defined, path).prefix { $0 == $1 }.count
            guard shared == defined.count || shared == path.count, shared > (best?.length ?? 0) else { continue }
            best = (shared, index + 1)
        }
        return best?.line
    }

    /// " line N" for the line of `path` in `text`, to follow a file's name in a message; empty when it is not written.
    public static func label(of path: [String], in text: String) -> String {
        line(of: path, in: text).map { " line \($0)" } ?? ""
    }

    /// `error` placed at the line of its key in `text`, or `error` itself when the key is not written there.
    public static func locate(_ error: ConfigError, in text: String) -> any Error {
        line(of: error.key, in: text).map { TOMLError(line: $0, message: error.description) } ?? error
    }

    /// Where the `=` of a `key = value` line is, outside quoted keys.
    private static func assignment(_ line: String) -> String.Index? {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c } else if c == "=" { return index } else if c == "#" { return nil }
        }
        return nil
    }

    /// The parts of a dotted key, quotes removed.
    private static func keys(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimming(.whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimming(.whitespaces))
        return parts
    }
}
