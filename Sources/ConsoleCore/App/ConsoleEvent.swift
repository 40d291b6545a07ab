import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// Everything the event loop reacts to, as one stream.
enum ConsoleEvent: Sendable {
    case key(Key)
    case tick(elapsed: Double)
    case resize(width: Int, height: Int)
    /// A new snapshot, with panel rows already built off the event loop (any panel missing is built when drawn).
    case snapshot(Snapshot, prepared: [PanelID: PanelContent] = [:])
    case triage(TriageOutcome)
    /// More of the recording being replayed, loaded in the background.
    case replayLoaded(ReplayBatch)
}

/// What handling an event asks the loop to do beyond redrawing.
enum ConsoleEffect: Equatable, Sendable {
    case quit
    case loadTheme(String)
    case triage([TriageRequest])
    /// Put text on the clipboard through the terminal (OSC 52).
    case copy(String)
    /// Open a URL with the desktop's opener.
    case open(String)
}

/// Work the triage runner does off the event loop: AWS calls, and writing the state file and log.
enum TriageRequest: Equatable, Sendable {
    case detectDrift(StackSummary)
    case resourceDrifts(StackSummary)
    case history(AlarmSummary)
    /// One read of a log tail, and the top-errors query over its groups; the log groups of a stack's functions.
    case readLogs(LogRead)
    case topErrors([LogTail.Source], start: Date, end: Date)
    case stackLogs(StackSummary)
    /// The settings and charts of a resource over a range ending at `end`, with the alarms that watch it.
    case detail(ResourceRef, DetailRange, end: Date, alarms: [AlarmSummary])
    case mute(AlarmSummary, until: Date)
    case unmute(AlarmKey)
    /// Poll every environment now, discovering again.
    case refresh
    /// Sign in to IAM Identity Center for the environment's credentials (the device flow).
    case signIn(environment: String)
    /// A local action to log; the runner fills in who.
    case record(TriageLogEntry)
    case save(TriageState)
    case export(path: String)
}

/// What the runner reports back.
enum TriageOutcome: Equatable, Sendable {
    case message(String, StyleRole)
    case report(DashboardView.Report)
    case detail(ResourceDetail)
    case logsRead([LogReadResult])
    case topErrors(TopErrors)
    /// The groups to tail, found for a stack.
    case logSources(title: String, [LogTail.Source])
    case muted(AlarmKey, until: Date)
    /// The alarm's actions are enabled again.
    case unmuted(AlarmKey)
    /// Enabling actions failed; try again at `retry`.
    case unmuteFailed(AlarmKey, retry: Date)
}
