import Foundation
import AWSCore

/// Why a TOML document could not be read, with the line at fault.
public struct TOMLError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Parses the TOML that opsdeck's config, theme and key files use: tables, array tables' plain cousins, strings,
/// numbers, booleans, arrays and inline tables, with comments. Dates and dotted keys are not supported.
public struct TOMLParser {
    private var chars: [Character]
    private var index = 0
    private var line = 1
    /// How deep arrays and inline tables are nested where the parser stands.
    private var depth = 0

    /// Arrays and inline tables nested deeper than this are refused, so no input can exhaust the stack.
    static let maxDepth = 64

    /// Parses `text` into its root table.
    public static func parse(_ text: String) throws -> [String: TOMLValue] {
        var parser = TOMLParser(chars: Array(text))
        return try parser.document()
    }

    private init(chars: [Character]) {
        self.chars = chars
    }

    private var current: Character? { index < chars.count ? chars[index] : nil }

    private mutating func advance() {
        if current == "\n" { line += 1 }
        index += 1
    }

    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Skips spaces, newlines and comments.
    private mutating func skipBlank() {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r\n" || c == "\r" {
                advance()
            } else if c == "#" {
                while let d = current, d != "\n", d != "\r\n" { advance() }
            } else {
                return
            }
        }
    }

    /// Requires the rest of the line to be blank or a comment.
    private mutating func endOfLine() throws {
        skipSpaces()
        if current == "#" { while let d = current, d != "\n", d != "\r\n" { advance() } }
        guard current == nil || current == "\n" || current == "\r\n" else {
            throw fail("unexpected '\(current!)' after value")
        }
    }

    private mutating func document() throws -> [String: TOMLValue] {
        var root: [String: TOMLValue] = [:]
        var path: [String] = []
        var defined: Set<[String]> = []
        while true {
            skipBlank()
            guard let c = current else { return root }
            if c == "[" {
                advance()
                var keys: [String] = []
                repeat {
                    skipSpaces()
                    keys.append(try key())
                    skipSpaces()
                    if current == "." { advance() } else { break }
                } while true
                guard current == "]" else { throw fail("expected ']' to close the table header") }
                advance()
                try endOfLine()
                guard defined.insert(keys).inserted else { throw fail("table [\(keys.joined(separator: "."))] defined twice") }
                try insert(.table([:]), at: keys, into: &root, replacingTable: false)
                path = keys
            } else {
                let name = try key()
                skipSpaces()
                guard current == "=" else { throw fail("expected '=' after key '\(name)'") }
                advance()
                skipSpaces()
                let v = try value()
                try endOfLine()
                try insert(v, at: path + [name], into: &root, replacingTable: true)
            }
        }
    }

    private func insert(_ v: TOMLValue, at keys: [String], into table: inout [String: TOMLValue], replacingTable: Bool) throws {
        guard let first = keys.first else { return }
        if keys.count == 1 {
            if let existing = table[first] {
                if case .table = existing, case .table = v, !replacingTable { return }
                throw fail("key '\(first)' defined twice")
            }
            table[first] = v
            return
        }
        var child = table[first] ?? .table([:])
        guard case .table(var inner) = child else { throw fail("key '\(first)' is not a table") }
        try insert(v, at: Array(keys.dropFirst()), into: &inner, replacingTable: replacingTable)
        child = .table(inner)
        table[first] = child
    }

    private mutating func key() throws -> String {
        if current == "\"" || current == "'" { return try quoted() }
        var out = ""
        while let c = current, c.isLetter || c.isNumber || c == "_" || c == "-" {
            out.append(c)
            advance()
        }
        guard !out.isEmpty else { throw fail(current.map { "unexpected '\($0)' where a key was expected" } ?? "a key was expected") }
        return out
    }

    private mutating func quoted() throws -> String {
        let quote = current!
        advance()
        var out = ""
        while let c = current {
            if c == quote {
                advance()
                return out
            }
            if c == "\n" || c == "\r\n" { break }
            if c == "\\" && quote == "\"" {
                advance()
                guard let e = current else { break }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "u", "U":
                    var hex = ""
                    for _ in 0..<(e == "u" ? 4 : 8) {
                        advance()
                        guard let h = current, h.isHexDigit else { throw fail("bad \\\(e) escape") }
                        hex.append(h)
                    }
                    guard let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else { throw fail("bad \\\(e) escape") }
                    out.append(Character(scalar))
                default: throw fail("unknown escape '\\\(e)'")
                }
                advance()
                continue
            }
            out.append(c)
            advance()
        }
        throw fail("unterminated string")
    }

    private mutating func value() throws -> TOMLValue {
        guard let c = current else { throw fail("a value was expected") }
        if c == "[" || c == "{" {
            guard depth < Self.maxDepth else { throw fail("arrays and inline tables nested more than \(Self.maxDepth) deep") }
            depth += 1
        }
        defer { if c == "[" || c == "{" { depth -= 1 } }
        switch c {
        case "\"", "'":
            return .string(try quoted())
        case "[":
            advance()
            var items: [TOMLValue] = []
            while true {
                skipBlank()
                if current == "]" { advance(); return .array(items) }
                items.append(try value())
                skipBlank()
                if current == "," { advance(); continue }
                guard current == "]" else { throw fail("expected ',' or ']' in array") }
            }
        case "{":
            advance()
            var table: [String: TOMLValue] = [:]
            skipSpaces()
            if current == "}" { advance(); return .table(table) }
            while true {
                skipSpaces()
                let name = try key()
                skipSpaces()
                guard current == "=" else { throw fail("expected '=' after key '\(name)'") }
                advance()
                skipSpaces()
                guard table[name] == nil else { throw fail("key '\(name)' defined twice") }
                table[name] = try value()
                skipSpaces()
                if current == "," { advance(); continue }
                guard current == "}" else { throw fail("expected ',' or '}' in inline table") }
                advance()
                return .table(table)
            }
        default:
            var word = ""
            while let d = current, !" \t\n\r\n,]}#".contains(d) {
                word.append(d)
                advance()
            }
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if let int = Int(digits) { return .integer(int) }
            if digits.lowercased().hasPrefix("0x"), let int = Int(digits.dropFirst(2), radix: 16) { return .integer(int) }
            if let double = Double(digits), digits.contains(where: { $0.isNumber }) { return .float(double) }
            throw fail(word.isEmpty ? "a value was expected" : "'\(word)' is not a value (strings need quotes)")
        }
    }
}
