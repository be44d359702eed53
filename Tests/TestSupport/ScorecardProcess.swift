import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `scorecard` binary, as a user or cron would.
///
/// Built on posix_spawn and waitpid, like the embedded cluster's ProcessRunner: Foundation's
/// `Process` learns that a child ended when a socket it gives the child closes, and a command that
/// starts the embedded server (`db start`, `run`) leaves a server holding that socket, so
/// `waitUntilExit()` would never return.
public enum ScorecardProcess {
    /// The binary beside the test bundle (both are products of the same build).
    public static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scorecard")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return ProjectFiles.url(".build/debug/scorecard")
    }

    /// The as-of date every command is given (`SCORECARD_AS_OF`) unless a test gives another.
    public static let pinnedAsOf = "2026-01-01"
    public static let asOfVariable = "SCORECARD_AS_OF"

    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal number when a signal ended the process.
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs to completion. Output goes through files, so a chatty command cannot block on a pipe.
    /// `standardOutput`, `standardError`: a path to write stdout or stderr to instead of capturing it
    /// (e.g. /dev/full). `fileSizeLimitKiB`: the process may not write any file beyond that size
    /// (RLIMIT_FSIZE, with SIGXFSZ ignored, so a write past it fails with EFBIG as a write to a
    /// full disk fails with ENOSPC: after the file was created, at the write itself).
    /// `program`: another executable to run the same way (a PostgreSQL program), instead of scorecard.
    public static func run(_ arguments: [String], program: String? = nil, environment: [String: String] = [:], in directory: URL? = nil,
                           standardOutput: String? = nil, standardError: String? = nil, fileSizeLimitKiB: Int? = nil) throws -> Outcome {
        let running = try start(arguments, program: program, environment: environment, in: directory, standardOutput: standardOutput,
                                standardError: standardError, fileSizeLimitKiB: fileSizeLimitKiB)
        running.waitUntilExit()
        return running.outcome()
    }

    public final class Running: @unchecked Sendable {
        public let pid: pid_t
        let out: URL
        let err: URL
        private let lock = NSLock()
        private var waitStatus: Int32?

        init(pid: pid_t, out: URL, err: URL) {
            self.pid = pid
            self.out = out
            self.err = err
        }

        /// False once the process has ended (and been reaped).
        public var isRunning: Bool { lock.withLock { reap(blocking: false) } == nil }

        public func waitUntilExit() { _ = lock.withLock { reap(blocking: true) } }

        /// Waits at most `seconds` for the end; false if the process is still running then.
        public func waitUntilExit(within seconds: TimeInterval) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while isRunning {
                guard Date() < deadline else { return false }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return true
        }

        /// The signal that ended the process, if one did.
        public var terminatingSignal: Int32? {
            guard let status = lock.withLock({ reap(blocking: false) }) else { return nil }
            let signal = status & 0x7f
            return signal == 0 ? nil : signal
        }

        private func reap(blocking: Bool) -> Int32? {
            if let waitStatus { return waitStatus }
            var status: Int32 = 0
            while true {
                let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
                if result == pid { waitStatus = status; return status }
                if result == 0 { return nil }
                if errno != EINTR { return nil }
            }
        }

        /// Waits for the end, then reads what the process printed and removes the output files.
        public func outcome() -> Outcome {
            waitUntilExit()
            let status = lock.withLock { waitStatus ?? 0 }
            let signal = status & 0x7f
            let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
            return Outcome(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, stdout: stdout, stderr: stderr)
        }
    }

    public static func start(_ arguments: [String], program: String? = nil, environment: [String: String] = [:], in directory: URL? = nil,
                             standardOutput: String? = nil, standardError: String? = nil, fileSizeLimitKiB: Int? = nil) throws -> Running {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" }
        env["NO_COLOR"] = "1"
        // Every command takes 2026-01-01 for today unless the test says otherwise (as `make demo`
        // does), so that what a test expects does not depend on the day it runs. A test passes
        // SCORECARD_AS_OF itself to choose the date, or "" for none (today's date).
        env[asOfVariable] = pinnedAsOf
        env.merge(environment) { $1 }
        let id = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(id).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(id).err")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Test threads may block signals; the child starts with the defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // Glibc's module does not export posix_spawn_file_actions_addchdir_np: env(1) changes folder.
        var command = (directory.map { ["/usr/bin/env", "--chdir=\($0.path)"] } ?? []) + [program ?? binary.path] + arguments
        if let fileSizeLimitKiB {
            // The child starts with every signal at its default (above); bash ignores SIGXFSZ, which
            // stays ignored across exec, and sets the limit (bash counts -f in KiB).
            command = ["/bin/bash", "-c", "trap '' XFSZ; ulimit -f \(fileSizeLimitKiB) && exec \"$@\"", "bash"] + command
        }
        let executable = command[0]
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let error = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard error == 0 else { throw SpawnFailed(reason: String(cString: strerror(error))) }
        return Running(pid: pid, out: out, err: err)
    }

    struct SpawnFailed: Error { let reason: String }
}
