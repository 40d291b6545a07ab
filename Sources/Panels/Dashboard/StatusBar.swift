import FoundationEssentials
import Telemetry
import AWSCore

/// The status bar: accounts and their health, data age, and mode.
struct StatusBar {
    let snapshot: Snapshot
    let view: DashboardView

    /// Draws the bar across row `y`.
    func render(row y: Int, _ buffer: inout CellBuffer) {
        let line = Rect(x: 0, y: y, width: buffer.width, height: 1)
        buffer.fill(line, with: .blank(.statusBar))
        let (mode, modeRole) = modeLabel
        let modeText = " \(mode) "
        let right = buffer.width - DisplayWidth.of(modeText)
        buffer.put(modeText, x: max(0, right), y: y, role: modeRole, clip: line)
        let left = Rect(x: 0, y: y, width: max(0, right - 1), height: 1)
        var x = buffer.put(" opsdeck ", x: 0, y: y, role: .title, clip: left)
        for account in snapshot.accounts {
            x += buffer.put(" ●", x: x, y: y, role: healthRole(account.health), clip: left)
            x += buffer.put(" \(account.environment)", x: x, y: y, role: view.role(of: account.environment) ?? .statusBar, clip: left)
            if let banner = view.environments[account.environment]?.banner {
                x += buffer.put(" [\(banner)]", x: x, y: y, role: view.role(of: account.environment) ?? .warn, clip: left)
            }
            if let note = Self.note(account, now: view.now) {
                x += buffer.put(" (\(note))", x: x, y: y, role: healthRole(account.health), clip: left)
            }
        }
        if hasData { buffer.put("  \(dataTime)", x: x, y: y, role: isOld ? .warn : .statusBar, clip: left) }
    }

    /// Data older than this is shown by its age in the warning colour rather than by its time.
    static let oldAfter: TimeInterval = 300

    /// How long ago the data on screen was captured, by the console's clock (a replay's, in a replay).
    private var age: TimeInterval { max(0, view.now.timeIntervalSince(snapshot.capturedAt)) }

    /// Whether the data is old enough to be shown by its age.
    private var isOld: Bool { age > Self.oldAfter }

    /// Whether any account has answered yet: before that the accounts say "loading…" and there is no data to date.
    private var hasData: Bool { snapshot.accounts.contains { $0.lastSuccess != nil } }

    /// When the data on screen was captured ("data 14:05:30 UTC"), which changes only when data arrives, so an idle
    /// console writes nothing; once old, how old ("data 6m old"), ticking in the warning colour.
    private var dataTime: String {
        isOld ? "data \(Format.duration(age.rounded())) old" : "data \(Format.clock(snapshot.capturedAt)) UTC"
    }

    /// The mode; a replay's position is that of the frame on screen, so it too changes only with the data.
    private var modeLabel: (String, StyleRole) {
        switch view.mode {
        case .live:
            return ("LIVE", .ok)
        case .replay(let speed, let paused, let position, let duration):
            let progress = "\(Format.position(position))/\(view.replayLoading ? "loading…" : Format.position(duration))"
            return paused ? ("PAUSED \(progress)", .warn) : ("REPLAY x\(Int(saturating: speed)) \(progress)", .accent)
        }
    }

    /// What the bar says beside an account that is not fully well: only what failed, or how old its data is.
    static func note(_ account: AccountStatus, now: Date) -> String? {
        switch account.health {
        case .ok:
            return account.credentials?.warning(at: now)
        case .partial:
            return "\(account.failedSections.count) of \(account.sections.values.filter { $0.phase != .notConfigured }.count) sections failing"
        case .stale:
            return account.lastSuccess.map { Format.age($0, now: now) } ?? "loading…"
        case .error:
            if account.isSignedOut { return "signed out" }
            return account.lastSuccess.map { "failing, data \(Format.age($0, now: now)) old" } ?? "no data"
        }
    }

    private func healthRole(_ health: AccountStatus.Health) -> StyleRole {
        switch health {
        case .ok: return .ok
        case .partial, .stale: return .warn
        case .error: return .critical
        }
    }
}
