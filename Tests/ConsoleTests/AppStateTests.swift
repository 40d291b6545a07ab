import Testing
@testable import opsdeck
@testable import Panels
@testable import Telemetry
@testable import ConsoleCore
@testable import Demo
@testable import Recording

@Suite struct AppStateTests {
    func state() -> AppState {
        AppState(replay: ReplaySession(fixture: timeline(DemoStory(step: 300, duration: 1800)), speed: 1, start: 600), bindings: .defaults)
    }

    @discardableResult
    func press(_ state: inout AppState, _ keys: Key...) -> ConsoleEffect? {
        var effect: ConsoleEffect?
        for key in keys { effect = state.handle(.key(key)) }
        return effect
    }

    @Test func tabNumbersAndShiftTabMoveFocus() {
        var s = state()
        press(&s, .tab)
        #expect(s.view.focus == .replication)
        press(&s, .backTab, .backTab)
        #expect(s.view.focus == .parity)
        press(&s, .char("4"))
        #expect(s.view.focus == .dynamodb)
    }

    @Test func selectionMovesAndStaysInsideTheRows() {
        var s = state()
        press(&s, .char("j"), .down, .char("k"))
        #expect(s.view.selection[.stacks] == 1)
        press(&s, .char("G"))
        #expect(s.view.selection[.stacks] == s.rowCount(.stacks) - 1)
        press(&s, .char("j"))
        #expect(s.view.selection[.stacks] == s.rowCount(.stacks) - 1)
        press(&s, .home, .up)
        #expect(s.view.selection[.stacks] == 0)
    }

    @Test func filterNarrowsAsYouTypeAndEscClearsIt() {
        var s = state()
        press(&s, .char("/"), .char("p"), .char("r"), .char("o"), .char("d"))
        #expect(s.view.filters[.stacks] == "prod")
        #expect(s.rowCount(.stacks) == 7)
        press(&s, .enter)
        #expect(s.view.prompt == nil)
        #expect(s.view.filters[.stacks] == "prod")
        press(&s, .escape)
        #expect(s.view.filters[.stacks] == nil)
        #expect(s.rowCount(.stacks) == 18)
    }

    @Test func escClearsAKeptFilterBeforeItUnzooms() {
        var s = state()
        press(&s, .char("z"), .char("/"), .char("p"), .char("r"), .char("o"), .char("d"), .enter)
        #expect(s.view.zoomed && s.view.filters[.stacks] == "prod")
        press(&s, .escape)
        #expect(s.view.zoomed && s.view.filters[.stacks] == nil, "the first Esc clears the filter, as the README says")
        press(&s, .escape)
        #expect(!s.view.zoomed)
        press(&s, .char("/"), .char("p"), .char("r"), .char("o"), .char("d"), .char(" "), .char("d"), .char("a"), .char("t"), .char("a"), .enter)
        #expect(s.rowCount(.stacks) == 1, "every word must match: prod-data-buckets only")
    }

    @Test func commandsFocusPanelsAndReportUnknownOnes() {
        var s = state()
        press(&s, .char(":"), .char("d"), .char("d"), .char("b"), .enter)
        #expect(s.view.focus == .dynamodb)
        press(&s, .char(":"), .char("x"), .enter)
        #expect(s.view.message?.text.contains("unknown command ':x'") == true)
        #expect(press(&s, .char(":"), .char("q"), .enter) == .quit)
        #expect(press(&s, .char(":"), .char("t"), .char("h"), .char("e"), .char("m"), .char("e"), .char(" "), .char("m"), .enter) == .loadTheme("m"))
    }

    @Test func overlaysOpenAndCloseAndSwallowOtherKeys() {
        var s = state()
        press(&s, .enter)
        #expect(s.view.overlay == .detail)
        press(&s, .tab)
        #expect(s.view.focus == .stacks)
        press(&s, .escape)
        #expect(s.view.overlay == .none)
        press(&s, .char("?"), .char("j"))
        #expect(s.view.overlay == .help)
        #expect(s.view.overlayScroll == 1)
        #expect(press(&s, .char("q")) == nil)
        #expect(s.view.overlay == .none)
    }

