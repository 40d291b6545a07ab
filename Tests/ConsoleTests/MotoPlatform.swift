import Foundation
import Telemetry

/// A moto server on 127.0.0.1 with signature checking on, seeded by Tests/moto/seed_platform.py with the three-account
/// platform (reached by AssumeRole), plus the config.toml and environment the console needs to watch it.
final class MotoPlatform {
    let url: URL
    let directory: URL
    let seeded: [String: Any]
    private let pid: pid_t
    private var helpers: [pid_t] = []
    /// Where the stub in front of moto listens, once started.
    private(set) var stubURL: URL?

    /// Requests the seed script makes before it has credentials; after these moto checks every signature.
    static let unauthenticatedRequests = 9
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-moto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try Self.freePort()
        url = URL(string: "http://127.0.0.1:\(port)")!
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(Self.unauthenticatedRequests)
        for key in environment.keys where key.hasPrefix("AWS_") { environment[key] = nil }
        let log = directory.appendingPathComponent("moto.log").path
        pid = try Spawn.start(["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], environment: environment, log: log)
        do {
            try Self.waitForListener(port: port, log: log)
            let output = directory.appendingPathComponent("seeded.json").path
            let seed = try Spawn.run(["python3", Self.repository.appendingPathComponent("Tests/moto/seed_platform.py").path, url.absoluteString, output], environment: environment)
            guard seed.status == 0 else { throw SpawnError(description: "seeding moto failed:\n\(seed.output)") }
            seeded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [String: Any]
            try config().write(to: configFile, atomically: true, encoding: .utf8)
        } catch {
            kill(pid, SIGTERM)
            throw error
        }
    }

    deinit {
        for helper in helpers { kill(helper, SIGTERM); waitpid(helper, nil, 0) }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: directory)
    }

    var configFile: URL { directory.appendingPathComponent("config.toml") }

    /// The operator's access key pair, which may only assume the read-only roles.
    var operatorKeys: (id: String, secret: String) {
        let keys = seeded["operator"] as! [String: String]
        return (keys["aws_access_key_id"]!, keys["aws_secret_access_key"]!)
    }

    /// What was seeded for one environment.
    func environment(_ name: String) -> [String: Any] { (seeded["environments"] as! [String: Any])[name] as! [String: Any] }

    /// An environment for running opsdeck against the platform: the operator's keys, a clean HOME, no other AWS_*.
    func processEnvironment(secret: String? = nil) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = directory.path
        environment["XDG_CONFIG_HOME"] = directory.path
        environment["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
        environment["AWS_ACCESS_KEY_ID"] = operatorKeys.id
        environment["AWS_SECRET_ACCESS_KEY"] = secret ?? operatorKeys.secret
        return environment
    }

    /// Starts Tests/moto/aws_stub.py in front of moto (answering what moto lacks from recorded responses) and points
    /// config.toml at it; returns the file the stub logs its stubbed calls to.
    func startStub() throws -> URL {
        let port = try Self.freePort()
        let log = directory.appendingPathComponent("stub-calls.jsonl")
        helpers.append(try Spawn.start(["python3", Self.repository.appendingPathComponent("Tests/moto/aws_stub.py").path, String(port), url.absoluteString, log.path, faultsFile.path],
                                       log: directory.appendingPathComponent("stub.log").path))
        try Self.waitForListener(port: port, log: directory.appendingPathComponent("stub.log").path)
        stubURL = URL(string: "http://127.0.0.1:\(port)")!
        let text = try String(contentsOf: configFile, encoding: .utf8)
        try text.replacingOccurrences(of: url.absoluteString, with: "http://127.0.0.1:\(port)").write(to: configFile, atomically: true, encoding: .utf8)
        return log
    }

