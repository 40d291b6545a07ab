import FoundationEssentials
import AWSCore

/// Fetches what a detail view shows for one resource: its settings (one or a few calls of its service) and every
/// chart of it over the range in one GetMetricData call. A failed call becomes a line naming the call and its cause,
/// and its part of the view stays empty rather than looking healthy.
public struct DetailFetcher: Sendable {
    public var source: any ExchangeSource
    public var environment: EnvironmentConfig
    /// The alarms watching the resource, whose thresholds are drawn on the charts of their metrics.
    public var alarms: [AlarmSummary]
    /// Whether a period still under way at the end is left out: a replay's recorded periods hold what came after
    /// the replay position.
    public var completePeriodsOnly = false

    public init(source: any ExchangeSource, environment: EnvironmentConfig, alarms: [AlarmSummary] = []) {
        self.source = source
        self.environment = environment
        self.alarms = alarms
    }

    /// The detail of `resource` over `range` ending at `end`; metrics are read from `reach` seconds further back
    /// (a recording's detail, which must cover the range at any replay position).
    public func fetch(_ resource: ResourceRef, range: DetailRange, end: Date, reach: Double = 0) async -> ResourceDetail {
        let endSeconds = end.timeIntervalSince1970.rounded(.down)
        var detail = ResourceDetail(resource: resource, range: range, start: range.start(end: endSeconds), end: endSeconds)
        let readFrom = detail.start - (reach / Double(range.period)).rounded(.up) * Double(range.period)
        let counted = CallTally(source)
        var alarm: AlarmDefinition?
        do {
            detail.settings = try await settings(of: resource, counted, into: &alarm)
        } catch {
            detail.failures.append("\(error)")
        }
        let plans = ChartPlan.plans(for: resource, environment: environment, range: range, alarm: alarm)
        if !plans.isEmpty {
            let queries = plans.flatMap { $0.lines.map(\.query) }
            detail.metricsRequested = queries.count
            do {
                let result = try await CloudWatchClient(counted).metricData(queries, start: Date(timeIntervalSince1970: readFrom), end: end)
                detail.charts = plans.map { plan in chart(plan, result, in: detail, alarm: alarm) }
            } catch {
                detail.failures.append("\(error)")
                detail.charts = plans.map { plan in
                    var chart = ResourceDetail.Chart(title: plan.title, unit: plan.unit, lines: [])
                    chart.refused = "GetMetricData failed: \(error)"
                    return chart
                }
            }
        }
        if resource.kind == .port {
            await FlowPortChart(source: counted).fetch(resource.name, range: range, start: readFrom, end: end, detail: &detail)
            for chart in detail.charts.indices {
                for line in detail.charts[chart].lines.indices {
                    detail.charts[chart].lines[line].series.points = shown(detail.charts[chart].lines[line].series.points, detail, period: range.period)
                }
            }
        }
        if resource.kind == .alarm {
            do {
                let history = try await CloudWatchClient(counted).history(alarm: resource.name)
                let changes = history.filter { $0.type == "StateUpdate" }.map {
                    ResourceDetail.StateChange(time: $0.time.timeIntervalSince1970, intoAlarm: $0.summary.hasSuffix("to ALARM"))
                }
                for index in detail.charts.indices { detail.charts[index].marks = changes }
                detail.settings += history.prefix(5).map { .init("History", "\(AWSDate.format($0.time)) \($0.summary)") }
            } catch {
                detail.failures.append("\(error)")
            }
        }
        if resource.kind == .function, let chart = detail.charts.first, let errors = detail.charts.dropFirst().first?.lines.first?.series {
            let failed = Dictionary(errors.points.map { ($0.time, $0.value) }) { first, _ in first }
            detail.lastSuccess = chart.lines.first?.series.points.last { $0.value > (failed[$0.time] ?? 0) }?.time
        }
        detail.calls = counted.count
        return detail
    }

    /// The points of `detail`'s range, without a period still under way at its end when only complete ones are shown
    /// (a replay's recorded range reaches past the replay position).
    private func shown(_ points: [(time: Double, value: Double)], _ detail: ResourceDetail, period: Int) -> [(time: Double, value: Double)] {
        let last = completePeriodsOnly ? detail.end - Double(period) : detail.end
        return points.filter { $0.time >= detail.start && $0.time <= last }
    }

    /// One chart from the fetched series, scaled, with the threshold of the alarm on its metric.
    private func chart(_ plan: ChartPlan, _ result: MetricResult, in detail: ResourceDetail, alarm: AlarmDefinition?) -> ResourceDetail.Chart {
        let lines = plan.lines.map { line in
            var series = result.series[line.query.id] ?? MetricSeries()
            series.points = shown(series.points, detail, period: line.query.period).map { ($0.time, $0.value * line.scale) }
            return ResourceDetail.ChartLine(label: line.label, series: series)
        }
        let threshold = alarm?.threshold ?? alarms.first { $0.metric == plan.metric && $0.threshold != nil }?.threshold
        var chart = ResourceDetail.Chart(title: plan.title, unit: plan.unit, lines: lines, threshold: threshold)
        let refused = plan.lines.compactMap { result.refused[$0.query.id].map { "\($0.code): \($0.message)" } }
        if !refused.isEmpty { chart.refused = "refused by this endpoint: " + refused.joined(separator: "; ") }
        return chart
    }

