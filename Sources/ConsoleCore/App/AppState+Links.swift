import FoundationEssentials
import Panels
import Telemetry

/// Leaving the terminal: `y` copies the selected row's ARN, name, CLI command or console URL (OSC 52, which works over
/// SSH and inside tmux), `O` shows its AWS console page and opens it where a desktop is.
extension AppState {
    /// The selected row's resource in its own account and region.
    func selectedLinks() -> ResourceLinks? {
        guard let resource = selectedRow(view.focus)?.resource,
              let account = snapshot.accounts.first(where: { $0.environment == resource.environment }) else { return nil }
        return ResourceLinks(resource, accountId: account.accountId, region: account.region)
    }

    /// y: a numbered menu of what can be copied; a digit copies it.
    mutating func copyMenu() {
        guard let links = selectedLinks() else {
            view.message = .init("the selected row names no AWS resource to copy", role: .muted)
            return
        }
        let copies = links.copies
        pendingCopies = copies.map(\.text)
        view.report = .init(title: "Copy from \(links.resource.kind.rawValue) \(links.resource.name) (\(links.resource.environment)): press 1-\(copies.count)",
                            lines: copies.enumerated().map { (label: "\($0.offset + 1) \($0.element.label)", value: $0.element.text) })
        open(.report)
    }

    /// A digit in the copy menu: copies that item and closes the menu.
    mutating func copyChoice(_ key: Key) -> ConsoleEffect? {
        guard case .char(let character) = key, let number = character.wholeNumberValue, (1...pendingCopies.count).contains(number) else { return nil }
        let text = pendingCopies[number - 1]
        pendingCopies = []
        view.overlay = .none
        view.message = .init("copied to the clipboard (OSC 52): \(text)", role: .ok)
        return .copy(text)
    }

    /// O: the resource's console page, opened with the desktop's opener where there is a display.
    mutating func openConsole() -> ConsoleEffect? {
        guard let links = selectedLinks() else {
            view.message = .init("the selected row names no AWS resource to open", role: .muted)
            return nil
        }
        let url = links.consoleURL
        view.report = .init(title: "AWS console: \(links.resource.kind.rawValue) \(links.resource.name) in \(links.accountId) \(links.region)", lines: [
            (label: "URL", value: url),
            (label: "", value: desktop ? "opening it with xdg-open" : "no display here: y copies it, or open it on your desktop"),
        ])
        open(.report)
        return desktop ? .open(url) : nil
    }
}
