import FoundationEssentials
import AWSCore
import Telemetry

/// The functions' CloudWatch Logs as the story has them: a sample of each minute's invocations (START, the
/// function's own lines, END, REPORT), and during the incident the CSV processor's stack traces, timeouts and
/// throttled retries and the validator's JSON errors.
extension DemoStory {
    /// One log event: seconds into the story, stream and message.
    struct LogLine {
        var t: Double
        var stream: String
        var message: String
    }

    /// The log lines of `function` in `environment` from `start` to `end` seconds into the story.
    func logLines(_ function: String, environment: String, from start: Int, to end: Int) -> [LogLine] {
        guard let entry = functions().first(where: { $0.environment == environment && $0.name == function }) else { return [] }
        let settings = functionSettings(function, environment: EnvironmentConfig(name: environment, accountId: "", region: ""))
        var lines: [LogLine] = []
        for minute in stride(from: start - ((start % 60) + 60) % 60, to: end, by: 60) {
            let numbers = entry.minute(minute)
            guard numbers.invocations > 0 else { continue }
            let stream = "2026/11/20/[$LATEST]\(String(cFormat: "%08lx", Int(noise.unit(function + "-stream", minute / 600) * 4e9)))"
            let failing = numbers.errors / max(1, numbers.invocations)
            let samples = numbers.invocations >= 100 ? 2 : 1
            for sample in 0..<samples {
                let t = Double(minute) + 5 + 25 * Double(sample) + noise.unit(function + "-at", minute * 2 + sample) * 4
                let request = uuid(function, minute * 2 + sample)
                let fails = noise.unit(function + "-fails", minute * 2 + sample) < failing
                let duration = fails && function.hasSuffix("csv-processor") && intensity(minute) > 0.8 && sample == 0 ? Double(settings.timeoutSeconds) * 1000 : numbers.p95 * (0.6 + 0.4 * noise.unit(function + "-d", minute * 2 + sample))
                lines.append(LogLine(t: t, stream: stream, message: "START RequestId: \(request) Version: $LATEST\n"))
                lines += body(function, request: request, fails: fails, timedOut: duration >= Double(settings.timeoutSeconds) * 1000, minute: minute, t: t, stream: stream)
                let end = t + duration / 1000
                if duration >= Double(settings.timeoutSeconds) * 1000 {
                    lines.append(LogLine(t: end, stream: stream, message: "\(AWSDate.formatPrecise(date(Int(end)))) \(request) Task timed out after \(settings.timeoutSeconds).00 seconds\n"))
                }
                lines.append(LogLine(t: end, stream: stream, message: "END RequestId: \(request)\n"))
                let used = Int(Double(settings.memoryMB) * (0.35 + 0.3 * noise.unit(function + "-mem", minute)))
                lines.append(LogLine(t: end + 0.001, stream: stream, message: "REPORT RequestId: \(request)\t"
                    + String(cFormat: "Duration: %.2f ms\tBilled Duration: %ld ms\tMemory Size: %ld MB\tMax Memory Used: %ld MB\t\n", duration, Int(duration.rounded(.up)), settings.memoryMB, used)))
            }
        }
        return lines.filter { $0.t >= Double(start) && $0.t < Double(end) }
    }

    /// What a function logs between START and END.
    private func body(_ function: String, request: String, fails: Bool, timedOut: Bool, minute: Int, t: Double, stream: String) -> [LogLine] {
        let stamp = AWSDate.formatPrecise(date(Int(t)))
        let file = "s3://opsdeck-staging-ingest/partner-acme/2026-11-20/orders-\(14 + minute / 3600)\(String(cFormat: "%02ld", (minute / 60 % 60 + 60) % 60)).csv"
        switch function.split(separator: "-").dropFirst().joined(separator: "-") {
        case "csv-processor":
            guard fails else {
                return [LogLine(t: t + 0.2, stream: stream, message: "[INFO]\t\(stamp)\t\(request)\tprocessed \(file): \(1000 + Int(noise.unit(function, minute) * 400)) rows\n")]
            }
            if intensity(minute) > 0.7, noise.unit(function + "-throttle", minute) < 0.5 {
                return [LogLine(t: t + 0.4, stream: stream, message: "[WARNING]\t\(stamp)\t\(request)\tPutItem on orders throttled (ProvisionedThroughputExceededException); retrying in 400 ms (attempt 3 of 5)\n")]
            }
            if timedOut {
                return [LogLine(t: t + 0.3, stream: stream, message: "[INFO]\t\(stamp)\t\(request)\tretrying \(file) after a partial batch\n")]
            }
            return [LogLine(t: t + 0.3, stream: stream, message: """
                [ERROR] CSVHeaderError: unexpected column 'order_ts' in \(file) (expected order_id, customer_id, amount, created_at)
                Traceback (most recent call last):
                  File "/var/task/ingest.py", line 88, in handler
                    rows = parse_partner_file(body, schema=SCHEMA_VERSION)
                  File "/var/task/csvparse.py", line 41, in parse_partner_file
                    raise CSVHeaderError(f"unexpected column {name!r} in {key}")

                """)]
        case "schema-validator":
            let level = fails ? "ERROR" : "INFO"
            let message = fails ? "schema mismatch" : "validated"
            return [LogLine(t: t + 0.05, stream: stream, message: "{\"level\":\"\(level)\",\"msg\":\"\(message)\",\"table\":\"orders\",\"records\":\(20 + Int(noise.unit(function, minute) * 80)),\"requestId\":\"\(request)\"}\n")]
        case "replication-monitor":
            return [LogLine(t: t + 0.1, stream: stream, message: "\(stamp)\t\(request)\tINFO\treplica lag within threshold for orders\n")]
        default:
            return [LogLine(t: t + 0.5, stream: stream, message: "[INFO]\t\(stamp)\t\(request)\tbackup of orders requested (arn:aws:dynamodb:us-east-1:398126457039:table/orders)\n")]
        }
    }

    /// A stable request id.
    private func uuid(_ series: String, _ n: Int) -> String {
        let hex = (0..<4).map { String(cFormat: "%08lx", Int(noise.unit(series + "-id\($0)", n) * 4e9)) }.joined()
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }

    /// Logs Insights' top errors over the functions' groups between `start` and `end`: counts of each error text in
    /// the sampled lines, scaled to the minute's invocations, and the bytes a scan of every invocation's lines reads.
    func topErrors(_ functions: [String], environment: String, from start: Int, to end: Int) -> (counts: [String: Double], bytes: Double) {
        var counts: [String: Double] = [:]
        var bytes = 0.0
        for function in functions {
            guard let entry = self.functions().first(where: { $0.environment == environment && $0.name == function }) else { continue }
            for minute in stride(from: start - ((start % 60) + 60) % 60, to: end, by: 60) {
                let numbers = entry.minute(minute)
                bytes += numbers.invocations * 420
                guard numbers.errors > 0 else { continue }
                let lines = logLines(function, environment: environment, from: minute, to: minute + 60)
                // As the query does: lines naming an error, an exception or a timeout, grouped by the name it parses.
                let errors = lines.compactMap { line -> String? in
                    guard line.message.firstRange(of: try! Regex("(?i)(error|exception|task timed out)")) != nil else { return nil }
                    return line.message.firstRange(of: try! Regex("[A-Za-z.]*(Error|Exception)|Task timed out")).map { String(line.message[$0]) } ?? ""
                }
                for error in errors { counts[error, default: 0] += (numbers.errors / Double(max(1, errors.count))).rounded() }
            }
        }
        return (counts, bytes)
    }
}
