import FoundationEssentials
import AWSCore
import Telemetry

/// Replaces each SSM parameter value in a GetParametersByPath answer with its fingerprint before it is recorded, so
/// a recording compares parameters as the live console does and holds no value. Kept apart from `Redaction`, which
/// the recording fuzz target compiles on its own, because the fingerprint is SSMClient's (Telemetry).
enum ParameterRedaction {
    /// `outcome` with every `Value` of a GetParametersByPath answer replaced by its marked fingerprint.
    static func scrub(_ outcome: Result<Data, Error>, of call: APICall, environment: String) -> Result<Data, Error> {
        guard call.service == .ssm, case .success(let data) = outcome else { return outcome }
        guard var root = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(var object) = root, let list = object["Parameters"]?.array else {
            // Not the answer it should be: nothing of it is kept.
            return .success(Data("{}".utf8))
        }
        object["Parameters"] = .array(list.map { item in
            guard case .object(var parameter) = item else { return item }
            let value = parameter["Value"]?.string ?? ""
            parameter["Value"] = .string(SSMClient.fingerprintMarker + (parameter["Type"]?.string == "SecureString" ? "" : SSMClient.fingerprint(value, environment: environment)))
            return .object(parameter)
        })
        root = .object(object)
        return .success(root.encoded)
    }
}
