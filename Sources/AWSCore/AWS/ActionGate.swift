import FoundationEssentials

/// Which calls change AWS. Every operation is taken to change something unless its name only reads (Describe, Get,
/// List, Filter, Lookup, Search) or it is one of the sign-in and query calls named here, so a new mutating call is
/// refused until someone decides otherwise.
extension APICall {
    /// Operation-name prefixes of calls that only read.
    static let readingPrefixes = ["Describe", "Get", "List", "Filter", "Lookup", "Search", "BatchGet"]

    /// Calls that change no AWS resource though their names do not say so: credentials, sign-in and Logs Insights queries.
    static let readingOperations: Set<String> = [
        "AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML",
        "CreateToken", "RegisterClient", "StartDeviceAuthorization",
        "StartQuery", "StopQuery", "StartLiveTail",
    ]

    /// Whether this call may change AWS, so that it needs --allow-actions.
    public var changesAWS: Bool {
        !(Self.readingOperations.contains(operation) || Self.readingPrefixes.contains { operation.hasPrefix($0) })
    }
}

extension AWSError {
    /// A call that changes AWS, refused because opsdeck was not started with --allow-actions.
    static func actionsNotAllowed(_ call: APICall) -> AWSError {
        AWSError(service: call.service.endpointPrefix, operation: call.operation, status: nil, code: "ReadOnly",
                 message: "opsdeck is read-only; \(call.operation) changes AWS: start opsdeck with --allow-actions to allow it")
    }
}
