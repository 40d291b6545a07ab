import Foundation
import Testing
@testable import Panels
@testable import Telemetry
@testable import AWSCore
@testable import Demo

@Suite struct DashboardSnapshotTests {
    /// The demo ten minutes in, seen 12 seconds after the poll.
    let snapshot = DemoStory().snapshot(at: 600)

    func view(_ change: (inout DashboardView) -> Void = { _ in }) -> DashboardView {
        var view = DashboardView(now: snapshot.capturedAt.addingTimeInterval(12))
        view.mode = .replay(speed: 1, paused: false, position: 612, duration: 1800)
        view.hints = [.init(keys: "Tab", text: "panel"), .init(keys: "z", text: "zoom"), .init(keys: "?", text: "help"), .init(keys: "q", text: "quit")]
        view.help = [.init(keys: "q Ctrl-C", text: "quit"), .init(keys: "z", text: "zoom the focused panel"),
                     .init(keys: "d", text: "detect drift", dangerous: true)]
        change(&view)
        return view
    }

    func render(_ width: Int, _ height: Int, _ view: DashboardView) -> String {
        var buffer = CellBuffer(width: width, height: height)
        Dashboard.render(snapshot, view: view, into: &buffer)
        return buffer.text
    }

    @Test(arguments: [(80, 24), (160, 48), (40, 12)])
    func dashboardAtSize(width: Int, height: Int) throws {
        try assertSnapshot(render(width, height, view()), named: "dashboard-\(width)x\(height)")
    }

    @Test func environmentsAreDrawnInTheirColourWithTheirBanner() throws {
        var buffer = CellBuffer(width: 160, height: 48)
        let looks = ["prod": EnvironmentLook(color: .red, banner: "PRODUCTION"), "dev": EnvironmentLook(color: .green)]
        Dashboard.render(snapshot, view: view { $0.environments = looks }, into: &buffer)
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let status = try #require(lines.indices.last.map { $0 - 1 })
        let bar = lines[status]
        #expect(bar.contains("prod [PRODUCTION]"))
        let column = try #require(bar.range(of: " prod").map { bar.distance(from: bar.startIndex, to: $0.lowerBound) + 1 })
        #expect(buffer[column, status].role == .envRed)
        // Every ENV cell of a prod row is red, of a dev row green, and staging keeps the text colour.
        let row = try #require(lines.firstIndex { $0.contains("│prod    prod-data-buckets") })
        let x = try #require(lines[row].range(of: "prod    prod-data").map { lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound) })
        #expect(buffer[x, row].role == .envRed)
        let staging = try #require(lines.firstIndex { $0.contains("│staging staging-network") })
        #expect(buffer[x, staging].role == .text)
    }

