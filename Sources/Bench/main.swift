import FoundationEssentials
import Dispatch
import Glibc
import Panels
import Telemetry
import AWSCore
import Recording
import Demo

// opsdeck-bench: render time (release build; a frame is the whole 160x48 dashboard drawn into a cell buffer), filter latency, replay load, and API calls and CloudWatch cost per poll cycle.
// Run with `swift run -c release opsdeck-bench`; scripts/bench adds terminal bytes, CPU and RSS of the real binary.

let scale = ScaleSnapshot.make()
var lines = ["| Measure | Median | p95 |", "| --- | --- | --- |"]
@MainActor func row(_ name: String, _ result: (median: Double, p95: Double)) {
    lines.append("| \(name) | \(Measure.format(result.median)) | \(Measure.format(result.p95)) |")
}

var view = DashboardView(now: scale.capturedAt)
let cache = ContentCache()
row("steady-state frame 160x48 at that scale (rows cached; the clock, selection or filter changed)", Measure.milliseconds(runs: 200) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer, cache: cache)
})
row("first frame after a new snapshot 160x48, \(scale.accounts.count) accounts x 50 stacks, \(scale.findings.count) findings", Measure.milliseconds(runs: 50) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer)
})
let prepared = PanelCatalog.prebuiltContents(for: scale)
var version = 0
row("first frame after a new snapshot whose rows the poller's task built (live mode)", Measure.milliseconds(runs: 50) {
    version += 1
    cache.install(prepared, version: version)
    var frame = view
    frame.dataVersion = version
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: frame, into: &buffer, cache: cache)
})
view.zoomed = true
view.focus = .compliance
view.dataVersion = version
row("zoomed Compliance panel 160x48 (10,000 rows; rows cached, as the console draws it between snapshots)", Measure.milliseconds(runs: 100) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer, cache: cache)
})
row("zoomed Compliance panel 160x48, its 10,000 rows built on the event loop (a replay's new frame)", Measure.milliseconds(runs: 50) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer)
})
view.filters[.compliance] = "bucket-99"
row("filter keystroke: 10,000 findings filtered to \"bucket-99\" and redrawn", Measure.milliseconds(runs: 100) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer, cache: cache)
})
view.filters[.compliance] = nil
view.focus = .stacks
view.filters[.stacks] = "acct-042"
row("filter keystroke: 5,000 stacks filtered to one account and redrawn", Measure.milliseconds(runs: 100) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(scale, view: view, into: &buffer, cache: cache)
})

row("compare \(scale.settings.count) resources' settings across \(scale.accounts.count) accounts (ParityReport.compare, on the poller's task with each published snapshot)",
    Measure.milliseconds(runs: 10) { _ = ParityReport.compare(scale.settings, alarms: scale.alarms, environments: ScaleSnapshot.environments(scale), config: .platformDefaults) })
for panel in PanelCatalog.all {
    row("build \(panel.id.title) rows at that scale", Measure.milliseconds(runs: 20) { _ = panel.content(for: scale) })
}

let demo = DemoStory().snapshot(at: 600)
row("demo dashboard frame 160x48", Measure.milliseconds(runs: 200) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(demo, view: DashboardView(now: demo.capturedAt), into: &buffer)
})

let data = try DemoFixture.data()
let recording = try RecordingCodec.decode(data)
row("start the demo: its header read and checked (what the first frame waits for)", Measure.milliseconds(runs: 20) {
    _ = try? ReplayLoad.start(data)
})
row("replay the demo's first cycle (what the first data waits for)", await Measure.milliseconds(runs: 20) {
    _ = await RecordingReplay.fixture(from: Recording(header: recording.header, cycles: [recording.cycles[0]]))
})
row("read the demo recording a cycle at a time (inflate and decode, nothing kept)", Measure.milliseconds(runs: 10) {
    guard let stream = try? RecordingStream(data) else { return }
    while (try? stream.nextCycle()) != nil {}
})

// The detail view of the demo's failing function, fetched from the recording's detail exchanges as a replay does.
let staging = recording.header.environments.first { $0.name == "staging" }!.config
let failing = ResourceRef(.function, "staging-csv-processor", environment: "staging")
let fetched = await DetailFetcher(source: RecordedDetails(recording.details.filter { $0.env == "staging" }), environment: staging)
    .fetch(failing, range: .hour, end: recording.header.start.addingTimeInterval(600))
