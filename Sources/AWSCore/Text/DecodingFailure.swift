/// What a JSON decoder could not read, in a few words ("missing version", "bad start: …"), for messages about files.
public enum DecodingFailure {
    /// `error` (a DecodingError or anything else) described briefly.
    public static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "bad value: \(context.debugDescription)"
                : "bad \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
