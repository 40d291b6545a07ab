import FoundationEssentials
import AWSCore
import Telemetry
import Recording

extension DemoStory {
    /// The flow-log window each poll reads, and the width of its reject-history buckets.
    static let flowWindow = 300
    static let flowBucket = 30

    /// VPC flow-log traffic as the poller aggregates it from `flowRecords`, with the peering connections.
    func flows(_ t: Int) -> FlowTraffic {
        var traffic = FlowTraffic()
        for (environment, lines) in flowRecords(t).sorted(by: { $0.key < $1.key }) {
            var aggregator = FlowAggregator(environment: environment, windowStart: date(t).timeIntervalSince1970 - Double(Self.flowWindow),
                                            bucketSeconds: Double(Self.flowBucket), buckets: Self.flowWindow / Self.flowBucket)
            for line in lines { if let record = FlowLogRecord(line: Substring(line), format: FlowLogFormat.standard) { aggregator.add(record) } }
            traffic.ports += aggregator.traffic.ports
            traffic.talkers += aggregator.traffic.talkers
        }
        traffic.peerings = peerings()
        return traffic
    }

    /// One stream of traffic the story's flow logs record: who, to which port, how it is answered, and how many flows
    /// each 30-second bucket starting at a time holds.
    struct DemoFlow {
        let env: String, account: String, eni: String
        let sources: [String], destination: String, port: Int, proto: Int, action: String
        let perBucket: (Int) -> Int, bytes: Double
    }

    /// Service traffic, and the SSH scan's REJECTs on the staging bastion.
    func flowTable() -> [DemoFlow] {
        [
            DemoFlow(env: "staging", account: DemoPlatform.staging.accountId, eni: "eni-0b1c2d3e4f5a6b7c8", sources: ["203.0.113.45"], destination: "10.20.0.12",
                     port: 22, proto: 6, action: "REJECT", perBucket: { Int(self.noise.jitter(0.6 + 19 * self.scan($0), 0.2, "ssh-rej", $0).rounded()) }, bytes: 60),
            DemoFlow(env: "staging", account: DemoPlatform.staging.accountId, eni: "eni-0b1c2d3e4f5a6b7c8", sources: ["10.20.4.9"], destination: "10.20.0.12",
                     port: 22, proto: 6, action: "ACCEPT", perBucket: { self.noise.unit("ssh-ok", $0) < 0.2 ? 1 : 0 }, bytes: 48_000),
            DemoFlow(env: "prod", account: DemoPlatform.prod.accountId, eni: "eni-03c4d5e6f7a8b9c0d", sources: ["10.30.12.40", "10.30.12.41"], destination: "10.30.40.11",
                     port: 443, proto: 6, action: "ACCEPT", perBucket: { Int(self.noise.jitter(8, 0.1, "https", $0).rounded()) }, bytes: 2.6e7),
            DemoFlow(env: "staging", account: DemoPlatform.staging.accountId, eni: "eni-0a9b8c7d6e5f4a3b2", sources: ["10.20.8.15"], destination: "10.30.40.11",
                     port: 443, proto: 6, action: "ACCEPT", perBucket: { Int(self.noise.jitter(3 + 3 * self.intensity($0), 0.1, "s-https", $0).rounded()) }, bytes: 1.3e7),
            DemoFlow(env: "prod", account: DemoPlatform.prod.accountId, eni: "eni-03c4d5e6f7a8b9c0d", sources: ["10.30.12.40"], destination: "10.30.50.7",
                     port: 5432, proto: 6, action: "ACCEPT", perBucket: { Int(self.noise.jitter(2, 0.2, "pg", $0).rounded()) }, bytes: 3.1e7),
            DemoFlow(env: "dev", account: DemoPlatform.dev.accountId, eni: "eni-0d1e2f3a4b5c6d7e8", sources: ["198.51.100.23"], destination: "10.10.0.5",
                     port: 3389, proto: 6, action: "REJECT", perBucket: { self.noise.unit("rdp-rej", $0) < 0.6 ? 1 : 0 }, bytes: 60),
            DemoFlow(env: "prod", account: DemoPlatform.prod.accountId, eni: "eni-03c4d5e6f7a8b9c0d", sources: ["10.30.12.40"], destination: "169.254.169.123",
                     port: 123, proto: 17, action: "ACCEPT", perBucket: { self.noise.unit("ntp", $0) < 0.5 ? 1 : 0 }, bytes: 90),
        ]
    }

    /// Flows to `port`/`proto` in `environment` from `start` to `end` seconds into the story, counted per `period`
    /// by action, as Logs Insights' `stats count(*) by bin(period), action` answers: (bin start, action, flows).
    func flowCounts(environment: String, port: Int, proto: Int, from start: Int, to end: Int, period: Int) -> [(t: Int, action: String, flows: Int)] {
        var counts: [Int: [String: Int]] = [:]
        for flow in flowTable() where flow.env == environment && flow.port == port && flow.proto == proto {
            for bucket in stride(from: start - ((start % Self.flowBucket) + Self.flowBucket) % Self.flowBucket, to: end, by: Self.flowBucket) {
                let bin = bucket - ((bucket % period) + period) % period
                counts[bin, default: [:]][flow.action, default: 0] += flow.perBucket(bucket)
            }
        }
        return counts.keys.sorted().flatMap { bin in counts[bin]!.keys.sorted().map { (bin, $0, counts[bin]![$0]!) } }
    }

    /// Default-format (v2) flow-log records per environment for the five minutes before `t`.
    func flowRecords(_ t: Int) -> [String: [String]] {
        let flows = flowTable()
        var records: [String: [String]] = [:]
        let now = Int(date(t).timeIntervalSince1970)
        for bucket in 0..<(Self.flowWindow / Self.flowBucket) {
            let bucketStart = t - Self.flowWindow + bucket * Self.flowBucket
            for flow in flows {
                for n in 0..<flow.perBucket(bucketStart) {
                    let start = now - Self.flowWindow + bucket * Self.flowBucket + n % Self.flowBucket
                    let source = flow.sources[n % flow.sources.count]
                    let sourcePort = 32_768 + (bucketStart * 7 + n * 131) % 28_000
                    let bytes = Int(noise.jitter(flow.bytes, 0.3, "\(flow.env)-\(flow.port)-b\(n)", bucketStart))
                    let packets = max(1, bytes / 1_200)
                    records[flow.env, default: []].append(
                        "2 \(flow.account) \(flow.eni) \(source) \(flow.destination) \(sourcePort) \(flow.port) \(flow.proto) \(packets) \(bytes) \(start) \(start + 50) \(flow.action) OK")
                }
            }
        }
        return records
    }

    /// VPC peering connections between the accounts, as each account's EC2 reports them.
    func peerings() -> [PeeringLink] {
        [
            PeeringLink(environment: "dev", id: "pcx-07b2d9e4c1a8f3602", requester: "vpc-0a9b8c7d6e5f4a3b2 (104729364815 eu-west-1)",
                        accepter: "vpc-09f8e7d6c5b4a3921 (398126457039 us-east-1)", status: "active", message: "Active"),
            PeeringLink(environment: "prod", id: "pcx-0a4f1c2e9b7d3e511", requester: "vpc-0c1d2e3f4a5b6c7d8 (287514036912 us-west-2)",
                        accepter: "vpc-09f8e7d6c5b4a3921 (398126457039 us-east-1)", status: "active", message: "Active"),
        ]
    }
}