    @Test func enterOnAResourceAsksForItsDetailAndTheKeysChooseTheRange() throws {
        var s = state()
        press(&s, .char("3"))
        let effect = press(&s, .enter)
        guard case .triage(let requests)? = effect, case .detail(let resource, let range, let end, _)? = requests.first else {
            Issue.record("Enter on a function asks for its detail, got \(String(describing: effect))")
            return
        }
        #expect(resource.kind == .function && range == .hour && end == s.view.now)
        #expect(s.view.overlay == .detail && s.view.detail?.fetched == nil)
        // A detail for another range is not shown; the one asked for is.
        _ = s.handle(.triage(.detail(ResourceDetail(resource: resource, range: .day, start: 0, end: 1))))
        #expect(s.view.detail?.fetched == nil)
        _ = s.handle(.triage(.detail(ResourceDetail(resource: resource, range: .hour, start: 0, end: 1))))
        #expect(s.view.detail?.fetched?.range == .hour)
        guard case .triage(let again)? = press(&s, .char("4")), case .detail(_, .day, _, _)? = again.first else {
            Issue.record("4 asks for a day")
            return
        }
        #expect(s.view.detail?.range == .day && s.view.detail?.fetched == nil, "the old range's charts are not shown as the new one's")
        #expect(press(&s, .char("4")) == nil, "the range shown is not fetched again")
        press(&s, .char("z"))
        #expect(s.view.detail?.chartsOnly == true && !s.view.zoomed, "z in the detail view zooms its charts, not the panel")
        press(&s, .escape)
        #expect(s.view.overlay == .none && s.view.detail == nil && s.view.focus == .lambda)
    }

    @Test func aConfirmationInAnEnvironmentWithABannerLeadsWithIt() {
        var s = state()
        s.view.environments = ["prod": EnvironmentLook(color: .red, banner: "PRODUCTION")]
        s.ask("DisableAlarmActions on prod/x until 15:00 UTC?", in: "prod", then: [])
        #expect(s.view.prompt?.label == "[PRODUCTION] DisableAlarmActions on prod/x until 15:00 UTC? [y/N] ")
        s.ask("DetectStackDrift on dev/y?", in: "dev", then: [])
        #expect(s.view.prompt?.label == "DetectStackDrift on dev/y? [y/N] ")
    }

    @Test func lTailsTheSelectedFunctionAndTicksAskForReads() throws {
        var s = state()
        press(&s, .char("3"))
        guard case .triage(let first)? = press(&s, .char("l")), case .readLogs(let read)? = first.first else {
            Issue.record("l on a function asks for a read")
            return
        }
        let source = try #require(read.starts.keys.first)
        #expect(source.group.hasPrefix("/aws/lambda/") && read.end == s.view.now, "a replay reads up to the replay position")
        #expect(s.view.overlay == .logs && s.view.logs?.reading == true)
        #expect(s.handle(.tick(elapsed: 5)) == nil, "no second read while one is under way")
        _ = s.handle(.triage(.logsRead([LogReadResult(source: source, outcome: .success([
            LogEvent(environment: source.environment, group: source.group, stream: "s", time: 1, id: "1", message: "[ERROR] boom"),
        ]), calls: 1)])))
        #expect(s.view.logs?.tail.events.count == 1 && s.view.logs?.reading == false)
        #expect(s.handle(.tick(elapsed: 0.5)) == nil, "reads come every two seconds")
        guard case .triage(let next)? = s.handle(.tick(elapsed: 2)), case .readLogs(let again)? = next.first else {
            Issue.record("two seconds later a tick asks for the next read")
            return
        }
        #expect(again.starts[source] == 1, "the next read starts at the newest event")
        _ = s.handle(.triage(.logsRead([])))
        press(&s, .char(" "))
        #expect(s.view.logs?.paused == true && s.replay?.clock.isPaused == false, "Space pauses the tail, not the replay")
        #expect(s.handle(.tick(elapsed: 10)) == nil, "a paused tail is not read")
        press(&s, .char(" "), .char("/"), .char("E"), .char("R"), .char("R"))
        guard case .triage(let filtered)? = press(&s, .enter), case .readLogs(let patterned)? = filtered.first else {
            Issue.record("a filter pattern starts the tail again")
            return
        }
        #expect(patterned.pattern == "ERR" && s.view.logs?.tail.events.isEmpty == true)
        press(&s, .char("4"))
        guard case .triage(let query)? = press(&s, .char("i")), case .topErrors(_, let start, let end)? = query.first else {
            Issue.record("i runs the top-errors query")
            return
        }
        #expect(end.timeIntervalSince(start) == 86_400, "4 chose a day")
        press(&s, .escape)
        #expect(s.view.overlay == .none && s.view.logs == nil)
    }

