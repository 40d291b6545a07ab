import FoundationEssentials
import AWSCore

/// What a Logs Insights query returned so far.
public struct InsightsResult: Equatable, Sendable {
    public var status: String
    public var rows: [[String: String]]
    public var bytesScanned: Double

    public init(status: String, rows: [[String: String]], bytesScanned: Double) {
        self.status = status
        self.rows = rows
        self.bytesScanned = bytesScanned
    }

    /// What scanning `bytes` costs at Logs Insights' $0.005 per GB, written so a tiny cost is not a zero.
    public static func cost(ofScanning bytes: Double) -> String {
        let dollars = bytes / 1e9 * 0.005
        return dollars > 0 && dollars < 0.000001 ? "under $0.000001" : "$" + String(cFormat: "%.6f", dollars)
    }

    /// Whether the query has ended (Complete, Failed, Cancelled, Timeout).
    public var isDone: Bool { ["Complete", "Failed", "Cancelled", "Timeout"].contains(status) }
}
