import AWSCore
import FoundationEssentials

/// The settings the Parity and Posture views compare: each watched stack (DescribeStacks, GetTemplate, StackSet
/// instances), function (GetFunctionConfiguration, GetFunctionConcurrency), table (DescribeTable,
/// DescribeContinuousBackups, DescribeTimeToLive), bucket (six S3 reads), the SSM parameters under the environment's
/// paths, the watched log groups (DescribeLogGroups), the KMS keys those use (GetKeyRotationStatus) and the watched
/// security groups (DescribeSecurityGroups). Settings change slowly, so the section runs every `interval`, and on the
/// refresh key. A call that fails marks only its setting (or its resource, or its list); when nothing at all
/// answers the section fails as a whole.
extension PollSection {
    static let settings = PollSection(id: .settings, interval: 600, after: true) { poller, _ in
        let settings = try await poller.settings()
        if !settings.isEmpty, let failure = settings.allFailed { throw failure }
        return Snapshot(settings: settings)
    }
}

extension [ResourceSettings] {
    /// The first error, when every resource and every setting failed.
    var allFailed: SectionError? {
        let failures = flatMap { resource in resource.failure.map { [$0] } ?? resource.settings.map(\.failure) }
        guard !failures.isEmpty, failures.allSatisfy({ $0 != nil }), let first = failures.first! else { return nil }
        return SectionError(failure: first)
    }
}

/// A section failure carried as an error, so the poller records it with its call and cause.
struct SectionError: Error, CustomStringConvertible {
    var failure: SectionFailure
    var description: String { failure.detail }
}

extension EnvironmentPoller {
    /// Every watched resource's settings; resources run a few at a time.
    fileprivate func settings() async throws -> [ResourceSettings] {
        guard parity.collect else { return [] }
        let env = environment.name
        let watch = environment.watch
        var out: [ResourceSettings] = []
        out += await stackSettings()
        out += await each(.function, watch.functions) { try await functionSettings($0) }
        out += await each(.table, watch.tables) { try await tableSettings($0) }
        out += await each(.bucket, watch.buckets ?? []) { try await bucketSettings($0) }
        for path in parity.parameterPaths.map({ $0.replacing("{env}", with: env) }) {
            out += await listed(.parameter) { try await parameterSettings(path) }
        }
        out += await listed(.logGroup) { try await logGroupSettings() }
        out += await keySettings(for: out)
        if let groups = watch.securityGroups, !groups.isEmpty {
            out += await listed(.securityGroup) { try await securityGroupSettings(groups) }
        }
        return out
    }

    /// The resources a list call returns, or the entry saying that list failed.
    private func listed(_ kind: ResourceSettings.Kind, _ read: () async throws -> [ResourceSettings]) async -> [ResourceSettings] {
        do { return try await read() } catch { return [.listing(kind, environment: environment.name, error)] }
    }

    /// `read` for each name, four at a time, in the names' order; a name whose first call fails carries that failure.
    func each(_ kind: ResourceSettings.Kind, _ names: [String], _ read: @escaping @Sendable (String) async throws -> ResourceSettings) async -> [ResourceSettings] {
        let env = environment.name
        var out: [ResourceSettings] = []
        for start in stride(from: 0, to: names.count, by: 4) {
            let batch = Array(names[start..<min(names.count, start + 4)])
            // The group hands back a plain array, written to nothing outside it: release builds of Swift 6.3 crashed
            // writing a captured array from inside a task group's closure.
            let results = await withTaskGroup(of: (Int, ResourceSettings).self) { group in
                for (index, name) in batch.enumerated() {
                    group.addTask {
                        do { return (index, try await read(name)) } catch { return (index, ResourceSettings(environment: env, kind: kind, name: name, failure: SectionFailure(error))) }
                    }
                }
                var collected: [(Int, ResourceSettings)] = []
                for await result in group { collected.append(result) }
                return collected
            }
            out += results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return out
    }

    /// One setting read by `read` from `call`; a failed read is the setting's failure, not the resource's.
    func setting(_ name: String, _ call: String, compared: Bool = true, _ read: () async throws -> String) async -> ResourceSettings.Setting {
        do { return .init(name, try await read(), call: call, compared: compared) } catch { return .failed(name, call: call, error) }
    }
}
