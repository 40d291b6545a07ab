import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Hostile and unlucky input at the library level: numbers that do not fit, deep nesting, bombs, full disks, file modes.
@Suite struct HardeningTests {
    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-hard-\(UUID().uuidString)").appendingPathComponent(name)
    }

    /// The permission bits of `url`.
    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test(arguments: [1e300, -1e300, .infinity, -.infinity, .nan, 9.3e18, -9.3e18, 0.4])
    func saturatingConversionsNeverTrap(value: Double) {
        let converted = Int(saturating: value)
        #expect(abs(converted) <= Int.saturationLimit)
        #expect(value.isNaN ? converted == 0 : (abs(value) < 1 ? converted == 0 : (converted > 0) == (value > 0)))
    }

    @Test func controlCharactersAreMadeVisible() {
        #expect("csv\u{1B}]52;c;cHduZWQ=\u{07}-errors".visible == "csv\\x1b]52;c;cHduZWQ=\\x07-errors")
        #expect("a\u{9B}31mb\u{7F}\tc".visible == "a\\x9b31mb\\x7f\\x09c")
        #expect("plain ünïcødé → ok".visible == "plain ünïcødé → ok")
    }

    @Test func tomlNestingIsBounded() throws {
        let deep = "x = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect { try TOMLDocument.parse(deep) } throws: { ($0 as? TOMLError)?.message.contains("nest") == true }
        let inline = "x = " + String(repeating: "{a = ", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        #expect(throws: TOMLError.self) { try TOMLDocument.parse(inline) }
        #expect(try TOMLDocument.parse("x = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64))["x"] != nil)
    }

    @Test func xmlAndJSONNestingIsBounded() {
        let call = APICall(.cloudWatch, "DescribeAlarms", .json([:]))
        let json = Data((String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)).utf8)
        #expect(throws: AWSError.self) { try JSONValue.parse(json, for: call) }
        let xml = Data((String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000)).utf8)
        #expect(throws: (any Error).self) { try XMLReader.parse(xml) }
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        let writer = GzipWriter()
        var bomb = Data()
        for _ in 0..<64 { bomb += writer.compress(Data(repeating: 0x20, count: 1 << 20)) }
        bomb += writer.compress(Data(), final: true)
        #expect(bomb.count < 1 << 20, "64 MB of spaces squeeze well")
        /// The bytes `data` inflates to, read a chunk at a time as recordings are.
        func inflated(_ data: Data, limit: Int = .max) throws -> Int {
            let reader = GzipReader(data, limit: limit)
            var count = 0
            while let chunk = try reader.next() { count += chunk.count }
            return count
        }
        let error = #expect(throws: GzipError.self) { try inflated(bomb, limit: 8 << 20) }
        #expect(error?.description.hasPrefix("inflates to more than 8 MB") == true)
        #expect(throws: RecordingError.self) { try RecordingCodec.decode(bomb, maxBytes: 8 << 20) }
        #expect(try inflated(bomb) == 64 << 20)
    }

    @Test func hostileRecordingHeadersAreRefusedByLine() throws {
        let environment = #"{"accountId":"104729364815","name":"dev","region":"eu-west-1","watch":{"alarmPrefixes":[],"bucketReplication":[],"discoverFlowLogs":true,"functions":[],"logGroups":[],"stackPrefixes":[],"stackSets":true,"tableReplicas":[],"tables":[]}}"#
        func header(version: String = "2", environments: [String] = [environment], history: String = "30") -> String {
            #"{"environments":[\#(environments.joined(separator: ","))],"format":"opsdeck-recording","historyMinutes":\#(history),"start":"2026-11-20T14:00:00Z","title":"t","version":\#(version)}"#
        }
        func cause(_ lines: [String]) -> String? {
            do {
                _ = try RecordingCodec.decode(Data(lines.joined(separator: "\n").utf8 + [0x0A]))
                return nil
            } catch let error as RecordingError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(cause([header(version: "1e23")]) == "recording line 1: version 1e+23 is newer than this opsdeck reads (2); upgrade opsdeck")
        #expect(cause([header(version: "-1e300")])?.hasPrefix("recording line 1: version") == true)
        #expect(cause([header(environments: [environment, environment])]) == "recording line 1: environment 'dev' appears twice in the header")
        #expect(cause([header(history: "9223372036854775807")])?.hasPrefix("recording line 1: historyMinutes 9223372036854775807 is out of range") == true)
        #expect(cause([header(), #"{"cycle":1e300,"polled":["dev"]}"#]) == "recording line 2: cycle time 1e+300 s is out of range (±1000000000)")
        #expect(cause([header(), #"{"cycle":-1e10,"polled":["dev"]}"#]) == "recording line 2: cycle time -10000000000 s is out of range (±1000000000)")
        let exchange = #"{"account":"104729364815","env":"dev","op":"DescribeAlarms","params":"{}","region":"eu-west-1","service":"monitoring","status":200,"t":1e300,"body":"{}"}"#
        #expect(cause([header(), #"{"cycle":0,"polled":["dev"]}"#, exchange]) == "recording line 3: time 1e+300 s is out of range (±1000000000)")
        #expect(cause([header(), #"{"cycle":0,"polled":["dev"]}"#]) == nil)
    }

    @Test func epochTimestampsOutsideAnyYearAreDropped() {
        #expect(JSONValue.number(1e300).date == nil)
        #expect(JSONValue.number(-1e300).date == nil)
        #expect(JSONValue.number(1_795_000_000).date == Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func privateFilesAre0600InFolders0700() throws {
        let state = temporary("state/opsdeck/triage.json")
        try PrivateFile.write(Data("{}".utf8), to: state)
        #expect(try mode(state) == 0o600)
        #expect(try mode(state.deletingLastPathComponent()) == 0o700)
        #expect(try mode(state.deletingLastPathComponent().deletingLastPathComponent()) == 0o700)
        try PrivateFile.write(Data("{\"a\": 1}".utf8), to: state)
        #expect(try Data(contentsOf: state) == Data("{\"a\": 1}".utf8), "replaced whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.deletingLastPathComponent().path) == ["triage.json"], "no temporary file left")
        let log = state.deletingLastPathComponent().appendingPathComponent("triage-log.jsonl")
        try PrivateFile.append(Data("one\n".utf8), to: log)
        try PrivateFile.append(Data("two\n".utf8), to: log)
        #expect(try mode(log) == 0o600 && String(contentsOf: log, encoding: .utf8) == "one\ntwo\n")
        let recording = temporary("session.jsonl")
        try FileManager.default.createDirectory(at: recording.deletingLastPathComponent(), withIntermediateDirectories: true)
        let recorder = try Recorder(url: recording, header: Recording.Header(title: "t", start: Date(), historyMinutes: 30, environments: []), gzip: true)
        try recorder.finish()
        #expect(try mode(recording) == 0o600)
    }

    @Test func writesToAFullDiskFailLoudly() throws {
        let header = Recording.Header(title: "t", start: Date(), historyMinutes: 30, environments: [EnvironmentConfig(name: "dev", accountId: "104729364815", region: "eu-west-1")])
        let error = #expect(throws: RecordingError.self) { try Recorder(url: URL(fileURLWithPath: "/dev/full"), header: header, gzip: false) }
        #expect(error?.description == "recording: cannot write /dev/full: No space left on device")
        #expect(throws: FileWriteError(path: "/dev/full", reason: "No space left on device")) {
            try PrivateFile.append(Data("x".utf8), to: URL(fileURLWithPath: "/dev/full"))
        }
        #expect(throws: FileWriteError.self) { try PrivateFile.write(Data(), to: URL(fileURLWithPath: "/proc/opsdeck/triage.json")) }
    }
}