    /// The settings lines of `resource`, from its own service.
    private func settings(of resource: ResourceRef, _ source: any ExchangeSource, into alarm: inout AlarmDefinition?) async throws -> [ResourceDetail.Setting] {
        switch resource.kind {
        case .function:
            let lambda = LambdaClient(source)
            let config = try await lambda.configuration(of: resource.name)
            var lines: [ResourceDetail.Setting] = [
                .init("Runtime", config.runtime ?? "container image"), .init("Architecture", config.architectures.joined(separator: ", ").nonEmpty ?? "x86_64"),
                .init("Memory", config.memoryMB.map { "\($0) MB" } ?? "unknown"), .init("Timeout", config.timeoutSeconds.map { "\($0) s" } ?? "unknown"),
                .init("Handler", config.handler ?? "-"), .init("Last modified", config.lastModified ?? "unknown"),
                .init("Code size", config.codeSize.map { "\($0) bytes" } ?? "unknown"),
                .init("Environment", config.environmentNames.isEmpty ? "no variables" : config.environmentNames.joined(separator: ", ") + " (names only)"),
                .init("Environment key", config.kmsKey ?? "AWS managed key"),
            ]
            if !config.layers.isEmpty { lines.append(.init("Layers", config.layers.joined(separator: ", "))) }
            do {
                lines.append(.init("Reserved concurrency", try await lambda.reservedConcurrency(of: resource.name).map(String.init) ?? "none (unreserved pool)"))
            } catch {
                lines.append(.init("Reserved concurrency", "unavailable: \(error)"))
            }
            do {
                let sources = try await lambda.eventSources(of: resource.name)
                lines.append(.init("Event sources", sources.isEmpty ? "none (invoked directly or by a schedule)" : sources.map { "\($0.sourceArn) \($0.state)" }.joined(separator: ", ")))
            } catch {
                lines.append(.init("Event sources", "unavailable: \(error)"))
            }
            return lines
        case .table:
            let dynamo = DynamoDBClient(source)
            var lines = try await dynamo.settings(of: resource.name).map { ResourceDetail.Setting($0.label, $0.value) }
            for (label, read) in [("Point-in-time recovery", dynamo.pointInTimeRecovery), ("Time to live", dynamo.timeToLive)] as [(String, (String) async throws -> String)] {
                do { lines.append(.init(label, try await read(resource.name))) } catch { lines.append(.init(label, "unavailable: \(error)")) }
            }
            return lines
        case .stack:
            let cloudFormation = CloudFormationClient(source)
            let stack = try await cloudFormation.detail(of: resource.name)
            var lines: [ResourceDetail.Setting] = [.init("Status", stack.status + (stack.reason.map { ": \($0)" } ?? "")), .init("Drift", stack.drift ?? "NOT_CHECKED")]
            if let description = stack.description { lines.append(.init("Description", description)) }
            lines += stack.parameters.map { .init("Parameter", "\($0.key) = \($0.value)") }
            lines += stack.outputs.map { .init("Output", "\($0.key) = \($0.value)") }
            if stack.drift == "DRIFTED" {
                do {
                    for drift in try await cloudFormation.resourceDrifts(stack: resource.name) {
                        lines.append(.init("Drifted", "\(drift.logicalId) \(drift.type) \(drift.status)"))
                        lines += drift.differences.map { .init("", "\($0.path): expected \($0.expected.compacted) → actual \($0.actual.compacted) (\($0.kind))") }
                    }
                } catch {
                    lines.append(.init("Drifted", "unavailable: \(error)"))
                }
            }
            do {
                lines += try await cloudFormation.events(of: resource.name).map {
                    .init("Event", "\(AWSDate.format($0.time)) \($0.logicalId) \($0.status)\($0.reason.map { ": \($0)" } ?? "")")
                }
            } catch {
                lines.append(.init("Events", "unavailable: \(error)"))
            }
            return lines
        case .alarm:
            guard let definition = try await CloudWatchClient(source).alarmDefinition(resource.name) else {
                return [.init("Alarm", "DescribeAlarms has no metric alarm of this name (deleted, or a composite alarm)")]
            }
            alarm = definition
            let comparison = definition.comparison.map { "\($0) " } ?? ""
            return [
                .init("State", "\(definition.state ?? "unknown"): \(definition.stateReason ?? "")"),
                .init("Metric", "\(definition.namespace) \(definition.metric) \(definition.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: " "))"),
                .init("Condition", "\(definition.statistic) over \(definition.period.map { "\($0) s" } ?? "?") \(comparison)\(definition.threshold.map { JSONValue.number($0).text } ?? "?")"),
                .init("Evaluation", "\(definition.datapointsToAlarm ?? definition.evaluationPeriods ?? 1) of \(definition.evaluationPeriods ?? 1) periods; missing data \(definition.treatMissingData ?? "missing")"),
                .init("Actions", definition.alarmActions.isEmpty ? "none" : definition.alarmActions.joined(separator: ", ")),
                .init("Actions enabled", definition.actionsEnabled.map { $0 ? "yes" : "no (muted)" } ?? "unknown"),
            ]
        case .bucket, .stackSet, .configRule, .port:
            return []
        }
    }
}

extension String {
    /// nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
    /// The text on one line, each line's own indentation dropped (JSON property values).
    public var compacted: String { split(whereSeparator: \.isNewline).map { $0.trimming(.whitespaces) }.joined(separator: " ") }
}

