import Telemetry

/// Everything the event loop reacts to, as one stream.
enum ConsoleEvent: Sendable {
    case key(Key)
    case tick(elapsed: Double)
    case resize(width: Int, height: Int)
    case snapshot(Snapshot)
}

/// What handling an event asks the loop to do beyond redrawing.
enum ConsoleEffect: Equatable, Sendable {
    case quit
    case loadTheme(String)
}
