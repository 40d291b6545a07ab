import FoundationEssentials
import AWSCore
import Telemetry

/// The detail view open on one row: which resource, which range, what the row itself says, and what was fetched
/// (nil while the fetch is under way).
public struct DetailScreen: Equatable, Sendable {
    public var resource: ResourceRef
    public var range: DetailRange
    /// The row's own labelled values, shown before anything is fetched.
    public var rowFields: [ResourceDetail.Setting]
    public var fetched: ResourceDetail?
    /// Zoomed: the charts take the whole area.
    public var chartsOnly = false

    public init(resource: ResourceRef, range: DetailRange = .hour, rowFields: [ResourceDetail.Setting], fetched: ResourceDetail? = nil) {
        self.resource = resource
        self.range = range
        self.rowFields = rowFields
        self.fetched = fetched
    }

    /// Whether a fetch for this resource and range is what the screen waits for.
    public func awaits(_ detail: ResourceDetail) -> Bool { detail.resource == resource && detail.range == range }
}