    /// Starts Tests/moto/sso_stub.py (IAM Identity Center's portal and OIDC, handing out the operator's keys) and
    /// writes ~/.aws/config with an sso-session profile that signs in through it; returns the environment that
    /// selects that profile (no access keys) and the file the stub logs its requests to.
    func startSSO() throws -> (environment: [String: String], log: URL) {
        let port = try Self.freePort()
        let log = directory.appendingPathComponent("sso-calls.log")
        helpers.append(try Spawn.start(["python3", Self.repository.appendingPathComponent("Tests/moto/sso_stub.py").path, String(port),
                                        directory.appendingPathComponent("seeded.json").path, log.path],
                                       log: directory.appendingPathComponent("sso-stub.log").path))
        try Self.waitForListener(port: port, log: directory.appendingPathComponent("sso-stub.log").path)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try """
        [sso-session platform]
        sso_start_url = https://d-1234567890.awsapps.com/start
        sso_region = eu-west-1

        [profile operator]
        sso_session = platform
        sso_account_id = 123456789012
        sso_role_name = PlatformOperator
        """.write(to: directory.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
        var environment = processEnvironment()
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        environment["AWS_PROFILE"] = "operator"
        environment["AWS_ENDPOINT_URL_SSO"] = "http://127.0.0.1:\(port)"
        environment["AWS_ENDPOINT_URL_SSO_OIDC"] = "http://127.0.0.1:\(port)"
        return (environment, log)
    }

    /// Runs Tests/moto/seed_discovery.py: a dev stack holding a function, a table and a replicating bucket; returns what it made.
    func seedDiscovery() throws -> [String: String] {
        let output = directory.appendingPathComponent("found.json")
        let seed = try Spawn.run(["python3", Self.repository.appendingPathComponent("Tests/moto/seed_discovery.py").path, url.absoluteString,
                                  directory.appendingPathComponent("seeded.json").path, output.path])
        guard seed.status == 0 else { throw SpawnError(description: "seeding the discovery stack failed:\n\(seed.output)") }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: String]
    }

    /// Runs Tests/moto/seed_parity.py (settings that differ between the accounts) and watches its buckets and security
    /// groups; returns what it made per environment.
    func seedParity() throws -> [String: [String: String]] {
        let output = directory.appendingPathComponent("parity.json")
        let seed = try Spawn.run(["python3", Self.repository.appendingPathComponent("Tests/moto/seed_parity.py").path, url.absoluteString,
                                  directory.appendingPathComponent("seeded.json").path, output.path])
        guard seed.status == 0 else { throw SpawnError(description: "seeding the parity settings failed:\n\(seed.output)") }
        let made = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: [String: String]]
        for (name, resources) in made {
            watchExtras[name] = ["buckets = [\"\(resources["bucket"]!)\"]", "security_groups = [\"\(resources["security_group"]!)\"]"]
        }
        let endpoint = stubURL?.absoluteString ?? url.absoluteString
        try config().replacingOccurrences(of: url.absoluteString, with: endpoint).write(to: configFile, atomically: true, encoding: .utf8)
        return made
    }

    /// Lines added to each environment's watch list (seedParity).
    private var watchExtras: [String: [String]] = [:]

    /// The stub's fault-injection rule, re-read on every request.
    var faultsFile: URL { directory.appendingPathComponent("faults.json") }

    /// Makes the stub inject `mode` ("throttle", "5xx", "timeout", "garbage", "drop" or "none").
    func inject(_ mode: String) throws {
        try #"{"mode": "\#(mode)"}"#.write(to: faultsFile, atomically: true, encoding: .utf8)
    }

    /// config.toml for the seeded accounts: each reached through its role with the external id, watching what was seeded.
    func config() -> String {
        let accounts = seeded["accounts"] as! [String: [String: String]]
        var lines = ["poll_interval = 10", "request_timeout = 2", "", "[watch]", "stack_prefixes = [\"platform-\"]", "rules = []", ""]
        for name in ["dev", "staging", "prod"] {
            let account = accounts[name]!
            let env = environment(name)
            func list(_ key: String) -> String { ((env[key] as! [String: Any]).keys.sorted().map { "\"\($0)\"" }).joined(separator: ", ") }
            lines += [
                "[environments.\(name)]", "account_id = \"\(account["account_id"]!)\"", "region = \"\(account["region"]!)\"",
                "role_arn = \"arn:aws:iam::\(account["account_id"]!):role/\(seeded["role"] as! String)\"",
                "external_id = \"\(seeded["external_id"] as! String)\"", "endpoint_url = \"\(url.absoluteString)\"",
                "[environments.\(name).watch]", "functions = [\(list("functions"))]", "tables = [\(list("tables"))]",
            ] + (watchExtras[name] ?? [])
            if env["replication"] != nil {
                lines.append("bucket_replication = [{ bucket = \"opsdeck-staging-ingest\", destination_bucket = \"opsdeck-prod-ingest\", rule = \"to-prod\", destination = \"prod\" }]")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw SpawnError(description: "no free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Waits for the server to accept TCP connections (no HTTP request, which would use up an unauthenticated action).
    private static func waitForListener(port: UInt16, log: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw SpawnError(description: "moto server did not start (is moto[server] installed? pip install 'moto[server]'):\n\(output)")
    }
}
