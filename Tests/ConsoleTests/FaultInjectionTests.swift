import Foundation
import Testing

/// opsdeck behind a fault-injecting proxy in front of moto: every kind of failure becomes a clear per-account error,
/// nothing crashes, and the console recovers when the faults stop.
@Suite(.serialized) struct FaultInjectionTests {
    @Test(arguments: [
        ("throttle", "Throttling: Rate exceeded"),
        ("5xx", "ServerError: the service failed and sent an HTML error page"),
        ("garbage", "MalformedResponse"),
        ("drop", "connection failed"),
        ("timeout", "request timed out"),
    ])
    func eachFaultIsAClearErrorPerAccount(mode: String, expected: String) throws {
        let platform = try MotoPlatform()
        _ = try platform.startStub()
        try platform.inject(mode)
        let (status, output) = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--format", "text", "--config", platform.configFile.path], environment: platform.processEnvironment())
        #expect(status == 1, "\(output)")
        #expect(output.contains("dev      104729364815  eu-west-1  error   never"), "\(output)")
        #expect(output.contains(expected), "\(output)")
        try platform.inject("none")
        let healthy = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--format", "text", "--config", platform.configFile.path], environment: platform.processEnvironment())
        #expect(healthy.status == 0, "\(healthy.output)")
    }

    @Test func theFirstPollSaysItIsLoadingWithItsProgress() throws {
        let platform = try MotoPlatform()
        _ = try platform.startStub()
        try platform.inject("timeout")
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || ["HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
        defer { session.kill() }
        let loading = try session.waitFor(10) { $0.contains("loading… (0 of ") && $0.contains("calls answered") }
        #expect(loading.contains("dev     loading… first poll under way"), "\(loading)")
        #expect(loading.contains("● dev (loading…)"))
        #expect(!loading.contains("(none)") && !loading.contains("0 stacks"), "no empty list and no zero while loading")
        try platform.inject("none")
        try session.send("q")
        try session.waitFor { $0.contains("[exit 0]") }
    }

    @Test func liveConsoleGoesStaleAndRecovers() throws {
        let platform = try MotoPlatform()
        _ = try platform.startStub()
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || ["HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
        defer { session.kill() }
        try session.waitFor(20) { $0.contains("staging-csv-errors") && $0.contains("● dev ● staging ● prod  data") }
        try platform.inject("throttle")
        let stale = try session.waitFor(30) { $0.contains("⚠ ") && $0.contains("Throttling") && $0.contains("alarms failing in ") }
        #expect(stale.contains("staging-csv-errors"), "the last good data stays on screen, dimmed, with its age")
        #expect(stale.contains("● dev (4 of 6 sections failing)"), "the status bar says what fails; the settings read a minute ago are still good")
        try platform.inject("none")
        let recovered = try session.waitFor(40) { !$0.contains("⚠ ") && !$0.contains(" stale ") && !$0.contains("failing in") && $0.contains("Tab panel") }
        #expect(recovered.contains("LIVE"))
        try session.send("q")
        try session.waitFor { $0.contains("[exit 0]") }
    }
}