    @Test func gridShowsAllSevenPanels() {
        let text = render(160, 48, view())
        for id in PanelID.allCases { #expect(text.contains("\(id.rawValue) \(id.title)")) }
    }

    @Test func focusedAlarmsZoomedWithSelection() throws {
        try assertSnapshot(render(100, 20, view { $0.focus = .alarms; $0.zoomed = true; $0.selection[.alarms] = 2 }), named: "alarms-zoomed-100x20")
    }

    @Test func detailOverlayOfTheSelectedStack() throws {
        let text = render(100, 30, view { $0.focus = .stacks; $0.selection[.stacks] = 1; $0.overlay = .detail })
        #expect(text.contains("BucketPolicy opsdeck-prod-archive modified outside CloudFormation"))
        try assertSnapshot(text, named: "stack-detail-100x30")
    }

    @Test func helpOverlayMarksDangerousBindings() {
        let text = render(80, 24, view { $0.overlay = .help })
        #expect(text.contains("detect drift (needs --allow-actions)"))
    }

    @Test func filterNarrowsRowsAndShowsInTheTitle() throws {
        let text = render(100, 24, view { $0.focus = .lambda; $0.zoomed = true; $0.filters[.lambda] = "staging" })
        #expect(text.contains("/staging"))
        #expect(text.contains("staging-csv-processor"))
        #expect(!text.contains("prod-csv-processor"))
    }

    @Test func promptReplacesHints() {
        let text = render(80, 24, view { $0.prompt = .init(kind: .command, text: "alarms") })
        #expect(text.split(separator: "\n").last?.hasPrefix(":alarms█") == true)
    }

    @Test func tinyTerminalGetsANotice() {
        let text = render(19, 4, view())
        #expect(text.contains("terminal too"))
        #expect(text.contains("need 20x5"))
    }

    @Test func everySizeRendersWithoutWritingOutsideTheBuffer() {
        for width in [1, 2, 5, 20, 33, 99, 100, 101, 240] {
            for height in [1, 3, 5, 6, 12, 29, 30, 31, 70] {
                var buffer = CellBuffer(width: width, height: height)
                Dashboard.render(snapshot, view: view { $0.overlay = .detail; $0.selection[.stacks] = 99 }, into: &buffer)
                #expect(buffer.cells.count == width * height)
            }
        }
    }

    @Test func freshDataShowsItsTimeSoAnIdleSecondChangesNoCell() {
        let status = { (seconds: Double) in
            self.render(120, 30, self.view { $0.now = self.snapshot.capturedAt.addingTimeInterval(seconds) }).split(separator: "\n").dropLast().last ?? ""
        }
        #expect(status(12).contains("data \(Format.clock(snapshot.capturedAt)) UTC"))
        #expect(status(12) == status(13))
        #expect(status(12) == status(300))
        var loading = snapshot
        for index in loading.accounts.indices { loading.accounts[index].lastSuccess = nil }
        var buffer = CellBuffer(width: 120, height: 30)
        Dashboard.render(loading, view: view(), into: &buffer)
        #expect(!(buffer.text.split(separator: "\n").dropLast().last ?? "").contains("data "), "no data has been captured yet")
    }

    @Test func stalePollShowsInTheStatusBar() {
        var view = view()
        view.now = snapshot.capturedAt.addingTimeInterval(400)
        let status = render(120, 30, view).split(separator: "\n").dropLast().last ?? ""
        #expect(status.contains("data 6m old"))
        #expect(status.contains("REPLAY x1 10:12/30:00"))
    }
}

extension DashboardSnapshotTests {
    @Test func eachPanelShowsOnlyTheStateOfTheSectionsItReads() throws {
        var partial = snapshot
        let now = snapshot.capturedAt
        for index in partial.accounts.indices {
            partial.accounts[index].sections = Dictionary(uniqueKeysWithValues: PollSection.ID.allCases.map { ($0, SectionState(phase: .fresh, lastGood: now)) })
        }
        let throttled = AWSError(service: "monitoring", operation: "DescribeAlarms", status: 400, code: "ThrottlingException", message: "Rate exceeded")
        partial.accounts[2].sections[.alarms] = SectionState(phase: .failed, lastGood: now.addingTimeInterval(-600), failure: SectionFailure(throttled))
        partial.accounts[2].sections[.metrics] = SectionState(phase: .stale, lastGood: now.addingTimeInterval(-180))
        let denied = AWSError(service: "config", operation: "DescribeComplianceByConfigRule", status: 400, code: "AccessDeniedException", message: "no")
        partial.accounts[2].sections[.compliance] = SectionState(phase: .failed, failure: SectionFailure(denied))
        partial.accounts[2].health = AccountStatus.Health(partial.accounts[2].sections)
        partial.accounts[2].error = "alarms: monitoring DescribeAlarms: ThrottlingException: Rate exceeded (HTTP 400)"
        var buffer = CellBuffer(width: 160, height: 48)
        var shown = view()
        shown.focus = .lambda
        shown.selection[.lambda] = 7
        Dashboard.render(partial, view: shown, into: &buffer)
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[46].contains("● prod (2 of 7 sections failing)"), "\(lines[46])")
        #expect(lines[46].contains("● dev ● staging"), "healthy accounts carry no mark")
        #expect(lines[47].hasPrefix("⚠ prod: alarms: monitoring DescribeAlarms: ThrottlingException"))
        #expect(buffer.text.contains("4 in ALARM · alarms failing in prod: ThrottlingExcept…┐"), "the alarms panel's title names the failure")
        let alarmStates = PanelStates(sections: PanelID.alarms.spec.sections, accounts: partial.accounts, now: now)
        #expect(alarmStates.trailer("4 in ALARM") == "4 in ALARM · alarms failing in prod: ThrottlingException (HTTP 400) on monitoring:DescribeAlarms")
        let notice = alarmStates.apply(to: PanelCatalog.panel(.alarms).content(for: partial)).rows[0]
        #expect(notice.cells.map(SnapshotReport.text) == ["prod", "alarms failing: ThrottlingException (HTTP 400) on monitoring:DescribeAlarms (throttled: retried with backoff, tried again next poll) · showing data 10m old"])
        #expect(buffer.text.contains("prod    alarms failing: Throttl"), "the notice row leads the panel")
        let prodAlarm = try #require(lines.firstIndex { $0.contains("prod-csv-processor-Erro") }, "prod's earlier alarms stay")
        let alarmColumn = try #require(lines[prodAlarm].range(of: "prod-csv-processor-Erro")).lowerBound.utf16Offset(in: lines[prodAlarm])
        #expect(buffer[alarmColumn, prodAlarm].role == .muted, "dimmed")
        let compliance = lines.filter { $0.contains("Compliance") || $0.contains("NON_COMPLIANT") || $0.contains("compliance unavailable") }
        #expect(compliance.contains { $0.contains("compliance unavailable in prod: AccessDenie") }, "the title names the failure as far as it fits: \(compliance)")
        #expect(compliance.contains { $0.contains("prod    compliance unavailable: AccessDeniedException (HTTP 400) on config:") })
        #expect(!compliance.contains { $0.contains("prod ") && $0.contains("NON_COMPLIANT") }, "prod's compliance rows are replaced by the error")
        #expect(compliance.contains { $0.contains("staging ") && $0.contains("NON_COMPLIANT") }, "the other accounts' rows stay")
        #expect(buffer.text.contains("prod stale 3m ┐"), "the panels reading metrics say prod's metrics are stale")
        let stacksTitle = try #require(lines.first { $0.contains("1 Stacks") }?.split(separator: "┐").first.map(String.init))
        #expect(!stacksTitle.contains("prod") && !stacksTitle.contains("unavailable"), "the Stacks panel reads a healthy section: \(stacksTitle)")
        let prodRow = try #require(lines.firstIndex { $0.contains("prod-csv-processor") })
        let stagingRow = try #require(lines.firstIndex { $0.contains("staging-csv-processor") })
        let column = try #require(lines[prodRow].range(of: "prod-csv-processor")).lowerBound.utf16Offset(in: lines[prodRow])
        #expect(buffer[column, prodRow].role == .muted, "rows of the stale section are dimmed")
        #expect(buffer[column, stagingRow].role != .muted)
    }
}

