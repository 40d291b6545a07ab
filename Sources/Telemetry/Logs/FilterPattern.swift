import AWSCore
/// CloudWatch Logs' filter pattern for unstructured lines, applied to recorded lines in a replay: every term must
/// appear (case-sensitive), "quoted phrases" as written, `-term` must not appear, and `?term`s need any one of them.
/// JSON and space-delimited patterns ({ $.level = ... }, [ip, ...]) are CloudWatch's alone: they match everything here.
public struct FilterPattern: Sendable {
    var all: [String] = []
    var none: [String] = []
    var any: [String] = []
    var structured = false

    public init(_ pattern: String) {
        let text = pattern.trimming(.whitespaces)
        if text.hasPrefix("{") || text.hasPrefix("[") {
            structured = true
            return
        }
        var terms: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { terms.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { terms.append(current) }
        for term in terms {
            if term.hasPrefix("-"), term.count > 1 { none.append(String(term.dropFirst())) }
            else if term.hasPrefix("?"), term.count > 1 { any.append(String(term.dropFirst())) }
            else { all.append(term) }
        }
    }

    /// Whether `message` passes.
    public func matches(_ message: String) -> Bool {
        if structured { return true }
        return all.allSatisfy { message.contains($0) } && !none.contains { message.contains($0) } && (any.isEmpty || any.contains { message.contains($0) })
    }
}
