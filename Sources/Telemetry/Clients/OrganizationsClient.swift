import Foundation

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
        var accounts: [Account] = []
        var token: String?
        repeat {
            let call = APICall(.organizations, "ListAccounts", .json(token.map { ["NextToken": .string($0)] } ?? [:]))
            let root = try JSONValue.parse(try await source.perform(call), for: call)
            accounts += (root["Accounts"]?.array ?? []).compactMap { item in
                guard let id = item["Id"]?.string else { return nil }
                return Account(id: id, name: item["Name"]?.string ?? id, status: item["Status"]?.string ?? item["State"]?.string ?? "ACTIVE")
            }
            token = root["NextToken"]?.string
        } while token != nil
        return accounts
    }
}