extension DashboardSnapshotTests {
    @Test func aFilteredPanelSaysHowManyOfItsRowsItShows() {
        var buffer = CellBuffer(width: 160, height: 48)
        var shown = view()
        shown.focus = .lambda
        shown.filters[.lambda] = "staging"
        Dashboard.render(snapshot, view: shown, into: &buffer)
        let total = PanelCatalog.panel(.lambda).content(for: snapshot).rowCount
        #expect(buffer.text.contains("/staging · 3 of \(total) rows"), "not the total count of every function")
    }

    @Test func aPeeringListedByBothItsAccountsIsCountedOnce() {
        var both = Snapshot(capturedAt: snapshot.capturedAt)
        both.flows.peerings = ["staging", "prod"].map {
            PeeringLink(environment: $0, id: "pcx-1", requester: "vpc-a (287514036912 us-west-2)", accepter: "vpc-b (398126457039 us-east-1)", status: "pending-acceptance")
        }
        #expect(PanelCatalog.panel(.flowLogs).content(for: both).summary == "0 rejected · 1 peering not active")
    }

    @Test func aRefusedQueryHasARowOfItsOwnOnThePanelItFeeds() {
        var refused = snapshot
        refused.metricRefusals = [
            MetricRefusal(environment: "staging", namespace: "AWS/Lambda", metric: "Throttles", statistic: "Sum", resource: "staging-csv-processor", reason: "InternalError: no data"),
            MetricRefusal(environment: "prod", namespace: "AWS/Lambda", metric: "Duration", statistic: "p95", resource: "", reason: "ServerError (HTTP 500)", fallback: "Maximum"),
        ]
        let lambda = PanelCatalog.panel(.lambda).content(for: refused)
        #expect(lambda.sections.first?.rows.map { $0.cells.map(SnapshotReport.text) } == [
            ["staging", "Throttles Sum of staging-csv-processor refused by this endpoint: InternalError: no data"],
            ["prod", "Duration p95 refused by this endpoint: ServerError (HTTP 500); showing Maximum"],
        ])
        for other in [PanelID.dynamodb, .replication] {
            #expect(PanelCatalog.panel(other).content(for: refused).sections.count == 1, "a Lambda query's refusal is not on the \(other) panel")
        }
    }

    @Test func numericHeadersNameTheirWindow() {
        let headers = PanelCatalog.panel(.lambda).content(for: snapshot).sections[0].columns.map(\.title)
        #expect(headers.contains("INVOC 5m") && headers.contains("ERR 5m") && headers.contains("P95 5m"), "\(headers)")
        #expect(PanelCatalog.panel(.dynamodb).content(for: snapshot).sections[0].columns.map(\.title).contains("WCU/s 1m"))
        #expect(PanelCatalog.panel(.replication).content(for: snapshot).sections[0].columns.map(\.title).contains("LAG 1m"))
    }
}
