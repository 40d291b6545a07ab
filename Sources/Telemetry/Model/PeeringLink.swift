import AWSCore
/// A VPC peering connection between two VPCs (possibly in other accounts or regions).
public struct PeeringLink: Codable, Equatable, Sendable {
    public var environment: String
    public var id: String
    public var requester: String
    public var accepter: String
    public var status: String
    public var message: String?

    public init(environment: String, id: String, requester: String, accepter: String, status: String, message: String? = nil) {
        self.environment = environment
        self.id = id
        self.requester = requester
        self.accepter = accepter
        self.status = status
        self.message = message
    }
}
