import AWSCore
import Telemetry
import Recording
import Panels
/// What a key binding does.
enum Action: String, CaseIterable, Sendable {
    case quit, help, zoom, filter, command, detail, back
    case nextPanel = "next-panel"
    case previousPanel = "previous-panel"
    case focusPanel = "focus-panel"
    case down, up
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top, bottom
    case pause, faster, slower
    case seekBack = "seek-back"
    case seekForward = "seek-forward"
    case detectDrift = "detect-drift"
    case acknowledge
    case mute
    case history
    case openMetric = "open-metric"
    case signIn = "sign-in"
    case refresh
    case copy
    case openConsole = "open-console"
    case sort
    case reverseSort = "reverse-sort"
    case logs
    case topErrors = "top-errors"
    case toggleView = "toggle-view"
}
