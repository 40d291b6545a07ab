import FoundationEssentials
import AWSCore

/// AWS Systems Manager Parameter Store over JSON 1.1: the parameters under a path, never decrypted. A value is kept
/// only as a fingerprint of it with the environment's name written `{env}`, so equal settings match across
/// environments and no value is held; recordings hold the same fingerprint in its place (`Redaction`).
public struct SSMClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// One parameter: its name, type, value fingerprint (nil for a SecureString, which is never decrypted), version
    /// and when it last changed.
    public struct Parameter: Equatable, Sendable {
        public var name: String
        public var type: String
        public var fingerprint: String?
        public var version: Int?
        public var lastModified: Date?
    }

    /// The marker of a value already replaced by its fingerprint (in a recording).
    public static let fingerprintMarker = "opsdeck-fingerprint:"

    /// Every parameter under `path`, recursively (GetParametersByPath, WithDecryption false, following NextToken).
    public func parameters(under path: String, environment: String) async throws -> [Parameter] {
        try await source.paginate({ token in
            var body: [String: JSONValue] = ["Path": .string(path), "Recursive": .bool(true), "WithDecryption": .bool(false), "MaxResults": .number(10)]
            if let token { body["NextToken"] = .string(token) }
            return APICall(.ssm, "GetParametersByPath", .json(.object(body)))
        }, read: { try Self.parse($0, environment: environment, call: $1) })
    }

    /// Reads one GetParametersByPath page, keeping each value only as its fingerprint.
    static func parse(_ body: Data, environment: String, call: APICall) throws -> (items: [Parameter], next: String?) {
        let root = try JSONValue.parse(body, for: call)
        guard let list = root["Parameters"]?.array else { throw AWSError.malformed(call, "no Parameters in the answer") }
        let items = list.compactMap { item -> Parameter? in
            guard let name = item["Name"]?.string else { return nil }
            let type = item["Type"]?.string ?? "String"
            let value = item["Value"]?.string ?? ""
            return Parameter(name: name, type: type, fingerprint: type == "SecureString" ? nil : Self.fingerprint(value, environment: environment),
                             version: item["Version"]?.double.map { Int(saturating: $0) },
                             lastModified: item["LastModifiedDate"]?.double.map { Date(timeIntervalSince1970: $0) })
        }
        return (items, root["NextToken"]?.string)
    }

    /// The fingerprint of `value` in `environment`, or the one a recording already put in its place.
    public static func fingerprint(_ value: String, environment: String) -> String {
        if value.hasPrefix(fingerprintMarker) { return String(value.dropFirst(fingerprintMarker.count)) }
        return Digest.fingerprint(ParityNaming.replacingWord(environment, in: value, with: "{env}"))
    }
}
