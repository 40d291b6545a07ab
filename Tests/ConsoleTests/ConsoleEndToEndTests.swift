import Foundation
import Testing

/// Drives the real `opsdeck --demo` binary in tmux and reads the screen, as a user would see it.
@Suite(.serialized) struct ConsoleEndToEndTests {
    let binary = TmuxSession.opsdeck

    @Test func demoShowsAllPanelsAndTheIncident() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "\(binary) --demo --speed 100")
        defer { tmux.kill() }
        let screen = try tmux.waitFor { $0.contains("REPLAY x100") && $0.contains("ALARM  staging staging-csv-processor-E") }
        for title in ["1 Stacks", "2 Replication lag", "3 Lambda", "4 DynamoDB throughput", "5 Flow logs", "6 Compliance", "7 Alarms", "8 Parity"] {
            #expect(screen.contains(title), "missing \(title)")
        }
        #expect(screen.contains("DRIFTED"))
        #expect(screen.contains("s3-bucket-ssl-reques"), "Compliance shares its band with Parity, so long rule names are cut")
        #expect(screen.contains("NON_COMPLIANT"))
        #expect(screen.contains("● dev ● staging ● prod"))
        try tmux.send("q")
        let after = try tmux.waitFor { $0.contains("[exit 0]") }
        #expect(!after.contains("1 Stacks"), "the console's screen should be gone after quitting")
    }

    @Test func keysFocusZoomFilterDetailAndHelp() throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "\(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 stacks") && $0.contains("REPLAY x1") }
        try tmux.send("7")
        try tmux.waitFor { $0.contains("7 Alarms") && $0.contains("STATE") }
        try tmux.send("Tab")
        try tmux.waitFor { $0.contains("8 Parity") }
        try tmux.send("BTab", "BTab")
        try tmux.waitFor { $0.contains("6 Compliance") }
        try tmux.send(":", "l", "a", "m", "b", "d", "a", "Enter")
        try tmux.waitFor { $0.contains("3 Lambda") && $0.contains("FUNCTION") }
        try tmux.send("/", "p", "r", "o", "d")
        var screen = try tmux.waitFor { $0.contains("/prod█") && $0.contains("prod-csv-processor") }
        #expect(!screen.contains("staging-csv-processor"))
        try tmux.send("Enter", "j", "Enter")
        screen = try tmux.waitFor { $0.contains("Esc back") && $0.contains("Duration p95") }
        #expect(screen.contains("prod-schema-validator"))
        try tmux.send("Escape", "Escape")
        try tmux.waitFor { $0.contains("staging-csv-processor") && !$0.contains("Esc back") }
        try tmux.send("?")
        try tmux.waitFor { $0.contains("Help") && $0.contains("focus the next panel") }
        try tmux.send("Escape", "Space")
        try tmux.waitFor { $0.contains("PAUSED") }
        try tmux.send("+", "+")
        try tmux.waitFor { $0.contains("PAUSED") }
        try tmux.send("Space")
        try tmux.waitFor { $0.contains("REPLAY x5") }
        try tmux.send("C-c")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    @Test(arguments: [("LANG=C.UTF-8", true), ("LANG=C", false)])
    func enterOnTheFailingFunctionShowsItsChartsAndRuntime(locale: String, braille: Bool) throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "env \(locale) \(binary) --demo --speed 100")
        defer { tmux.kill() }
        // Ten minutes in, the staging CSV processor is failing.
        try tmux.waitFor(20) { $0.contains("ALARM  staging staging-csv-processor-E") }
        try tmux.send("Space")
        try tmux.filter(panel: "3", "staging-csv")
        try tmux.send("Enter")
        var screen = try tmux.waitFor { $0.contains("python3.12") && $0.contains("Fetched") }
        #expect(screen.contains("function staging/staging-csv-processor · 1h"))
        #expect(screen.contains("Memory") && screen.contains("1024 MB") && screen.contains("arm64"))
        #expect(screen.contains("LOG_LEVEL, ORDERS_TABLE, PARTNER_BUCKET,") && screen.contains("(names only)"))
        #expect(screen.contains("staging-csv-processor-Errors ALARM"))
        #expect(screen.contains("Errors and throttles") && screen.contains("alarm at 10") && screen.contains(" UTC"))
        let dots = screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
        #expect(dots == braille, "braille charts only in a UTF-8 locale")
        if !braille { #expect(screen.contains("*") && screen.contains("# errors") && !screen.contains("■")) }
        try tmux.send("5")
        screen = try tmux.waitFor { $0.contains("· 7d") && $0.contains("Fetched") }
        #expect(screen.contains("/3h"), "a week is charted in three-hour periods")
        try tmux.send("z")
        screen = try tmux.waitFor { !$0.contains("Runtime") && $0.contains("Concurrent executions") }
        try tmux.send("Escape")
        try tmux.waitFor { $0.contains("3 Lambda") && !$0.contains("Esc back") }
        try tmux.quit()
    }

    @Test func lTailsTheFailingFunctionsLogsAndIRunsTopErrors() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "env LANG=C.UTF-8 \(binary) --demo --speed 60")
        defer { tmux.kill() }
        // Six minutes in at 60x the incident is under way; the tail follows the replay.
        try tmux.waitFor(20) { $0.contains("REPLAY x60 6:") }
        try tmux.filter(panel: "3", "staging-csv")
        try tmux.send("l")
        var screen = try tmux.waitFor(20) { $0.contains("logs staging /aws/lambda/staging-csv-processor") && $0.contains("CSVHeaderError") }
        #expect(screen.contains("START RequestId:") && screen.contains("REPORT RequestId:") && screen.contains("Traceback (most recent call last):"))
        #expect(screen.contains("following"))
        try tmux.send("Space")
        screen = try tmux.waitFor { $0.contains("· PAUSED") }
        try tmux.send("/")
        try tmux.send("CSVHeaderError")
        try tmux.send("Enter")
        screen = try tmux.waitFor { $0.contains("filter CSVHeaderError") && $0.contains("unexpected column") }
        #expect(!screen.contains("START RequestId:"), "only the lines the pattern matches")
        try tmux.send("i")
        screen = try tmux.waitFor { $0.contains("Top errors, last 1h") && $0.contains("scanned") }
        #expect(screen.contains("CSVHeaderError") && screen.contains("ProvisionedThroughputExceededException"))
        try tmux.send("Escape")
        try tmux.waitFor { $0.contains("3 Lambda") && !$0.contains("logs staging") }
        try tmux.quit()
    }

    @Test func parityShowsWhatDiffersBetweenEnvironmentsAndPShowsThePosture() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "env LANG=C.UTF-8 \(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor(20) { $0.contains("8 Parity") && $0.contains("unexpected") }
        try tmux.send("8", "z")
        var screen = try tmux.waitFor { $0.contains("SETTING") && $0.contains("DEV") && $0.contains("STAGING") && $0.contains("PROD") && !$0.contains("1 Stacks") }
        let line = { (words: [String]) in screen.split(separator: "\n").first { row in words.allSatisfy { row.contains($0) } }.map(String.init) }
        #expect(line(["csv-processor", "Memory", "1024 MB", "2048 MB", "unexpected"]) != nil, "staging's CSV function has half of prod's memory")
        #expect(line(["csv_max_rows", "exists", "yes", "missing"]) != nil, "a parameter prod lacks")
        #expect(line(["api-5xx", "exists", "missing", "yes"]) != nil, "an alarm prod has and staging has not")
        #expect(line(["opsdeck-ingest", "Policy denies", "non-SSL requests"]) != nil, "prod's ingest bucket lost its SSL-only statement")
        #expect(line(["orders", "PITR", "DISABLED", "ENABLED", "expected"]) != nil, "dev without PITR is declared")
        #expect(!screen.contains("AQICAH") && !screen.contains("demo-log_level"), "no parameter or variable value on screen")
        try tmux.filter(panel: "8", "csv-processor Memory")
        try tmux.send("Enter")
        screen = try tmux.waitFor { $0.contains("Esc closes") && $0.contains("from") }
        #expect(screen.contains("staging-csv-processor") && screen.contains("lambda:GetFunctionConfiguration") && screen.contains("2048 MB"))
        try tmux.send("Escape", "Escape")
        try tmux.send("p")
        screen = try tmux.waitFor { $0.contains("8 Posture") && $0.contains("RULE") }
        #expect(screen.split(separator: "\n").contains { $0.contains("bucket SSL-only policy") && $0.contains("FAIL") && $0.contains("prod: Policy denies") })
        #expect(screen.split(separator: "\n").contains { $0.contains("log retention ≥ 90 days") && $0.contains("FAIL") && $0.contains("dev: Retention: 14 days") })
        try tmux.send("p")
        try tmux.waitFor { $0.contains("8 Parity") && $0.contains("SETTING") }
        try tmux.quit()
    }

    @Test func yCopiesTheSelectedResourceThroughOSC52AndOShowsItsConsolePage() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "env -u DISPLAY -u WAYLAND_DISPLAY \(binary) --demo")
        defer { tmux.kill() }
        // tmux turns an application's OSC 52 into a paste buffer when set-clipboard is on, as a terminal sets its clipboard.
        try TmuxSession.tmux(["-L", tmux.socket, "set-option", "-s", "set-clipboard", "on"])
        try tmux.waitFor { $0.contains("REPLAY x1") }
        try tmux.send("3", "/", "s", "t", "a", "g", "i", "n", "g", "-", "c", "s", "v", "Enter")
        try tmux.waitFor { $0.contains("/staging-csv") }
        try tmux.send("y")
        let arn = "arn:aws:lambda:us-west-2:287514036912:function:staging-csv-processor"
        let menu = try tmux.waitFor { $0.contains("Copy from function staging-csv-processor (staging): press 1-4") }
        #expect(menu.contains("1 ARN          \(arn)"), "\(menu.split(separator: "\n").filter { $0.contains("ARN") })")
        #expect(menu.contains("3 AWS CLI      aws lambda get-function-configuration --function-name"), "long values wrap")
        try tmux.send("1")
        try tmux.waitFor { $0.contains("copied to the clipboard") && !$0.contains("press 1-4") }
        #expect(try TmuxSession.tmux(["-L", tmux.socket, "show-buffer"]) == arn, "the ARN reached the clipboard through the terminal")
        try tmux.send("y", "3")
        try tmux.waitFor { $0.contains("copied to the clipboard (OSC 52): aws lambda") }
        #expect(try TmuxSession.tmux(["-L", tmux.socket, "show-buffer"]) == "aws lambda get-function-configuration --function-name staging-csv-processor --region us-west-2")
        try tmux.send("O")
        let page = try tmux.waitFor { $0.contains("AWS console: function staging-csv-processor in 287514036912 us-west-2") }
        #expect(page.contains("URL  https://us-west-2.console.aws.amazon.com/lambda/home?region=us-west-2#/f"), "long values wrap")
        #expect(page.contains("no display here"))
        try tmux.send("Escape", "y", "4")
        try tmux.waitFor { $0.contains("copied to the clipboard (OSC 52): https://") }
        #expect(try TmuxSession.tmux(["-L", tmux.socket, "show-buffer"]) == "https://us-west-2.console.aws.amazon.com/lambda/home?region=us-west-2#/functions/staging-csv-processor")
        try tmux.quit()
    }

    @Test func sAndShiftSSortTheFocusedTableByItsColumns() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "\(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("REPLAY x1") }
        try tmux.send("3", "Space", "s", "s", "s")
        var screen = try tmux.waitFor { $0.contains("sorted by INVOC 5m") && $0.contains("INVOC 5m▲") }
        let rows = { (screen: String) in screen.split(separator: "\n").filter { $0.contains("││") && $0.contains("-") }.map { String($0.split(separator: "││").last ?? "") }.filter { $0.hasPrefix("staging ") || $0.hasPrefix("prod ") || $0.hasPrefix("dev ") } }
        #expect(rows(screen).first?.contains("prod-dynamodb-back") == true, "fewest invocations first: \(rows(screen))")
        try tmux.send("S")
        screen = try tmux.waitFor { $0.contains("INVOC 5m▼") }
        #expect(rows(screen).first.map { $0.hasPrefix("prod    prod-") } == true, "most invocations first: \(rows(screen))")
        try tmux.send("s", "s", "s", "s", "s", "s")
        try tmux.waitFor { $0.contains("problems first") && !$0.contains("▼") && !$0.contains("▲") }
        try tmux.quit()
    }

    @Test func resizingRedrawsForTheNewSize() throws {
        let tmux = try TmuxSession(width: 160, height: 48, command: "\(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("7 Alarms") && $0.contains("6 Compliance") }
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", tmux.name, "-x", "60", "-y", "15"])
        try tmux.waitFor { $0.contains("1 stacks") && !$0.contains("6 Compliance") }
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", tmux.name, "-x", "15", "-y", "4"])
        try tmux.waitFor { $0.contains("terminal too") }
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", tmux.name, "-x", "120", "-y", "40"])
        try tmux.waitFor { $0.contains("7 Alarms") && $0.contains("6 Compliance") }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    @Test func rapidResizesThroughTinySizesKeepItRunning() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) --demo --speed 50")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") }
        let sizes = [(20, 5), (1, 1), (200, 60), (19, 4), (80, 24), (2, 40), (160, 2), (20, 5), (45, 12), (100, 30)]
        for _ in 0..<3 {
            for (width, height) in sizes {
                try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", tmux.name, "-x", "\(width)", "-y", "\(height)"])
            }
        }
        try tmux.send("Tab", "j", "z")
        let screen = try tmux.waitFor { $0.contains("2 Replication lag") && $0.contains("REPLAY x50") }
        #expect(!screen.contains("[exit"), "still running after 30 resizes")
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", tmux.name, "-x", "20", "-y", "5"])
        try tmux.waitFor { $0.contains("Replication") || $0.contains("opsdeck") }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    @Test func sigpipeIsIgnored() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") }
        Foundation.kill(try tmux.pid(of: "opsdeck"), SIGPIPE)
        try tmux.send("2")
        try tmux.waitFor { $0.contains("2 Replication") }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    /// Stop signals end the console cleanly; a crash (SIGSEGV) still dies of its signal. Either way the terminal is restored.
    @Test(arguments: [(SIGTERM, ""), (SIGINT, ""), (SIGHUP, ""), (SIGUSR1, ""), (SIGUSR2, ""), (SIGALRM, ""), (SIGSEGV, "Segmentation fault")])
    func signalsAndCrashesRestoreTheTerminal(signal: Int32, shellReport: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) --demo; stty -a | grep -o ' -\\?icanon' ")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") }
        Foundation.kill(try tmux.pid(of: "opsdeck"), signal)
        let screen = try tmux.waitFor { $0.contains("[exit") }
        #expect(screen.contains(" icanon"), "terminal left in raw mode:\n\(screen)")
        #expect(!screen.contains("1 Stacks"))
        #expect(shellReport.isEmpty || screen.contains(shellReport))
    }

    @Test(arguments: [("", "38;5;"), ("TERM=xterm", ""), ("NO_COLOR=1", "")])
    func coloursFollowTheTerminalAndNoColor(environment: String, expected: String) throws {
        let tmux = try TmuxSession(width: 120, height: 30, command: "\(environment) \(binary) --demo")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") }
        let screen = try tmux.screen(escapes: true)
        let basicColours = (30...37).map { "\u{1b}[\($0)m" }
        switch environment {
        case "NO_COLOR=1":
            #expect(!screen.contains("38;5;") && !basicColours.contains { screen.contains($0) }, "NO_COLOR must send no colours")
            #expect(screen.contains("7m"), "selection and status bar fall back to reverse video")
        case "TERM=xterm":
            #expect(!screen.contains("38;5;"), "an 8-colour terminal must not get 256-colour sequences")
            #expect(basicColours.contains { screen.contains($0) })
        default:
            #expect(screen.contains(expected))
        }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    @Test func dumbTerminalIsRefusedWithExitTwo() throws {
        let tmux = try TmuxSession(width: 100, height: 10, command: "TERM=dumb \(binary) --demo")
        defer { tmux.kill() }
        let screen = try tmux.waitFor { $0.contains("[exit") }
        #expect(screen.contains("opsdeck: terminal type 'dumb' cannot position the cursor"))
        #expect(screen.contains("[exit 2]"))
    }

    @Test func nonTerminalOutputIsRefusedWithExitTwo() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--demo"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(output.contains("standard input and output must be a terminal"))
    }

    @Test func badThemeAndKeyFileAreReportedAndTheConsoleRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-e2e-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let keys = dir.appendingPathComponent("keys.toml")
        try "[keys]\nquit = \"x\"\nzoom = [\"Z\"\n".write(to: keys, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 160, height: 30, command: "\(binary) --demo --theme nosuch --keys \(keys.path)")
        defer { tmux.kill() }
        let screen = try tmux.waitFor { $0.contains("1 Stacks") }
        #expect(screen.contains("theme 'nosuch' not found"))
        #expect(screen.contains("keys.toml line"))
        try tmux.send(":", "t", "h", "e", "m", "e", " ", "l", "i", "g", "h", "t", "Enter")
        try tmux.waitFor { $0.contains("theme light") }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }
}
