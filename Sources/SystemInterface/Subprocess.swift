import Foundation

/// A child process that is started now and awaited later, so that several external tools
/// (pandoc, the PDF engine) run side by side while Swift goes on. Its standard input can be
/// fed once, later (the PDF engine starts before its HTML exists, to load meanwhile); its
/// standard output and error go to temporary files, so a chatty tool cannot block on a full
/// pipe. `posix_spawn`, not Foundation's `Process`, whose waiting polls a run loop on Linux.
package final class Subprocess: @unchecked Sendable {
    /// How a finished child ended.
    package struct Outcome: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        package let status: Int32
        package let stdout: String
        package let stderr: String
        /// The child's own CPU time (user + system) and peak resident memory, from `wait4`.
        package let cpuSeconds: Double
        package let peakMiB: Double
    }

    /// A tool could not be started at all.
    package struct LaunchError: Error, Sendable, CustomStringConvertible {
        package let executable: String
        package let reason: String
        package var description: String { "cannot start \(executable): \(reason)" }
    }

    package let executable: String
    private let pid: pid_t
    private var stdinFD: Int32
    private let outPath: String
    private let errPath: String
    private let lock = NSLock()
    private var outcome: Outcome?

    /// The full path of `name` in `PATH`, nil when it is not installed.
    package static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `executable` (a path, or a name looked up in `PATH`) with `arguments`, the
    /// caller's environment plus `environment`, and, if `input` is true, a pipe on its
    /// standard input that `send(_:)` fills and closes.
    package init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: Bool = false) throws {
        guard let path = Self.which(executable) else { throw LaunchError(executable: executable, reason: "not found in PATH") }
        self.executable = executable
        _ = Self.ignoreBrokenPipes
        let folder = FileManager.default.temporaryDirectory.path
        let unique = "\(getpid())-\(Self.counter.next())"
        outPath = "\(folder)/subprocess-\(unique)-out"
        errPath = "\(folder)/subprocess-\(unique)-err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeFDs: [Int32] = [-1, -1]
        if input {
            guard pipe(&pipeFDs) == 0 else { throw LaunchError(executable: executable, reason: "no pipe (\(String(cString: strerror(errno))))") }
            // Only the child's copy of the read end may stay open, or it never sees end of input.
            _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let envp = variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, nil, argv, envp)
        if input { close(pipeFDs[0]) }
        guard spawned == 0 else {
            if input { close(pipeFDs[1]) }
            throw LaunchError(executable: executable, reason: String(cString: strerror(spawned)))
        }
        pid = child
        stdinFD = input ? pipeFDs[1] : -1
        Self.running.insert(child)
    }

    /// Ends every child still running (an interrupted run: their output would go nowhere).
    package static func terminateAll() {
        for pid in running.all() { kill(pid, SIGTERM) }
    }

    /// Writes `data` to the child's standard input and closes it. A child that has already
    /// exited is not an error here: `wait()` reports how it ended.
    package func send(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard stdinFD >= 0 else { return }
        // A failed write means the child stopped reading; `wait()` tells how it ended.
        _ = FileDescriptorWriter.writeAll(data, to: stdinFD)
        close(stdinFD)
        stdinFD = -1
    }

    /// Waits for the child (once; later calls return the same outcome). With a `timeout`,
    /// a child still running after that many seconds is killed (its outcome then says
    /// signal 9: status 137).
    @discardableResult
    package func wait(timeout: Double? = nil) -> Outcome {
        send(Data())
        lock.lock()
        defer { lock.unlock() }
        if let outcome { return outcome }
        var status: Int32 = 0
        var usage = rusage()
        if let timeout {
            let deadline = ProcessClock.wallSeconds() + timeout
            while true {
                let reaped = wait4(pid, &status, WNOHANG, &usage)
                if reaped == pid || (reaped < 0 && errno != EINTR) { break }
                if ProcessClock.wallSeconds() > deadline {
                    kill(pid, SIGKILL)
                    while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
                    break
                }
                usleep(5_000)
            }
        } else {
            while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        }
        let exited = (status & 0x7F) == 0
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let result = Outcome(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            cpuSeconds: cpu, peakMiB: ChildProcess.mebibytes(maxRSS: Int(usage.ru_maxrss)))
        unlink(outPath)
        unlink(errPath)
        Self.running.remove(pid)
        outcome = result
        return result
    }

    /// Ends a child that is no longer needed (the run failed elsewhere) and reaps it.
    package func terminate() {
        lock.lock()
        let running = outcome == nil
        lock.unlock()
        if running { kill(pid, SIGTERM) }
        wait()
    }

    /// A child that exits before reading all its input must not kill this process.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
        return ()
    }()
    private static let counter = Counter()
    private static let running = ProcessSet()

    private final class ProcessSet: @unchecked Sendable {
        private let lock = NSLock()
        private var pids: Set<pid_t> = []
        func insert(_ pid: pid_t) {
            lock.lock()
            pids.insert(pid)
            lock.unlock()
        }
        func remove(_ pid: pid_t) {
            lock.lock()
            pids.remove(pid)
            lock.unlock()
        }
        func all() -> [pid_t] {
            lock.lock()
            defer { lock.unlock() }
            return Array(pids)
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
