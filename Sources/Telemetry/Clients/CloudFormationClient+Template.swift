import FoundationEssentials
import AWSCore

extension CloudFormationClient {
    /// GetTemplate: a fingerprint of the stack's template as deployed, its environment's name written `{env}`, so the
    /// same template deployed to two environments has the same fingerprint.
    public func templateFingerprint(of stack: String, environment: String) async throws -> String {
        let call = APICall(.cloudFormation, "GetTemplate", .query([.init("StackName", stack)]))
        let root = try XMLTree.response(try await source.perform(call), for: call)
        guard let body = root.child("GetTemplateResult")?.string("TemplateBody") else { throw AWSError.malformed(call, "no TemplateBody in the answer") }
        return Digest.fingerprint(ParityNaming.replacingWord(environment, in: body, with: "{env}"))
    }
}
