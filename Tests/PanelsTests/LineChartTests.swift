import Foundation
import Testing
@testable import Panels
@testable import Telemetry
@testable import AWSCore

/// Line charts as text: axes, threshold, marks, empty data, a single point, gaps, ASCII, and the detail view.
@Suite struct LineChartTests {
    /// 14:00 UTC on the demo's day.
    let start = 1_795_183_200.0

    func text(_ chart: LineChart, _ width: Int, _ height: Int) -> String {
        var buffer = CellBuffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer.text
    }

    /// A ramp with a gap between minutes 20 and 30, one point a minute over an hour.
    var ramp: [(time: Double, value: Double)] {
        (0..<60).filter { !(20..<30).contains($0) }.map { (start + Double($0) * 60, Double($0 * $0) / 10) }
    }

    @Test(arguments: [(40, 8), (80, 12), (20, 4)])
    func rampWithThresholdAndMark(width: Int, height: Int) throws {
        let chart = LineChart(lines: [.init(label: "errors", points: ramp, role: .accent)], start: start, end: start + 3600, unit: "/1m",
                              threshold: 200, marks: [.init(time: start + 2700, role: .critical)])
        try assertSnapshot(text(chart, width, height), named: "linechart-ramp-\(width)x\(height)")
    }

    @Test func plainASCIIForTerminalsWithoutUnicode() throws {
        let chart = LineChart(lines: [.init(label: "errors", points: ramp, role: .accent)], start: start, end: start + 3600, unit: "/1m", threshold: 200, braille: false)
        let drawn = text(chart, 40, 8)
        #expect(drawn.unicodeScalars.allSatisfy { $0.isASCII || $0 == "\n" })
        try assertSnapshot(drawn, named: "linechart-ascii-40x8")
    }

    @Test func emptyDataSaysSoAndKeepsTheAxes() throws {
        let drawn = text(LineChart(lines: [.init(label: "p95", points: [], role: .accent)], start: start, end: start + 3600, unit: "ms"), 50, 6)
        #expect(drawn.contains("no datapoints in this range"))
        #expect(drawn.contains("14:00") && drawn.contains("15:00 UTC"))
        try assertSnapshot(drawn, named: "linechart-empty-50x6")
    }

    @Test func aSinglePointIsOneDotAtItsTime() {
        let drawn = text(LineChart(lines: [.init(label: "max", points: [(start + 1800, 5)], role: .accent)], start: start, end: start + 3600, unit: ""), 30, 5)
        let dots = drawn.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(dots.count == 1)
        #expect(!drawn.contains("no datapoints"))
    }

    @Test func aGapIsNotJoined() {
        let points = [(start, 10.0), (start + 60, 10), (start + 1800, 10), (start + 1860, 10)]
        let drawn = text(LineChart(lines: [.init(label: "x", points: points, role: .accent)], start: start, end: start + 1860, unit: ""), 40, 5)
        let row = try? #require(drawn.split(separator: "\n").first { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        // The flat line at the top is drawn at both ends and left blank across the 29 missing minutes.
        #expect(row.map { $0.contains("   ") } == true)
    }

    @Test func axisTopsAreRoundNumbers() {
        #expect(LineChart.axisTop(0) == 1)
        #expect(LineChart.axisTop(7) == 10)
        #expect(LineChart.axisTop(182) == 200)
        #expect(LineChart.axisTop(5600) == 10_000)
        #expect(LineChart.axisTop(.infinity) == 1)
    }

    @Test func weekRangesLabelDays() {
        let drawn = text(LineChart(lines: [], start: start - 7 * 86_400, end: start, unit: ""), 60, 5)
        #expect(drawn.contains("11-13 14h") && drawn.contains("11-20 14h UTC"))
    }

    @Test func detailViewShowsSettingsChartsAndWhatFailed() throws {
        let ref = ResourceRef(.function, "staging-csv-processor", environment: "staging")
        var detail = ResourceDetail(resource: ref, range: .hour, start: start, end: start + 3600)
        detail.settings = [.init("Runtime", "python3.12"), .init("Memory", "1024 MB")]
        detail.failures = ["lambda GetFunctionConcurrency: AccessDeniedException: not authorized (HTTP 403)"]
        detail.calls = 4
        detail.metricsRequested = 7
        detail.lastSuccess = start + 3000
        var errors = ResourceDetail.Chart(title: "Errors", unit: "/1m", lines: [.init(label: "errors", series: MetricSeries(points: ramp))], threshold: 200)
        errors.marks = [.init(time: start + 2700, intoAlarm: true)]
        var refused = ResourceDetail.Chart(title: "Duration", unit: "ms", lines: [])
        refused.refused = "refused by this endpoint: InternalError: p95 not supported"
        detail.charts = [errors, refused]
        let screen = DetailScreen(resource: ref, rowFields: [.init("Function", ref.name)], fetched: detail)
        let alarm = AlarmSummary(environment: "staging", name: "staging-csv-processor-Errors", state: .alarm, since: Date(timeIntervalSince1970: start),
                                 reason: "", namespace: "AWS/Lambda", metric: "Errors", resource: ref.name, threshold: 200)
        var buffer = CellBuffer(width: 120, height: 24)
        DetailView(screen: screen, alarms: [alarm], now: Date(timeIntervalSince1970: start + 3600), scroll: 0, braille: true).render(into: &buffer, area: buffer.area)
        let drawn = buffer.text
        #expect(drawn.contains("python3.12") && drawn.contains("AccessDeniedException") && drawn.contains("refused by this endpoint"))
        #expect(drawn.contains("ALARM (threshold 200)"))
        #expect(drawn.contains("4 calls, 7 metrics ($0.00007)"))
        try assertSnapshot(drawn, named: "detail-function-120x24")
    }
}
