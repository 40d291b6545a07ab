import AWSCore
/// One environment (an account in a region) and how to reach it.
public struct EnvironmentConfig: Sendable, Equatable {
    public var name: String
    public var accountId: String
    public var region: String
    /// Role to assume in the account; nil uses the source credentials directly.
    public var roleArn: String?
    public var externalId: String?
    /// AWS profile for the source credentials; nil follows the default chain.
    public var profile: String?
    /// Endpoint override for every service (e.g. an emulator), below AWS_ENDPOINT_URL* in precedence.
    public var endpointURL: String?
    public var watch: WatchList
    /// Its colour and banner on screen.
    public var look = EnvironmentLook()

    public init(name: String, accountId: String, region: String, roleArn: String? = nil, externalId: String? = nil, profile: String? = nil, endpointURL: String? = nil, watch: WatchList = WatchList()) {
        self.name = name
        self.accountId = accountId
        self.region = region
        self.roleArn = roleArn
        self.externalId = externalId
        self.profile = profile
        self.endpointURL = endpointURL
        self.watch = watch
    }
}

extension EnvironmentConfig {
    /// Whether `region` can be a region: a host label as botocore checks it (letters, digits and inner hyphens, at
    /// most 63), so it cannot steer an endpoint URL elsewhere.
    public static func isValidRegion(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { $0 == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Whether `name` can name an environment: 1 to 40 letters, digits, '-', '_' or '.' (it is shown, logged and part of
    /// every alarm's key).
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return (1...40).contains(bytes.count) && bytes.allSatisfy { byte in
            [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
