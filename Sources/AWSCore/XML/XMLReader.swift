import FoundationEssentials

/// Why an XML document could not be read.
public struct XMLError: Error, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public var description: String { "XML at byte \(offset): \(message)" }
}

/// A small, non-validating XML reader for AWS query-protocol responses: elements, attributes, text, entities, CDATA.
public struct XMLReader {
    private let bytes: [UInt8]
    private var index = 0
    private static let maxDepth = 128

    /// Parses `data` and returns its root element.
    public static func parse(_ data: some Sequence<UInt8>) throws -> XMLTree {
        var reader = XMLReader(bytes: Array(data))
        try reader.skipProlog()
        guard reader.peek == UInt8(ascii: "<") else { throw reader.fail("the document has no root element") }
        let root = try reader.element(depth: 0)
        try reader.skipMisc()
        guard reader.index == reader.bytes.count else { throw reader.fail("content after the root element") }
        return root
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ message: String) -> XMLError { XMLError(offset: index, message: message) }

    private func starts(with text: String) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
    }

    private mutating func skip(past terminator: String) throws {
        let pattern = Array(terminator.utf8)
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern { index += pattern.count; return }
            index += 1
        }
        throw fail("unterminated construct, expected '\(terminator)'")
    }

    private mutating func skipSpace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
    }

    private mutating func skipMisc() throws {
        while true {
            skipSpace()
            if starts(with: "<?") { try skip(past: "?>") } else if starts(with: "<!--") { try skip(past: "-->") } else { return }
        }
    }

    private mutating func skipProlog() throws {
        if starts(with: "\u{FEFF}") { index += 3 }
        try skipMisc()
        if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
            try skip(past: ">")
            try skipMisc()
        }
    }

    private mutating func name() throws -> String {
        let start = index
        while let c = peek, !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")) {
            index += 1
        }
        guard index > start else { throw fail("a name was expected") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func local(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    private mutating func element(depth: Int) throws -> XMLTree {
        guard depth < Self.maxDepth else { throw fail("elements nested more than \(Self.maxDepth) deep") }
        index += 1
        let qualified = try name()
        var node = XMLTree(name: Self.local(qualified))
        while true {
            skipSpace()
            guard let c = peek else { throw fail("unterminated tag <\(qualified)>") }
            if c == UInt8(ascii: "/") {
                index += 1
                guard peek == UInt8(ascii: ">") else { throw fail("expected '>' after '/'") }
                index += 1
                return node
            }
            if c == UInt8(ascii: ">") { index += 1; break }
            let attribute = try name()
            skipSpace()
            guard peek == UInt8(ascii: "=") else { throw fail("attribute '\(attribute)' has no value") }
            index += 1
            skipSpace()
            guard let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw fail("attribute value must be quoted") }
            index += 1
            let start = index
            while let d = peek, d != quote { index += 1 }
            guard peek == quote else { throw fail("unterminated attribute value") }
            node.attributes[Self.local(attribute)] = try decode(bytes[start..<index])
            index += 1
        }
        var text: [UInt8] = []
        while true {
            guard let c = peek else { throw fail("element <\(qualified)> is not closed") }
            if c != UInt8(ascii: "<") {
                text.append(c)
                index += 1
            } else if starts(with: "</") {
                index += 2
                let closing = try name()
                guard closing == qualified else { throw fail("</\(closing)> closes <\(qualified)>") }
                skipSpace()
                guard peek == UInt8(ascii: ">") else { throw fail("expected '>' to close </\(closing)") }
                index += 1
                node.text = try decode(text[...]).trimming(.whitespacesAndNewlines)
                return node
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                text += bytes[start..<index - 3].map { $0 == UInt8(ascii: "&") ? 0 : $0 }
            } else if starts(with: "<?") {
                try skip(past: "?>")
            } else {
                node.children.append(try element(depth: depth + 1))
            }
        }
    }

    /// Replaces entity and character references; a 0 byte stands for a literal '&' kept from CDATA.
    private func decode(_ raw: ArraySlice<UInt8>) throws -> String {
        guard raw.contains(UInt8(ascii: "&")) || raw.contains(0) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            if c == 0 { out.append(UInt8(ascii: "&")); i += 1; continue }
            guard c == UInt8(ascii: "&") else { out.append(c); i += 1; continue }
            guard let semicolon = raw[i...].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 10 else {
                throw XMLError(offset: index, message: "'&' does not start an entity")
            }
            let entity = String(decoding: raw[(i + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                guard let code, let scalar = Unicode.Scalar(code) else { throw XMLError(offset: index, message: "unknown entity &\(entity);") }
                out += Array(String(Character(scalar)).utf8)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