var detailView = DashboardView(now: demo.capturedAt)
detailView.overlay = .detail
detailView.detail = DetailScreen(resource: failing, rowFields: [.init("Function", failing.name)], fetched: fetched)
row("detail view frame 160x48 (a function: settings and 4 charts, 7 series of 60 points)", Measure.milliseconds(runs: 200) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(demo, view: detailView, into: &buffer)
})
var dashboardFrame = CellBuffer(width: 160, height: 48)
Dashboard.render(demo, view: DashboardView(now: demo.capturedAt), into: &dashboardFrame)
var detailFrame = CellBuffer(width: 160, height: 48)
Dashboard.render(demo, view: detailView, into: &detailFrame)
let changed = zip(dashboardFrame.cells, detailFrame.cells).filter { $0 != $1 }.map(\.1)
let changedBytes = changed.reduce(0) { $0 + $1.grapheme.utf8.count }
var tail = LogTail(sources: [LogTail.Source(environment: "staging", group: "/aws/lambda/staging-csv-processor")])
tail.merge(.success((0..<5000).map { LogEvent(environment: "staging", group: "/aws/lambda/staging-csv-processor", stream: "s", time: Double($0), id: "\($0)",
                                                message: $0 % 7 == 0 ? "[ERROR] CSVHeaderError: unexpected column\nTraceback (most recent call last):\n  File x" : "REPORT RequestId: \($0)\tDuration: 812.20 ms") }),
           from: tail.sources[0], calls: 1)
var logsView = DashboardView(now: demo.capturedAt)
logsView.overlay = .logs
logsView.logs = LogScreen(title: "staging /aws/lambda/staging-csv-processor", tail: tail)
row("log tail frame 160x48 (5,000 events, stack traces among them)", Measure.milliseconds(runs: 100) {
    var buffer = CellBuffer(width: 160, height: 48)
    Dashboard.render(demo, view: logsView, into: &buffer)
})
row("decode the demo recording (\(data.count / 1024) KB gzip, \(recording.cycles.reduce(0) { $0 + $1.exchanges.count }) exchanges)", Measure.milliseconds(runs: 5) {
    _ = try? RecordingCodec.decode(data)
})
let semaphore = DispatchSemaphore(value: 0)
final class Box: @unchecked Sendable { var result = (median: 0.0, p95: 0.0) }
let box = Box()
Task.detached {
    var samples: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = await RecordingReplay.fixture(from: recording)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    box.result = (samples[2], samples[4])
    semaphore.signal()
}
semaphore.wait()
row("replay the demo recording through the parsers (61 cycles x 3 accounts)", box.result)

print("## Rendering and replay (opsdeck-bench)\n")
print(lines.joined(separator: "\n"))
print("\nOpening the detail view over the demo dashboard changes \(changed.count) of \(160 * 48) cells, \(changedBytes) bytes of text before escape sequences;"
      + " its fetch is \(fetched.calls) calls and \(fetched.metricsRequested) metrics ($\(String(cFormat: "%.5f", Double(fetched.metricsRequested) / 1000 * 0.01))).")
print("A log tail reads each group every \(Int(LogScreen.interval)) s: \(Int(60 / LogScreen.interval)) FilterLogEvents calls a minute per group while it is open, none when paused or closed.")

// API calls and CloudWatch cost per poll cycle, from the demo recording (a live session's calls, recorded).
let steady = recording.cycles.dropFirst()
let perCycle = Double(steady.reduce(0) { $0 + $1.exchanges.count }) / Double(max(1, steady.count))
var byOperation: [String: Int] = [:]
for exchange in steady.flatMap(\.exchanges) { byOperation["\(exchange.service) \(exchange.op)", default: 0] += 1 }
let metrics = recording.header.environments.reduce(0) { $0 + MetricPlan($1.config).queries.count }
let costPerCycle = Double(metrics) / 1000 * 0.01
print("\n## API calls per poll cycle (demo platform: 3 accounts)\n")
print("| Operation | Calls per cycle |\n| --- | --- |")
for (operation, count) in byOperation.sorted(by: { $0.key < $1.key }) {
    print("| \(operation) | \(String(cFormat: "%.2f", Double(count) / Double(steady.count))) |")
}
print(String(cFormat: "| **total** | **%.2f** |", perCycle))
print("\nGetMetricData requests \(metrics) metrics per cycle (\(Int(ceil(Double(metrics) / 500))) call(s) per account at most 500 each).")
print(String(cFormat: "At $0.01 per 1,000 metrics requested that is $%.5f per cycle, $%.2f per 30-day month at a 60 s poll interval.", costPerCycle, costPerCycle * 43_200))
