import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Flow-log records from the AWS documentation, in every published format, through the parser and aggregator.
@Suite struct FlowLogTests {
    /// The records of a sample file, read with the format its first line names.
    func records(_ file: String) throws -> [FlowLogRecord] {
        let lines = String(decoding: try resource("flowlogs/\(file)"), as: UTF8.self).split(separator: "\n")
        let format = FlowLogFormat(logFormat: lines[0].split(separator: " ").map { "${\($0)}" }.joined(separator: " "))
        return lines.dropFirst().compactMap { FlowLogRecord(line: $0, format: format) }
    }

    @Test func defaultFormatSkipsNoDataAndSkipData() throws {
        let records = try records("v2-default.log")
        #expect(records.count == 5)
        #expect(records[0] == FlowLogRecord(line: "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK", format: FlowLogFormat.standard))
        #expect(records[0].destinationPort == 22 && records[0].proto == "tcp" && records[0].bytes == 4249 && records[0].action == "ACCEPT")
        #expect(records[1].action == "REJECT" && records[1].destinationPort == 3389)
        #expect(records.contains { $0.proto == "icmp" })
        #expect(records.contains { $0.source.contains(":") }, "IPv6 record")
    }

    @Test(arguments: [("v3-custom-tcp-flags.log", 8), ("v3-custom-transit-gateway.log", 4), ("v5-custom-traffic-path.log", 2)])
    func customFormatsReadInTheirOwnFieldOrder(file: String, count: Int) throws {
        let records = try records(file)
        #expect(records.count == count)
        #expect(records.allSatisfy { $0.action == "ACCEPT" && $0.destinationPort != nil && !$0.source.isEmpty })
    }

    @Test func formatsWithoutActionYieldNoRecords() throws {
        #expect(try records("custom-nat-gateway-noversion.log").isEmpty)
    }

    @Test func aggregatorCountsPortsTalkersAndRejectHistory() {
        var aggregator = FlowAggregator(environment: "staging", windowStart: 1000, bucketSeconds: 60, buckets: 5)
        let lines = [
            "2 1 eni-1 203.0.113.9 10.0.0.5 50000 22 6 1 60 1010 1070 REJECT OK",
            "2 1 eni-1 203.0.113.9 10.0.0.5 50001 22 6 1 60 1130 1190 REJECT OK",
            "2 1 eni-1 10.0.0.7 10.0.0.5 40000 443 6 10 9000 1130 1190 ACCEPT OK",
        ]
        for line in lines { aggregator.add(FlowLogRecord(line: Substring(line), format: FlowLogFormat.standard)!) }
        let traffic = aggregator.traffic
        #expect(traffic.ports.map { "\($0.port)/\($0.proto) \($0.accepted)/\($0.rejected)" } == ["22/tcp 0/2", "443/tcp 1/0"])
        #expect(traffic.ports[0].rejectHistory == [1, 0, 1, 0, 0])
        #expect(traffic.talkers.first?.source == "10.0.0.7" && traffic.talkers.first?.bytes == 9000)
        #expect(traffic.talkers.first { $0.action == "REJECT" }?.flows == 2)
    }
}
