import FoundationEssentials
import AWSCore
import Telemetry

/// What the demo's environments hold that the Parity and Posture views compare, with the differences a team would
/// want found: staging's CSV function with half of prod's memory (`functionSettings`), a parameter prod lacks and a
/// schema version only staging moved to, prod's API alarm with no twin in staging (`alarms`), the prod ingest
/// bucket's SSL-only statement removed, dev without PITR (expected), dev's short log retention and open SSH.
extension DemoStory {
    /// A bucket's settings as the six S3 reads give them.
    struct DemoBucket {
        var name: String
        var kmsKey: String?
        var lifecycle: [(id: String, storageClass: String, days: Int)]
        var sslOnly: Bool
        var denyUnencrypted: Bool
    }

    /// The ingest and archive buckets of `environment`.
    func buckets(environment: String) -> [DemoBucket] {
        let account = DemoPlatform.all.first { $0.environment == environment }!
        return [
            DemoBucket(name: "opsdeck-\(environment)-ingest", kmsKey: Self.keyArn(account, "ingest"), lifecycle: [("archive-after-90d", "GLACIER", 90)],
                       // Someone removed prod's SSL-only statement while debugging a partner's client.
                       sslOnly: environment != "prod", denyUnencrypted: true),
            DemoBucket(name: "opsdeck-\(environment)-archive", kmsKey: nil, lifecycle: [("cold", "GLACIER", 30), ("deep", "DEEP_ARCHIVE", 180)], sslOnly: true, denyUnencrypted: false),
        ]
    }

    /// The customer key an account's resources of `purpose` are encrypted with.
    static func keyArn(_ account: DemoPlatform.Account, _ purpose: String) -> String {
        "arn:aws:kms:\(account.region):\(account.accountId):key/\(Digest.fingerprint("\(account.environment)-\(purpose)", length: 8))-4c1e-9b2a-\(Digest.fingerprint(purpose, length: 12))"
    }

    /// Whether a key rotates: staging's was created by hand without rotation.
    func keyRotates(_ arn: String) -> Bool { !arn.contains(DemoPlatform.staging.accountId) }

    /// The parameters under `/app/ENV/`: name, type and value; SecureStrings hold a ciphertext stand-in.
    func parameters(environment: String) -> [(name: String, type: String, value: String)] {
        let base = "/app/\(environment)/config"
        var list = [
            ("\(base)/orders_table", "String", "\(environment)-orders"),
            ("\(base)/partner_bucket", "String", "opsdeck-\(environment)-ingest"),
            // Staging moved to the partner's new schema ahead of the others: the incident's cause.
            ("\(base)/schema_version", "String", environment == "staging" ? "v4" : "v3"),
            ("\(base)/log_level", "String", environment == "prod" ? "WARN" : "INFO"),
            ("\(base)/partner_api_key", "SecureString", "AQICAHh\(Digest.fingerprint(environment, length: 24))"),
        ]
        // Prod never got the row limit staging and dev use.
        if environment != "prod" { list.append(("\(base)/csv_max_rows", "String", "500000")) }
        return list
    }

    /// Days a function's log group keeps events: dev keeps two weeks.
    func logRetention(environment: String) -> Int { environment == "dev" ? 14 : 90 }

    /// The security group the peering stack owns in `environment`.
    static func securityGroupId(_ environment: String) -> String { "sg-0\(Digest.fingerprint("peering-\(environment)", length: 16))" }

    /// Its ingress: HTTPS from the peered networks, and in dev an SSH rule from anywhere left from a test.
    func securityGroupIngress(environment: String) -> [(proto: String, port: Int, cidr: String)] {
        [("tcp", 443, "10.0.0.0/8")] + (environment == "dev" ? [("tcp", 22, "0.0.0.0/0")] : [])
    }

    /// The template a stack was deployed from; the same text in every environment, its name aside.
    func template(_ stack: String, environment: String) -> String {
        let logical = ParityNaming.withoutWord(environment, in: stack)
        return #"{"AWSTemplateFormatVersion":"2010-09-09","Description":"opsdeck platform: \#(logical)","Parameters":{"Env":{"Type":"String","Default":"\#(environment)"}}}"#
    }
}
