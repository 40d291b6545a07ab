/// The metric window's default, in a file of its own so the recording codec (and its fuzz target) needs no more.
public enum MetricWindow {
    /// The minutes Lambda numbers cover unless `metric_window_minutes` says otherwise.
    public static let defaultMinutes = 5
}