    @Test func lOnAnAlarmTailsItsFunctionAndSaysWhyElsewhere() {
        var s = state()
        press(&s, .char("7"))
        let rows = s.shownContent(.alarms).rows
        let lambda = rows.firstIndex { $0.key?.contains("csv-processor-Errors") == true }
        s.view.selection[.alarms] = lambda
        guard case .triage(let requests)? = press(&s, .char("l")), case .readLogs(let read)? = requests.first else {
            Issue.record("l on a Lambda alarm tails its function")
            return
        }
        #expect(read.starts.keys.allSatisfy { $0.group.hasSuffix("csv-processor") })
        press(&s, .escape)
        s.view.selection[.alarms] = rows.firstIndex { $0.key?.contains("ReplicationLatency") == true }
        #expect(press(&s, .char("l")) == nil)
        #expect(s.view.message?.text.contains("not a Lambda function") == true)
    }

    @Test func zoomTogglesAndEscUnzooms() {
        var s = state()
        press(&s, .char("z"))
        #expect(s.view.zoomed)
        press(&s, .escape)
        #expect(!s.view.zoomed)
    }

    @Test func quitKeysQuit() {
        var s = state()
        #expect(press(&s, .char("q")) == .quit)
        #expect(press(&s, .ctrl("c")) == .quit)
    }

    @Test func replayKeysPauseChangeSpeedAndSeek() {
        var s = state()
        press(&s, .char("+"), .char("+"))
        #expect(s.view.mode == .replay(speed: 5, paused: false, position: 600, duration: 1800))
        press(&s, .char("-"), .char(" "))
        #expect(s.view.mode == .replay(speed: 2, paused: true, position: 600, duration: 1800))
        _ = s.handle(.tick(elapsed: 100))
        #expect(s.replay?.clock.position == 600)
        press(&s, .char(" "))
        _ = s.handle(.tick(elapsed: 100))
        #expect(s.replay?.clock.position == 800)
        #expect(s.view.mode == .replay(speed: 2, paused: false, position: 600, duration: 1800), "the position is the frame's, not the clock's")
        press(&s, .char("["))
        #expect(s.replay?.clock.position == 740)
        #expect(s.view.message?.text == "replay clock at 12:20; the frame on screen was captured at 10:00")
        press(&s, .char("]"), .char("]"), .char("]"))
        #expect(s.replay?.clock.position == 920)
        #expect(s.snapshot == s.replay?.replayer.fixture.frames[3].snapshot)
        #expect(s.view.mode == .replay(speed: 2, paused: false, position: 900, duration: 1800))
    }

    @Test func ticksPublishNewFramesAndTheClock() {
        var s = state()
        let before = s.snapshot
        _ = s.handle(.tick(elapsed: 299))
        #expect(s.snapshot == before)
        _ = s.handle(.tick(elapsed: 1))
        #expect(s.snapshot != before)
        #expect(s.view.now == s.snapshot.capturedAt)
    }
}

/// The story's snapshots every `step` seconds, as a replay timeline.
func timeline(_ story: DemoStory) -> Fixture {
    Fixture(header: .init(title: story.start.description, start: story.start),
            frames: stride(from: 0, through: story.duration, by: story.step).map { Fixture.Frame(offset: Double($0), snapshot: story.snapshot(at: $0)) })
}

extension AppStateTests {
    @Test func preparedRowsAreUsedForTheNewSnapshot() {
        let story = DemoStory()
        var s = AppState(live: story.snapshot(at: 0), now: story.date(0), bindings: .defaults)
        let next = story.snapshot(at: 600)
        let one = PanelContent(sections: [TableSection(columns: [Column("X", width: 1)], rows: [PanelRow(cells: [.plain("x")], detail: [], search: "x")])], summary: "prepared")
        _ = s.handle(.snapshot(next, prepared: [.stacks: one]))
        #expect(s.rowCount(.stacks) == 1, "the prepared rows are drawn")
        #expect(s.rowCount(.alarms) == next.alarms.count, "panels not prepared are built from the snapshot")
        _ = s.handle(.snapshot(next))
        #expect(s.rowCount(.stacks) == next.stacks.count)
    }
}
