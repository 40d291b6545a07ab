import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper command (a profile's credential_process) through /bin/sh in a process group of its own, under a
/// deadline and an output cap. Once it has answered, failed or run out of time, its whole group is killed, and so is
/// any process it left that still carries its marker in the environment (a daemon detached with setsid), so no helper
/// outlives the call or opsdeck. Foundation's Process has no timeout, process group or such clean-up: hence posix_spawn.
enum HelperProcess {
    /// How a run ended.
    struct Outcome {
        /// The exit status, or nil if it was killed by a signal or by the deadline.
        var status: Int32?
        var output: Data
        var timedOut: Bool
        /// The helper printed more than the cap; the output is cut there.
        var overflowed: Bool
    }

    /// The environment variable every helper and its descendants carry, naming the run.
    static let markerName = "OPSDECK_HELPER"

    private static let lock = Lock()
    nonisolated(unsafe) private static var running: Set<pid_t> = []
    nonisolated(unsafe) private static var runs = 0
    nonisolated(unsafe) private static var exitHookInstalled = false

    /// Runs `command` on a thread of its own (never the concurrency pool's, which may be busy) and waits at most
    /// `timeout` seconds for it.
    static func run(_ command: String, environment: [String: String], timeout: Double, maxOutput: Int = 1 << 20) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DetachedThread.start {
                continuation.resume(with: Result { try runBlocking(command, environment: environment, timeout: timeout, maxOutput: maxOutput) })
            }
        }
    }

    /// Kills every helper still running (at exit).
    static func stopAll() {
        for group in lock.withLock({ running }) { kill(-group, SIGKILL) }
    }

    private static func runBlocking(_ command: String, environment: [String: String], timeout: Double, maxOutput: Int) throws -> Outcome {
        let marker = lock.withLock { () -> String in
            runs += 1
            if !exitHookInstalled {
                exitHookInstalled = true
                atexit { HelperProcess.stopAll() }
            }
            return "\(getpid())-\(runs)"
        }
        var fds: [Int32] = [-1, -1]
        let piped = lock.withLock { () -> Bool in
            // Close-on-exec before any other helper can be spawned, so no helper inherits another's pipe.
            guard pipe(&fds) == 0 else { return false }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            return true
        }
        guard piped else { throw CredentialError("credential_process could not start: no pipe (\(String(cString: strerror(errno))))") }
        defer { close(fds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let variables = environment.filter { $0.key != markerName }.map { "\($0.key)=\($0.value)" } + ["\(markerName)=\(marker)"]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = lock.withLock { () -> Int32 in
            let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
            if result == 0 { running.insert(pid) }
            return result
        }
        close(fds[1])
        guard spawned == 0 else { throw CredentialError("credential_process could not start: \(String(cString: strerror(spawned)))") }
        let outcome = collect(pid: pid, from: fds[0], timeout: timeout, maxOutput: maxOutput)
        kill(-pid, SIGKILL)
        sweep(marker: "\(markerName)=\(marker)")
        lock.withLock { _ = running.remove(pid) }
        return outcome
    }

    /// Reads the helper's output until it has exited and its pipe holds nothing more, the cap or the deadline; a
    /// child it left holding the pipe does not keep the call waiting.
    private static func collect(pid: pid_t, from fd: Int32, timeout: Double, maxOutput: Int) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        var output = Data()
        var exitStatus: Int32?
        var exited = false
        var endOfFile = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func stop(timedOut: Bool, overflowed: Bool) -> Outcome {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            if !exited { _ = waitpid(pid, &status, 0) }
            return Outcome(status: nil, output: output.prefix(maxOutput), timedOut: timedOut, overflowed: overflowed)
        }
        while true {
            if !exited {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    exited = true
                    exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
                }
            }
            if exited && endOfFile { break }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return stop(timedOut: true, overflowed: false) }
            if endOfFile {
                usleep(20_000)
                continue
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, exited ? 0 : Int32(min(remaining, 0.05) * 1000) + 1)
            if ready > 0 {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    output.append(contentsOf: buffer[0..<count])
                    if output.count > maxOutput { return stop(timedOut: false, overflowed: true) }
                } else {
                    endOfFile = true
                }
            } else if exited {
                break
            }
        }
        return Outcome(status: exitStatus, output: output, timedOut: false, overflowed: false)
    }

    /// Kills every process whose environment carries `marker`: what a helper detached from its group.
    private static func sweep(marker: String) {
        let needle = Data(marker.utf8) + Data([0])
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = pid_t(entry), pid != getpid(),
                  let environ = FileManager.default.contents(atPath: "/proc/\(entry)/environ"), environ.firstRange(of: needle) != nil else { continue }
            kill(pid, SIGKILL)
        }
    }
}
