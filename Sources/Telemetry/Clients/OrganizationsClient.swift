import FoundationEssentials
import AWSCore

/// AWS Organizations over JSON 1.1: the accounts of the organization, for discovering what to watch.
public struct OrganizationsClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// One member account.
    public struct Account: Sendable, Equatable {
        public var id: String
        public var name: String
        public var status: String
    }

    /// Every account (all pages of ListAccounts).
    public func accounts() async throws -> [Account] {
        try await source.paginate({ token in
            APICall(.organizations, "ListAccounts", .json(token.map { ["NextToken": .string($0)] } ?? [:]))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            let accounts = (root["Accounts"]?.array ?? []).compactMap { item -> Account? in
                guard let id = item["Id"]?.string else { return nil }
                return Account(id: id, name: item["Name"]?.string ?? id, status: item["Status"]?.string ?? item["State"]?.string ?? "ACTIVE")
            }
            return (accounts, root["NextToken"]?.string)
        })
    }
}
