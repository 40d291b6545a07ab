import FoundationEssentials
import TOMLKit
import AWSCore

/// Reads TOML documents (config.toml, keys.toml, theme files) with TOMLKit, the mirrored binding of toml++, into opsdeck's
/// own `TOMLValue` tree, so every TOML 1.0 form works while opsdeck's checks of keys, types and values stay its own.
public enum TOMLDocument {
    /// Parses `text` into its root table; a syntax error carries toml++'s message and line.
    public static func parse(_ text: String) throws -> [String: TOMLValue] {
        // TOMLKit hands strings over as C strings, so a NUL, raw or escaped, would cut a value short: refuse it.
        for nul in ["\0", "\\u0000", "\\U00000000"] {
            guard let at = text.firstRange(of: nul) else { continue }
            throw TOMLError(line: text[..<at.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }, message: "NUL characters are not allowed in TOML")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLError(line: error.source.begin.line, message: message(error.description, line: error.source.begin.line, in: text))
        }
        return convert(table)
    }

    /// toml++'s message without its "Error while parsing …:" prefix and macro name, with a hint where a bare word was
    /// given for a string.
    private static func message(_ raw: String, line: Int, in text: String) -> String {
        var description = raw
        if description.hasPrefix("Error while parsing "), let colon = description.firstRange(of: ": ") { description = String(description[colon.upperBound...]) }
        if let macro = description.ranges(of: " (TOML_").last, description.hasSuffix(")") { description = String(description[..<macro.lowerBound]) }
        let source = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= source.count, let equals = source[line - 1].firstIndex(of: "=") else { return description }
        let value = source[line - 1][source[line - 1].index(after: equals)...].split(separator: "#").first?.trimming(.whitespaces) ?? ""
        guard let first = value.first, first.isLetter, value != "true", value != "false", value != "inf", value != "nan" else { return description }
        return "'\(value)' is not a value (strings need quotes)"
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLValue] {
        var out: [String: TOMLValue] = [:]
        for (key, value) in table { out[key] = convert(value.tomlValue) }
        return out
    }

    private static func convert(_ value: TOMLKit.TOMLValue) -> TOMLValue {
        switch value.type {
        case .table: return .table(value.table.map(convert) ?? [:])
        case .array: return .array(value.array.map { $0.map { convert($0.tomlValue) } } ?? [])
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
