import FoundationEssentials

/// Why an AWS config or credentials file could not be read.
public struct INIError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file) line \(line): \(message)" }
}

/// The INI dialect of ~/.aws/config and ~/.aws/credentials: sections, key = value, comments, and indented sub-keys.
public struct INIFile: Equatable, Sendable {
    /// Section name to its keys; nested blocks (e.g. `s3 =` followed by indented lines) become "parent.child" keys.
    public private(set) var sections: [String: [String: String]] = [:]

    /// Parses `text`, naming `file` in errors.
    public init(parsing text: String, file: String) throws {
        var section: String?
        var parent: String?
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimming(.whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else { throw INIError(file: file, line: index + 1, message: "section header is missing ']'") }
                let name = trimmed.dropFirst().dropLast().trimming(.whitespaces)
                guard !name.isEmpty else { throw INIError(file: file, line: index + 1, message: "empty section name") }
                section = name
                parent = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let current = section else { throw INIError(file: file, line: index + 1, message: "'\(trimmed)' comes before any [section]") }
            guard let equals = trimmed.firstIndex(of: "=") else { throw INIError(file: file, line: index + 1, message: "expected key = value") }
            let key = trimmed[..<equals].trimming(.whitespaces).lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimming(.whitespaces)
            if let comment = value.firstRange(of: " #") ?? value.firstRange(of: " ;") { value = value[..<comment.lowerBound].trimming(.whitespaces) }
            let indented = line.first == " " || line.first == "\t"
            if indented, let parent {
                sections[current]![parent + "." + key] = value
            } else {
                sections[current]![key] = value
                parent = value.isEmpty ? key : nil
            }
        }
    }
}
